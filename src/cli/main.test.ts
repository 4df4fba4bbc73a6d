import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-cli-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
let counter = 0;
function freshDir(): string {
  const dir = join(root, `d${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('trustline CLI', () => {
  it('prints help with the commands, global options and exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.exitCode).toBe(0);
    for (const text of ['db ', '--config <file>', '--data-dir <dir>', '--offline', '--quiet', '--no-color', '--debug', 'Exit codes:', 'NO_COLOR']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('documents --format choices and default on each command', async () => {
    const run = await runCli(['db', 'status', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('output format: table, json');
    expect(run.stdout).toContain('default: "table"');
  });

  it('prints its version', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows help on stderr and exits 2 without a command', async () => {
    const run = await runCli([]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Usage: trustline');
  });

  it('rejects an unknown command or option with one line and exit 2', async () => {
    for (const argv of [['nope'], ['db', 'status', '--bogus'], ['db', 'status', '--format', 'xml']]) {
      const run = await runCli(argv);
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim().split('\n')[0]).toMatch(/^trustline: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports the database in db status as JSON', async () => {
    const dataDir = freshDir();
    const run = await runCli(['db', 'status', '--format', 'json', '--data-dir', dataDir], { cwd: freshDir() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      database: { engine: 'sqlite', location: join(dataDir, 'trustline.db'), schemaVersion: 1 },
      advisories: 0,
      ecosystems: [],
      sources: [],
      lastUpdate: null,
      ageSeconds: null,
    });
  });

  it('takes the data directory from TRUSTLINE_HOME', async () => {
    const home = freshDir();
    const run = await runCli(['db', 'status', '-f', 'json'], { env: { TRUSTLINE_HOME: home }, cwd: freshDir() });
    expect(run.exitCode).toBe(0);
    expect(existsSync(join(home, 'trustline.db'))).toBe(true);
  });

  it('writes --output whole, leaving no temporary file behind', async () => {
    const dir = freshDir();
    const run = await runCli(['db', 'status', '-f', 'json', '--data-dir', dir, '--output', 'status.json'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8'))).toHaveProperty('advisories', 0);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 naming the file when --output points into a missing folder', async () => {
    const dir = freshDir();
    const run = await runCli(['db', 'status', '--data-dir', dir, '-o', 'missing/status.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(`trustline: ${join(dir, 'missing/status.txt')}: cannot write the output file: its folder does not exist\n`);
  });

  it('exits 2 with file, line and key when the nearest trustline.yaml is invalid', async () => {
    const project = freshDir();
    writeFileSync(join(project, 'trustline.yaml'), 'version: 1\nofline: true\n');
    const nested = join(project, 'sub');
    mkdirSync(nested);
    const run = await runCli(['db', 'status', '--data-dir', freshDir()], { cwd: nested });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(`trustline: ${join(project, 'trustline.yaml')}:2: ofline: unknown key\n`);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when --config names a file that does not exist', async () => {
    const run = await runCli(['db', 'status', '--config', 'nope.yaml', '--data-dir', freshDir()], { cwd: freshDir() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/nope\.yaml: cannot read the config file: no such file\n$/);
  });

  it('exits 3 naming the database when the data directory is unusable, with a stack only under --debug', async () => {
    const dir = freshDir();
    const blocked = join(dir, 'file');
    writeFileSync(blocked, '');
    const plain = await runCli(['db', 'status', '--data-dir', join(blocked, 'data')], { cwd: dir });
    expect(plain.exitCode).toBe(3);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toContain(join(blocked, 'data', 'trustline.db'));
    const debug = await runCli(['db', 'status', '--debug', '--data-dir', join(blocked, 'data')], { cwd: dir });
    expect(debug.exitCode).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('exits 3 on a read-only database file', async () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; a database file that is a directory fails the same way.
      const dataDir = freshDir();
      mkdirSync(join(dataDir, 'trustline.db'));
      const run = await runCli(['db', 'status', '--data-dir', dataDir], { cwd: dataDir });
      expect(run.exitCode).toBe(3);
      return;
    }
    const dataDir = freshDir();
    chmodSync(dataDir, 0o500);
    const run = await runCli(['db', 'status', '--data-dir', join(dataDir, 'x')], { cwd: dataDir });
    expect(run.exitCode).toBe(3);
  });

  it('colours only a terminal, and never with NO_COLOR or --no-color', async () => {
    const dataDir = freshDir();
    const escape = '\u001b[';
    const tty = await runCli(['db', 'status', '--data-dir', dataDir], { tty: true, cwd: dataDir });
    expect(tty.stdout).toContain(escape);
    const pipe = await runCli(['db', 'status', '--data-dir', dataDir], { tty: false, cwd: dataDir });
    expect(pipe.stdout).not.toContain(escape);
    const noColor = await runCli(['db', 'status', '--data-dir', dataDir], { tty: true, env: { NO_COLOR: '1' }, cwd: dataDir });
    expect(noColor.stdout).not.toContain(escape);
    const flag = await runCli(['db', 'status', '--no-color', '--data-dir', dataDir], { tty: true, cwd: dataDir });
    expect(flag.stdout).not.toContain(escape);
  });
});

describe('--parse-as', () => {
  it('offers exactly the formats the inventory registers (the list is kept here so --help loads no extractor)', async () => {
    const { parseAsFormats } = await import('./main.js');
    const { formatNames } = await import('../inventory/formats.js');
    expect([...parseAsFormats].sort()).toEqual(formatNames());
  });
});
