import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText } from '../ecosystem.js';
import { comparePub, parsePub, pubScheme } from './versions.js';
import type { PubVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(pubScheme, a, b);

describe('Pub versions (pub_semver)', () => {
  it('orders pre-releases below and builds above the plain version', () => {
    expect(compare('1.0.0-pre', '1.0.0')).toBe(-1);
    expect(compare('1.0.0', '1.0.0+build')).toBe(-1);
    expect(compare('1.0.0-pre+build', '1.0.0')).toBe(-1);
    expect(compare('1.0.0-pre', '1.0.0-pre+build')).toBe(-1);
  });

  it('orders build parts: numbers numerically and below words, words by code units', () => {
    expect(compare('1.2.3+9', '1.2.3+10')).toBe(-1);
    expect(compare('1.2.3+900', '1.2.3+a')).toBe(-1);
    expect(compare('1.2.3+a', '1.2.3+a.1')).toBe(-1);
    expect(compare('1.2.3+B', '1.2.3+a')).toBe(-1);
  });

  it('reads parts the way Dart int.tryParse does', () => {
    expect(parsePub('1.0.0-0x1f.-2.a').prerelease).toEqual([31n, -2n, 'a']);
  });

  it('parses loosely: a leading v, fewer or more than three components', () => {
    expect(compare('v1.2.3', '1.2.3')).toBe(0);
    expect(compare('1.2', '1.2.0')).toBe(0);
    expect(parsePub('1.1.3.4.5').prerelease).toEqual(['', 4n, 5n]);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0.0.0-a')).toBe(-1);
  });
});

describeShared('Pub version corpus', ['corpus', 'versions'], (dir) => {
  it('passes every line of pub-versions.txt, both ways, parsed and raw', () => {
    const cases = readVersionCases(join(dir, 'pub-versions.txt'));
    expect(cases).toHaveLength(100);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = pubScheme.parse(a);
      const right = pubScheme.parse(b);
      const orders = [comparePub(left, right), -comparePub(right, left), comparePub(left, pubScheme.parse(b)), -comparePub(right, pubScheme.parse(a))];
      if (orders.some((order) => order !== expected)) failures.push(`pub-versions.txt:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
});

const identifier = fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('alpha', 'beta', 'rc', 'a', 'B', 'x-y', 'build'));
const pubText = fc
  .record({
    v: fc.constantFrom('', 'v'),
    core: fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 4 }),
    prerelease: fc.array(identifier, { maxLength: 3 }),
    build: fc.array(identifier, { maxLength: 3 }),
  })
  .map(
    ({ v, core, prerelease, build }) =>
      `${v}${core.join('.')}${prerelease.length === 0 ? '' : `-${prerelease.join('.')}`}${build.length === 0 ? '' : `+${build.join('.')}`}`,
  );

describe('Pub ordering properties', () => {
  const version = fc.oneof(pubText, fc.constant('')).map(parsePub);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => comparePub(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => comparePub(a, b) === -comparePub(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(comparePub) as [PubVersion, PubVersion, PubVersion];
        const xy = comparePub(x, y);
        const yz = comparePub(y, z);
        const xz = comparePub(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
