import { sql } from 'kysely';
import type { OsvRecord, ScanSource } from '../model/index.js';
import type { Store } from '../store/index.js';

/** The key advisories are indexed by: the base ecosystem name as OSV spells it, and the normalized package name. */
export interface PackageKey {
  readonly ecosystem: string;
  readonly name: string;
}

const chunkSize = 500;

/**
 * The live (not withdrawn) advisories of the given packages, read through the (ecosystem,
 * package name) index: a scan reads only the rows of the packages it has. Each record is parsed
 * once however many packages it names.
 */
export async function advisoriesFor(store: Store, keys: readonly PackageKey[]): Promise<OsvRecord[]> {
  const namesByEcosystem = new Map<string, Set<string>>();
  for (const key of keys) {
    const names = namesByEcosystem.get(key.ecosystem) ?? new Set<string>();
    names.add(key.name);
    namesByEcosystem.set(key.ecosystem, names);
  }
  const records = new Map<string, OsvRecord>();
  for (const [ecosystem, names] of namesByEcosystem) {
    const list = [...names];
    for (let start = 0; start < list.length; start += chunkSize) {
      const rows = await store.db
        .selectFrom('advisory_package')
        .innerJoin('advisory', 'advisory.id', 'advisory_package.advisory_id')
        .select(['advisory.id', 'advisory.record'])
        .where('advisory_package.ecosystem', '=', ecosystem)
        .where('advisory_package.package_name', 'in', list.slice(start, start + chunkSize))
        .where('advisory.withdrawn', 'is', null)
        .execute();
      for (const row of rows) if (!records.has(row.id)) records.set(row.id, JSON.parse(row.record) as OsvRecord);
    }
  }
  return [...records.values()];
}

/**
 * How many live advisories the store holds, its sources with their import times, and which of
 * the given ecosystems have no advisory at all (one indexed probe each).
 */
export async function databaseSummary(store: Store, ecosystems: Iterable<string> = []): Promise<ScanSource> {
  const total = await store.db.selectFrom('advisory').select(sql<number | string>`count(*)`.as('count')).where('withdrawn', 'is', null).executeTakeFirstOrThrow();
  const sources = await store.db.selectFrom('advisory_source').select(['location', 'imported_at']).orderBy('imported_at', 'desc').execute();
  const missingEcosystems: string[] = [];
  const wanted = [...new Set(ecosystems)].sort();
  for (const ecosystem of wanted) {
    const probe = await store.db.selectFrom('advisory_package').select('ecosystem').where('ecosystem', '=', ecosystem).limit(1).executeTakeFirst();
    if (probe === undefined) missingEcosystems.push(ecosystem);
  }
  return {
    advisories: Number(total.count),
    importedAt: sources[0]?.imported_at ?? null,
    sources: sources.map((row) => ({ location: row.location, importedAt: row.imported_at })),
    ecosystems: wanted,
    missingEcosystems,
  };
}
