import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTestDataPath, localRepository, memoryRepository } from './repository.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-repository-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function tree(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'src', 'a.ts'), 'export {};\n');
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(2000, 1));
  writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), '');
  writeFileSync(join(root, 'outside.txt'), 'secret');
  symlinkSync(join(root, 'outside.txt'), join(dir, 'leak.txt'));
  symlinkSync(join(dir, 'src', 'a.ts'), join(dir, 'inside.ts'));
  return dir;
}

describe('localRepository', () => {
  it('walks a plain folder, never following a link out of it, and bounds reads', () => {
    const dir = tree('plain');
    const files = localRepository(dir, { maxFileBytes: 1000, exclude: ['node_modules/**'] });
    expect(files.paths).toEqual(['big.bin', 'inside.ts', 'src/a.ts']);
    expect(files.readText('src/a.ts')).toBe('export {};\n');
    expect(files.readText('big.bin')).toBeUndefined();
    expect([...(files.readHead('big.bin', 4) ?? [])]).toEqual([1, 1, 1, 1]);
    expect(files.size('big.bin')).toBe(2000);
    expect(files.readText('leak.txt')).toBeUndefined();
  });

  it('lists what git tracks or would track in a work tree (ignored files are not the project)', () => {
    const dir = tree('git');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.bin\n');
    execFileSync('git', ['init', '-q', dir]);
    const files = localRepository(dir);
    expect(files.paths).toEqual(['.gitignore', 'inside.ts', 'src/a.ts']);
    // A folder the enclosing repository ignores is walked, not listed as empty.
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.bin\nsrc/\n');
    expect(localRepository(join(dir, 'src')).paths).toEqual(['a.ts']);
  });
});

describe('repositories in memory and test data', () => {
  it('serves files from memory, null as an empty file', () => {
    const files = memoryRepository({ 'b.txt': 'b', 'a.txt': null });
    expect(files.paths).toEqual(['a.txt', 'b.txt']);
    expect(files.readText('a.txt')).toBe('');
    expect(files.size('b.txt')).toBe(1);
  });

  it("leaves Scorecard's test data out", () => {
    expect(isTestDataPath('checks/testdata/x.yml')).toBe(true);
    expect(isTestDataPath('testdata/x')).toBe(true);
    expect(isTestDataPath('src/test/java/A.java')).toBe(true);
    expect(isTestDataPath('src/main/A.java')).toBe(false);
  });
});
