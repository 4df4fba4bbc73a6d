import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
export async function openSqliteStore(path: string): Promise<Store> {
  const file = resolve(path);
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
    inProcessWriteQueue(file, () => immediateTransaction(db, work));

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

/**
 * One transaction that takes the write lock up front. BEGIN IMMEDIATE waits up to the busy
 * timeout for another process's write; a deferred BEGIN could instead fail later with
 * SQLITE_BUSY when it upgrades its read lock to a write lock.
 */
function immediateTransaction<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (tx) => {
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
}

/** The tail of each database file's queue of writes in this process. */
const writeQueues = new Map<string, Promise<void>>();

/**
 * Runs the writes to one database file from this process one after another. better-sqlite3 is
 * synchronous: a second connection of the same process that waited for the write lock in
 * SQLite's busy handler would block the event loop, so the first writer could never finish.
 * Waiting here is asynchronous; other processes are still held off by SQLite's own lock.
 */
function inProcessWriteQueue<T>(file: string, work: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(file) ?? Promise.resolve();
  const result = previous.then(work);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  writeQueues.set(file, tail);
  void tail.then(() => {
    if (writeQueues.get(file) === tail) writeQueues.delete(file);
  });
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
