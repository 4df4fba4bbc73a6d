/**
 * Matching on the real records of shared/data/osv (all 30,038, imported once): the hard cases of
 * OSV data, each on a record as its database published it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import type { Component, Inventory } from '../model/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { importAdvisories } from './import.js';
import { readOsvPath } from './read-source.js';
import { scanInventory } from './scan.js';

const component = (ecosystem: string, name: string, version: string, purlType: string): Component => ({
  name,
  version,
  ecosystem,
  purl: `pkg:${purlType}/${name.replace('@', '%40')}@${version}`,
  groups: [],
  location: { file: 'lockfile', line: 1 },
});
const inventory = (components: Component[]): Inventory => ({ root: '.', projects: [{ path: '.', files: ['lockfile'] }], components, edges: [], errors: [] });
const pypi = (name: string, version: string) => component('PyPI', name, version, 'pypi');
const npm = (name: string, version: string) => component('npm', name, version, 'npm');

describeShared('matching on the shared OSV records', ['data', 'osv'], (dir) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trustline-real-records-'));
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dataDir, databaseUrl: null });
    const source = readOsvPath(dir);
    await importAdvisories(store, { kind: 'dir', location: dir }, source.records, source.problems);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const findings = async (components: Component[]) => (await scanInventory(store, inventory(components), { today: '2026-12-01' })).findings;

  it('last_affected includes its version and nothing above (PYSEC-2022-42969, py)', async () => {
    const found = await findings([pypi('py', '1.11.0'), pypi('py', '1.11.1')]);
    expect(found.map((finding) => [finding.id, finding.version, finding.fixed])).toEqual([['GHSA-w596-4wvx-j9j6', '1.11.0', []]]);
    expect(found[0]?.aliases).toEqual(['CVE-2022-42969', 'PYSEC-2022-42969']);
  });

  it('pre-release fixes and several ranges follow PEP 440 (tensorflow-gpu)', async () => {
    const versions = ['2.1.0', '2.2.0rc0', '2.2.0rc4', '2.2.0', '2.3.0rc1', '2.3.1', '2.4.3'];
    const found = await findings(versions.map((version) => pypi('tensorflow-gpu', version)));
    const affected = new Set(found.filter((finding) => finding.aliases.includes('PYSEC-2021-671') || finding.id === 'PYSEC-2021-671').map((finding) => finding.version));
    expect([...affected].sort()).toEqual(['2.1.0', '2.2.0', '2.3.1']);
    const on231 = found.find((finding) => finding.version === '2.3.1' && (finding.id === 'PYSEC-2021-671' || finding.aliases.includes('PYSEC-2021-671')));
    expect(on231?.fixed[0]).toBe('2.3.4');
  });

  it('groups one vulnerability across databases into one finding (PYSEC-2024-100 = GHSA-vfj8-5pj7-2f9g)', async () => {
    const found = await findings([pypi('openc3', '5.18.0')]);
    expect(found.find((finding) => finding.id === 'GHSA-vfj8-5pj7-2f9g')).toMatchObject({ aliases: ['CVE-2024-43795', 'PYSEC-2024-100'], upgrade: '5.19.0' });
    // The PyPA record is not a second finding: every id appears in exactly one finding.
    const ids = found.flatMap((finding) => [finding.id, ...finding.aliases]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports malicious packages as their own kind, and drops withdrawn records', async () => {
    const found = await findings([npm('yappy_ts', '0.0.2'), npm('fetchs', '1.4.2')]);
    expect(found.map((finding) => [finding.id, finding.kind, finding.name])).toEqual([['MAL-2024-3975', 'malicious', 'yappy_ts']]);
  });

  it('evaluates several ECOSYSTEM ranges of one record and picks the fix on the own line (semver)', async () => {
    const found = await findings([npm('semver', '5.7.1'), npm('semver', '6.3.0'), npm('semver', '7.5.1'), npm('semver', '7.5.2')]);
    expect(found.map((finding) => [finding.version, finding.upgrade])).toEqual([
      ['5.7.1', '5.7.2'],
      ['6.3.0', '6.3.1'],
      ['7.5.1', '7.5.2'],
    ]);
  });
});
