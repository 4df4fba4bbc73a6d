import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText, isValidVersion } from '../ecosystem.js';
import { compareNuget, nugetScheme, parseNuget } from './versions.js';
import type { NugetVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(nugetScheme, a, b);

describe('NuGet versions', () => {
  it('pads to four numeric parts', () => {
    expect(compare('1.0', '1.0.0.0')).toBe(0);
    expect(compare('1.0.0.1', '1.0.0')).toBe(1);
    expect(parseNuget('1.2').parts).toEqual([1n, 2n, 0n, 0n]);
  });

  it('orders pre-releases below the release, labels ignoring case, numbers below words', () => {
    expect(compare('1.0.0-beta', '1.0.0')).toBe(-1);
    expect(compare('1.0.0-BETA', '1.0.0-beta')).toBe(0);
    expect(compare('1.0.0-beta.2', '1.0.0-beta.11')).toBe(-1);
    expect(compare('1.0.0-beta.9', '1.0.0-beta.x')).toBe(-1);
    expect(compare('1.0.0-beta', '1.0.0-beta.1')).toBe(-1);
  });

  it('compares numeric labels beyond 32 bits as words, as Int32.TryParse decides', () => {
    expect(compare('1.0.0-rc.9999999999', '1.0.0-rc.a')).toBe(-1);
    expect(compare('1.0.0-rc.9999999999', '1.0.0-rc.2')).toBe(1);
  });

  it('ignores build metadata', () => {
    expect(compare('1.0.0+abc', '1.0.0+def')).toBe(0);
    expect(parseNuget('1.0.0-rc.1+sha.5').metadata).toBe('sha.5');
  });

  it('rejects strings outside the grammar with the invalid-version code', () => {
    for (const text of ['v1.0', '1.2.3.4.5', '1.0-', '1.0-beta..1', 'abc', '1.0+']) {
      expect(isValidVersion(nugetScheme, text), text).toBe(false);
    }
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0.0.0-a')).toBe(-1);
  });
});

describeShared('NuGet version corpus', ['corpus', 'versions'], (dir) => {
  it('passes every line of nuget-versions.txt, both ways, parsed and raw', () => {
    const cases = readVersionCases(join(dir, 'nuget-versions.txt'));
    expect(cases).toHaveLength(35);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = nugetScheme.parse(a);
      const right = nugetScheme.parse(b);
      const orders = [compareNuget(left, right), -compareNuget(right, left), compareNuget(left, nugetScheme.parse(b)), -compareNuget(right, nugetScheme.parse(a))];
      if (orders.some((order) => order !== expected)) failures.push(`nuget-versions.txt:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
});

const nugetText = fc
  .record({
    parts: fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 4 }),
    prerelease: fc.array(fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('alpha', 'Beta', 'BETA', 'rc', 'x-y')), { maxLength: 3 }),
    metadata: fc.option(fc.constantFrom('build', 'sha.1'), { nil: undefined }),
  })
  .map(
    ({ parts, prerelease, metadata }) =>
      `${parts.join('.')}${prerelease.length === 0 ? '' : `-${prerelease.join('.')}`}${metadata === undefined ? '' : `+${metadata}`}`,
  );

describe('NuGet ordering properties', () => {
  const version = fc.oneof(nugetText, fc.constant('')).map(parseNuget);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareNuget(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareNuget(a, b) === -compareNuget(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareNuget) as [NugetVersion, NugetVersion, NugetVersion];
        const xy = compareNuget(x, y);
        const yz = compareNuget(y, z);
        const xz = compareNuget(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
