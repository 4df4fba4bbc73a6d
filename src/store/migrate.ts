import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { EnvironmentError } from '../errors.js';
import type { Migration } from './migrations/index.js';
import type { Database } from './schema.js';
import type { StoreErrorCode } from './store.js';

/** What a dialect adds to the migration procedure. */
export interface MigrationHost {
  /** Runs `work` in a transaction that excludes every other migrating process. */
  exclusive<T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
}

/**
 * Brings the schema up to date and returns its version. The fast path, taken on every open once
 * the schema is current, is one indexed read with no lock. Otherwise it takes the exclusive
 * transaction, reads the version again (another process may have migrated meanwhile), and
 * applies the missing migrations in order, all or none.
 */
export async function migrate(db: Kysely<Database>, host: MigrationHost, migrations: readonly Migration[]): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = await appliedVersion(db);
  if (current === latest) return current;
  if (current !== undefined && current > latest) throw tooNew(current, latest);

  return host.exclusive(async (tx) => {
    await tx.schema
      .createTable('trustline_migration')
      .ifNotExists()
      .addColumn('version', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('applied_at', 'text', (column) => column.notNull())
      .execute();
    const now = (await appliedVersion(tx)) ?? 0;
    if (now > latest) throw tooNew(now, latest);
    for (const migration of migrations) {
      if (migration.version <= now) continue;
      await migration.up(tx);
      await tx
        .insertInto('trustline_migration')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    }
    return latest;
  });
}

/** The highest applied version, 0 for an empty table, undefined when the table does not exist. */
async function appliedVersion(db: Kysely<Database>): Promise<number | undefined> {
  try {
    const row = await db
      .selectFrom('trustline_migration')
      .select(sql<number | string | null>`max(version)`.as('version'))
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  } catch {
    return undefined;
  }
}

function tooNew(current: number, latest: number): EnvironmentError {
  return new EnvironmentError(
    'store-too-new' satisfies StoreErrorCode,
    `the database has schema version ${current}, newer than this Trustline knows (${latest}); upgrade Trustline`,
  );
}
