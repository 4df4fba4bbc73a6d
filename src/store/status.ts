import { sql } from 'kysely';
import type { Store } from './store.js';

export interface AdvisorySourceStatus {
  readonly id: string;
  readonly kind: string;
  readonly location: string;
  readonly importedAt: string;
  readonly recordCount: number;
}

/** What the store holds: its engine and schema, advisory counts per ecosystem, the sources. */
export interface StoreStatus {
  readonly dialect: Store['dialect'];
  readonly location: string;
  readonly schemaVersion: number;
  readonly advisories: number;
  readonly ecosystems: readonly { readonly ecosystem: string; readonly advisories: number }[];
  readonly sources: readonly AdvisorySourceStatus[];
}

/** Reads the store's status in three small queries. */
export async function storeStatus(store: Store): Promise<StoreStatus> {
  const total = await store.db
    .selectFrom('advisory')
    .select(sql<number | string>`count(*)`.as('count'))
    .where('withdrawn', 'is', null)
    .executeTakeFirstOrThrow();
  const perEcosystem = await store.db
    .selectFrom('advisory_package')
    .innerJoin('advisory', 'advisory.id', 'advisory_package.advisory_id')
    .where('advisory.withdrawn', 'is', null)
    .select(['advisory_package.ecosystem', sql<number | string>`count(distinct advisory_package.advisory_id)`.as('count')])
    .groupBy('advisory_package.ecosystem')
    .orderBy('advisory_package.ecosystem')
    .execute();
  const sources = await store.db.selectFrom('advisory_source').selectAll().orderBy('imported_at', 'desc').execute();
  return {
    dialect: store.dialect,
    location: store.location,
    schemaVersion: store.schemaVersion,
    advisories: Number(total.count),
    ecosystems: perEcosystem.map((row) => ({ ecosystem: row.ecosystem, advisories: Number(row.count) })),
    sources: sources.map((row) => ({
      id: row.id,
      kind: row.kind,
      location: row.location,
      importedAt: row.imported_at,
      recordCount: row.record_count,
    })),
  };
}
