/**
 * RPM version order: `[epoch:]version[-release]` compared with rpm's `rpmvercmp`
 * (rpm `rpmio/rpmvercmp.c`; the algorithm is described in rpm-version(7) and the Fedora
 * packaging guidelines on versioning, including `~` and `^`).
 *
 * Splitting follows rpm's `parseEVR`: the epoch is the leading run of digits when a `:` follows it
 * (an empty epoch counts as 0; `1.m+e2:1` has no epoch, the colon is part of the version), and the
 * release is what follows the last `-`. Epochs, versions and releases are compared in turn with
 * `rpmvercmp`:
 * - characters other than ASCII letters, digits, `~` and `^` only separate segments;
 * - `~` sorts before anything, even the end of the string (`1.0~rc1 < 1.0`);
 * - `^` sorts after the end of the string but before anything else (`1.0 < 1.0^git1 < 1.0.1`);
 * - digit segments compare numerically (leading zeros ignored, no size limit) and beat letter
 *   segments; letter segments compare byte-wise;
 * - when one string runs out, the one with segments left is newer.
 * A version without a release sorts below the same version with any release, even an empty one
 * (`1 < 1-`), as in the OSV-SCALIBR corpus; rpm itself treats a missing release as a wildcard.
 *
 * rpm accepts any string as a version, and so does this scheme; the empty string sorts lowest.
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

export interface RpmVersion {
  readonly original: string;
  readonly empty: boolean;
  /** The epoch text ('0' when absent). */
  readonly epoch: string;
  readonly version: string;
  /** undefined when the string has no `-`. */
  readonly release: string | undefined;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z'));
}

function isSeparator(char: string): boolean {
  return !isDigit(char) && !isLetter(char) && char !== '~' && char !== '^';
}

export function parseRpm(text: string): RpmVersion {
  if (text === '') return { original: text, empty: true, epoch: '0', version: '', release: undefined };
  const epochMatch = /^(\d*):/.exec(text);
  const epochDigits = epochMatch?.[1] ?? '';
  const epoch = epochDigits === '' ? '0' : epochDigits;
  const rest = epochMatch === null ? text : text.slice(epochMatch[0].length);
  const hyphen = rest.lastIndexOf('-');
  return {
    original: text,
    empty: false,
    epoch,
    version: hyphen === -1 ? rest : rest.slice(0, hyphen),
    release: hyphen === -1 ? undefined : rest.slice(hyphen + 1),
  };
}

function compareText(a: string, b: string): Ordering {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** rpm's `rpmvercmp` on two version (or release) strings. */
export function rpmvercmp(a: string, b: string): Ordering {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && isSeparator(a.charAt(i))) i++;
    while (j < b.length && isSeparator(b.charAt(j))) j++;
    // `~` sorts before everything, the end of the string included.
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // `^` sorts after the end of the string but before any other segment.
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const sameKind = numeric ? isDigit : isLetter;
    const aStart = i;
    const bStart = j;
    while (i < a.length && sameKind(a[i])) i++;
    while (j < b.length && sameKind(b[j])) j++;
    // Segments of different kinds: a number is newer than letters.
    if (j === bStart) return numeric ? 1 : -1;
    let x = a.slice(aStart, i);
    let y = b.slice(bStart, j);
    if (numeric) {
      x = x.replace(/^0+/, '');
      y = y.replace(/^0+/, '');
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    }
    const order = compareText(x, y);
    if (order !== 0) return order;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export function compareRpm(a: RpmVersion, b: RpmVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  const order = rpmvercmp(a.epoch, b.epoch) || rpmvercmp(a.version, b.version);
  if (order !== 0) return order;
  if (a.release === undefined || b.release === undefined) {
    return a.release === b.release ? 0 : a.release === undefined ? -1 : 1;
  }
  return rpmvercmp(a.release, b.release);
}

export const rpmScheme: VersionScheme<RpmVersion> = {
  id: 'rpm',
  parse: parseRpm,
  compare: compareRpm,
};
