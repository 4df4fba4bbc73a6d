import { ExitCode, UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { type SourceOutcome, exportBaseUrl, fetchUrl, importSource, outcomeLine, reportImportProblems } from './advisory-sources.js';

export interface DbUpdateOptions {
  readonly format: 'table' | 'json';
  readonly output?: string | undefined;
  readonly ecosystem: readonly string[];
  readonly source: readonly string[];
  readonly osvExportUrl?: string;
}

/**
 * `trustline db update`: fetches OSV.dev's export of each named ecosystem (default: those fetched
 * before), or the given sources. Conditional requests: an unchanged export is not downloaded.
 */
export async function dbUpdate(context: CliContext, options: DbUpdateOptions): Promise<ExitCode> {
  const offline = await context.offline(context.io.cwd);
  if (offline) throw new UsageError('offline', '`db update` needs the network; drop --offline (or `offline: true` in trustline.yaml), or use `db import PATH`');
  const { osvExportUrl, urlSourceAges } = await import('../../advisories/update.js');
  const { findEcosystem } = await import('../../ecosystems/registry.js');
  const store = await context.openStore();
  const outcomes: SourceOutcome[] = [];
  try {
    const base = await exportBaseUrl(context, context.io.cwd, options.osvExportUrl);
    for (const name of options.ecosystem) {
      if (findEcosystem(name) === undefined) throw new UsageError('unsupported-ecosystem', `unknown ecosystem "${name}" for --ecosystem (see docs/ecosystems.md)`);
    }
    const urls = options.ecosystem.map((name) => osvExportUrl(name, base));
    if (urls.length === 0 && options.source.length === 0) urls.push(...[...(await urlSourceAges(store)).keys()].sort());
    if (urls.length === 0 && options.source.length === 0) {
      throw new UsageError('nothing-to-update', 'nothing fetched before: name what to fetch with --ecosystem NAME (e.g. --ecosystem npm) or --source URL|PATH');
    }
    for (const url of urls) outcomes.push(await fetchUrl(context, store, url, false));
    for (const source of options.source) outcomes.push(await importSource(context, store, source, false));
  } finally {
    await store.close();
  }
  for (const outcome of outcomes) if (outcome.summary !== undefined) reportImportProblems(context, outcome.summary);
  const text =
    options.format === 'json'
      ? JSON.stringify(
          outcomes.map((outcome) => ({
            source: outcome.source,
            status: outcome.status,
            ...(outcome.summary === undefined
              ? {}
              : { read: outcome.summary.read, added: outcome.summary.added, updated: outcome.summary.updated, unchanged: outcome.summary.unchanged, skipped: outcome.summary.skipped.length, warnings: outcome.summary.warnings.length }),
          })),
          null,
          2,
        )
      : outcomes.map(outcomeLine).join('\n');
  context.output(text, options.output);
  return outcomes.some((outcome) => outcome.status === 'not-found') ? ExitCode.badInput : ExitCode.ok;
}
