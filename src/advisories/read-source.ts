import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { InputError } from '../errors.js';

/** One OSV record's text and where it came from (`file`, or `archive.zip!entry.json`). */
export interface RawRecord {
  readonly origin: string;
  readonly text: string;
}

/** A problem with one entry of a source; the rest of the source is still read. */
export interface SourceProblem {
  readonly origin: string;
  readonly message: string;
}

export interface ReadSource {
  readonly records: readonly RawRecord[];
  readonly problems: readonly SourceProblem[];
}

/** Limits on untrusted archives and files. */
export interface SourceLimits {
  /** Largest single record (uncompressed), default 16 MiB. */
  readonly maxRecordBytes: number;
  /** Most entries in one archive, default 500,000. */
  readonly maxEntries: number;
}

export const defaultSourceLimits: SourceLimits = { maxRecordBytes: 16 * 1024 * 1024, maxEntries: 500_000 };

/** Error codes raised while reading advisory sources. */
export type SourceErrorCode = 'source-unreadable';

/**
 * The OSV records of an export zip (`<Ecosystem>/all.zip`: one `<ID>.json` per entry). Entries
 * are never written to disk, so names cannot traverse paths; oversized entries are skipped
 * before they are inflated.
 */
export function readOsvZip(bytes: Uint8Array, origin: string, limits: SourceLimits = defaultSourceLimits): ReadSource {
  const problems: SourceProblem[] = [];
  let entries: Record<string, Uint8Array>;
  let count = 0;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count++;
        if (count > limits.maxEntries) return false;
        if (!file.name.endsWith('.json')) return false;
        if (file.originalSize > limits.maxRecordBytes) {
          problems.push({ origin: `${origin}!${file.name}`, message: `larger than ${limits.maxRecordBytes} bytes; skipped` });
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new InputError('source-unreadable' satisfies SourceErrorCode, `not a readable zip archive: ${(error as Error).message}`, { file: origin, cause: error });
  }
  if (count > limits.maxEntries) problems.push({ origin, message: `more than ${limits.maxEntries} entries; the rest is skipped` });
  const records = Object.entries(entries)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, data]) => ({ origin: `${origin}!${name}`, text: strFromU8(data) }));
  return { records, problems };
}

/**
 * The OSV records under a path: a `.json` record, an export `.zip`, or a folder searched
 * recursively for both. A path that cannot be read at all is an InputError; a bad entry inside
 * is a problem and the rest is read.
 */
export function readOsvPath(path: string, limits: SourceLimits = defaultSourceLimits): ReadSource {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError('source-unreadable' satisfies SourceErrorCode, 'no such file or folder', { file: path });
  }
  if (stat.isFile()) return readOsvFile(path, path, limits);
  const records: RawRecord[] = [];
  const problems: SourceProblem[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && (entry.name.endsWith('.json') || entry.name.endsWith('.zip'))) {
        try {
          const read = readOsvFile(full, relative(path, full), limits);
          records.push(...read.records);
          problems.push(...read.problems);
        } catch (error) {
          problems.push({ origin: relative(path, full), message: (error as Error).message });
        }
      }
    }
  };
  visit(path);
  return { records, problems };
}

function readOsvFile(full: string, origin: string, limits: SourceLimits): ReadSource {
  if (full.endsWith('.zip')) return readOsvZip(readFileSync(full), origin, limits);
  if (statSync(full).size > limits.maxRecordBytes) return { records: [], problems: [{ origin, message: `larger than ${limits.maxRecordBytes} bytes; skipped` }] };
  return { records: [{ origin, text: readFileSync(full, 'utf8') }], problems: [] };
}
