import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import { openStore, storeStatus } from '../store/index.js';
import type { Store } from '../store/index.js';
import { importAdvisories } from './import.js';
import { readOsvPath } from './read-source.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
async function freshStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'trustline-import-'));
  dirs.push(dir);
  return openStore({ dataDir: dir, databaseUrl: null });
}

const record = (id: string, modified: string, extra: object = {}) => ({
  origin: `${id}.json`,
  text: JSON.stringify({
    id,
    modified,
    affected: [{ package: { ecosystem: 'PyPI', name: 'Django_Rest' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0' }] }] }],
    ...extra,
  }),
});
const source = { kind: 'dir', location: 'test' };

describe('advisory import', () => {
  it('adds records and indexes them by ecosystem and normalized name', async () => {
    const store = await freshStore();
    const summary = await importAdvisories(store, source, [record('A-1', '2024-01-01T00:00:00Z'), record('A-2', '2024-01-01T00:00:00Z')]);
    expect(summary).toMatchObject({ read: 2, added: 2, updated: 0, unchanged: 0, skipped: [] });
    const rows = await store.db.selectFrom('advisory_package').select(['advisory_id', 'ecosystem', 'package_name']).orderBy('advisory_id').execute();
    expect(rows).toEqual([
      { advisory_id: 'A-1', ecosystem: 'PyPI', package_name: 'django-rest' },
      { advisory_id: 'A-2', ecosystem: 'PyPI', package_name: 'django-rest' },
    ]);
    await store.close();
  });

  it('replaces a record when modified is newer, or equal with other content, and leaves it otherwise', async () => {
    const store = await freshStore();
    await importAdvisories(store, source, [record('A-1', '2024-01-01T00:00:00Z'), record('A-2', '0001-01-01T00:00:00Z'), record('A-3', '2024-01-01T00:00:00Z')]);
    const again = await importAdvisories(store, source, [
      record('A-1', '2024-02-01T00:00:00Z'),
      record('A-2', '0001-01-01T00:00:00Z', { summary: 'changed' }),
      record('A-3', '2024-01-01T00:00:00Z'),
    ]);
    expect(again).toMatchObject({ added: 0, updated: 2, unchanged: 1 });
    const older = await importAdvisories(store, source, [record('A-1', '2023-01-01T00:00:00Z', { summary: 'old' })]);
    expect(older).toMatchObject({ updated: 0, unchanged: 1 });
    const a2 = await store.db.selectFrom('advisory').select('record').where('id', '=', 'A-2').executeTakeFirstOrThrow();
    expect(JSON.parse(a2.record)).toHaveProperty('summary', 'changed');
    await store.close();
  });

  it('skips unusable records whole, keeps records with warnings, and stores withdrawn ones as withdrawn', async () => {
    const store = await freshStore();
    const summary = await importAdvisories(store, source, [
      { origin: 'bad.json', text: '{ not json' },
      { origin: 'nointro.json', text: JSON.stringify({ id: 'B-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '1.0.0' }] }] }] }) },
      record('W-1', '2024-01-01T00:00:00Z', { withdrawn: '2024-01-02T00:00:00Z' }),
      record('G-1', '2024-01-01T00:00:00Z', { affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'GIT', repo: 'https://x', events: [{ introduced: 'abc' }] }, { type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] }),
    ]);
    expect(summary.skipped.map((item) => [item.origin, item.id])).toEqual([
      ['bad.json', undefined],
      ['nointro.json', 'B-1'],
    ]);
    expect(summary.warnings.map((item) => item.id)).toEqual(['G-1']);
    expect(summary.added).toBe(2);
    const status = await storeStatus(store);
    expect(status.advisories).toBe(1);
    expect(await store.db.selectFrom('advisory').select('id').where('id', '=', 'B-1').execute()).toEqual([]);
    await store.close();
  });
});

describeShared('advisory import of the shared OSV data', ['data', 'osv'], (osvDir) => {
  it('imports every ecosystem export and re-imports with nothing changed', async () => {
    const store = await freshStore();
    const read = readOsvPath(osvDir);
    const first = await importAdvisories(store, { kind: 'dir', location: osvDir }, read.records, read.problems);
    expect(first.skipped).toEqual([]);
    expect(first.read).toBeGreaterThan(28_000);
    expect(first.added).toBe(first.read);
    const second = await importAdvisories(store, { kind: 'dir', location: osvDir }, read.records, read.problems);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: first.read });
    const status = await storeStatus(store);
    expect(status.ecosystems.map((row) => row.ecosystem)).toEqual(expect.arrayContaining(['Go', 'PyPI', 'crates.io', 'npm', 'Maven', 'NuGet', 'RubyGems']));
    await store.close();
  }, 120_000);
});
