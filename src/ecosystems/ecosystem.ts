import { InputError } from '../errors.js';
import type { Ordering } from '../model/index.js';

/** Error codes raised by the ecosystems module. */
export type EcosystemErrorCode = 'invalid-version' | 'unsupported-ecosystem' | 'invalid-purl' | 'invalid-range';

/**
 * A version ordering used by one or more ecosystems (semver-like, PEP 440, dpkg, apk, rpm, ...).
 * `parse` runs once per string; `compare` works on parsed values, so range evaluation parses
 * each version a single time.
 */
export interface VersionScheme<V = unknown> {
  /** A short id such as `semver-like`, `pep440`, `dpkg`. */
  readonly id: string;
  /**
   * Parses a version. Throws an {@link InputError} with code `invalid-version` when the string is
   * not a version of this scheme (after any documented lenient fallback). The empty string parses
   * in every scheme and sorts lowest.
   */
  parse(text: string): V;
  /** A total order on parsed versions. */
  compare(a: V, b: V): Ordering;
}

/** What an ecosystem documents about itself (feeds docs/ and help). */
export interface EcosystemDefinition {
  /** One line: what the ecosystem is and which rules order its versions. */
  readonly short: string;
  /** The specification or reference implementation the version order follows. */
  readonly reference: string;
}

/**
 * Everything specific to one package ecosystem. One folder under `src/ecosystems/` exports one
 * of these as `ecosystem`; `src/ecosystems/index.ts` registers them.
 */
export interface Ecosystem {
  /** The ecosystem name as OSV spells it (`npm`, `PyPI`, `crates.io`, `Debian`). */
  readonly name: string;
  /**
   * Other OSV ecosystem names that follow exactly the same rules and purl type (for example
   * `Ubuntu` beside `Debian`, or `Wolfi` beside `Alpine`). Each alias is looked up like `name`.
   */
  readonly aliases?: readonly string[];
  /** The Package URL type (`npm`, `pypi`, `cargo`, `deb`, ...). */
  readonly purlType: string;
  /**
   * The purl namespace a distribution ecosystem implies (`debian` for `Debian`, `ubuntu` for
   * `Ubuntu`), given the OSV name used; undefined for language ecosystems.
   */
  purlNamespace?(osvName: string): string | undefined;
  /** The version order of this ecosystem. */
  readonly scheme: VersionScheme;
  /**
   * The canonical form of a package name, used as the lookup key for advisories (PEP 503 for
   * PyPI, lower case for NuGet and Packagist, unchanged where names are case-sensitive).
   */
  normalizeName(name: string): string;
  /**
   * Whether `version` satisfies a native range as written in this ecosystem's manifests (npm
   * semver ranges, PEP 440 specifiers). Absent where Trustline does not read native ranges yet.
   * Throws an {@link InputError} with code `invalid-range` for a range it cannot read.
   */
  satisfies?(version: string, range: string): boolean;
  readonly definition: EcosystemDefinition;
}

/** The error every scheme throws for a string that is not a version. */
export function invalidVersion(schemeId: string, text: string, reason?: string): InputError {
  const detail = reason === undefined ? '' : `: ${reason}`;
  return new InputError('invalid-version' satisfies EcosystemErrorCode, `invalid ${schemeId} version "${text}"${detail}`);
}

/** Parses both sides and compares them in one call (for callers that compare a single pair). */
export function compareText(scheme: VersionScheme, a: string, b: string): Ordering {
  return scheme.compare(scheme.parse(a), scheme.parse(b));
}

/** Whether the scheme accepts the string as a version. */
export function isValidVersion(scheme: VersionScheme, text: string): boolean {
  try {
    scheme.parse(text);
    return true;
  } catch (error) {
    if (error instanceof InputError && error.code === 'invalid-version') return false;
    throw error;
  }
}
