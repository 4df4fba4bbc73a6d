import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installPathResolver, nameFromInstallPath, resolveInstallPath } from './node-resolution.js';

/** Node's algorithm as written in its documentation, segment by segment: the reference the sliced version must match. */
function referenceResolve(fromDir: string, name: string, isInstalled: (path: string) => boolean): string | undefined {
  const segments = fromDir === '' ? [] : fromDir.split('/');
  if (segments.length > 512) return undefined;
  for (let count = segments.length; count >= 0; count -= 1) {
    if (count > 0 && segments[count - 1] === 'node_modules') continue;
    const candidate = [...segments.slice(0, count), 'node_modules', name].join('/');
    if (isInstalled(candidate)) return candidate;
  }
  return undefined;
}

/** The name by segments, as first written: the reference for the sliced version. */
function referenceName(path: string): string {
  const segments = path.split('/');
  const marker = segments.lastIndexOf('node_modules');
  if (marker !== -1) return segments.slice(marker + 1).join('/');
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2];
  return parent?.startsWith('@') === true ? `${parent}/${last}` : last;
}

/** Every candidate tried, in order: the whole walk, not only its answer. */
function tried(resolve: typeof resolveInstallPath, fromDir: string, name: string): string[] {
  const candidates: string[] = [];
  resolve(fromDir, name, (candidate) => {
    candidates.push(candidate);
    return false;
  });
  return candidates;
}

describe('resolveInstallPath', () => {
  it('looks in nested node_modules first, then in each parent, skipping node_modules folders', () => {
    expect(tried(resolveInstallPath, 'node_modules/a/node_modules/@s/b', 'c')).toEqual([
      'node_modules/a/node_modules/@s/b/node_modules/c',
      'node_modules/a/node_modules/@s/node_modules/c',
      'node_modules/a/node_modules/c',
      'node_modules/c',
    ]);
    expect(tried(resolveInstallPath, '', 'c')).toEqual(['node_modules/c']);
    expect(resolveInstallPath('packages/lib', 'c', (path) => path === 'node_modules/c')).toBe('node_modules/c');
  });

  it('refuses paths deeper than 512 folders', () => {
    expect(tried(resolveInstallPath, Array.from({ length: 513 }, () => 'a').join('/'), 'c')).toEqual([]);
    expect(tried(resolveInstallPath, Array.from({ length: 512 }, () => 'a').join('/'), 'c')).toHaveLength(513);
  });

  it('tries the same candidates as the segment-by-segment algorithm, for any path', () => {
    const segment = fc.constantFrom('', 'node_modules', 'a', '@s', 'b', 'node_modulesx', 'xnode_modules');
    const path = fc.array(segment, { maxLength: 8 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(fc.oneof(path, fc.string({ unit: fc.constantFrom('/', 'a', 'node_modules'), maxLength: 12 })), fc.constantFrom('c', '@s/c', ''), (fromDir, name) => {
        expect(tried(resolveInstallPath, fromDir, name)).toEqual(tried(referenceResolve, fromDir, name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('installPathResolver', () => {
  it('resolves as the walk does: nested first, then each parent, through scopes, never from a node_modules folder', () => {
    const resolve = installPathResolver(['node_modules/c', 'node_modules/a/node_modules/c', 'node_modules/a/node_modules/@s/b', 'node_modules/a/node_modules/node_modules/d', 'packages/lib', 'xnode_modules/e']);
    expect(resolve('node_modules/a/node_modules/@s/b', 'c')).toBe('node_modules/a/node_modules/c');
    expect(resolve('node_modules/b', 'c')).toBe('node_modules/c');
    expect(resolve('', 'c')).toBe('node_modules/c');
    expect(resolve('packages/lib', 'c')).toBe('node_modules/c');
    expect(resolve('node_modules/a', '@s/b')).toBe('node_modules/a/node_modules/@s/b');
    expect(resolve('node_modules/a/node_modules/x', 'd')).toBeUndefined();
    expect(resolve('', 'e')).toBeUndefined();
    expect(resolve('', 'missing')).toBeUndefined();
  });

  it('gives the walk\'s answer for any set of install paths, folder and name', () => {
    const segment = fc.constantFrom('', 'node_modules', 'a', '@s', 'b', 'c', 'node_modulesx', 'xnode_modules');
    const path = fc.array(segment, { maxLength: 6 }).map((segments) => segments.join('/'));
    const name = fc.oneof(fc.constantFrom('a', 'b', 'c', '@s/b', '@s/c', 'node_modules', 'b/node_modules/c', '', '/b', 'b/'), path);
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), path, name, (paths, fromDir, wanted) => {
        const installed = new Set(paths);
        expect(installPathResolver(paths)(fromDir, wanted)).toBe(resolveInstallPath(fromDir, wanted, (candidate) => installed.has(candidate)));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the walk\'s answer on install paths that hold the name searched for', () => {
    // Random paths rarely hold the searched name; here every path ends with it.
    const segment = fc.constantFrom('', 'node_modules', 'a', '@s', 'b', 'node_modulesx', 'xnode_modules');
    const folder = fc.array(segment, { maxLength: 5 }).map((segments) => segments.join('/'));
    const name = fc.constantFrom('b', '@s/b');
    fc.assert(
      fc.property(fc.array(folder, { maxLength: 8 }), folder, name, (folders, fromDir, wanted) => {
        const paths = folders.map((dir) => (dir === '' ? `node_modules/${wanted}` : `${dir}/node_modules/${wanted}`));
        const installed = new Set(paths);
        expect(installPathResolver(paths)(fromDir, wanted)).toBe(resolveInstallPath(fromDir, wanted, (candidate) => installed.has(candidate)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('nameFromInstallPath', () => {
  it('takes what follows the last node_modules, or the folder (with its scope) outside node_modules', () => {
    expect(nameFromInstallPath('node_modules/a/node_modules/@s/b')).toBe('@s/b');
    expect(nameFromInstallPath('packages/@s/lib')).toBe('@s/lib');
    expect(nameFromInstallPath('packages/lib')).toBe('lib');
    expect(nameFromInstallPath('node_modules/')).toBe('');
  });

  it('gives the segment-by-segment answer for any path', () => {
    const segment = fc.constantFrom('', 'node_modules', 'a', '@s', 'b', 'node_modulesx', 'xnode_modules');
    const path = fc.array(segment, { maxLength: 7 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(fc.oneof(path, fc.string({ unit: fc.constantFrom('/', 'a', '@', 'node_modules'), maxLength: 12 })), (installPath) => {
        expect(nameFromInstallPath(installPath)).toBe(referenceName(installPath));
      }),
      { numRuns: 3000 },
    );
  });
});
