import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText } from '../ecosystem.js';
import { comparePackagist, packagistScheme, parsePackagist } from './versions.js';
import type { PackagistVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(packagistScheme, a, b);

describe('Packagist versions (PHP version_compare)', () => {
  it('orders the special forms dev < alpha < beta < RC < release < pl', () => {
    const sorted = ['1.0-dev', '1.0alpha1', '1.0b1', '1.0RC1', '1.0', '1.0pl1'];
    for (let index = 1; index < sorted.length; index++) {
      expect(compare(sorted[index - 1]!, sorted[index]!), `${sorted[index - 1]} < ${sorted[index]}`).toBe(-1);
    }
    expect(compare('1.0a1', '1.0alpha1')).toBe(0);
    expect(compare('1.0RC1', '1.0rc1')).toBe(0);
  });

  it('ranks a word that is no special form below dev, as PHP does', () => {
    expect(compare('1.0-foo', '1.0-dev')).toBe(-1);
    expect(compare('1.0-Beta', '1.0-dev')).toBe(-1);
  });

  it('canonicalizes separators and digit-letter switches', () => {
    expect(parsePackagist('v1.0rc1').parts).toEqual(['1', '0', 'rc', '1']);
    expect(parsePackagist('1.25.0-beta2.1').parts).toEqual(['1', '25', '0', 'beta', '2', '1']);
    expect(compare('1.0.0rc2', '1.0.0.rc2')).toBe(0);
    expect(compare('1_0+1', '1.0.1')).toBe(0);
  });

  it('removes one leading v or V', () => {
    expect(compare('v1.0.0', '1.0.0')).toBe(0);
    expect(compare('V1.0.0', 'v1.0.0')).toBe(0);
  });

  it('sorts a longer version above when the extra part is a number, else compares it with #', () => {
    expect(compare('1.0.0', '1.0')).toBe(1);
    expect(compare('1.0.0-beta', '1.0.0')).toBe(-1);
    expect(compare('1.0.0-p1', '1.0.0')).toBe(1);
  });

  it('compares numbers without a size limit', () => {
    expect(compare('99999999999999999999', '99999999999999999998')).toBe(1);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', 'dev')).toBe(-1);
  });
});

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = packagistScheme.parse(a);
      const right = packagistScheme.parse(b);
      const orders = [
        comparePackagist(left, right),
        -comparePackagist(right, left),
        comparePackagist(left, packagistScheme.parse(b)),
        -comparePackagist(right, packagistScheme.parse(a)),
      ];
      if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
}

describeShared('Packagist version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'packagist-versions.txt', 95);
  runCorpus(dir, 'packagist-versions-generated.txt', 10630);
});

const part = fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('dev', 'alpha', 'a', 'beta', 'b', 'RC', 'rc', 'pl', 'p', '#', 'patch', 'x'));
const packagistText = fc
  .tuple(fc.constantFrom('', 'v'), fc.nat({ max: 9 }), fc.array(fc.tuple(fc.constantFrom('.', '-', '', '_', '+'), part), { maxLength: 5 }))
  .map(([prefix, first, rest]) => `${prefix}${first}${rest.map(([separator, text]) => separator + text).join('')}`);

describe('Packagist ordering properties', () => {
  const version = fc.oneof(packagistText, fc.constant('')).map(parsePackagist);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => comparePackagist(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => comparePackagist(a, b) === -comparePackagist(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(comparePackagist) as [PackagistVersion, PackagistVersion, PackagistVersion];
        const xy = comparePackagist(x, y);
        const yz = comparePackagist(y, z);
        const xz = comparePackagist(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 1000 },
    );
  });
});
