import { Kysely, PostgresDialect, sql } from 'kysely';
import { EnvironmentError } from '../errors.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import type { Store, StoreErrorCode } from './store.js';

/** An arbitrary constant that names Trustline's migration lock among PostgreSQL advisory locks. */
const migrationLockKey = 0x7472_7573;

/**
 * Connects to PostgreSQL at `url` and applies migrations. `pg` is imported here, lazily, so the
 * embedded SQLite path never pays for loading it.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const { default: pg } = await import('pg');
  // node-postgres returns bigint (count, sum) as strings; the store's queries convert with Number().
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = redactPassword(url);
  const write = <T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T> => db.transaction().execute(work);

  try {
    const schemaVersion = await migrate(
      db,
      {
        exclusive: (work) =>
          db.transaction().execute(async (tx) => {
            // Held until the transaction ends: concurrent openers wait here, then see the new version.
            await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(tx);
            return work(tx);
          }),
      },
      migrations,
    );
    return { dialect: 'postgres', location, schemaVersion, db, write, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    if (error instanceof EnvironmentError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EnvironmentError('store-unavailable' satisfies StoreErrorCode, `cannot use the PostgreSQL database ${location}: ${reason}`, {
      cause: error,
    });
  }
}

/** The URL with any password replaced, safe to print. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
