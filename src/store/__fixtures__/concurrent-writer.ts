// A separate process that opens the store in a data directory and writes one source and a few
// advisories in one transaction, holding the write lock briefly, as an import would.
import { openStore } from '../open.js';

const [dataDir, name] = process.argv.slice(2);
if (dataDir === undefined || name === undefined) throw new Error('usage: concurrent-writer DATA_DIR NAME');

const store = await openStore({ dataDir, databaseUrl: null });
await store.write(async (tx) => {
  await tx
    .insertInto('advisory_source')
    .values({ id: name, kind: 'test', location: name, etag: null, last_modified: null, imported_at: new Date().toISOString(), record_count: 3 })
    .execute();
  for (let i = 0; i < 3; i++) {
    await tx
      .insertInto('advisory')
      .values({ id: `${name}-${i}`, modified: '2024-01-01T00:00:00Z', withdrawn: null, source_id: name, content_hash: 'x', record: '{}' })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
await store.close();
