/**
 * Alpine version order, as apk-tools compares versions (`src/version.c`; apk-package(5) for the
 * syntax `number{.number}...{letter}{_suffix{number}}...{-r#}`), followed by Alpine, Wolfi,
 * Chainguard and the other apk-based distributions.
 *
 * The tokenizer and comparison are those of apk-tools 2.x, the `apk version -t` that produced
 * OSV-SCALIBR's generated Alpine corpus (every one of its lines agrees): a version is read as a
 * sequence of typed tokens (first number, `.number`, digits after leading zeros, letter, suffix,
 * suffix number, `-r` revision, end, invalid); two versions are compared token by token while
 * the token types agree, by value (numbers numerically, a component with leading zeros counts
 * its zeros, letters by character, suffixes in the order `_alpha _beta _pre _rc` < no suffix <
 * `_cvs _svn _git _hg _p`). At the first differing type the version that ends sorts below one
 * that goes on, except that a pre-release suffix (`_alpha`..`_rc`) sorts below the end.
 *
 * Three refinements follow the newer apk, where the hand-written corpus lines say apk 2.x and the
 * current apk disagree (see the comments in alpine-versions.txt):
 * - a version that turns invalid sorts below one that ends at that point (`1 > 1-ruff`,
 *   `1-r-0 < 1-r0`, `1.2.0A < 1.2.0d`), where apk 2.x put it above;
 * - `-r` followed by a letter is not a revision but the start of an invalid tail
 *   (`1-ruff2 = 1--ruff1`); `-r` followed by nothing or by another separator is revision 0;
 * - a `.` that is not followed by a digit (an empty component, `0.r1`, `1..2`) sorts below a
 *   letter at the same place (`0.r1 < 0r2`), but the tokens after it are still compared.
 *
 * apk accepts any string in `apk version -t` (invalid parts only order below valid ones), so
 * every string parses; the empty string sorts lowest. Numbers have no size limit (BigInt).
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

/**
 * Token types, numbered as in apk-tools 2.x: the order matters both for which token may follow
 * which (a smaller type may not follow a larger one, with three exceptions) and, through
 * {@link precedence}, for the order of versions that diverge in type.
 */
const token = {
  invalid: -1,
  /** A `.`-separated component, which may have leading zeros. */
  digitOrZero: 0,
  /** Digits with no leading-zero treatment: the first component, or what follows zeros or a letter. */
  digit: 1,
  letter: 2,
  suffix: 3,
  suffixNumber: 4,
  revision: 5,
  end: 6,
  /** A `.` not followed by a digit: an empty component (a refinement, see the file comment). */
  emptyComponent: 7,
} as const;
type TokenType = (typeof token)[keyof typeof token];

/**
 * Where the version goes on after the common part: a larger number sorts higher. apk 2.x orders
 * by descending type number with invalid highest; here invalid is lowest and an empty component
 * sits between a letter and a suffix.
 */
const precedence: Record<TokenType, number> = {
  [token.digitOrZero]: 8,
  [token.digit]: 7,
  [token.letter]: 6,
  [token.emptyComponent]: 5,
  [token.suffix]: 4,
  [token.suffixNumber]: 3,
  [token.revision]: 2,
  [token.end]: 1,
  [token.invalid]: 0,
};

/** Suffix values: pre-releases are negative, `_p` and the VCS suffixes are not. */
const preReleaseSuffixes = ['alpha', 'beta', 'pre', 'rc'] as const;
const postReleaseSuffixes = ['cvs', 'svn', 'git', 'hg', 'p'] as const;

interface Token {
  readonly type: TokenType;
  readonly value: bigint;
}

export interface ApkVersion {
  readonly original: string;
  readonly empty: boolean;
  /**
   * The tokens, each with the type of the token that follows it; the last one has type `end` or
   * `invalid`. `tokens[0]` is the first component (type `digit`).
   */
  readonly tokens: readonly Token[];
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isLower(char: string | undefined): boolean {
  return char !== undefined && char >= 'a' && char <= 'z';
}

/** The type treated as a plain `.number` component for the "what may follow" rules. */
function asComponent(type: TokenType): TokenType {
  return type === token.emptyComponent ? token.digitOrZero : type;
}

/** apk `next_token`: the type of the token starting at `index`, and where its value starts. */
function nextType(text: string, index: number, current: TokenType): { type: TokenType; index: number } {
  const previous = asComponent(current);
  const char = text[index];
  let type: TokenType = token.invalid;
  let next = index;
  if (char === undefined) {
    type = token.end;
  } else if ((previous === token.digit || previous === token.digitOrZero) && isLower(char)) {
    type = token.letter;
  } else if (previous === token.letter && isDigit(char)) {
    type = token.digit;
  } else if (previous === token.suffix && isDigit(char)) {
    type = token.suffixNumber;
  } else {
    if (char === '.') type = isDigit(text[index + 1]) ? token.digitOrZero : token.emptyComponent;
    else if (char === '_') type = token.suffix;
    else if (char === '-' && text[index + 1] === 'r' && !isLower(text[index + 2])) {
      type = token.revision;
      next++;
    }
    next++;
  }
  const order = asComponent(type);
  if (order < previous) {
    const allowed =
      (order === token.digitOrZero && previous === token.digit) ||
      (order === token.suffix && previous === token.suffixNumber) ||
      (order === token.digit && previous === token.letter);
    if (!allowed) type = token.invalid;
  }
  return { type, index: next };
}

/** apk `get_token` for a suffix: the first known name the text starts with (a prefix match, as in apk). */
function suffixValue(text: string, index: number): { value: bigint; length: number } | undefined {
  for (const [position, suffix] of preReleaseSuffixes.entries()) {
    if (text.startsWith(suffix, index)) return { value: BigInt(position - preReleaseSuffixes.length), length: suffix.length };
  }
  for (const [position, suffix] of postReleaseSuffixes.entries()) {
    if (text.startsWith(suffix, index)) return { value: BigInt(position), length: suffix.length };
  }
  return undefined;
}

export function parseApk(text: string): ApkVersion {
  if (text === '') return { original: text, empty: true, tokens: [] };
  const tokens: Token[] = [];
  let type: TokenType = token.digit;
  let index = 0;
  // apk `get_token`, repeated until the end or an invalid token.
  for (;;) {
    if (index >= text.length) {
      tokens.push({ type: token.end, value: 0n });
      break;
    }
    let value: bigint;
    let length = 0;
    let following: TokenType | undefined;
    if ((type === token.digitOrZero || type === token.emptyComponent) && text[index] === '0') {
      // Leading zeros count for their number (negated, so more zeros sort lower); the digits
      // after them are compared as a separate token.
      while (text[index + length] === '0') length++;
      value = BigInt(-length);
      following = token.digit;
    } else if (
      type === token.digitOrZero ||
      type === token.emptyComponent ||
      type === token.digit ||
      type === token.suffixNumber ||
      type === token.revision
    ) {
      while (isDigit(text[index + length])) length++;
      value = length === 0 ? 0n : BigInt(text.slice(index, index + length));
    } else if (type === token.letter) {
      value = BigInt(text.charCodeAt(index));
      length = 1;
    } else {
      // type === token.suffix
      const suffix = suffixValue(text, index);
      if (suffix === undefined) {
        tokens.push({ type: token.invalid, value: -1n });
        break;
      }
      value = suffix.value;
      length = suffix.length;
    }
    index += length;
    if (index >= text.length) {
      tokens.push({ type: token.end, value });
      break;
    }
    if (following !== undefined) {
      tokens.push({ type: following, value });
      type = following;
      continue;
    }
    const next = nextType(text, index, type);
    tokens.push({ type: next.type, value });
    if (next.type === token.invalid) break;
    type = next.type;
    index = next.index;
  }
  return { original: text, empty: false, tokens };
}

/** Never needed (a token list always ends with `end` or `invalid`); keeps the indexing total. */
const endOfTokens: Token = { type: token.end, value: 0n };

function isPreRelease(version: ApkVersion, position: number): boolean {
  // `tokens[position].type` announced the suffix; its value is the next entry's value.
  return (version.tokens[position + 1]?.value ?? 0n) < 0n;
}

export function compareApk(a: ApkVersion, b: ApkVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  // tokens[k].value is the value of the k-th token; tokens[k].type is the type of token k+1.
  let position = 0;
  for (;;) {
    const x = a.tokens[position] ?? endOfTokens;
    const y = b.tokens[position] ?? endOfTokens;
    if (x.value !== y.value) return x.value < y.value ? -1 : 1;
    if (x.type !== y.type || x.type === token.end || x.type === token.invalid) break;
    position++;
  }
  const x = (a.tokens[position] ?? endOfTokens).type;
  const y = (b.tokens[position] ?? endOfTokens).type;
  if (x === y) return 0;
  // The version that goes on is newer, unless it goes on with a pre-release suffix.
  if (x === token.suffix && isPreRelease(a, position)) return -1;
  if (y === token.suffix && isPreRelease(b, position)) return 1;
  return precedence[x] < precedence[y] ? -1 : 1;
}

export const apkScheme: VersionScheme<ApkVersion> = {
  id: 'apk',
  parse: parseApk,
  compare: compareApk,
};
