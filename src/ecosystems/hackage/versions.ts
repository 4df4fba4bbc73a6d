/**
 * Hackage versions: the Haskell Package Versioning Policy (https://pvp.haskell.org/), one or
 * more non-negative integers separated by `.`, ordered like `Data.Version` (lexicographically
 * on the list of numbers, so a prefix sorts first: `1.0 < 1.0.0`), as OSV-SCALIBR's
 * `semantic/version-hackage.go` does. Cabal no longer accepts version tags, so
 * `1.2.3.4.5-notallowed` is invalid.
 *
 * The empty string parses and sorts below everything.
 */
import type { Ordering } from '../../model/index.js';
import { invalidVersion } from '../ecosystem.js';
import type { VersionScheme } from '../ecosystem.js';

export interface HackageVersion {
  readonly original: string;
  readonly components: readonly bigint[];
}

const schemeId = 'hackage';

export function parseHackage(text: string): HackageVersion {
  if (text === '') return { original: text, components: [] };
  if (!/^\d+(?:\.\d+)*$/.test(text)) throw invalidVersion(schemeId, text, 'expected numbers separated by "."');
  return { original: text, components: text.split('.').map((part) => BigInt(part)) };
}

export function compareHackage(a: HackageVersion, b: HackageVersion): Ordering {
  const length = Math.min(a.components.length, b.components.length);
  for (let index = 0; index < length; index++) {
    const x = a.components[index] ?? 0n;
    const y = b.components[index] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  const difference = a.components.length - b.components.length;
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export const hackageScheme: VersionScheme<HackageVersion> = {
  id: schemeId,
  parse: parseHackage,
  compare: compareHackage,
};
