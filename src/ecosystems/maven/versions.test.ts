import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText } from '../ecosystem.js';
import { compareMaven, mavenScheme, parseMaven } from './versions.js';
import type { MavenVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(mavenScheme, a, b);

describe('Maven versions (ComparableVersion)', () => {
  it('orders the known qualifiers, then unknown ones alphabetically', () => {
    const sorted = ['1-alpha', '1-beta', '1-milestone', '1-rc', '1-snapshot', '1', '1-sp', '1-abc', '1-xyz', '1-1', '1.1'];
    for (let index = 1; index < sorted.length; index++) {
      expect(compare(sorted[index - 1]!, sorted[index]!), `${sorted[index - 1]} < ${sorted[index]}`).toBe(-1);
    }
  });

  it('trims trailing null items and reads aliases', () => {
    expect(compare('1', '1.0.0-0.ga')).toBe(0);
    expect(compare('1-final', '1')).toBe(0);
    expect(compare('1cr1', '1-rc-1')).toBe(0);
    expect(compare('1a1', '1-alpha-1')).toBe(0);
    expect(compare('1-a', '1-alpha')).toBe(1);
  });

  it('compares numbers of any size by value (MNG-6572)', () => {
    expect(compare('2147483648', '2147483647')).toBe(1);
    expect(compare('99999999999999999999', '9223372036854775807')).toBe(1);
    expect(compare('007', '7')).toBe(0);
  });

  it('builds nested lists at hyphens and digit-letter switches', () => {
    expect(parseMaven('1-alpha-1').items).toEqual({
      type: 'list',
      items: [{ type: 'number', value: 1n }, { type: 'list', items: [{ type: 'string', value: 'alpha' }, { type: 'list', items: [{ type: 'number', value: 1n }] }] }],
    });
  });

  it('trims a null item before a hyphen and a number, as the POM reference and the corpus say (Maven 3.8 does not)', () => {
    expect(compare('1-ga-1', '1-1')).toBe(0);
    expect(compare('1-0-1', '1-1')).toBe(0);
    expect(compare('2-final-snapshot', '2-finalfinal')).toBe(1);
  });

  it('reads .X like 3.8.6, not like -X as Maven 3.9 does (MNG-7644)', () => {
    expect(compare('2.9.0-1', '2.9.0.RC1')).toBe(-1);
    expect(compare('1.5.9.RC1', '1.5.9-RC0')).toBe(-1);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0')).toBe(-1);
    expect(compare('', 'alpha')).toBe(-1);
  });
});

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = mavenScheme.parse(a);
      const right = mavenScheme.parse(b);
      const orders = [
        compareMaven(left, right),
        -compareMaven(right, left),
        compareMaven(left, mavenScheme.parse(b)),
        -compareMaven(right, mavenScheme.parse(a)),
      ];
      if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
}

describeShared('Maven version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'maven-versions.txt', 102);
  runCorpus(dir, 'maven-versions-generated.txt', 14752);
});

const part = fc.oneof(
  fc.nat({ max: 12 }).map(String),
  fc.constantFrom('alpha', 'a', 'b', 'beta', 'm', 'rc', 'cr', 'snapshot', 'SNAPSHOT', 'ga', 'final', 'release', 'sp', 'foo', 'x', '0', ''),
);
const mavenText = fc
  .tuple(fc.nat({ max: 9 }), fc.array(fc.tuple(fc.constantFrom('.', '-', ''), part), { maxLength: 6 }))
  .map(([first, rest]) => `${first}${rest.map(([separator, text]) => separator + text).join('')}`);

describe('Maven ordering properties', () => {
  const version = fc.oneof(mavenText, fc.constant('')).map(parseMaven);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareMaven(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareMaven(a, b) === -compareMaven(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareMaven) as [MavenVersion, MavenVersion, MavenVersion];
        const xy = compareMaven(x, y);
        const yz = compareMaven(y, z);
        const xz = compareMaven(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
