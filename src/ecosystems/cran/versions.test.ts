import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { InputError } from '../../errors.js';
import { compareText, isValidVersion } from '../ecosystem.js';
import { compareCran, cranScheme, parseCran } from './versions.js';
import type { CranVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(cranScheme, a, b);

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = cranScheme.parse(a);
      const right = cranScheme.parse(b);
      const orders = [
        compareCran(left, right),
        -compareCran(right, left),
        compareCran(left, cranScheme.parse(b)),
        -compareCran(right, cranScheme.parse(a)),
      ];
      if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
}

describeShared('CRAN version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'cran-versions.txt', 21);
  runCorpus(dir, 'cran-versions-generated.txt', 57);

  it('rejects the invalid versions of parse-cases.json with the invalid-version code', () => {
    const parseCases = JSON.parse(readFileSync(join(dir, 'parse-cases.json'), 'utf8')) as { invalidVersions: Record<string, string[]> };
    const invalid = parseCases.invalidVersions['CRAN'] ?? [];
    expect(invalid.length).toBeGreaterThan(0);
    for (const text of invalid) {
      let code: string | undefined;
      try {
        cranScheme.parse(text);
      } catch (error) {
        code = error instanceof InputError ? error.code : 'not an InputError';
      }
      expect(code, text).toBe('invalid-version');
    }
  });
});

describe('CRAN versions (R package_version)', () => {
  it('treats - and . alike and compares numerically', () => {
    expect(compare('1.0-1', '1.0.1')).toBe(0);
    expect(compare('0.9', '0.75')).toBe(-1);
    expect(compare('0.01', '0.1')).toBe(0);
  });

  it('sorts a prefix first', () => {
    expect(compare('0.1.0', '0.1.0.0')).toBe(-1);
    expect(compare('1.0', '0.11.3.0')).toBe(1);
  });

  it('rejects anything but numbers and separators', () => {
    for (const text of ['1.a.2', 'v1.0', '1..2', '1.', '-1', '1.0+1']) expect(isValidVersion(cranScheme, text), text).toBe(false);
    expect(isValidVersion(cranScheme, ' 1.0-2 ')).toBe(true);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0')).toBe(-1);
  });
});

const cranText = fc
  .tuple(fc.nat({ max: 12 }), fc.array(fc.tuple(fc.constantFrom('.', '-'), fc.nat({ max: 12 })), { maxLength: 4 }))
  .map(([first, rest]) => `${first}${rest.map(([separator, n]) => `${separator}${n}`).join('')}`);

describe('CRAN ordering properties', () => {
  const version = fc.oneof(cranText, fc.constant('')).map(parseCran);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareCran(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareCran(a, b) === -compareCran(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareCran) as [CranVersion, CranVersion, CranVersion];
        const xy = compareCran(x, y);
        const yz = compareCran(y, z);
        const xz = compareCran(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
