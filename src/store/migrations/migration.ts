import type { Kysely } from 'kysely';

/**
 * One versioned step of the schema, written once with Kysely's schema builder so it runs on
 * SQLite and PostgreSQL alike. Versions are consecutive integers; a released migration never
 * changes, a new one is added instead.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  // The schema at a migration's time is not the current `Database` type, so migrations see an
  // untyped database, as Kysely's own migrations do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}
