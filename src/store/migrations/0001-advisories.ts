import type { Migration } from './migration.js';

/** The advisory tables: sources, whole OSV records, and the (ecosystem, package) index. */
export const advisories: Migration = {
  version: 1,
  name: 'advisories',
  async up(db) {
    await db.schema
      .createTable('advisory_source')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('location', 'text', (column) => column.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('imported_at', 'text', (column) => column.notNull())
      .addColumn('record_count', 'integer', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('advisory')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('modified', 'text', (column) => column.notNull())
      .addColumn('withdrawn', 'text')
      .addColumn('source_id', 'text', (column) => column.notNull().references('advisory_source.id'))
      .addColumn('content_hash', 'text', (column) => column.notNull())
      .addColumn('record', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('advisory_package')
      .addColumn('advisory_id', 'text', (column) => column.notNull().references('advisory.id').onDelete('cascade'))
      .addColumn('ecosystem', 'text', (column) => column.notNull())
      .addColumn('package_name', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('advisory_package_pk', ['advisory_id', 'ecosystem', 'package_name'])
      .execute();
    await db.schema
      .createIndex('advisory_package_lookup')
      .on('advisory_package')
      .columns(['ecosystem', 'package_name'])
      .execute();
    await db.schema.createIndex('advisory_package_advisory').on('advisory_package').column('advisory_id').execute();
  },
};
