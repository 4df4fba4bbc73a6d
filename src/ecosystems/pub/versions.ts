/**
 * Pub (Dart and Flutter) versions, ordered like `pub_semver`'s `Version.compareTo`
 * (https://github.com/dart-lang/pub_semver, `lib/src/version.dart`), which differs from SemVer
 * 2.0.0 in one point: build metadata is ordered, not ignored.
 *
 * - `major.minor.patch`, then the pre-release (after `-`) and the build (after `+`), each a list
 *   of `.`-separated parts;
 * - a version without a pre-release sorts above one with (`1.0.0-rc < 1.0.0`); a version without
 *   a build sorts below one with (`1.0.0 < 1.0.0+1`);
 * - parts compare one by one: numbers (what Dart's `int.tryParse` reads) numerically and below
 *   strings (`1.2.3+9 < 1.2.3+a`), strings by code units, then the shorter list first.
 *
 * Parsing is as lenient as OSV-SCALIBR's for Pub (the semver-like reading of
 * `semantic/version-semver-like.go`): one leading `v` is ignored, there may be fewer than three
 * numeric components (missing ones are 0) or more (the fourth and later are appended to the
 * pre-release, as for the other semver-like ecosystems), and numbers have no size limit. Every
 * string parses; the empty string sorts below everything.
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

export type PubPart = bigint | string;

export interface PubVersion {
  readonly original: string;
  readonly empty: boolean;
  /** The first three numeric components (fewer when the string has fewer). */
  readonly components: readonly bigint[];
  readonly prerelease: readonly PubPart[];
  readonly build: readonly PubPart[];
}

const coreComponents = 3;

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** Dart's `int.tryParse`: an optional sign, then decimal digits or `0x` and hex digits. */
function toPart(text: string): PubPart {
  const match = /^([+-]?)(?:(\d+)|0x([0-9a-f]+))$/i.exec(text);
  if (match === null) return text;
  const magnitude = match[2] === undefined ? BigInt(`0x${match[3] ?? '0'}`) : BigInt(match[2]);
  return match[1] === '-' ? -magnitude : magnitude;
}

function splitParts(text: string): PubPart[] {
  return text === '' ? [] : text.split('.').map(toPart);
}

export function parsePub(text: string): PubVersion {
  if (text === '') return { original: text, empty: true, components: [], prerelease: [], build: [] };
  const body = text.startsWith('v') ? text.slice(1) : text;
  const numbers: bigint[] = [];
  let digits = '';
  let rest = '';
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (isDigit(char)) {
      digits += char;
      continue;
    }
    if (digits !== '') numbers.push(BigInt(digits));
    digits = '';
    if (char === '.') continue;
    rest = body.slice(index);
    break;
  }
  if (digits !== '') numbers.push(BigInt(digits));
  const plus = rest.indexOf('+');
  const pre = plus === -1 ? rest : rest.slice(0, plus);
  const extra = numbers.slice(coreComponents).map((n) => `.${n.toString()}`).join('');
  const prerelease = (pre.startsWith('-') ? pre.slice(1) : pre) + extra;
  return {
    original: text,
    empty: false,
    components: numbers.slice(0, coreComponents),
    prerelease: splitParts(prerelease),
    build: plus === -1 ? [] : splitParts(rest.slice(plus + 1)),
  };
}

function compareValues<T extends bigint | string>(a: T, b: T): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Version._compareLists`. */
function compareLists(a: readonly PubPart[], b: readonly PubPart[]): Ordering {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'bigint') return typeof y === 'bigint' ? compareValues(x, y) : -1;
    if (typeof y === 'bigint') return 1;
    return compareValues(x, y);
  }
  return 0;
}

export function comparePub(a: PubVersion, b: PubVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  for (let index = 0; index < coreComponents; index++) {
    const order = compareValues(a.components[index] ?? 0n, b.components[index] ?? 0n);
    if (order !== 0) return order;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    if (a.prerelease.length !== b.prerelease.length) return a.prerelease.length === 0 ? 1 : -1;
  } else {
    const order = compareLists(a.prerelease, b.prerelease);
    if (order !== 0) return order;
  }
  if (a.build.length === 0 || b.build.length === 0) {
    return a.build.length === b.build.length ? 0 : a.build.length === 0 ? -1 : 1;
  }
  return compareLists(a.build, b.build);
}

export const pubScheme: VersionScheme<PubVersion> = {
  id: 'pub',
  parse: parsePub,
  compare: comparePub,
};
