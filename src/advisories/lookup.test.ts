import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { importAdvisories } from './import.js';
import { advisoriesFor } from './lookup.js';

const dir = mkdtempSync(join(tmpdir(), 'trustline-lookup-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const record = (id: string, ecosystem: string, name: string, extra: object = {}) => ({
  origin: id,
  text: JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name }, versions: ['1.0'] }], ...extra }),
});

describe('advisory lookup', () => {
  it('reads only the advisories of the given packages, by normalized name, without withdrawn ones', async () => {
    const store = await openStore({ dataDir: dir, databaseUrl: null });
    await importAdvisories(store, { kind: 'dir', location: 'x' }, [
      record('A', 'PyPI', 'Django_Rest'),
      record('B', 'PyPI', 'other'),
      record('C', 'npm', 'django-rest'),
      record('D', 'Debian:12', 'openssl'),
      record('W', 'PyPI', 'django-rest', { withdrawn: '2024-02-01T00:00:00Z' }),
    ]);
    const found = await advisoriesFor(store, [
      { ecosystem: 'PyPI', name: 'django-rest' },
      { ecosystem: 'Debian', name: 'openssl' },
    ]);
    expect(found.map((advisory) => advisory.id).sort()).toEqual(['A', 'D']);
    expect(await advisoriesFor(store, [])).toEqual([]);
    await store.close();
  });
});
