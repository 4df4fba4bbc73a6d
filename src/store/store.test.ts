import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import { postgresUnavailableReason, startPostgres } from '../../test/postgres.js';
import type { PostgresServer } from '../../test/postgres.js';
import { repoRoot } from '../../test/shared.js';
import { migrations } from './migrations/index.js';
import { openStore } from './open.js';
import { storeStatus } from './status.js';
import type { Store } from './store.js';

const run = promisify(execFile);

/** One way to get a fresh, empty store per test, for each engine. */
interface Engine {
  readonly name: string;
  readonly skip?: string;
  setup(): Promise<void>;
  teardown(): void;
  /** A fresh, empty database; the returned function opens it (again and again). */
  fresh(): Promise<() => Promise<Store>>;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustline-store-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const sqliteEngine: Engine = {
  name: 'SQLite',
  async setup() {},
  teardown() {},
  fresh() {
    const dataDir = tempDir();
    return Promise.resolve(() => openStore({ dataDir, databaseUrl: null }));
  },
};

let postgres: PostgresServer | undefined;
let databaseCounter = 0;
const postgresSkip = postgresUnavailableReason();
const postgresEngine: Engine = {
  name: 'PostgreSQL',
  ...(postgresSkip === undefined ? {} : { skip: postgresSkip }),
  async setup() {
    postgres = await startPostgres();
  },
  teardown() {
    postgres?.stop();
  },
  async fresh() {
    // A fresh database per test, created through the server's default database.
    const admin = await openStore({ databaseUrl: postgres!.url });
    const name = `t${process.pid}_${++databaseCounter}`;
    await sql.raw(`create database ${name}`).execute(admin.db);
    await admin.close();
    const url = postgres!.url.replace(/\/postgres$/, `/${name}`);
    return () => openStore({ databaseUrl: url });
  },
};

for (const engine of [sqliteEngine, postgresEngine]) {
  describe.skipIf(engine.skip !== undefined)(`store on ${engine.name}${engine.skip === undefined ? '' : ` (skipped: ${engine.skip})`}`, () => {
    beforeAll(() => engine.setup(), 60_000);
    afterAll(() => {
      engine.teardown();
    });

    it('applies every migration on first open and reports the schema version', async () => {
      const store = await (await engine.fresh())();
      expect(store.schemaVersion).toBe(migrations.at(-1)!.version);
      const applied = await store.db.selectFrom('trustline_migration').select(['version', 'name']).execute();
      expect(applied.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
      await store.close();
    });

    it('commits a write transaction and rolls one back when it throws', async () => {
      const store = await (await engine.fresh())();
      await store.write((tx) =>
        tx
          .insertInto('advisory_source')
          .values({ id: 'kept', kind: 'dir', location: '/x', etag: null, last_modified: null, imported_at: '2026-01-01T00:00:00Z', record_count: 0 })
          .execute(),
      );
      await expect(
        store.write(async (tx) => {
          await tx
            .insertInto('advisory_source')
            .values({ id: 'lost', kind: 'dir', location: '/y', etag: null, last_modified: null, imported_at: '2026-01-01T00:00:00Z', record_count: 0 })
            .execute();
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const ids = await store.db.selectFrom('advisory_source').select('id').execute();
      expect(ids).toEqual([{ id: 'kept' }]);
      await store.close();
    });

    it('counts live advisories per ecosystem in its status, leaving withdrawn ones out', async () => {
      const store = await (await engine.fresh())();
      await store.write(async (tx) => {
        await tx
          .insertInto('advisory_source')
          .values({ id: 's', kind: 'dir', location: 'osv/', etag: null, last_modified: null, imported_at: '2026-01-02T00:00:00Z', record_count: 3 })
          .execute();
        await tx
          .insertInto('advisory')
          .values([
            { id: 'A', modified: '2026-01-01T00:00:00Z', withdrawn: null, source_id: 's', content_hash: 'a', record: '{}' },
            { id: 'B', modified: '2026-01-01T00:00:00Z', withdrawn: null, source_id: 's', content_hash: 'b', record: '{}' },
            { id: 'W', modified: '2026-01-01T00:00:00Z', withdrawn: '2026-01-01T00:00:00Z', source_id: 's', content_hash: 'w', record: '{}' },
          ])
          .execute();
        await tx
          .insertInto('advisory_package')
          .values([
            { advisory_id: 'A', ecosystem: 'npm', package_name: 'left-pad' },
            { advisory_id: 'A', ecosystem: 'npm', package_name: 'right-pad' },
            { advisory_id: 'B', ecosystem: 'PyPI', package_name: 'requests' },
            { advisory_id: 'W', ecosystem: 'PyPI', package_name: 'requests' },
          ])
          .execute();
      });
      const status = await storeStatus(store);
      expect(status.advisories).toBe(2);
      expect(status.ecosystems).toEqual([
        { ecosystem: 'PyPI', advisories: 1 },
        { ecosystem: 'npm', advisories: 1 },
      ]);
      expect(status.sources).toEqual([{ id: 's', kind: 'dir', location: 'osv/', importedAt: '2026-01-02T00:00:00Z', recordCount: 3 }]);
      await store.close();
    });

    it('lets several openers of a fresh database race: one migrates, all succeed', async () => {
      const open = await engine.fresh();
      const stores = await Promise.all([open(), open(), open(), open()]);
      expect(stores.map((store) => store.schemaVersion)).toEqual(stores.map(() => migrations.at(-1)!.version));
      const first = stores[0];
      const applied = await first.db.selectFrom('trustline_migration').select('version').execute();
      expect(applied).toHaveLength(migrations.length);
      await Promise.all(stores.map((store) => store.close()));
    });

    it('refuses a database whose schema is newer than this version knows', async () => {
      const open = await engine.fresh();
      const store = await open();
      await store.write((tx) =>
        tx.insertInto('trustline_migration').values({ version: 999, name: 'future', applied_at: '2030-01-01T00:00:00Z' }).execute(),
      );
      await store.close();
      const reopen = open();
      await expect(reopen).rejects.toMatchObject({ code: 'store-too-new' });
      await expect(reopen).rejects.toBeInstanceOf(EnvironmentError);
    });
  });
}

describe('store on SQLite across processes', () => {
  it('lets concurrent processes migrate and write one data directory, each waiting for the others', async () => {
    const dataDir = tempDir();
    const writer = join(repoRoot, 'src/store/__fixtures__/concurrent-writer.ts');
    const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const results = await Promise.allSettled(
      names.map((name) => run(process.execPath, ['--import', 'tsx', writer, dataDir, name], { cwd: repoRoot })),
    );
    expect(results.map((result) => result.status)).toEqual(names.map(() => 'fulfilled'));

    const store = await openStore({ dataDir, databaseUrl: null });
    const status = await storeStatus(store);
    expect(status.advisories).toBe(names.length * 3);
    expect(status.sources.map((source) => source.id).sort()).toEqual(names);
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    await store.close();
  }, 60_000);

  it('reports a data directory it cannot create as an environment failure naming the file', async () => {
    const dir = tempDir();
    const blocked = join(dir, 'not-a-dir');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocked, 'x'));
    await expect(openStore({ dataDir: join(blocked, 'data'), databaseUrl: null })).rejects.toMatchObject({
      code: 'store-unavailable',
      file: join(blocked, 'data', 'trustline.db'),
    });
  });
});
