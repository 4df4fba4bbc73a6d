import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../ecosystem.js';
import { compareSemverLike, parseSemverLike, semverLikeScheme } from './semver-like.js';

const compare = (a: string, b: string): number => compareText(semverLikeScheme, a, b);

describe('semver-like scheme', () => {
  it('ignores one leading v and build metadata', () => {
    expect(compare('v1.2.3', '1.2.3')).toBe(0);
    expect(compare('1.2.3+a', '1.2.3+b')).toBe(0);
    expect(compare('v1.2.3-beta+a', '1.2.3-beta')).toBe(0);
  });

  it('compares numeric components of any size without losing precision', () => {
    expect(compare('9007199254740993.0.0', '9007199254740992.0.0')).toBe(1);
    expect(compare('999999999999999999999999999991', '999999999999999999999999999999')).toBe(-1);
  });

  it('treats missing components as zero', () => {
    expect(compare('1', '1.0.0')).toBe(0);
    expect(compare('1.2', '1.2.0')).toBe(0);
  });

  it('moves components after the third into the prerelease, as OSV-SCALIBR does', () => {
    expect(parseSemverLike('1.1.3.4.5').prerelease).toEqual(['', '4', '5']);
    expect(parseSemverLike('1.2.3.4-beta').prerelease).toEqual(['beta', '4']);
    expect(compare('1.0.0.0', '0.11.3.0')).toBe(1);
    expect(compare('1.0.0.1', '1.0.0')).toBe(-1);
  });

  it('orders prereleases by SemVer 2.0 precedence', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let index = 1; index < ordered.length; index++) {
      expect(compare(ordered[index - 1]!, ordered[index]!)).toBe(-1);
    }
  });

  it('parses the empty string and sorts it below every other version', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', '0.0.0-0')).toBe(-1);
    expect(compare('0', '')).toBe(1);
  });

  it('accepts any string, like OSV-SCALIBR', () => {
    expect(() => semverLikeScheme.parse('not a version')).not.toThrow();
  });
});

const identifier = fc.oneof(
  fc.constantFrom('alpha', 'beta', 'rc', 'a', 'b', 'x-y', 'Foo', '0', '00'),
  fc.nat({ max: 20 }).map(String),
);
const component = fc.oneof(fc.nat({ max: 12 }).map(String), fc.constant('99999999999999999999'));
const semverLikeText = fc.oneof(
  fc
    .record({
      v: fc.boolean(),
      components: fc.array(component, { minLength: 1, maxLength: 5 }),
      prerelease: fc.option(fc.array(identifier, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      build: fc.option(fc.constantFrom('build', '1', 'x.y'), { nil: undefined }),
    })
    .map(
      ({ v, components, prerelease, build }) =>
        `${v ? 'v' : ''}${components.join('.')}${prerelease === undefined ? '' : `-${prerelease.join('.')}`}${build === undefined ? '' : `+${build}`}`,
    ),
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('1', '2', '.', '-', '+', 'a', 'v'), maxLength: 8 }),
);

describe('semver-like ordering properties', () => {
  const version = semverLikeText.map(parseSemverLike);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => compareSemverLike(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => compareSemverLike(a, b) === -compareSemverLike(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareSemverLike) as [typeof a, typeof a, typeof a];
        const xy = compareSemverLike(x, y);
        const yz = compareSemverLike(y, z);
        const xz = compareSemverLike(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
