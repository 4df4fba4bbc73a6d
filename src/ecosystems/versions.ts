import type { OsvAffected, Ordering } from '../model/index.js';
import { compareText } from './ecosystem.js';
import { isAffectedBy } from './osv-range.js';
import { ecosystemFor } from './registry.js';

/**
 * Compares two versions under an ecosystem's own rules. `ecosystem` is spelled as OSV spells it,
 * with or without a `:suffix` (`Debian:12`). Throws an InputError `invalid-version` when either
 * side is not a version of that ecosystem, and `unsupported-ecosystem` for an unknown name.
 */
export function compareVersions(ecosystem: string, a: string, b: string): Ordering {
  return compareText(ecosystemFor(ecosystem).scheme, a, b);
}

/**
 * The canonical form of a package name in an ecosystem, the key advisories are indexed by:
 * PEP 503 for PyPI, lower case for NuGet and Packagist, unchanged where names are case-sensitive.
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  return ecosystemFor(ecosystem).normalizeName(name);
}

/**
 * Whether one OSV `affected[]` entry covers `version`: exact membership in `versions`, or any
 * SEMVER / ECOSYSTEM range under the OSV schema's evaluation rules. GIT ranges alone never match
 * a version. Throws an InputError `invalid-version` when the version cannot be read.
 */
export function isAffected(ecosystem: string, version: string, affected: OsvAffected): boolean {
  return isAffectedBy(ecosystemFor(ecosystem).scheme, version, affected);
}
