import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import type { Component, Inventory, OsvRecord } from '../model/index.js';
import { openStore } from '../store/index.js';
import { importAdvisories } from './import.js';
import { readOsvPath } from './read-source.js';
import { scanInventory, scanRecords } from './scan.js';

const component = (name: string, version: string, extra: Partial<Component> = {}): Component => ({
  name,
  version,
  ecosystem: 'npm',
  purl: `pkg:npm/${name}@${version}`,
  groups: [],
  location: { file: 'package-lock.json', line: 1 },
  ...extra,
});

const inventory = (components: Component[], edges: Inventory['edges'] = []): Inventory => ({ root: '.', projects: [{ path: '.', files: ['package-lock.json'] }], components, edges, errors: [] });

const range = (...events: object[]) => [{ type: 'ECOSYSTEM' as const, events: events as never }];
const npmRecord = (id: string, name: string, events: object[], extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name }, ranges: range(...events) }],
  ...extra,
});
const database = { advisories: 0, importedAt: null, sources: [], ecosystems: [], missingEcosystems: [] };
const today = '2026-12-01';

describe('scanRecords', () => {
  it('groups aliases into one finding with every id and the preferred id', () => {
    const records = [
      npmRecord('GHSA-aaaa-bbbb-cccc', 'semver', [{ introduced: '0' }, { fixed: '5.7.2' }], { aliases: ['CVE-2022-25883'], database_specific: { severity: 'HIGH' } }),
      npmRecord('CVE-2022-25883', 'semver', [{ introduced: '0' }, { fixed: '5.7.2' }]),
    ];
    const report = scanRecords(inventory([component('semver', '5.7.1')]), records, database, { today });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ id: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2022-25883'], kind: 'vulnerability', severity: { rating: 'high' }, fixed: ['5.7.2'], upgrade: '5.7.2', name: 'semver', version: '5.7.1', ecosystem: 'npm', purl: 'pkg:npm/semver@5.7.1' });
    expect(report.summary).toMatchObject({ packages: 1, findings: 1, malicious: 0, bySeverity: { high: 1 } });
  });

  it('puts malicious packages above every vulnerability', () => {
    const records = [
      npmRecord('GHSA-crit-crit-crit', 'a', [{ introduced: '0' }], { database_specific: { severity: 'CRITICAL' } }),
      npmRecord('MAL-2024-1', 'b', [{ introduced: '0' }]),
    ];
    const report = scanRecords(inventory([component('a', '1.0.0'), component('b', '1.0.0')]), records, database, { today });
    expect(report.findings.map((finding) => [finding.id, finding.kind])).toEqual([
      ['MAL-2024-1', 'malicious'],
      ['GHSA-crit-crit-crit', 'vulnerability'],
    ]);
    expect(report.summary.malicious).toBe(1);
  });

  it('offers the fix on the installed release line first, and the smallest upgrade that fixes all findings', () => {
    const records = [
      npmRecord('GHSA-1', 'lib', [{ introduced: '0' }, { fixed: '2.5.1' }, { introduced: '3.0.0' }, { fixed: '3.2.1' }]),
      npmRecord('GHSA-2', 'lib', [{ introduced: '2.0.0' }, { fixed: '2.6.0' }]),
    ];
    const report = scanRecords(inventory([component('lib', '2.4.0')]), records, database, { today });
    expect(report.findings.find((finding) => finding.id === 'GHSA-1')?.fixed).toEqual(['2.5.1', '3.2.1']);
    expect(report.fixes).toEqual([{ name: 'lib', ecosystem: 'npm', purl: 'pkg:npm/lib@2.4.0', version: '2.4.0', upgradeTo: '2.6.0', fixes: ['GHSA-1', 'GHSA-2'], unfixed: [] }]);
    const onThree = scanRecords(inventory([component('lib', '3.1.0')]), records, database, { today });
    expect(onThree.findings.map((finding) => [finding.id, finding.fixed])).toEqual([['GHSA-1', ['3.2.1']]]);
  });

  it('checks fixes against every entry of the package, also those that do not cover the installed version', () => {
    const records: OsvRecord[] = [
      {
        id: 'GHSA-1',
        modified: '2024-01-01T00:00:00Z',
        affected: [
          { package: { ecosystem: 'npm', name: 'lib' }, ranges: range({ introduced: '0' }, { fixed: '3.0.0' }) },
          { package: { ecosystem: 'npm', name: 'lib' }, ranges: range({ introduced: '3.0.0' }, { fixed: '3.0.5' }) },
        ],
      },
    ];
    expect(scanRecords(inventory([component('lib', '2.0.0')]), records, database, { today }).findings[0]?.fixed).toEqual(['3.0.5']);
  });

  it('never offers a fixed version that another range of the finding still affects', () => {
    const records: OsvRecord[] = [
      {
        id: 'GHSA-1',
        modified: '2024-01-01T00:00:00Z',
        affected: [{ package: { ecosystem: 'npm', name: 'lib' }, ranges: [...range({ introduced: '0' }, { fixed: '1.5.0' }), ...range({ introduced: '1.5.0' }, { last_affected: '1.9.0' })] }],
      },
    ];
    const report = scanRecords(inventory([component('lib', '1.0.0')]), records, database, { today });
    expect(report.findings[0]?.fixed).toEqual([]);
    expect(report.fixes[0]).toMatchObject({ unfixed: ['GHSA-1'] });
    expect(report.fixes[0]?.upgradeTo).toBeUndefined();
  });

  it('carries the most needed scope, and leaves omitted scopes out', () => {
    const records = [npmRecord('GHSA-1', 'lib', [{ introduced: '0' }])];
    const devOnly = [component('lib', '1.0.0', { scope: 'dev' })];
    expect(scanRecords(inventory(devOnly), records, database, { today }).findings[0]?.scope).toBe('dev');
    expect(scanRecords(inventory([...devOnly, component('lib', '1.0.0', { scope: 'prod', location: { file: 'b/package-lock.json' } })]), records, database, { today }).findings[0]?.scope).toBe('prod');
    expect(scanRecords(inventory(devOnly), records, database, { today, omit: ['dev'] }).findings).toEqual([]);
    expect(scanRecords(inventory(devOnly), records, database, { today, omit: ['optional'] }).findings).toHaveLength(1);
  });

  it('lists what cannot be matched, with the reason', () => {
    const report = scanRecords(
      inventory([
        component('ranged', '1.2.0', { unpinned: true, versionRange: '^1.2.0' }),
        component('git', '', { commit: 'abc' }),
        component('nothing', ''),
        component('x', '1.0', { ecosystem: 'Nowhere' }),
      ]),
      [],
      database,
      { today },
    );
    expect(report.unmatched.map((item) => [item.name, item.reason])).toEqual([
      ['ranged', 'declares a range (^1.2.0), not an installed version: add a lockfile'],
      ['git', 'pinned to a commit only; GIT ranges are not evaluated offline'],
      ['nothing', 'no version'],
      ['x', 'ecosystem "Nowhere" is not supported'],
    ]);
    expect(report.summary).toMatchObject({ packages: 0, unmatched: 4 });
  });

  it('ignores withdrawn records and GIT-only entries', () => {
    const records: OsvRecord[] = [
      npmRecord('GHSA-w', 'lib', [{ introduced: '0' }], { withdrawn: '2024-02-01T00:00:00Z' }),
      { id: 'OSV-git', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: '0' }] }] }] },
    ];
    expect(scanRecords(inventory([component('lib', '1.0.0')]), records, database, { today }).findings).toEqual([]);
  });

  it('names the direct dependency and the path that bring a transitive package in', () => {
    const app = component('app-dep', '1.0.0', { direct: true });
    const middle = component('middle', '2.0.0', { direct: false });
    const leaf = component('leaf', '0.1.0', { direct: false });
    const report = scanRecords(
      inventory([app, middle, leaf], [
        { from: app.purl, to: middle.purl },
        { from: middle.purl, to: leaf.purl },
      ]),
      [npmRecord('GHSA-leaf', 'leaf', [{ introduced: '0' }, { fixed: '0.2.0' }])],
      database,
      { today },
    );
    expect(report.findings[0]?.paths).toEqual([[app.purl, middle.purl, leaf.purl]]);
  });

  it('applies exceptions by any alias, reports expired ones and those that matched nothing', () => {
    const records = [npmRecord('GHSA-1', 'lib', [{ introduced: '0' }], { aliases: ['CVE-1'] }), npmRecord('GHSA-2', 'other', [{ introduced: '0' }])];
    const report = scanRecords(inventory([component('lib', '1.0.0'), component('other', '1.0.0')]), records, database, {
      today,
      ignore: [
        { id: 'cve-1', reason: 'not reachable', until: '2026-12-01' },
        { id: 'GHSA-2', reason: 'old', until: '2026-11-30' },
        { id: 'GHSA-9', reason: 'gone' },
        { id: 'GHSA-2', reason: 'wrong package', package: 'pkg:npm/lib' },
      ],
    });
    expect(report.findings.find((finding) => finding.id === 'GHSA-1')?.ignored).toEqual({ id: 'cve-1', reason: 'not reachable', until: '2026-12-01' });
    expect(report.findings.find((finding) => finding.id === 'GHSA-2')?.ignored).toBeUndefined();
    expect(report.summary).toMatchObject({ findings: 1, ignored: 1 });
    expect(report.fixes.map((fix) => fix.name)).toEqual(['other']);
    expect(report.ignoreNotices.map((notice) => notice.message)).toEqual([
      'the exception for GHSA-2 expired on 2026-11-30; its findings are reported again',
      'the exception for GHSA-9 matched no finding; remove it if the advisory no longer applies',
      'the exception for GHSA-2 matched no finding; remove it if the advisory no longer applies',
    ]);
  });

  it('matches names as each ecosystem normalizes them and distribution releases', () => {
    const pypi: Component = { ...component('Django_Rest', '1.0'), ecosystem: 'PyPI', purl: 'pkg:pypi/django-rest@1.0' };
    const records: OsvRecord[] = [
      { id: 'PYSEC-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'django-rest' }, ranges: range({ introduced: '0' }, { fixed: '1.1' }) }] },
      { id: 'DSA-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Debian:11', name: 'curl' }, ranges: range({ introduced: '0' }, { fixed: '8.0-1' }) }] },
    ];
    const deb12: Component = { ...component('curl', '7.0-1'), ecosystem: 'Debian:12', purl: 'pkg:deb/debian/curl@7.0-1' };
    const deb: Component = { ...component('curl', '7.0-2'), ecosystem: 'Debian', purl: 'pkg:deb/debian/curl@7.0-2' };
    const report = scanRecords(inventory([pypi, deb12, deb]), records, database, { today });
    expect(report.findings.map((finding) => `${finding.id} ${finding.ecosystem}`).sort()).toEqual(['DSA-1 Debian', 'PYSEC-1 PyPI']);
  });

  it('reports an unreadable event version once, as an advisory problem', () => {
    const records = [npmRecord('RUBY-1', 'gem', [{ introduced: '0' }, { fixed: '!!' }])].map((record) => ({ ...record, affected: record.affected?.map((entry) => ({ ...entry, package: { ecosystem: 'RubyGems', name: 'gem' } })) }));
    const gem: Component = { ...component('gem', '1.0'), ecosystem: 'RubyGems', purl: 'pkg:gem/gem@1.0' };
    const report = scanRecords(inventory([gem, { ...gem, location: { file: 'other/Gemfile.lock' } }]), records, database, { today });
    expect(report.errors.map((problem) => problem.file)).toEqual(['advisory RUBY-1']);
    expect(report.errors[0]?.message).toContain('fixed version "!!"');
    expect(report.findings[0]?.locations).toHaveLength(2);
  });
});

describeShared('scanInventory on the shared advisories', ['data', 'osv', 'github-reviewed'], (dir) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trustline-scan-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the GitHub advisories of semver and rubyzip through the store', async () => {
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      const source = readOsvPath(dir);
      await importAdvisories(store, { kind: 'dir', location: dir }, source.records, source.problems);
      const rubyzip: Component = { ...component('rubyzip', '1.2.0'), ecosystem: 'RubyGems', purl: 'pkg:gem/rubyzip@1.2.0' };
      const report = await scanInventory(store, inventory([component('semver', '6.3.0'), component('semver', '7.5.2'), rubyzip]), { today });
      const found = report.findings.map((finding) => [finding.id, finding.name, finding.version, finding.fixed]);
      expect(found.sort()).toEqual([
        ['GHSA-c2qf-rxjj-qqgw', 'semver', '6.3.0', ['6.3.1', '7.5.2']],
        ['GHSA-gcqq-w6gr-h9j9', 'rubyzip', '1.2.0', ['1.2.1']],
      ]);
      // 26 records, two of them withdrawn (index.tsv).
      expect(report.source.advisories).toBe(24);
      expect(report.source.missingEcosystems).toEqual([]);
      const cargo: Component = { ...component('serde', '1.0.0'), ecosystem: 'crates.io', purl: 'pkg:cargo/serde@1.0.0' };
      expect((await scanInventory(store, inventory([cargo]), { today })).source.missingEcosystems).toEqual([]);
      const pub: Component = { ...component('http', '1.0.0'), ecosystem: 'Pub', purl: 'pkg:pub/http@1.0.0' };
      expect((await scanInventory(store, inventory([pub]), { today })).source.missingEcosystems).toEqual(['Pub']);
    } finally {
      await store.close();
    }
  });
});
