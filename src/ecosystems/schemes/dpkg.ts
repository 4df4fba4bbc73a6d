/**
 * Debian version order, as `dpkg --compare-versions` implements it (deb-version(7); dpkg
 * `lib/dpkg/version.c` `verrevcmp`; Debian Policy §5.6.12 for the syntax).
 *
 * `[epoch:]upstream_version[-debian_revision]`: the epoch is an unsigned integer (compared as
 * BigInt, so there is no size limit); the revision is everything after the last hyphen. Upstream
 * and revision are compared by alternating runs: a run of non-digits compared character by
 * character where `~` sorts before everything (even the end of the string), letters sort before
 * non-letters, then a run of digits compared numerically. A missing revision equals `0`, so
 * `0.0.0 = 0:0.0.0 = 0.0.0-0`.
 *
 * Validity follows dpkg's `parseversion`: surrounding whitespace is ignored; an epoch must be
 * digits; upstream must not be empty and may hold only alphanumerics and `. + ~ - :`; a revision
 * (after a hyphen) must not be empty and may hold only alphanumerics and `. + ~`. dpkg only warns
 * when upstream does not start with a digit, so such versions are accepted. The empty string is
 * accepted as the lowest version (the {@link VersionScheme} contract), unlike dpkg.
 */
import type { Ordering } from '../../model/index.js';
import { invalidVersion } from '../ecosystem.js';
import type { VersionScheme } from '../ecosystem.js';

export interface DpkgVersion {
  readonly original: string;
  readonly empty: boolean;
  readonly epoch: bigint;
  readonly upstream: string;
  /** '' when the version has no revision (which orders like `0`). */
  readonly revision: string;
}

const schemeId = 'dpkg';

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isLetter(char: string): boolean {
  return (char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z');
}

export function parseDpkg(text: string): DpkgVersion {
  if (text === '') return { original: text, empty: true, epoch: 0n, upstream: '', revision: '' };
  const trimmed = text.trim();
  if (trimmed === '') throw invalidVersion(schemeId, text, 'blank');
  if (/\s/.test(trimmed)) throw invalidVersion(schemeId, text, 'embedded whitespace');
  const colon = trimmed.indexOf(':');
  let epoch = 0n;
  let rest = trimmed;
  if (colon !== -1) {
    const epochText = trimmed.slice(0, colon);
    if (!/^\d+$/.test(epochText)) throw invalidVersion(schemeId, text, 'epoch is not a number');
    epoch = BigInt(epochText);
    rest = trimmed.slice(colon + 1);
    if (rest === '') throw invalidVersion(schemeId, text, 'nothing after the epoch');
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (upstream === '') throw invalidVersion(schemeId, text, 'empty upstream version');
  if (hyphen !== -1 && revision === '') throw invalidVersion(schemeId, text, 'empty revision');
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream)) throw invalidVersion(schemeId, text, 'invalid character in upstream version');
  if (revision !== '' && !/^[A-Za-z0-9.+~]+$/.test(revision)) throw invalidVersion(schemeId, text, 'invalid character in revision');
  return { original: text, empty: false, epoch, upstream, revision };
}

/** The weight of one character in a non-digit run (dpkg `order()`); '' is the end of the string. */
function weight(char: string): number {
  if (char === '' || isDigit(char)) return 0;
  if (char === '~') return -1;
  if (isLetter(char)) return char.charCodeAt(0);
  return char.charCodeAt(0) + 256;
}

/** dpkg `verrevcmp`, with numeric runs compared without any size limit. */
export function compareDebianPart(a: string, b: string): Ordering {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charAt(i))) || (j < b.length && !isDigit(b.charAt(j)))) {
      const x = weight(a.charAt(i));
      const y = weight(b.charAt(j));
      if (x !== y) return x < y ? -1 : 1;
      i++;
      j++;
    }
    while (a.charAt(i) === '0') i++;
    while (b.charAt(j) === '0') j++;
    let firstDifference: Ordering = 0;
    while (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
      if (firstDifference === 0 && a.charAt(i) !== b.charAt(j)) firstDifference = a.charAt(i) < b.charAt(j) ? -1 : 1;
      i++;
      j++;
    }
    if (isDigit(a.charAt(i))) return 1;
    if (isDigit(b.charAt(j))) return -1;
    if (firstDifference !== 0) return firstDifference;
  }
  return 0;
}

export function compareDpkg(a: DpkgVersion, b: DpkgVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return compareDebianPart(a.upstream, b.upstream) || compareDebianPart(a.revision, b.revision);
}

export const dpkgScheme: VersionScheme<DpkgVersion> = {
  id: schemeId,
  parse: parseDpkg,
  compare: compareDpkg,
};
