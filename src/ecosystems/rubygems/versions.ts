/**
 * RubyGems versions, ordered like `Gem::Version#<=>` (rubygems `lib/rubygems/version.rb`;
 * https://guides.rubygems.org/patterns/#semantic-versioning).
 *
 * - `-` means `.pre.` (`1.0-1` is `1.0.pre.1`); the version is then cut into segments, each a
 *   run of digits (a number) or of letters (a string): `1.0.a10` → [1, 0, "a", 10];
 * - canonical segments: the leading numbers, then the rest from the first string on, each group
 *   with its trailing zeros dropped (`1.0.0.rc3.0 = 1.0.0.rc3 = 1.rc3`);
 * - segments compare one by one, a missing one counting as 0: numbers numerically, strings by
 *   bytes, and a string (a pre-release) below a number, so `1.0.a < 1.0 < 1.0.1`.
 *
 * Validity follows `Gem::Version.correct?`, relaxed so that letters may follow the first
 * digits without a dot (`1beta`, which OSV data and the corpus hold and which orders as
 * `1.beta`). The empty string sorts below everything (RubyGems would read it as `0`).
 */
import type { Ordering } from '../../model/index.js';
import { invalidVersion } from '../ecosystem.js';
import type { VersionScheme } from '../ecosystem.js';

export type RubyGemsSegment = bigint | string;

export interface RubyGemsVersion {
  readonly original: string;
  readonly empty: boolean;
  readonly segments: readonly RubyGemsSegment[];
}

const schemeId = 'rubygems';
// Gem::Version::ANCHORED_VERSION_PATTERN, with `[0-9]+` relaxed to `[0-9][0-9a-zA-Z]*` for the first segment.
const grammar = /^\s*[0-9][0-9a-zA-Z]*(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;

function dropTrailingZeros(segments: readonly RubyGemsSegment[]): RubyGemsSegment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}

/** `Gem::Version#canonical_segments`. */
function canonicalSegments(segments: readonly RubyGemsSegment[]): RubyGemsSegment[] {
  const firstString = segments.findIndex((segment) => typeof segment === 'string');
  const split = firstString === -1 ? segments.length : firstString;
  return [...dropTrailingZeros(segments.slice(0, split)), ...dropTrailingZeros(segments.slice(split))];
}

export function parseRubyGems(text: string): RubyGemsVersion {
  if (text === '') return { original: text, empty: true, segments: [] };
  if (!grammar.test(text)) throw invalidVersion(schemeId, text);
  const version = text.trim().replaceAll('-', '.pre.');
  const segments = (version.match(/[0-9]+|[a-z]+/gi) ?? []).map((segment) => (/^[0-9]/.test(segment) ? BigInt(segment) : segment));
  return { original: text, empty: false, segments: canonicalSegments(segments) };
}

function compareSegments(a: RubyGemsSegment, b: RubyGemsSegment): Ordering {
  if (typeof a === 'string' && typeof b !== 'string') return -1;
  if (typeof a !== 'string' && typeof b === 'string') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRubyGems(a: RubyGemsVersion, b: RubyGemsVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const order = compareSegments(a.segments[index] ?? 0n, b.segments[index] ?? 0n);
    if (order !== 0) return order;
  }
  return 0;
}

export const rubyGemsScheme: VersionScheme<RubyGemsVersion> = {
  id: schemeId,
  parse: parseRubyGems,
  compare: compareRubyGems,
};
