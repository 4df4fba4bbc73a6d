/**
 * The tables of the store, as Kysely sees them. The same schema runs on SQLite and PostgreSQL:
 * timestamps are ISO-8601 text, JSON documents are text, counts are integers.
 */
/** One applied migration. */
export interface MigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

/** Where advisory records came from: a directory, a zip, a URL. */
export interface AdvisorySourceTable {
  id: string;
  kind: string;
  location: string;
  /** HTTP validators of the last fetch, for conditional requests. */
  etag: string | null;
  last_modified: string | null;
  imported_at: string;
  record_count: number;
}

/** One OSV record, stored whole. */
export interface AdvisoryTable {
  id: string;
  modified: string;
  withdrawn: string | null;
  source_id: string;
  /** Hash of the record's canonical JSON: an import replaces a record whose content changed. */
  content_hash: string;
  record: string;
}

/** The index a scan reads: one row per (advisory, ecosystem, normalized package name). */
export interface AdvisoryPackageTable {
  advisory_id: string;
  ecosystem: string;
  package_name: string;
}

export interface Database {
  trustline_migration: MigrationTable;
  advisory_source: AdvisorySourceTable;
  advisory: AdvisoryTable;
  advisory_package: AdvisoryPackageTable;
}
