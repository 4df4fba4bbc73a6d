import { resolve } from 'node:path';
import { ExitCode } from '../../errors.js';
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
  const { readOsvPath } = await import('../../advisories/read-source.js');
  const { importAdvisories } = await import('../../advisories/import.js');
  const path = resolve(context.io.cwd, target);
  const read = readOsvPath(path);
  const store = await context.openStore();
  let summary;
  try {
    summary = await importAdvisories(store, { kind: path.endsWith('.zip') ? 'zip' : 'dir', location: path }, read.records, read.problems);
  } finally {
    await store.close();
  }
  for (const problem of summary.problems) context.io.stderr.write(`trustline: ${problem.origin}: ${problem.message}\n`);
  for (const item of summary.skipped) context.io.stderr.write(`trustline: ${item.origin}: skipped${item.id === undefined ? '' : ` ${item.id}`}: ${item.reasons.join('; ')}\n`);
  for (const item of summary.warnings) context.io.stderr.write(`trustline: ${item.origin}: kept ${item.id ?? ''} with a warning: ${item.reasons.join('; ')}\n`);
  const counts = { read: summary.read, added: summary.added, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped.length, warnings: summary.warnings.length };
  const text =
    options.format === 'json'
      ? JSON.stringify({ source: summary.source, ...counts }, null, 2)
      : `imported ${counts.read} records from ${target}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.warnings} kept with a warning`;
  context.output(text, options.output);
  return ExitCode.ok;
}
