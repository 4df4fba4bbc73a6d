/**
 * Advisory data from the network: OSV.dev's per-ecosystem exports (`<Ecosystem>/all.zip`) or any
 * URL serving such a zip. Requests are conditional (If-None-Match / If-Modified-Since from the
 * last import of the same URL), so unchanged data is not downloaded or imported again.
 */
import type { HttpClient } from '../net/index.js';
import type { Store } from '../store/index.js';
import { type ImportSummary, importAdvisories } from './import.js';
import { readOsvZip } from './read-source.js';

/** Where OSV.dev publishes its exports (https://google.github.io/osv.dev/data/#data-dumps). */
export const osvExportBaseUrl = 'https://osv-vulnerabilities.storage.googleapis.com';

/** An export zip can be large (PyPI and npm are hundreds of MB unpacked); compressed they stay far below this. */
const maxZipBytes = 1024 * 1024 * 1024;

/** The URL of one ecosystem's export. */
export function osvExportUrl(ecosystem: string, baseUrl: string = osvExportBaseUrl): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
}

export interface UrlUpdate {
  readonly url: string;
  /** `unchanged` when the server answered 304 Not Modified, `not-found` for 404 (no export for that ecosystem). */
  readonly status: 'updated' | 'unchanged' | 'not-found';
  readonly summary?: ImportSummary;
}

export interface UrlUpdateOptions {
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Progress of the import that follows a download (records validated, total). */
  readonly onImportProgress?: (done: number, total: number) => void;
}

/** Fetches one export zip (conditionally) and imports it. */
export async function updateFromUrl(store: Store, http: HttpClient, url: string, options: UrlUpdateOptions = {}): Promise<UrlUpdate> {
  const previous = await store.db.selectFrom('advisory_source').select(['etag', 'last_modified']).where('kind', '=', 'url').where('location', '=', url).executeTakeFirst();
  const headers: Record<string, string> = {};
  if (previous?.etag != null) headers['if-none-match'] = previous.etag;
  if (previous?.last_modified != null) headers['if-modified-since'] = previous.last_modified;
  const response = await http.get(url, {
    cache: false,
    headers,
    allowStatus: [304, 404],
    maxBytes: maxZipBytes,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  if (response.status === 404) return { url, status: 'not-found' };
  if (response.status === 304) {
    await store.write(async (db) => {
      await db.updateTable('advisory_source').set({ imported_at: new Date().toISOString() }).where('kind', '=', 'url').where('location', '=', url).execute();
    });
    return { url, status: 'unchanged' };
  }
  const read = readOsvZip(new Uint8Array(response.body.buffer, response.body.byteOffset, response.body.byteLength), url);
  const summary = await importAdvisories(
    store,
    { kind: 'url', location: url, etag: response.headers['etag'], lastModified: response.headers['last-modified'] },
    read.records,
    read.problems,
    options.onImportProgress === undefined ? {} : { onProgress: options.onImportProgress },
  );
  return { url, status: 'updated', summary };
}

/** When each URL source was last fetched or confirmed unchanged (ISO 8601), by URL. */
export async function urlSourceAges(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('advisory_source').select(['location', 'imported_at']).where('kind', '=', 'url').execute();
  return new Map(rows.map((row) => [row.location, row.imported_at]));
}
