/**
 * Packagist (Composer) versions, ordered like PHP's `version_compare` after a leading `v` or
 * `V` (or `vV`) is removed, with the canonical form OSV-SCALIBR gives them (`semantic/version-packagist.go`;
 * https://www.php.net/manual/en/function.version-compare.php; php-src `ext/standard/versioning.c`).
 *
 * - canonical form: `-`, `_` and `+` become `.`, and a `.` is inserted wherever a digit meets a
 *   character that is neither a digit nor a dot (`1.0rc1` → `1.0.rc.1`); the result is cut at
 *   `.` (an empty part is kept, as the empty string);
 * - parts compare one by one: two numbers numerically (no size limit, where PHP's `strtol`
 *   would saturate), two words by their special form, a number as the special form `#`;
 * - special forms, matched by prefix: `dev` < `alpha`/`a` < `beta`/`b` < `RC`/`rc` < `#` <
 *   `pl`/`p`; any other word ranks below `dev`, as in PHP (OSV-SCALIBR ranks it with `dev`;
 *   the corpus passes either way);
 * - when one side runs out, a following number makes the longer side greater; otherwise the
 *   rest of the longer side is compared with `#` (so `1.0rc1 < 1.0 < 1.0pl1`).
 *
 * Every string parses, as in PHP; the empty string sorts below everything.
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

export interface PackagistVersion {
  readonly original: string;
  readonly empty: boolean;
  readonly parts: readonly string[];
}

/** The canonical form: separators unified, `.` between digits and other characters. */
function canonicalize(text: string): string {
  const withoutV = text.replace(/^v/, '').replace(/^V/, '');
  return withoutV
    .replace(/[-_+]/g, '.')
    .replace(/([^\d.])(?=\d)/g, '$1.')
    .replace(/(\d)(?=[^\d.])/g, '$1.');
}

export function parsePackagist(text: string): PackagistVersion {
  if (text === '') return { original: text, empty: true, parts: [] };
  return { original: text, empty: false, parts: canonicalize(text).split('.') };
}

/** `version_compare`'s special forms, tried in this order against the start of a word. */
const specialForms: readonly (readonly [prefix: string, rank: number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

/** `compare_special_version_forms`: the first form the word starts with; -1 for none. */
function rankOf(word: string): number {
  return specialForms.find(([prefix]) => word.startsWith(prefix))?.[1] ?? -1;
}

function compareRanks(a: string, b: string): Ordering {
  const difference = rankOf(a) - rankOf(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

function isNumber(part: string): boolean {
  return /^\d+$/.test(part);
}

function compareParts(a: readonly string[], b: readonly string[]): Ordering {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a[index] ?? '';
    const y = b[index] ?? '';
    let order: Ordering;
    if (isNumber(x) && isNumber(y)) {
      const [left, right] = [BigInt(x), BigInt(y)];
      order = left < right ? -1 : left > right ? 1 : 0;
    } else {
      order = compareRanks(isNumber(x) ? '#' : x, isNumber(y) ? '#' : y);
    }
    if (order !== 0) return order;
  }
  if (a.length > b.length) return isNumber(a[b.length] ?? '') ? 1 : compareParts(a.slice(b.length), ['#']);
  if (a.length < b.length) return isNumber(b[a.length] ?? '') ? -1 : compareParts(['#'], b.slice(a.length));
  return 0;
}

export function comparePackagist(a: PackagistVersion, b: PackagistVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  return compareParts(a.parts, b.parts);
}

export const packagistScheme: VersionScheme<PackagistVersion> = {
  id: 'packagist',
  parse: parsePackagist,
  compare: comparePackagist,
};
