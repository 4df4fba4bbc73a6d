import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { apkScheme, compareApk, parseApk } from './apk.js';

const compare = (a: string, b: string): number => compareText(apkScheme, a, b);

describe('apk scheme', () => {
  it('orders suffixes: pre-releases < release < post-releases', () => {
    const ordered = ['1.2_alpha', '1.2_beta', '1.2_pre', '1.2_rc', '1.2', '1.2_cvs', '1.2_svn', '1.2_git', '1.2_hg', '1.2_p'];
    for (let index = 1; index < ordered.length; index++) {
      expect(compare(ordered[index - 1]!, ordered[index]!), ordered[index]).toBe(-1);
    }
  });

  it('orders revisions numerically', () => {
    expect(compare('1.0-r2', '1.0-r10')).toBe(-1);
    expect(compare('1.0-r1', '1.0-r01')).toBe(0);
    expect(compare('1.0', '1.0-r0')).toBe(-1);
  });

  it('puts a letter after the numbers above the plain version', () => {
    expect(compare('1.0a', '1.0')).toBe(1);
    expect(compare('1.0a', '1.0.1')).toBe(-1);
  });

  it('compares components with leading zeros by their zeros first', () => {
    expect(compare('1.01', '1.1')).toBe(-1);
    expect(compare('1.001', '1.01')).toBe(-1);
  });

  it('sorts a version that turns invalid below one that ends there, as the newer apk does', () => {
    expect(compare('1', '1-ruff')).toBe(1);
    expect(compare('1.2.0A', '1.2.0d')).toBe(-1);
  });

  it('compares numbers without a size limit', () => {
    expect(compare('1.99999999999999999999', '1.99999999999999999998')).toBe(1);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0_alpha')).toBe(-1);
    expect(compare('a', '')).toBe(1);
  });
});

const apkText = fc.oneof(
  fc
    .record({
      components: fc.array(fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('0', '00', '01', '010')), { minLength: 1, maxLength: 4 }),
      letter: fc.option(fc.constantFrom('a', 'b', 'p', 'z'), { nil: undefined }),
      suffixes: fc.array(fc.tuple(fc.constantFrom('alpha', 'beta', 'pre', 'rc', 'cvs', 'svn', 'git', 'hg', 'p', 'foo'), fc.option(fc.nat({ max: 3 }), { nil: undefined })), { maxLength: 2 }),
      revision: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
    })
    .map(
      ({ components, letter, suffixes, revision }) =>
        `${components.join('.')}${letter ?? ''}${suffixes.map(([name, n]) => `_${name}${n ?? ''}`).join('')}${revision === undefined ? '' : `-r${revision}`}`,
    ),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '.', 'a', 'r', 'p', '_', '-', '-r', '_p', '_rc', 'A', '~'), maxLength: 8 }),
);

describe('apk ordering properties', () => {
  const version = apkText.map(parseApk);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareApk(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareApk(a, b) === -compareApk(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareApk) as [typeof a, typeof a, typeof a];
        const xy = compareApk(x, y);
        const yz = compareApk(y, z);
        const xz = compareApk(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 2000 },
    );
  });
});
