import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { EnvironmentError } from '../errors.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { writeWaitMs } from './store.js';
import type { Store, StoreErrorCode } from './store.js';

/**
 * Opens (creating when needed) the embedded SQLite store at `file` and applies migrations.
 * WAL mode lets scans read while an import writes; the busy timeout makes a second writer wait
 * for the first instead of failing with SQLITE_BUSY.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  let connection: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    connection = new BetterSqlite3(file, { timeout: writeWaitMs });
    // journal_mode is persistent in the file: after the first open this is a cheap read.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
  } catch (error) {
    throw new EnvironmentError('store-unavailable' satisfies StoreErrorCode, `cannot open the database: ${describe(error)}`, {
      file,
      cause: error,
    });
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  const write = <T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.connection().execute(async (tx) => {
      // BEGIN IMMEDIATE takes the write lock now, waiting up to the busy timeout; a deferred
      // BEGIN could fail later with SQLITE_BUSY when it upgrades a read lock to a write lock.
      await sql`begin immediate`.execute(tx);
      try {
        const result = await work(tx);
        await sql`commit`.execute(tx);
        return result;
      } catch (error) {
        await sql`rollback`.execute(tx);
        throw error;
      }
    });

  try {
    const schemaVersion = await migrate(db, { exclusive: write }, migrations);
    return { dialect: 'sqlite', location: file, schemaVersion, db, write, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError('store-failed' satisfies StoreErrorCode, `cannot prepare the database: ${describe(error)}`, {
      file,
      cause: error,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
