/**
 * PyPI versions: PEP 440 (https://peps.python.org/pep-0440/), ordered like Python `packaging`'s
 * `Version._key` (`packaging/version.py` `_cmpkey`), with a fallback for strings that are not
 * PEP 440, ordered like `packaging`'s former `LegacyVersion` (packaging <= 21.3,
 * `_legacy_cmpkey`), which is what `pip` and the OSV corpus generator used for them.
 *
 * The PEP 440 grammar is `@renovatebot/pep440`'s `VERSION_PATTERN` (a port of `packaging`'s
 * regular expression); the matched groups are read here once into a comparison key with exact
 * BigInt numbers (the library's own `parse` turns numbers into floats, which loses precision
 * beyond 2^53, and its `compare` re-parses both strings on every call).
 *
 * Every string parses: what PEP 440 rejects is a legacy version. Legacy versions sort below every
 * PEP 440 version (their epoch is -1). The empty string sorts below everything.
 */
import { VERSION_PATTERN } from '@renovatebot/pep440/lib/version.js';
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

/** A pre-release phase after PEP 440 normalization (`alpha` → `a`, `c`/`pre`/`preview` → `rc`). */
export type PrePhase = 'a' | 'b' | 'rc';

/** A version PEP 440 accepts. Numbers are exact. */
export interface Pep440Version {
  readonly kind: 'pep440';
  readonly original: string;
  readonly epoch: bigint;
  /** The release segment as written (`1.0.0` → [1, 0, 0]). */
  readonly release: readonly bigint[];
  readonly pre: { readonly phase: PrePhase; readonly number: bigint } | undefined;
  readonly post: bigint | undefined;
  readonly dev: bigint | undefined;
  /** The local segment's parts, numeric ones as BigInt, others lower-cased; undefined without one. */
  readonly local: readonly (bigint | string)[] | undefined;
}

/** A string PEP 440 rejects, kept with `packaging`'s legacy sort key. */
export interface LegacyPypiVersion {
  readonly kind: 'legacy';
  readonly original: string;
  readonly parts: readonly string[];
}

export interface EmptyPypiVersion {
  readonly kind: 'empty';
  readonly original: '';
}

export type PypiVersion = Pep440Version | LegacyPypiVersion | EmptyPypiVersion;

// packaging compiles its pattern with re.VERBOSE | re.IGNORECASE between `^\s*` and `\s*$`.
const pep440Pattern = new RegExp(`^\\s*${VERSION_PATTERN}\\s*$`, 'i');

function normalizePhase(letter: string): PrePhase {
  switch (letter.toLowerCase()) {
    case 'a':
    case 'alpha':
      return 'a';
    case 'b':
    case 'beta':
      return 'b';
    default:
      // `c`, `rc`, `pre`, `preview` (PEP 440 "Pre-release spelling").
      return 'rc';
  }
}

/** Reads a PEP 440 version, or undefined when the string is not one. */
export function parsePep440(text: string): Pep440Version | undefined {
  const groups = pep440Pattern.exec(text)?.groups;
  if (groups === undefined) return undefined;
  const release = (groups['release'] ?? '0').split('.').map((part) => BigInt(part));
  const preLetter = groups['pre_l'];
  const postNumber = groups['post_n1'] ?? groups['post_n2'];
  const hasPost = groups['post_l'] !== undefined || groups['post_n1'] !== undefined;
  const local = groups['local'];
  return {
    kind: 'pep440',
    original: text,
    epoch: BigInt(groups['epoch'] ?? '0'),
    release,
    // An omitted number is an implicit 0 (PEP 440 "Implicit pre-release number" and the like).
    pre: preLetter === undefined ? undefined : { phase: normalizePhase(preLetter), number: BigInt(groups['pre_n'] ?? '0') },
    post: hasPost ? BigInt(postNumber ?? '0') : undefined,
    dev: groups['dev_l'] === undefined ? undefined : BigInt(groups['dev_n'] ?? '0'),
    local:
      local === undefined
        ? undefined
        : local.split(/[-_.]/).map((part) => (/^[0-9]+$/.test(part) ? BigInt(part) : part.toLowerCase())),
  };
}

// packaging 21.3 `_legacy_version_component_re` and `_legacy_version_replacement_map`. Python's
// `\d` on str patterns matches any Unicode decimal digit.
const legacyComponent = /(\p{Nd}+|[a-z]+|\.|-)/gu;
const legacyReplacements: Readonly<Record<string, string>> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** `re.split` with a capturing group: the text between matches and the matches, in order. */
function splitKeepingSeparators(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of text.matchAll(legacyComponent)) {
    pieces.push(text.slice(last, match.index), match[0]);
    last = match.index + match[0].length;
  }
  pieces.push(text.slice(last));
  return pieces;
}

/** packaging 21.3 `_parse_version_parts`. */
function legacyVersionParts(text: string): string[] {
  const parts: string[] = [];
  for (const piece of splitKeepingSeparators(text)) {
    const part = legacyReplacements[piece] ?? piece;
    if (part === '' || part === '.') continue;
    parts.push(/^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`);
  }
  parts.push('*final');
  return parts;
}

/** packaging 21.3 `_legacy_cmpkey`: drops `-` before a pre-release tag and trailing zeros before a tag. */
export function parseLegacyPypi(text: string): LegacyPypiVersion {
  const parts: string[] = [];
  for (const part of legacyVersionParts(text.toLowerCase())) {
    if (part.startsWith('*')) {
      if (comparePythonStrings(part, '*final') < 0) {
        while (parts.at(-1) === '*final-') parts.pop();
      }
      while (parts.at(-1) === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return { kind: 'legacy', original: text, parts };
}

export function parsePypi(text: string): PypiVersion {
  if (text === '') return { kind: 'empty', original: '' };
  return parsePep440(text) ?? parseLegacyPypi(text);
}

/** Python's `str` order: by code point (JavaScript's `<` compares UTF-16 code units instead). */
function comparePythonStrings(a: string, b: string): Ordering {
  if (a === b) return 0;
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const x = left[index]?.codePointAt(0) ?? 0;
    const y = right[index]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length < right.length ? -1 : left.length > right.length ? 1 : 0;
}

function compareBigInt(a: bigint, b: bigint): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Python tuple order: element by element, then the shorter tuple first. */
function compareTuples<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => Ordering): Ordering {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order = compare(a[index] as T, b[index] as T);
    if (order !== 0) return order;
  }
  return compareBigInt(BigInt(a.length), BigInt(b.length));
}

/** The release with trailing zeros removed, as `_cmpkey` compares it (`1.0 == 1.0.0`). */
function trimmedRelease(release: readonly bigint[]): readonly bigint[] {
  let end = release.length;
  while (end > 0 && release[end - 1] === 0n) end--;
  return release.slice(0, end);
}

/** `_cmpkey`'s pre-release rank: `1.0.dev0` (no pre, no post) sorts before `1.0a0`; no pre sorts last. */
function compareReleasePhase(a: Pep440Version, b: Pep440Version): Ordering {
  const rank = (v: Pep440Version): number => (v.pre !== undefined ? 1 : v.post === undefined && v.dev !== undefined ? 0 : 2);
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference < 0 ? -1 : 1;
  if (a.pre === undefined || b.pre === undefined) return 0;
  return comparePythonStrings(a.pre.phase, b.pre.phase) || compareBigInt(a.pre.number, b.pre.number);
}

/** An absent value sorts as `missing` (-1 before, +1 after) every present one. */
function compareOptional(a: bigint | undefined, b: bigint | undefined, missing: -1 | 1): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? missing : (-missing as Ordering);
  return compareBigInt(a, b);
}

/** PEP 440 local versions: numeric parts sort above alphanumeric ones, then by length. */
function compareLocalPart(a: bigint | string, b: bigint | string): Ordering {
  if (typeof a === 'bigint' && typeof b === 'bigint') return compareBigInt(a, b);
  if (typeof a === 'bigint') return 1;
  if (typeof b === 'bigint') return -1;
  return comparePythonStrings(a, b);
}

export function comparePep440(a: Pep440Version, b: Pep440Version): Ordering {
  return (
    compareBigInt(a.epoch, b.epoch) ||
    compareTuples(trimmedRelease(a.release), trimmedRelease(b.release), compareBigInt) ||
    compareReleasePhase(a, b) ||
    compareOptional(a.post, b.post, -1) ||
    compareOptional(a.dev, b.dev, 1) ||
    (a.local === undefined || b.local === undefined
      ? a.local === b.local
        ? 0
        : a.local === undefined
          ? -1
          : 1
      : compareTuples(a.local, b.local, compareLocalPart))
  );
}

const kindRank: Readonly<Record<PypiVersion['kind'], number>> = { empty: 0, legacy: 1, pep440: 2 };

export function comparePypi(a: PypiVersion, b: PypiVersion): Ordering {
  if (a.kind !== b.kind) return kindRank[a.kind] < kindRank[b.kind] ? -1 : 1;
  if (a.kind === 'pep440' && b.kind === 'pep440') return comparePep440(a, b);
  if (a.kind === 'legacy' && b.kind === 'legacy') return compareTuples(a.parts, b.parts, comparePythonStrings);
  return 0;
}

export const pypiScheme: VersionScheme<PypiVersion> = {
  id: 'pep440',
  parse: parsePypi,
  compare: comparePypi,
};
