/**
 * Getting advisory data into the store, shared by `db import`, `db update` and `scan`: a local
 * folder, zip or record; a URL to an export zip; or OSV.dev's export per ecosystem.
 */
import { resolve } from 'node:path';
import type { ImportSummary } from '../../advisories/import.js';
import { EnvironmentError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { createProgress } from '../progress.js';

/** What one source gave: an import summary, or `unchanged` for a URL answering 304. */
export interface SourceOutcome {
  readonly source: string;
  readonly status: 'updated' | 'unchanged' | 'not-found';
  readonly summary?: ImportSummary;
}

/**
 * Where OSV exports are fetched from: --osv-export-url, else TRUSTLINE_OSV_EXPORT_URL, else
 * `advisories.exportUrl` of the target's trustline.yaml, else OSV.dev.
 */
export async function exportBaseUrl(context: CliContext, target: string, flag?: string): Promise<string> {
  const { osvExportBaseUrl } = await import('../../advisories/update.js');
  const fromEnv = context.io.env['TRUSTLINE_OSV_EXPORT_URL'];
  const fromConfig = (await context.config(target))?.config.advisories?.exportUrl;
  return [flag, fromEnv, fromConfig].find((value): value is string => value !== undefined && value !== '') ?? osvExportBaseUrl;
}

const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** Imports one source given on the command line: a path (folder, zip, record) or an http(s) URL to a zip. */
export async function importSource(context: CliContext, store: Store, source: string, offline: boolean): Promise<SourceOutcome> {
  if (isUrl(source)) return fetchUrl(context, store, source, offline);
  const { readOsvPath } = await import('../../advisories/read-source.js');
  const { importAdvisories } = await import('../../advisories/import.js');
  const path = resolve(context.io.cwd, source);
  const read = readOsvPath(path);
  const progress = createProgress(context.io, context.quiet, `importing ${source}`, 'items');
  try {
    const summary = await importAdvisories(store, { kind: path.endsWith('.zip') ? 'zip' : 'dir', location: path }, read.records, read.problems, {
      onProgress: (done, total) => {
        progress.update(done, total);
      },
    });
    return { source, status: 'updated', summary };
  } finally {
    progress.end();
  }
}

/** Fetches one export zip by URL (conditionally), with a progress line on a terminal. */
export async function fetchUrl(context: CliContext, store: Store, url: string, offline: boolean): Promise<SourceOutcome> {
  if (offline) throw new EnvironmentError('offline', `offline: cannot fetch ${url}`);
  const { updateFromUrl } = await import('../../advisories/update.js');
  const http = await context.httpClient(false);
  const progress = createProgress(context.io, context.quiet, `downloading ${url}`, 'bytes');
  const importing = createProgress(context.io, context.quiet, `importing ${url}`, 'items');
  try {
    const outcome = await updateFromUrl(store, http, url, {
      onProgress: (received, total) => {
        progress.update(received, total);
      },
      onImportProgress: (done, total) => {
        progress.end();
        importing.update(done, total);
      },
    });
    return { source: url, status: outcome.status, ...(outcome.summary === undefined ? {} : { summary: outcome.summary }) };
  } finally {
    progress.end();
    importing.end();
    await http.close();
  }
}

/** Lists every skipped record, warning and unreadable entry of an import on stderr, one line each. */
export function reportImportProblems(context: CliContext, summary: ImportSummary): void {
  for (const problem of summary.problems) context.io.stderr.write(`trustline: ${problem.origin}: ${problem.message}\n`);
  for (const item of summary.skipped) context.io.stderr.write(`trustline: ${item.origin}: skipped${item.id === undefined ? '' : ` ${item.id}`}: ${item.reasons.join('; ')}\n`);
  for (const item of summary.warnings) context.io.stderr.write(`trustline: ${item.origin}: kept ${item.id ?? ''} with a warning: ${item.reasons.join('; ')}\n`);
}

/** One line per source: what an import did. */
export function outcomeLine(outcome: SourceOutcome): string {
  const { summary } = outcome;
  if (outcome.status === 'not-found') return `${outcome.source}: not found (no export for that ecosystem)`;
  if (outcome.status === 'unchanged' || summary === undefined) return `${outcome.source}: unchanged since the last update`;
  return `${outcome.source}: ${summary.read} records, ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped, ${summary.warnings.length} kept with a warning`;
}

/** How long a scan trusts an export fetched from OSV.dev before it asks again (a cheap 304 when unchanged). */
export const exportMaxAgeMs = 60 * 60 * 1000;

/**
 * Before an online scan: fetches the OSV export of each ecosystem that has no advisory data in
 * the store, and refreshes exports fetched earlier than {@link exportMaxAgeMs}. Data the user
 * imported from a path is theirs and left alone. A failed refresh of data already present is a
 * warning (the scan goes on with what the store has); without any data it is an error.
 */
export async function refreshForScan(context: CliContext, store: Store, ecosystems: readonly string[], base: string): Promise<void> {
  const { osvExportUrl, urlSourceAges } = await import('../../advisories/update.js');
  const { databaseSummary } = await import('../../advisories/lookup.js');
  const ages = await urlSourceAges(store);
  const { missingEcosystems } = await databaseSummary(store, ecosystems);
  const missing = new Set(missingEcosystems);
  for (const ecosystem of new Set(ecosystems)) {
    const url = osvExportUrl(ecosystem, base);
    const fetchedAt = ages.get(url);
    const stale = fetchedAt !== undefined && Date.now() - Date.parse(fetchedAt) > exportMaxAgeMs;
    if (!missing.has(ecosystem) && !stale) continue;
    try {
      const outcome = await fetchUrl(context, store, url, false);
      if (outcome.status === 'not-found') context.note(`trustline: OSV.dev publishes no advisories for ${ecosystem}; its packages are checked against nothing`);
      else if (outcome.summary !== undefined) context.note(`trustline: ${outcomeLine(outcome)}`);
    } catch (error) {
      if (missing.has(ecosystem)) throw error;
      context.note(`trustline: warning: could not refresh ${ecosystem} advisories (${error instanceof Error ? error.message : String(error)}); scanning with the data from ${fetchedAt ?? 'the store'}`);
    }
  }
}
