import { defaultDataDir, sqlitePath } from './data-dir.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** The data directory holding the SQLite file; defaults to {@link defaultDataDir}. */
  readonly dataDir?: string;
  /**
   * A PostgreSQL URL. Defaults to `DATABASE_URL`; pass `null` to force the embedded SQLite
   * store even when `DATABASE_URL` is set.
   */
  readonly databaseUrl?: string | null;
}

/**
 * Opens the store: PostgreSQL when a database URL is given (or `DATABASE_URL` is set), else the
 * embedded SQLite database in the data directory. Migrations are applied before it returns.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl === undefined ? process.env['DATABASE_URL'] : options.databaseUrl;
  if (url !== undefined && url !== null && url !== '') {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(sqlitePath(options.dataDir ?? defaultDataDir()));
}
