import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText, isValidVersion } from '../ecosystem.js';
import { compareRubyGems, parseRubyGems, rubyGemsScheme } from './versions.js';
import type { RubyGemsVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(rubyGemsScheme, a, b);

describe('RubyGems versions (Gem::Version)', () => {
  it('sorts a string segment (a pre-release) below any number', () => {
    expect(compare('1.0.a', '1.0')).toBe(-1);
    expect(compare('1.0.rc1', '1.0.0')).toBe(-1);
    expect(compare('1.0', '1.0.1')).toBe(-1);
    expect(compare('1.0.b1', '1.0.a.2')).toBe(1);
  });

  it('reads - as .pre.', () => {
    expect(compare('1.0-1', '1.0.pre.1')).toBe(0);
    expect(compare('1.0-1', '1.0')).toBe(-1);
  });

  it('splits letters from digits and drops trailing zeros of each group', () => {
    expect(parseRubyGems('1.0.0.rc3.0').segments).toEqual([1n, 'rc', 3n]);
    expect(compare('1.0.a2', '1.0.a.2')).toBe(0);
    expect(compare('1.0', '1')).toBe(0);
  });

  it('compares strings by bytes, so capitals sort first', () => {
    expect(compare('1.0.B', '1.0.a')).toBe(-1);
  });

  it('rejects what Gem::Version rejects, with the invalid-version code', () => {
    for (const text of ['a1', '1..2', '1.0_1', '!', '1.0 2', '.1']) {
      expect(isValidVersion(rubyGemsScheme, text), text).toBe(false);
    }
    expect(isValidVersion(rubyGemsScheme, '1beta')).toBe(true);
    expect(isValidVersion(rubyGemsScheme, ' 1.0 ')).toBe(true);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0.a')).toBe(-1);
  });
});

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      try {
        const left = rubyGemsScheme.parse(a);
        const right = rubyGemsScheme.parse(b);
        const orders = [
          compareRubyGems(left, right),
          -compareRubyGems(right, left),
          compareRubyGems(left, rubyGemsScheme.parse(b)),
          -compareRubyGems(right, rubyGemsScheme.parse(a)),
        ];
        if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
      } catch (error) {
        failures.push(`${file}:${line}: ${a} vs ${b}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
}

describeShared('RubyGems version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'rubygems-versions.txt', 25);
  runCorpus(dir, 'rubygems-versions-generated.txt', 4098);
});

const segment = fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('a', 'b', 'pre', 'rc', 'beta', 'B', '0'));
const rubyText = fc
  .tuple(fc.nat({ max: 9 }), fc.array(segment, { maxLength: 5 }), fc.option(fc.array(segment, { minLength: 1, maxLength: 2 }), { nil: undefined }))
  .map(([first, rest, pre]) => `${first}${rest.map((part) => `.${part}`).join('')}${pre === undefined ? '' : `-${pre.join('.')}`}`);

describe('RubyGems ordering properties', () => {
  const version = fc.oneof(rubyText, fc.constant('')).map(parseRubyGems);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareRubyGems(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareRubyGems(a, b) === -compareRubyGems(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareRubyGems) as [RubyGemsVersion, RubyGemsVersion, RubyGemsVersion];
        const xy = compareRubyGems(x, y);
        const yz = compareRubyGems(y, z);
        const xz = compareRubyGems(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
