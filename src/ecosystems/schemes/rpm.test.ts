import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { compareRpm, parseRpm, rpmScheme, rpmvercmp } from './rpm.js';

const compare = (a: string, b: string): number => compareText(rpmScheme, a, b);

describe('rpm scheme', () => {
  it('reads the epoch only from leading digits before a colon', () => {
    expect(parseRpm('2:1.0-3')).toMatchObject({ epoch: '2', version: '1.0', release: '3' });
    expect(parseRpm('1.m+e2:1')).toMatchObject({ epoch: '0', version: '1.m+e2:1', release: undefined });
    expect(parseRpm(':1')).toMatchObject({ epoch: '0', version: '1' });
  });

  it('splits the release at the last hyphen', () => {
    expect(parseRpm('1.0-2-3')).toMatchObject({ version: '1.0-2', release: '3' });
  });

  it('implements rpmvercmp including ~ and ^', () => {
    expect(rpmvercmp('1.0~rc1', '1.0')).toBe(-1);
    expect(rpmvercmp('1.0^git1', '1.0')).toBe(1);
    expect(rpmvercmp('1.0^git1', '1.0.1')).toBe(-1);
    expect(rpmvercmp('1.0a', '1.0.1')).toBe(-1);
    expect(rpmvercmp('1.010', '1.9')).toBe(1);
    expect(rpmvercmp('1..0', '1.0')).toBe(0);
  });

  it('sorts a version without release below the same version with one', () => {
    expect(compare('1', '1-')).toBe(-1);
    expect(compare('1', '1-0')).toBe(-1);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '~')).toBe(-1);
  });
});

const rpmText = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '2', '10', 'a', 'b', '.', '-', ':', '~', '^', '+', '_', 'α'), maxLength: 8 }),
  fc
    .record({
      epoch: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
      version: fc.array(fc.oneof(fc.nat({ max: 20 }).map(String), fc.constantFrom('a', 'rc1', '~rc1', '^git1', 'el7')), { minLength: 1, maxLength: 4 }),
      release: fc.option(fc.array(fc.oneof(fc.nat({ max: 20 }).map(String), fc.constantFrom('el8', 'fc39', '~1')), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    })
    .map(
      ({ epoch, version, release }) =>
        `${epoch === undefined ? '' : `${epoch}:`}${version.join('.')}${release === undefined ? '' : `-${release.join('.')}`}`,
    ),
);

describe('rpm ordering properties', () => {
  const version = rpmText.map(parseRpm);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareRpm(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareRpm(a, b) === -compareRpm(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareRpm) as [typeof a, typeof a, typeof a];
        const xy = compareRpm(x, y);
        const yz = compareRpm(y, z);
        const xz = compareRpm(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
