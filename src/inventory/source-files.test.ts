import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceFiles } from './source-files.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-sources-'));
const outside = mkdtempSync(join(tmpdir(), 'trustline-sources-out-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
mkdirSync(join(root, 'app'));
writeFileSync(join(root, 'app', 'go.mod'), 'module x\n');
writeFileSync(join(root, 'app', 'go.sum'), 'sum\n');
writeFileSync(join(root, 'base.txt'), '\ufeffwith a byte order mark\n');
writeFileSync(join(root, 'big.txt'), 'x'.repeat(2048));
writeFileSync(join(outside, 'secret.txt'), 'secret');
symlinkSync(join(outside, 'secret.txt'), join(root, 'app', 'escape.txt'));

describe('source files', () => {
  const sources = new SourceFiles(root, 1024);

  it('reads a file once, without a byte order mark', () => {
    const first = sources.read('base.txt');
    expect(first).toMatchObject({ ok: true, file: { path: 'base.txt', text: 'with a byte order mark\n' } });
    expect(sources.read('base.txt')).toBe(first);
  });

  it('refuses a file over the size limit, naming the flag that raises it', () => {
    expect(sources.read('big.txt')).toEqual({ ok: false, message: 'larger than the 1024-byte limit (raise it with --max-file-size)' });
  });

  it('serves related files beside a file', () => {
    const goMod = sources.read('app/go.mod');
    if (!goMod.ok) throw new Error(goMod.message);
    expect(goMod.file.readRelated('go.sum')?.text).toBe('sum\n');
    expect(goMod.file.readRelated('../base.txt')?.path).toBe('base.txt');
    expect(goMod.file.readRelated('missing')).toBeUndefined();
  });

  it('never leaves the tree: no .. escape, no absolute path, no link out', () => {
    const goMod = sources.read('app/go.mod');
    if (!goMod.ok) throw new Error(goMod.message);
    expect(goMod.file.readRelated('../../etc/passwd')).toBeUndefined();
    expect(goMod.file.readRelated('/etc/passwd')).toBeUndefined();
    expect(goMod.file.readRelated('escape.txt')).toBeUndefined();
    expect(sources.read('app/escape.txt')).toEqual({ ok: false, message: 'points outside the scanned folder' });
  });
});
