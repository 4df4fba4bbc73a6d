import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { compareText, isValidVersion } from '../ecosystem.js';
import { compareDpkg, dpkgScheme, parseDpkg } from './dpkg.js';

const compare = (a: string, b: string): number => compareText(dpkgScheme, a, b);

describe('dpkg scheme', () => {
  it('defaults the epoch to 0 and the revision to 0', () => {
    expect(compare('0.0.0', '0:0.0.0')).toBe(0);
    expect(compare('1.0', '1.0-0')).toBe(0);
    expect(compare('1:0.1', '2.0')).toBe(1);
  });

  it('sorts ~ before everything, even the end of the string', () => {
    expect(compare('1.0~rc1', '1.0')).toBe(-1);
    expect(compare('1.0~~', '1.0~')).toBe(-1);
    expect(compare('1.2.3-1~deb7u1', '1.2.3-1')).toBe(-1);
  });

  it('sorts letters before non-letters', () => {
    expect(compare('1.0a', '1.0+')).toBe(-1);
    expect(compare('1.0+', '1.0.')).toBe(-1);
  });

  it('compares digit runs numerically without a size limit', () => {
    expect(compare('1.0010', '1.9')).toBe(1);
    expect(compare('123456789012345678901234567890', '123456789012345678901234567891')).toBe(-1);
  });

  it('splits the revision at the last hyphen', () => {
    expect(parseDpkg('1.2-3-4')).toMatchObject({ upstream: '1.2-3', revision: '4' });
  });

  it('rejects what dpkg rejects, with the invalid-version code', () => {
    for (const text of ['1.2.3-not-a-debian:version!@#$', 'a:1.0', '1:', '1.0-', '-1', '1.0 2', '1.0-a_b', '1.0!']) {
      expect(isValidVersion(dpkgScheme, text), text).toBe(false);
    }
    expect(() => dpkgScheme.parse('x:1')).toThrow(InputError);
    try {
      dpkgScheme.parse('x:1');
    } catch (error) {
      expect((error as InputError).code).toBe('invalid-version');
    }
  });

  it('accepts an upstream version that does not start with a digit (dpkg only warns)', () => {
    expect(isValidVersion(dpkgScheme, 'abc')).toBe(true);
  });

  it('parses the empty string and sorts it lowest', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0~')).toBe(-1);
  });
});

const run = fc.oneof(fc.nat({ max: 30 }).map(String), fc.constantFrom('a', 'b', 'rc', 'deb', 'ubuntu', '~', '~~', '+', '.', '0', '00'));
const dpkgText = fc
  .record({
    epoch: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
    first: fc.nat({ max: 9 }),
    upstream: fc.array(run, { maxLength: 5 }),
    revision: fc.option(fc.array(run, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map(
    ({ epoch, first, upstream, revision }) =>
      `${epoch === undefined ? '' : `${epoch}:`}${first}${upstream.join('')}${revision === undefined ? '' : `-${revision.join('')}`}`,
  );

describe('dpkg ordering properties', () => {
  const version = fc.oneof(dpkgText, fc.constant('')).map(parseDpkg);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareDpkg(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareDpkg(a, b) === -compareDpkg(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareDpkg) as [typeof a, typeof a, typeof a];
        const xy = compareDpkg(x, y);
        const yz = compareDpkg(y, z);
        const xz = compareDpkg(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
