/**
 * CRAN versions, ordered like R's `package_version` (`numeric_version`; R documentation
 * `?numeric_version`, https://stat.ethz.ch/R-manual/R-devel/library/base/html/numeric_version.html):
 * non-negative integers separated by `.` or `-`, the two separators being equivalent
 * (`1.0-1 = 1.0.1`). Versions compare component by component, numerically, and when one is a
 * prefix of the other the longer one is greater (`0.1.0 < 0.1.0.0`), as OSV-SCALIBR's
 * `semantic/version-cran.go` does.
 *
 * Anything else (`1.a.2`, `!`) is invalid; surrounding whitespace is ignored, as R does. The
 * empty string parses and sorts below everything.
 */
import type { Ordering } from '../../model/index.js';
import { invalidVersion } from '../ecosystem.js';
import type { VersionScheme } from '../ecosystem.js';

export interface CranVersion {
  readonly original: string;
  readonly components: readonly bigint[];
}

const schemeId = 'cran';

export function parseCran(text: string): CranVersion {
  if (text === '') return { original: text, components: [] };
  const trimmed = text.trim();
  if (!/^\d+(?:[.-]\d+)*$/.test(trimmed)) throw invalidVersion(schemeId, text, 'expected numbers separated by "." or "-"');
  return { original: text, components: trimmed.split(/[.-]/).map((part) => BigInt(part)) };
}

export function compareCran(a: CranVersion, b: CranVersion): Ordering {
  const length = Math.min(a.components.length, b.components.length);
  for (let index = 0; index < length; index++) {
    const x = a.components[index] ?? 0n;
    const y = b.components[index] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  const difference = a.components.length - b.components.length;
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export const cranScheme: VersionScheme<CranVersion> = {
  id: schemeId,
  parse: parseCran,
  compare: compareCran,
};
