import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The engines the store runs on. */
export type StoreDialect = 'sqlite' | 'postgres';

/** Error codes raised by the store. */
export type StoreErrorCode = 'store-unavailable' | 'store-failed' | 'store-too-new';

/**
 * An open store: the embedded SQLite file or a PostgreSQL server, with every migration applied.
 * Reads go through `db`; writes go through {@link Store.write} so concurrent processes wait for
 * each other instead of failing.
 */
export interface Store {
  readonly dialect: StoreDialect;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in one write transaction. On SQLite it takes the write lock up front
   * (`BEGIN IMMEDIATE`) and waits for another process's write to finish; on PostgreSQL it is an
   * ordinary transaction. Commits when `work` resolves, rolls back when it throws.
   */
  write<T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How long a write waits for another process's write to finish before giving up. */
export const writeWaitMs = 10 * 60 * 1000;
