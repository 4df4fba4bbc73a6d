import { resolve } from 'node:path';
import { ExitCode, InternalError } from '../../errors.js';
import { importSource, reportImportProblems } from './advisory-sources.js';
import type { CliContext } from '../context.js';

export interface DbImportOptions {
  readonly format: 'table' | 'json';
  readonly output?: string | undefined;
}

/**
 * `trustline db import PATH`: OSV records from a folder (searched recursively for `.json` records
 * and export `.zip` files), one export zip, or one record. Exits 0 when the import completed,
 * even if some records were skipped or kept with a warning (each listed on stderr).
 */
export async function dbImport(context: CliContext, target: string, options: DbImportOptions): Promise<ExitCode> {
  const store = await context.openStore();
  let outcome;
  try {
    outcome = await importSource(context, store, resolve(context.io.cwd, target), false);
  } finally {
    await store.close();
  }
  const summary = outcome.summary;
  if (summary === undefined) throw new InternalError('import-without-summary', `importing ${target} gave no summary`);
  reportImportProblems(context, summary);
  const counts = { read: summary.read, added: summary.added, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped.length, warnings: summary.warnings.length };
  const text =
    options.format === 'json'
      ? JSON.stringify({ source: summary.source, ...counts }, null, 2)
      : `imported ${counts.read} records from ${target}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.warnings} kept with a warning`;
  context.output(text, options.output);
  return ExitCode.ok;
}
