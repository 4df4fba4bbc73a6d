import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';
import { startHttpFixture } from '../../../test/http-fixture.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-scan-cli-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const gemRecord = (id: string, name: string, fixed: string, extra: object = {}) => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  summary: `${name} is vulnerable`,
  affected: [{ package: { ecosystem: 'RubyGems', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
  ...extra,
});

const gemfileLock = `GEM
  remote: https://rubygems.org/
  specs:
    rack (2.0.0)
    rubyzip (1.2.0)
    nokogiri (1.16.0)

PLATFORMS
  ruby

DEPENDENCIES
  rack
  rubyzip
  nokogiri
`;

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function advisories(name: string, records: object[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const record of records) writeFileSync(join(dir, `${(record as { id: string }).id}.json`), JSON.stringify(record));
  return dir;
}

describe('trustline scan', () => {
  const osv = advisories('osv', [
    gemRecord('GHSA-rack-0001-0001', 'rack', '2.0.8', { aliases: ['CVE-2019-16782'], database_specific: { severity: 'MODERATE' } }),
    gemRecord('MAL-2024-9', 'nokogiri', '9.9.9'),
    gemRecord('GHSA-zip0-0001-0001', 'rubyzip', '1.2.1', { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
  ]);
  const app = project('app', { 'Gemfile.lock': gemfileLock });

  it('imports --advisories, reports findings (malicious first) and exits 1', async () => {
    const dataDir = join(root, 'data-1');
    const run = await runCli(['scan', app, '--advisories', osv, '--data-dir', dataDir, '--format', 'json'], { cwd: root });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; findings: { id: string; kind: string; fixed: string[]; severity: { rating: string } }[]; summary: object };
    expect(report.schemaVersion).toBe(1);
    expect(report.findings.map((finding) => [finding.id, finding.kind, finding.severity.rating, finding.fixed])).toEqual([
      ['MAL-2024-9', 'malicious', 'unknown', ['9.9.9']],
      ['GHSA-zip0-0001-0001', 'vulnerability', 'critical', ['1.2.1']],
      ['GHSA-rack-0001-0001', 'vulnerability', 'medium', ['2.0.8']],
    ]);
    expect(report.summary).toMatchObject({ packages: 3, findings: 3, malicious: 1 });
    expect(run.stderr).toContain('3 records, 3 added');
  });

  it('uses the store on the next run without the flag, offline, and prints a table', async () => {
    const dataDir = join(root, 'data-1');
    const run = await runCli(['scan', app, '--offline', '--data-dir', dataDir], { cwd: root });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('3 findings (1 malicious, 1 critical, 1 medium) in 3 of 3 packages.');
    expect(run.stdout).toMatch(/nokogiri\s+1\.16\.0\s+MALICIOUS\s+MAL-2024-9\s+remove it/);
    expect(run.stdout).toMatch(/rubyzip\s+1\.2\.0\s+CRITICAL 9\.8\s+GHSA-zip0-0001-0001\s+1\.2\.1\s+1\.2\.1/);
    expect(run.stdout).toMatch(/Advisory data: 3 advisories, updated \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('writes SARIF for code scanning', async () => {
    const run = await runCli(['scan', app, '--offline', '--data-dir', join(root, 'data-1'), '--format', 'sarif'], { cwd: root });
    expect(run.exitCode).toBe(1);
    const log = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['MAL-2024-9', 'Gemfile.lock'],
      ['GHSA-zip0-0001-0001', 'Gemfile.lock'],
      ['GHSA-rack-0001-0001', 'Gemfile.lock'],
    ]);
  });

  it('honours ignore: entries with a reason and an expiry, and exits 0 when everything is ignored', async () => {
    const dir = project('ignored', {
      'Gemfile.lock': gemfileLock,
      'trustline.yaml': [
        'ignore:',
        '  - { id: CVE-2019-16782, reason: not reachable }',
        '  - { id: GHSA-zip0-0001-0001, reason: patched locally, until: 2999-01-01 }',
        '  - { id: MAL-2024-9, reason: false positive, package: "pkg:gem/nokogiri@1.16.0" }',
        '  - { id: GHSA-old0-0001-0001, reason: old, until: 2020-01-01 }',
      ].join('\n'),
    });
    const run = await runCli(['scan', dir, '--offline', '--data-dir', join(root, 'data-1'), '--format', 'json'], { cwd: root });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: { findings: number; ignored: number }; ignoreNotices: { message: string }[] };
    expect(report.summary).toMatchObject({ findings: 0, ignored: 3 });
    expect(run.stderr).toContain('the exception for GHSA-old0-0001-0001 matched no finding');
  });

  it('rejects an ignore entry without a reason, naming the file and line', async () => {
    const dir = project('bad-ignore', { 'Gemfile.lock': gemfileLock, 'trustline.yaml': 'ignore:\n  - id: GHSA-1\n' });
    const run = await runCli(['scan', dir, '--offline', '--data-dir', join(root, 'data-1')], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/trustline\.yaml:2: ignore\.0\.reason/);
  });

  it('offline with an empty store: never reports 0 findings, says what to do and exits 3', async () => {
    const run = await runCli(['scan', app, '--offline', '--data-dir', join(root, 'empty')], { cwd: root });
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('trustline: no advisory data for RubyGems in the store: run `trustline db update --ecosystem RubyGems`, `trustline db import PATH`, or pass --advisories PATH|URL\n');
  });

  it('fails only at or above --fail-on, malicious packages always', async () => {
    const dataDir = join(root, 'data-1');
    const high = project('fail-on', { 'Gemfile.lock': gemfileLock.replace('    nokogiri (1.16.0)\n', '').replace('    rubyzip (1.2.0)\n', '') });
    expect((await runCli(['scan', high, '--offline', '--data-dir', dataDir, '--fail-on', 'high'], { cwd: root })).exitCode).toBe(0);
    expect((await runCli(['scan', high, '--offline', '--data-dir', dataDir, '--fail-on', 'medium'], { cwd: root })).exitCode).toBe(1);
    expect((await runCli(['scan', app, '--offline', '--data-dir', dataDir, '--fail-on', 'critical', '-f', 'json'], { cwd: root })).exitCode).toBe(1);
    expect((await runCli(['scan', app, '--offline', '--data-dir', dataDir, '--fail-on', 'nope'], { cwd: root })).exitCode).toBe(2);
  });

  it('scans several paths as one report, naming each file with its path', async () => {
    project('other', { 'Gemfile.lock': gemfileLock });
    const run = await runCli(['scan', 'app', 'other', '--offline', '--data-dir', join(root, 'data-1'), '-f', 'json'], { cwd: root });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { id: string; locations: { file: string }[] }[] };
    expect(report.findings.find((finding) => finding.id === 'MAL-2024-9')?.locations.map((place) => place.file)).toEqual(['app/Gemfile.lock', 'other/Gemfile.lock']);
  });

  it('exits 2 when nothing scannable is found, and for a missing path before anything else', async () => {
    const empty = project('nothing', { 'README.md': 'hello' });
    const run = await runCli(['scan', empty, '--offline', '--data-dir', join(root, 'data-1')], { cwd: root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('nothing scannable found');
    const missing = await runCli(['scan', app, join(root, 'nope'), '--offline', '--data-dir', join(root, 'empty-2')], { cwd: root });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`trustline: ${join(root, 'nope')}: no such file or folder\n`);
  });

  it('online, fetches the export of each ecosystem the store lacks, conditionally', async () => {
    const zip = Buffer.from(zipSync({ 'GHSA-rack-0001-0001.json': strToU8(JSON.stringify(gemRecord('GHSA-rack-0001-0001', 'rack', '2.0.8'))) }));
    const server = await startHttpFixture((request, response) => {
      if (request.url !== '/RubyGems/all.zip') {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader('etag', '"1"');
      response.end(zip);
    });
    try {
      const env = { TRUSTLINE_OSV_EXPORT_URL: server.url };
      const dataDir = join(root, 'online');
      const first = await runCli(['scan', app, '--data-dir', dataDir, '--format', 'json'], { cwd: root, env });
      expect(first.exitCode).toBe(1);
      expect(server.requests.map((request) => request.url)).toEqual(['/RubyGems/all.zip']);
      expect((JSON.parse(first.stdout) as { findings: unknown[] }).findings).toHaveLength(1);
      // Fresh data is not asked for again within the hour.
      await runCli(['scan', app, '--data-dir', dataDir, '--format', 'json'], { cwd: root, env });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('takes the mirror from --osv-export-url first, then the environment, then advisories.exportUrl', async () => {
    const zip = Buffer.from(zipSync({ 'GHSA-rack-0001-0001.json': strToU8(JSON.stringify(gemRecord('GHSA-rack-0001-0001', 'rack', '2.0.8'))) }));
    const mirror = await startHttpFixture((_request, response) => {
      response.end(zip);
    });
    try {
      const unreachable = { TRUSTLINE_OSV_EXPORT_URL: 'http://127.0.0.1:9' };
      const byFlag = await runCli(['scan', app, '--osv-export-url', `${mirror.url}/flag`, '--data-dir', join(root, 'mirror-flag'), '-f', 'json'], { cwd: root, env: unreachable });
      expect(byFlag.exitCode).toBe(1);
      const configured = project('mirror-config', { 'Gemfile.lock': gemfileLock, 'trustline.yaml': `advisories:
  exportUrl: ${mirror.url}/config
` });
      const byConfig = await runCli(['scan', configured, '--data-dir', join(root, 'mirror-config-data'), '-f', 'json'], { cwd: root });
      expect(byConfig.exitCode).toBe(1);
      expect(mirror.requests.map((request) => request.url)).toEqual(['/flag/RubyGems/all.zip', '/config/RubyGems/all.zip']);
    } finally {
      await mirror.close();
    }
  });

  it('leaves out --omit scopes, and writes markdown and CycloneDX with vulnerabilities', async () => {
    const lockfile = JSON.stringify({
      name: 'web',
      lockfileVersion: 3,
      packages: { '': { name: 'web', dependencies: { 'left-pad': '1.0.0' }, devDependencies: { jest: '1.0.0' } }, 'node_modules/left-pad': { version: '1.0.0' }, 'node_modules/jest': { version: '1.0.0', dev: true } },
    });
    const web = project('web', { 'package-lock.json': lockfile });
    const npmRecord = (id: string, name: string) => ({ id, modified: '2024-01-01T00:00:00Z', summary: `${name} issue`, affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }] });
    const osvNpm = advisories('osv-npm', [npmRecord('GHSA-pad0-0001-0001', 'left-pad'), npmRecord('GHSA-jest-0001-0001', 'jest')]);
    const dataDir = join(root, 'omit');
    const all = await runCli(['scan', web, '--offline', '--advisories', osvNpm, '--data-dir', dataDir, '-f', 'json'], { cwd: root });
    expect((JSON.parse(all.stdout) as { findings: { id: string; scope?: string }[] }).findings.map((finding) => [finding.id, finding.scope])).toEqual([
      ['GHSA-jest-0001-0001', 'dev'],
      ['GHSA-pad0-0001-0001', 'prod'],
    ]);
    const omitted = await runCli(['scan', web, '--offline', '--omit', 'dev', '--data-dir', dataDir, '-f', 'json'], { cwd: root });
    expect((JSON.parse(omitted.stdout) as { findings: { id: string }[] }).findings.map((finding) => finding.id)).toEqual(['GHSA-pad0-0001-0001']);
    expect((await runCli(['scan', web, '--offline', '--omit', 'nope', '--data-dir', dataDir], { cwd: root })).exitCode).toBe(2);

    const markdown = await runCli(['scan', web, '--offline', '--data-dir', dataDir, '-f', 'markdown'], { cwd: root });
    expect(markdown.stdout).toMatch(/^## Trustline: 2 findings/);
    expect(markdown.stdout).toContain('GHSA-pad0-0001-0001');
    const bom = JSON.parse((await runCli(['scan', web, '--offline', '--data-dir', dataDir, '-f', 'cyclonedx-json'], { cwd: root })).stdout) as { bomFormat: string; vulnerabilities: { id: string; affects: { ref: string }[] }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.vulnerabilities.map((vulnerability) => [vulnerability.id, vulnerability.affects[0]?.ref])).toEqual([
      ['GHSA-jest-0001-0001', 'pkg:npm/jest@1.0.0'],
      ['GHSA-pad0-0001-0001', 'pkg:npm/left-pad@1.0.0'],
    ]);
  });

  it('exits 3 online when the network fails and the store has no data', async () => {
    const run = await runCli(['scan', app, '--data-dir', join(root, 'unreachable')], { cwd: root, env: { TRUSTLINE_OSV_EXPORT_URL: 'http://127.0.0.1:9' } });
    expect(run.exitCode).toBe(3);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^trustline: cannot fetch http:\/\/127\.0\.0\.1:9\/RubyGems\/all\.zip/);
  });

});
