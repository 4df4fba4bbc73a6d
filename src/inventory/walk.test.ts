import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listedFiles, walk } from './walk.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-walk-'));
const outside = mkdtempSync(join(tmpdir(), 'trustline-outside-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function touch(path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '{}');
}

for (const path of ['package-lock.json', 'app/package-lock.json', 'app/node_modules/x/package-lock.json', '.git/package-lock.json', 'vendor/package-lock.json', 'fixtures/package-lock.json', 'app/readme.md']) touch(path);
writeFileSync(join(outside, 'package-lock.json'), '{}');
symlinkSync(join(outside, 'package-lock.json'), join(root, 'app', 'linked-out-package-lock.json'));
symlinkSync(join(root, 'package-lock.json'), join(root, 'app', 'linked-in-package-lock.json'));
symlinkSync(outside, join(root, 'linked-folder'));

const wants = (path: string): boolean => path.endsWith('package-lock.json');

describe('walk', () => {
  it('finds wanted files recursively, skipping installed packages and VCS folders, in sorted order', () => {
    expect(walk(root, { wants }).files).toEqual([
      'app/linked-in-package-lock.json',
      'app/package-lock.json',
      'fixtures/package-lock.json',
      'package-lock.json',
    ]);
  });

  it('never follows links out of the tree or into linked folders', () => {
    const files = walk(root, { wants }).files;
    expect(files).not.toContain('app/linked-out-package-lock.json');
    expect(files.some((file) => file.startsWith('linked-folder/'))).toBe(false);
  });

  it('stays in the folder without recursion', () => {
    expect(walk(root, { wants, recursive: false }).files).toEqual(['package-lock.json']);
  });

  it('skips excluded globs, by path or by base name', () => {
    expect(walk(root, { wants, exclude: ['fixtures/**', 'linked-*'] }).files).toEqual(['app/package-lock.json', 'package-lock.json']);
    expect(walk(root, { wants, exclude: ['app'] }).files).toEqual(['fixtures/package-lock.json', 'package-lock.json']);
  });

  it('stops at the entry bound and says so', () => {
    const result = walk(root, { wants, maxEntries: 2 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/more than 2 entries/);
  });
});

describe('listedFiles', () => {
  // Every file of the tree, links kept only when they stay inside (as the repository listing does), in no particular order.
  const listing = ['vendor/package-lock.json', 'app/readme.md', 'package-lock.json', 'app/node_modules/x/package-lock.json', '.git/package-lock.json', 'fixtures/package-lock.json', 'app/package-lock.json', 'app/linked-in-package-lock.json'];

  it('takes from a listing what the walk finds, in the walk\'s order', () => {
    for (const options of [{ wants }, { wants, recursive: false }, { wants, exclude: ['fixtures'] }, { wants, exclude: ['app/*.json'] }, { wants, skipFolders: new Set(['.git']) }]) {
      expect(listedFiles(listing, options).files).toEqual(walk(root, options).files);
    }
  });

  it('orders folder by folder, as the walk does, not as a plain sort of the paths', () => {
    expect(listedFiles(['a-b', 'a/z', 'a.c', 'a/y/x'], { wants: () => true }).files).toEqual(['a/y/x', 'a/z', 'a-b', 'a.c']);
  });
});
