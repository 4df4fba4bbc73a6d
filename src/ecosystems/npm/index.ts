/**
 * npm: the JavaScript package registry. Versions follow the loose semver-like order OSV uses
 * for npm; manifest ranges (`^1.2.0`, `>=1 <2 || 3.x`) are read by the `semver` library, npm's
 * own implementation.
 */
import semver from 'semver';
import { InputError } from '../../errors.js';
import type { Ecosystem, EcosystemErrorCode } from '../ecosystem.js';
import { compareSemverLike, parseSemverLike, semverLikeScheme } from '../schemes/semver-like.js';
import type { SemverLikeVersion } from '../schemes/semver-like.js';

const loose = { loose: true } as const;

function readRange(range: string): semver.Range {
  try {
    return new semver.Range(range, loose);
  } catch (error) {
    throw new InputError('invalid-range' satisfies EcosystemErrorCode, `invalid npm range "${range}"`, { cause: error });
  }
}

function testComparator(version: SemverLikeVersion, comparator: semver.Comparator): boolean {
  // A comparator with an empty value is the "any version" comparator (`*`, `x`, '').
  if (comparator.value === '') return true;
  const order = compareSemverLike(version, parseSemverLike(comparator.semver.version));
  switch (comparator.operator) {
    case '':
    case '=':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** Whether a comparator of the set lets a prerelease of the same major.minor.patch in (node-semver `testSet`). */
function admitsPrerelease(version: SemverLikeVersion, set: readonly semver.Comparator[]): boolean {
  return set.some((comparator) => {
    if (comparator.value === '' || comparator.semver.prerelease.length === 0) return false;
    const { major, minor, patch } = comparator.semver;
    const [a = 0n, b = 0n, c = 0n] = version.components;
    return a === BigInt(major) && b === BigInt(minor) && c === BigInt(patch);
  });
}

/**
 * Whether `version` satisfies the npm range. A version the `semver` library reads (loosely: `v1.2.3`,
 * `=1.2.3`) is tested by `semver` itself. A version it rejects (`1.2`, `1.2.3.4`, components beyond
 * 2^53) is tested comparator by comparator with the semver-like order OSV uses for npm, keeping
 * npm's rule that a prerelease only matches a set naming a prerelease of the same `major.minor.patch`.
 */
export function satisfiesNpmRange(version: string, range: string): boolean {
  const parsedRange = readRange(range);
  const strict = semver.parse(version, loose);
  if (strict !== null) return parsedRange.test(strict);
  const lenient = parseSemverLike(version);
  return parsedRange.set.some(
    (set) =>
      set.every((comparator) => testComparator(lenient, comparator)) &&
      (lenient.prerelease.length === 0 || admitsPrerelease(lenient, set)),
  );
}

export const ecosystem: Ecosystem = {
  name: 'npm',
  purlType: 'npm',
  scheme: semverLikeScheme,
  // npm names are case-sensitive in the registry (old packages have capitals); `@scope/name` is kept whole.
  normalizeName: (name) => name,
  satisfies: satisfiesNpmRange,
  definition: {
    short: 'npm, the JavaScript package registry; versions use the loose SemVer order of OSV-Scanner, ranges use node-semver.',
    reference: 'https://semver.org/spec/v2.0.0.html; https://github.com/npm/node-semver; OSV-SCALIBR semantic/version-semver.go',
  },
};
