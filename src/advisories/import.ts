import { createHash } from 'node:crypto';
import { baseEcosystemName, findEcosystem } from '../ecosystems/registry.js';
import type { OsvRecord } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { RawRecord, SourceProblem } from './read-source.js';
import { validateOsvRecord } from './validate.js';

/** Where an import's records came from, as `db status` shows it. */
export interface AdvisorySource {
  /** `dir`, `zip`, `url`. */
  readonly kind: string;
  /** The path or URL. */
  readonly location: string;
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

export interface SkippedRecord {
  readonly origin: string;
  readonly id: string | undefined;
  readonly reasons: readonly string[];
}

export interface ImportSummary {
  readonly source: string;
  /** Records read from the source (after de-duplicating ids within it). */
  readonly read: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records unusable for matching: reported, never half-imported. */
  readonly skipped: readonly SkippedRecord[];
  /** Records kept with a defect that does not affect matching. */
  readonly warnings: readonly SkippedRecord[];
  /** Problems with the source's entries (oversized, unreadable). */
  readonly problems: readonly SourceProblem[];
}

interface Prepared {
  readonly record: OsvRecord;
  readonly json: string;
  readonly hash: string;
  readonly packages: readonly { ecosystem: string; name: string }[];
}

const batchSize = 400;

export interface ImportOptions {
  /** Called as records are validated (records read so far, and the total), for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Imports OSV records into the store, incrementally: a record is added when new, replaced when
 * its `modified` is newer or, with an equal `modified`, when its content differs (the Go database
 * sets every `modified` alike), and left alone otherwise. Withdrawn records are stored with their
 * `withdrawn` time, so matching leaves them out. One write transaction: a failed import changes
 * nothing.
 */
export async function importAdvisories(
  store: Store,
  source: AdvisorySource,
  raw: readonly RawRecord[],
  problems: readonly SourceProblem[] = [],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const skipped: SkippedRecord[] = [];
  const warnings: SkippedRecord[] = [];
  const byId = new Map<string, Prepared>();
  let validated = 0;
  for (const { origin, text } of raw) {
    if (++validated % 1000 === 0) options.onProgress?.(validated, raw.length);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      skipped.push({ origin, id: undefined, reasons: [`not JSON: ${(error as Error).message}`] });
      continue;
    }
    const verdict = validateOsvRecord(value);
    const id = typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
    if (verdict.record === undefined) {
      skipped.push({ origin, id, reasons: verdict.errors });
      continue;
    }
    if (verdict.warnings.length > 0) warnings.push({ origin, id, reasons: verdict.warnings });
    const prepared = prepare(verdict.record);
    const previous = byId.get(prepared.record.id);
    // A record affecting several ecosystems is exported once per ecosystem: keep the newest copy.
    if (previous === undefined || isNewer(prepared.record.modified, previous.record.modified)) byId.set(prepared.record.id, prepared);
  }

  const counts = await store.write(async (tx) => {
    const existing = new Map<string, { modified: string; hash: string }>();
    for (const row of await tx.selectFrom('advisory').select(['id', 'modified', 'content_hash']).execute()) {
      existing.set(row.id, { modified: row.modified, hash: row.content_hash });
    }
    const sourceId = `${source.kind}:${source.location}`;
    const sourceRow = {
      kind: source.kind,
      location: source.location,
      etag: source.etag ?? null,
      last_modified: source.lastModified ?? null,
      imported_at: new Date().toISOString(),
      record_count: byId.size,
    };
    await tx
      .insertInto('advisory_source')
      .values({ id: sourceId, ...sourceRow })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(sourceRow))
      .execute();

    const toWrite: Prepared[] = [];
    let added = 0;
    let updated = 0;
    for (const prepared of byId.values()) {
      const old = existing.get(prepared.record.id);
      if (old === undefined) added++;
      else if (isNewer(prepared.record.modified, old.modified) || (sameTime(prepared.record.modified, old.modified) && prepared.hash !== old.hash)) updated++;
      else continue;
      toWrite.push(prepared);
    }
    const replacedIds = toWrite.filter((prepared) => existing.has(prepared.record.id)).map((prepared) => prepared.record.id);
    for (let start = 0; start < replacedIds.length; start += batchSize) {
      const ids = replacedIds.slice(start, start + batchSize);
      await tx.deleteFrom('advisory_package').where('advisory_id', 'in', ids).execute();
      await tx.deleteFrom('advisory').where('id', 'in', ids).execute();
    }
    for (let start = 0; start < toWrite.length; start += batchSize) {
      const batch = toWrite.slice(start, start + batchSize);
      await tx
        .insertInto('advisory')
        .values(
          batch.map(({ record, json, hash }) => ({
            id: record.id,
            modified: record.modified,
            withdrawn: record.withdrawn ?? null,
            source_id: sourceId,
            content_hash: hash,
            record: json,
          })),
        )
        .execute();
      const packageRows = batch.flatMap(({ record, packages }) => packages.map((item) => ({ advisory_id: record.id, ecosystem: item.ecosystem, package_name: item.name })));
      for (let rowStart = 0; rowStart < packageRows.length; rowStart += batchSize) {
        await tx.insertInto('advisory_package').values(packageRows.slice(rowStart, rowStart + batchSize)).execute();
      }
    }
    return { added, updated, unchanged: byId.size - added - updated };
  });

  options.onProgress?.(raw.length, raw.length);
  return { source: source.location, read: byId.size, ...counts, skipped, warnings, problems };
}

function prepare(record: OsvRecord): Prepared {
  const json = JSON.stringify(record);
  const hash = createHash('sha256').update(json).digest('hex');
  const seen = new Set<string>();
  const packages: { ecosystem: string; name: string }[] = [];
  for (const affected of record.affected ?? []) {
    if (affected.package === undefined) continue;
    // The index key: the base ecosystem name as OSV spells it (`Debian:12` → `Debian`; `Ubuntu`
    // stays `Ubuntu`) and the normalized name, so a scan finds the rows with the key it computes
    // for its own packages. The release suffix is checked when matching.
    const ecosystem = findEcosystem(affected.package.ecosystem);
    const key = { ecosystem: baseEcosystemName(affected.package.ecosystem), name: ecosystem?.normalizeName(affected.package.name) ?? affected.package.name };
    const text = `${key.ecosystem}\n${key.name}`;
    if (seen.has(text)) continue;
    seen.add(text);
    packages.push(key);
  }
  return { record, json, hash, packages };
}

function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

function sameTime(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}
