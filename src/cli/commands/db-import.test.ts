import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-db-import-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const record = (id: string, name: string) =>
  JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] });

describe('trustline db import', () => {
  it('imports a folder of records and export zips, lists skipped records on stderr, exits 0', async () => {
    const source = join(root, 'osv');
    mkdirSync(join(source, 'nested'), { recursive: true });
    writeFileSync(join(source, 'GHSA-1.json'), record('GHSA-1', 'left-pad'));
    writeFileSync(join(source, 'nested', 'broken.json'), '{');
    writeFileSync(join(source, 'npm.zip'), zipSync({ 'MAL-1.json': strToU8(record('MAL-1', 'evil')), 'MAL-2.json': strToU8(record('MAL-2', 'worse')) }));
    const dataDir = join(root, 'data');
    const run = await runCli(['db', 'import', source, '--data-dir', dataDir, '--format', 'json'], { cwd: root });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ source, read: 3, added: 3, updated: 0, unchanged: 0, skipped: 1, warnings: 0 });
    expect(run.stderr).toMatch(/^trustline: nested\/broken\.json: skipped: not JSON/);
    const status = await runCli(['db', 'status', '--data-dir', dataDir, '-f', 'json'], { cwd: root });
    expect(JSON.parse(status.stdout)).toMatchObject({ advisories: 3, ecosystems: [{ ecosystem: 'npm', advisories: 3 }] });
  });

  it('shows import progress on a terminal only', async () => {
    const source = join(root, 'progress');
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'GHSA-9.json'), record('GHSA-9', 'left-pad'));
    const tty = await runCli(['db', 'import', source, '--data-dir', join(root, 'progress-data')], { cwd: root, tty: true });
    expect(tty.stderr).toContain(`importing ${source} 100% 1 / 1`);
    expect(tty.stderr.startsWith('\r')).toBe(true);
    const pipe = await runCli(['db', 'import', source, '--data-dir', join(root, 'progress-data')], { cwd: root });
    expect(pipe.stderr).toBe('');
  });

  it('exits 2 when the source does not exist, and for a file that is not a zip', async () => {
    const missing = await runCli(['db', 'import', join(root, 'nope'), '--data-dir', join(root, 'd2')], { cwd: root });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`trustline: ${join(root, 'nope')}: no such file or folder\n`);
    writeFileSync(join(root, 'fake.zip'), 'not a zip');
    const fake = await runCli(['db', 'import', join(root, 'fake.zip'), '--data-dir', join(root, 'd2')], { cwd: root });
    expect(fake.exitCode).toBe(2);
  });
});
