/**
 * The loose SemVer order OSV-Scanner applies to npm, crates.io, Go, Hex and the other ecosystems
 * whose versions are "semver-like" (OSV-SCALIBR `semantic` package, `version-semver.go` and
 * `version-semver-like.go`; SemVer 2.0.0 §11 for precedence).
 *
 * Looser than SemVer 2.0.0, on purpose, because advisories and lockfiles hold such strings:
 * - one leading `v` is ignored (`v1.2.3 = 1.2.3`);
 * - numeric components have no size limit (compared as BigInt);
 * - there may be fewer than three components (missing ones count as 0) or more: the fourth and
 *   later numeric components are appended to the prerelease text, as SCALIBR does, so
 *   `1.1.3.4.5` has prerelease `.4.5` and sorts below `1.1.3` (but `1.0.0.0 > 0.11.3.0`);
 * - everything from the first character that is neither a digit nor `.` is the "build string":
 *   its part before the first `+` (without one leading `-`) is the prerelease, ordered by SemVer
 *   §11.4; the part after `+` is build metadata and is ignored.
 *
 * Every string parses (SCALIBR never rejects one), except that the empty string is special: it
 * parses and sorts below every other version, as the {@link VersionScheme} contract asks.
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

export interface SemverLikeVersion {
  readonly original: string;
  /** True only for the empty string, which sorts lowest. */
  readonly empty: boolean;
  /** The first three numeric components (fewer when the string has fewer). */
  readonly components: readonly bigint[];
  /** The prerelease identifiers (SemVer §9), empty for a release. */
  readonly prerelease: readonly string[];
}

/** How many numeric components belong to the version core; the rest join the prerelease. */
const coreComponents = 3;

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** Orders strings by Unicode code point, like Go's byte-wise `strings.Compare` on UTF-8. */
function compareCodePoints(a: string, b: string): Ordering {
  if (a === b) return 0;
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const x = left[index]?.codePointAt(0) ?? 0;
    const y = right[index]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length === right.length ? 0 : left.length < right.length ? -1 : 1;
}

function compareBigInt(a: bigint, b: bigint): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parseSemverLike(text: string): SemverLikeVersion {
  if (text === '') return { original: text, empty: true, components: [], prerelease: [] };
  const body = text.startsWith('v') ? text.slice(1) : text;
  const numbers: bigint[] = [];
  let digits = '';
  let build = '';
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (isDigit(char)) {
      digits += char;
      continue;
    }
    if (digits !== '') numbers.push(BigInt(digits));
    digits = '';
    // Empty components (`1..2`) are skipped, as in SCALIBR.
    if (char === '.') continue;
    build = body.slice(index);
    break;
  }
  if (digits !== '') numbers.push(BigInt(digits));
  // SCALIBR appends the extra components after the build string (`.4.5`), leading zeros dropped.
  const extra = numbers.slice(coreComponents).map((n) => `.${n.toString()}`).join('');
  const full = build + extra;
  const withoutMetadata = full.split('+', 1)[0] ?? '';
  const release = withoutMetadata.startsWith('-') ? withoutMetadata.slice(1) : withoutMetadata;
  return {
    original: text,
    empty: false,
    components: numbers.slice(0, coreComponents),
    prerelease: release === '' ? [] : release.split('.'),
  };
}

function compareIdentifiers(a: string, b: string): Ordering {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  // SemVer §11.4.1-3: numbers numerically, text lexically, numbers below text.
  if (aNumeric && bNumeric) return compareBigInt(BigInt(a), BigInt(b));
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return compareCodePoints(a, b);
}

function comparePrerelease(a: readonly string[], b: readonly string[]): Ordering {
  // SemVer §11.3: a version without prerelease sorts above one with.
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order = compareIdentifiers(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  // SemVer §11.4.4: a longer set of identifiers wins when all before are equal.
  return compareBigInt(BigInt(a.length), BigInt(b.length));
}

export function compareSemverLike(a: SemverLikeVersion, b: SemverLikeVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  const length = Math.max(a.components.length, b.components.length);
  for (let index = 0; index < length; index++) {
    const order = compareBigInt(a.components[index] ?? 0n, b.components[index] ?? 0n);
    if (order !== 0) return order;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

export const semverLikeScheme: VersionScheme<SemverLikeVersion> = {
  id: 'semver-like',
  parse: parseSemverLike,
  compare: compareSemverLike,
};
