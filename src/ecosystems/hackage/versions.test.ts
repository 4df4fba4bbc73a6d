import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { InputError } from '../../errors.js';
import { compareText, isValidVersion } from '../ecosystem.js';
import { compareHackage, hackageScheme, parseHackage } from './versions.js';
import type { HackageVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(hackageScheme, a, b);

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = hackageScheme.parse(a);
      const right = hackageScheme.parse(b);
      const orders = [
        compareHackage(left, right),
        -compareHackage(right, left),
        compareHackage(left, hackageScheme.parse(b)),
        -compareHackage(right, hackageScheme.parse(a)),
      ];
      if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
}

describeShared('Hackage version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'hackage-versions.txt', 11);

  it('rejects the invalid versions of parse-cases.json with the invalid-version code', () => {
    const parseCases = JSON.parse(readFileSync(join(dir, 'parse-cases.json'), 'utf8')) as { invalidVersions: Record<string, string[]> };
    const invalid = parseCases.invalidVersions['Hackage'] ?? [];
    expect(invalid.length).toBeGreaterThan(0);
    for (const text of invalid) {
      let code: string | undefined;
      try {
        hackageScheme.parse(text);
      } catch (error) {
        code = error instanceof InputError ? error.code : 'not an InputError';
      }
      expect(code, text).toBe('invalid-version');
    }
  });
});

describe('Hackage versions (PVP, Data.Version)', () => {
  it('compares numerically, component by component, a prefix first', () => {
    expect(compare('1.10', '1.9')).toBe(1);
    expect(compare('1.0', '1.0.0')).toBe(-1);
    expect(compare('0.1.0.0', '0.1.0.0')).toBe(0);
  });

  it('rejects tags, letters and other separators', () => {
    for (const text of ['1.2.3.4.5-notallowed', '1.0-1', 'v1.0', '1..2', '1.', '1.0a']) expect(isValidVersion(hackageScheme, text), text).toBe(false);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0')).toBe(-1);
  });
});

const hackageText = fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.'));

describe('Hackage ordering properties', () => {
  const version = fc.oneof(hackageText, fc.constant('')).map(parseHackage);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareHackage(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareHackage(a, b) === -compareHackage(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareHackage) as [HackageVersion, HackageVersion, HackageVersion];
        const xy = compareHackage(x, y);
        const yz = compareHackage(y, z);
        const xz = compareHackage(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
