/**
 * NuGet versions: SemVer 2.0.0 with up to four numeric parts, ordered like NuGet's
 * `VersionComparer` (NuGet.Versioning; https://learn.microsoft.com/nuget/concepts/package-versioning).
 *
 * - `major[.minor[.patch[.revision]]]`, missing parts are 0, so `1.0 = 1.0.0.0`; leading zeros
 *   are allowed (`1.0.01 = 1.0.1`); parts have no size limit here (NuGet caps them at 2^31-1);
 * - a release sorts above its pre-releases; pre-release labels (`-beta.2`) compare one by one:
 *   labels NuGet reads as a 32-bit integer numerically and below other labels, other labels
 *   ordinally ignoring case (`1.0.0-BETA = 1.0.0-beta`), then the longer list wins;
 * - build metadata (`+sha.abc`) is ignored.
 *
 * The empty string parses and sorts lowest; other strings outside this grammar are invalid.
 */
import type { Ordering } from '../../model/index.js';
import { invalidVersion } from '../ecosystem.js';
import type { VersionScheme } from '../ecosystem.js';

export interface NugetVersion {
  readonly original: string;
  readonly empty: boolean;
  /** Exactly four numbers. */
  readonly parts: readonly bigint[];
  /** Pre-release labels; empty for a release. */
  readonly prerelease: readonly string[];
  /** Build metadata, kept for display; it takes no part in the order. */
  readonly metadata: string;
}

const schemeId = 'nuget';
const label = '[0-9A-Za-z-]+';
const grammar = new RegExp(`^(\\d+(?:\\.\\d+){0,3})(?:-(${label}(?:\\.${label})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`);
const int32Max = 2n ** 31n - 1n;

export function parseNuget(text: string): NugetVersion {
  if (text === '') return { original: text, empty: true, parts: [0n, 0n, 0n, 0n], prerelease: [], metadata: '' };
  const match = grammar.exec(text.trim());
  if (match === null) throw invalidVersion(schemeId, text);
  const numbers = (match[1] ?? '0').split('.').map((part) => BigInt(part));
  while (numbers.length < 4) numbers.push(0n);
  return { original: text, empty: false, parts: numbers, prerelease: match[2]?.split('.') ?? [], metadata: match[3] ?? '' };
}

function compareBigInt(a: bigint, b: bigint): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Int32.TryParse`: the labels NuGet treats as numbers. */
function numericLabel(text: string): bigint | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value <= int32Max ? value : undefined;
}

/** `StringComparer.OrdinalIgnoreCase`: code units after upper-casing. */
function compareIgnoringCase(a: string, b: string): Ordering {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `VersionComparer.CompareRelease`. */
function compareLabels(a: string, b: string): Ordering {
  const x = numericLabel(a);
  const y = numericLabel(b);
  if (x !== undefined && y !== undefined) return compareBigInt(x, y);
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  return compareIgnoringCase(a, b);
}

export function compareNuget(a: NugetVersion, b: NugetVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  for (let index = 0; index < 4; index++) {
    const order = compareBigInt(a.parts[index] ?? 0n, b.parts[index] ?? 0n);
    if (order !== 0) return order;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  const length = Math.min(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < length; index++) {
    const order = compareLabels(a.prerelease[index] ?? '', b.prerelease[index] ?? '');
    if (order !== 0) return order;
  }
  return compareBigInt(BigInt(a.prerelease.length), BigInt(b.prerelease.length));
}

export const nugetScheme: VersionScheme<NugetVersion> = {
  id: schemeId,
  parse: parseNuget,
  compare: compareNuget,
};
