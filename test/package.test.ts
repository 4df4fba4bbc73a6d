/**
 * The package as users get it: the built CLI through bin/trustline, and the library through the
 * package's own name. Both need the build that `npm ci` (prepare) and `npm test` run first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './shared.js';

const run = promisify(execFile);
const built = existsSync(join(repoRoot, 'dist', 'bundle', 'bin.js')) && existsSync(join(repoRoot, 'dist', 'index.js'));
const dataDir = mkdtempSync(join(tmpdir(), 'trustline-bin-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

if (!built && process.env['CI'] === 'true') throw new Error('dist/ is not built: npm ci runs the build (prepare)');

describe.skipIf(!built)(`the built package${built ? '' : ' (skipped: run npm run build)'}`, () => {
  const bin = join(repoRoot, 'bin', 'trustline');

  it('runs ./bin/trustline --version and --help', async () => {
    const version = await run(bin, ['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await run(bin, ['--help']);
    expect(help.stdout).toContain('Usage: trustline');
  });

  it('runs db status end to end on a fresh data directory', async () => {
    const status = await run(bin, ['db', 'status', '--format', 'json'], { env: { ...process.env, TRUSTLINE_HOME: dataDir, DATABASE_URL: '' } });
    expect(JSON.parse(status.stdout)).toMatchObject({ database: { engine: 'sqlite', schemaVersion: 1 }, advisories: 0 });
  });

  it('exits 2 with one line on bad usage, with no stack trace', async () => {
    const failure = await run(bin, ['db', 'status', '--format', 'nope']).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('ends quietly when the reader closes the pipe early (trustline ... | head)', async () => {
    // Output far larger than a pipe's buffer, so writes are still pending when `head` leaves.
    const fixture = join(repoRoot, 'test', 'fixtures', 'npm-real');
    const result = await run('sh', ['-c', `"${bin}" inventory "${fixture}" --format json | head -c 10 > /dev/null`]);
    expect(result.stderr).toBe('');
  });

  it("exports the library from the package's own name", async () => {
    const script =
      "import('trustline').then((t) => console.log(typeof t.openStore, typeof t.createHttpClient, typeof t.TrustlineError, t.compareVersions('PyPI', '1.0rc1', '1.0'), t.parsePurl('pkg:npm/x@1').name))";
    const result = await run(process.execPath, ['-e', script], { cwd: repoRoot });
    expect(result.stdout.trim()).toBe('function function function -1 x');
  });
});
