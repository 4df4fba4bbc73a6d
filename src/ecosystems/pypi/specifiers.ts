/**
 * PEP 440 version specifiers (`>=1.2,<2`, `~=1.4.2`, `==1.*`, `!=1.3`, `===foo`), evaluated the way
 * Python `packaging`'s `SpecifierSet.contains` does by default (packaging 26,
 * `packaging/specifiers.py`; PEP 440 "Version specifiers"):
 *
 * - every clause of the comma-separated set must hold;
 * - `==`/`!=` compare without the candidate's local segment unless the specifier has one; with a
 *   trailing `.*` they compare the release as a prefix (the candidate padded with zeros);
 * - `<V` excludes V's own pre-releases (from `V.dev0` on) unless V is a pre-release, and `>V`
 *   excludes V's post-releases unless V is one, and V's local versions (packaging 26
 *   `_compare_less_than` and `_compare_greater_than`);
 * - `~=V` is `>=V` together with `==` V's release without its last part `.*`;
 * - `===` is case-insensitive string equality (PEP 440 "Arbitrary equality");
 * - a pre-release is not excluded as such: PEP 440 has tools exclude pre-releases only when other
 *   versions satisfy the specifier, and one candidate has no others (packaging 24 and later
 *   answer `contains` this way: `SpecifierSet(">=1.0").contains("2.0b1")` is true).
 *
 * A candidate that is not PEP 440 (a legacy version) only matches `===` clauses.
 */
import { InputError } from '../../errors.js';
import type { EcosystemErrorCode } from '../ecosystem.js';
import { comparePep440, parsePep440, parsePypi } from './versions.js';
import type { Pep440Version } from './versions.js';

type Operator = '===' | '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>';

interface Clause {
  readonly operator: Operator;
  readonly text: string;
  /** undefined for `===` and for wildcard clauses. */
  readonly version: Pep440Version | undefined;
  /** For `==V.*` and `!=V.*`: the epoch and release prefix. */
  readonly prefix: { readonly epoch: bigint; readonly release: readonly bigint[] } | undefined;
}

const clausePattern = /^(===|~=|==|!=|<=|>=|<|>)\s*(\S+)$/;
const wildcardPattern = /^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)\.\*$/i;

function invalidRange(range: string, reason: string): InputError {
  return new InputError('invalid-range' satisfies EcosystemErrorCode, `invalid PEP 440 specifier "${range}": ${reason}`);
}

function readClause(range: string, text: string): Clause {
  const match = clausePattern.exec(text);
  const operator = match?.[1] as Operator | undefined;
  const value = match?.[2];
  if (operator === undefined || value === undefined) throw invalidRange(range, `"${text}" is not an operator and a version`);
  if (operator === '===') return { operator, text: value, version: undefined, prefix: undefined };
  const wildcard = wildcardPattern.exec(value);
  if (wildcard !== null) {
    if (operator !== '==' && operator !== '!=') throw invalidRange(range, `".*" only goes with == and != (${text})`);
    const release = (wildcard[2] ?? '0').split('.').map((part) => BigInt(part));
    return { operator, text: value, version: undefined, prefix: { epoch: BigInt(wildcard[1] ?? '0'), release } };
  }
  const version = parsePep440(value);
  if (version === undefined) throw invalidRange(range, `"${value}" is not a PEP 440 version`);
  if (version.local !== undefined && operator !== '==' && operator !== '!=') {
    throw invalidRange(range, `a local version only goes with == and != (${text})`);
  }
  if (operator === '~=' && version.release.length < 2) throw invalidRange(range, `~= needs at least two release parts (${text})`);
  return { operator, text: value, version, prefix: undefined };
}

/** Reads a specifier set; the empty string is the set without clauses (every version matches). */
function parseSpecifierSet(range: string): readonly Clause[] {
  if (range.trim() === '') return [];
  return range.split(',').map((part) => readClause(range, part.trim()));
}

function isPrerelease(version: Pep440Version): boolean {
  return version.pre !== undefined || version.dev !== undefined;
}

/** The version without its local segment (`Version.public`). */
function publicOf(version: Pep440Version): Pep440Version {
  return { ...version, local: undefined };
}

/** packaging `_earliest_prerelease`: `1.2` → `1.2.dev0`, `1.2.post1` → `1.2.post1.dev0`. */
function earliestPrerelease(version: Pep440Version): Pep440Version {
  return { ...version, dev: 0n, local: undefined };
}

/** packaging `_post_base`: the version a post-release follows (`1.0a1.post0` → `1.0a1`). */
function postBase(version: Pep440Version): Pep440Version {
  return { ...version, post: undefined, dev: undefined, local: undefined };
}

function matchesPrefix(candidate: Pep440Version, prefix: NonNullable<Clause['prefix']>): boolean {
  return candidate.epoch === prefix.epoch && prefix.release.every((part, index) => (candidate.release[index] ?? 0n) === part);
}

function matchesClause(candidate: Pep440Version, clause: Clause): boolean {
  const { operator, version, prefix } = clause;
  if (operator === '===') return matchesArbitrary(candidate.original, clause);
  if (prefix !== undefined) return matchesPrefix(candidate, prefix) === (operator === '==');
  if (version === undefined) return false;
  const publicOrder = comparePep440(publicOf(candidate), version);
  switch (operator) {
    case '==':
    case '!=': {
      const equal = comparePep440(version.local === undefined ? publicOf(candidate) : candidate, version) === 0;
      return equal === (operator === '==');
    }
    case '<=':
      return publicOrder <= 0;
    case '>=':
      return publicOrder >= 0;
    case '<':
      // `<V` leaves out V's own pre-releases (those from V.dev0 on) unless V is a pre-release.
      if (comparePep440(candidate, version) >= 0) return false;
      return isPrerelease(version) || !isPrerelease(candidate) || comparePep440(candidate, earliestPrerelease(version)) < 0;
    case '>':
      // `>V` leaves out V's post-releases unless V is one, and V's local versions.
      if (comparePep440(candidate, version) <= 0) return false;
      if (version.post === undefined && candidate.post !== undefined && comparePep440(postBase(candidate), version) === 0) return false;
      return candidate.local === undefined || publicOrder !== 0;
    case '~=': {
      const release = version.release.slice(0, -1);
      return publicOrder >= 0 && matchesPrefix(candidate, { epoch: version.epoch, release });
    }
  }
}

/** PEP 440 "Arbitrary equality": the strings, compared without regard to case. */
function matchesArbitrary(candidate: string, clause: Clause): boolean {
  return candidate.trim().toLowerCase() === clause.text.toLowerCase();
}

/**
 * Whether `version` satisfies the PEP 440 specifier set `range`. Throws an InputError
 * `invalid-range` for a specifier PEP 440 does not allow.
 */
export function satisfiesPep440(version: string, range: string): boolean {
  const clauses = parseSpecifierSet(range);
  const candidate = parsePypi(version);
  if (candidate.kind !== 'pep440') {
    return clauses.length > 0 && clauses.every((clause) => clause.operator === '===' && matchesArbitrary(version, clause));
  }
  return clauses.every((clause) => matchesClause(candidate, clause));
}

const lowerBoundOperators: ReadonlySet<Operator> = new Set(['>=', '~=', '==', '===']);

/**
 * The lower bound a specifier set declares, as written: the highest version among its `>=`, `~=`,
 * `==` and `===` clauses (`>=1.2,<2` gives `1.2`); "" when it has none (`<2`, `!=1.3`, `>1`,
 * `==1.*`, the empty set). Throws an InputError `invalid-range` for a specifier PEP 440 does not
 * allow.
 */
export function pep440LowerBound(range: string): string {
  let bound: Clause | undefined;
  for (const clause of parseSpecifierSet(range)) {
    if (!lowerBoundOperators.has(clause.operator) || clause.prefix !== undefined) continue;
    const higher = bound === undefined || (clause.version !== undefined && (bound.version === undefined || comparePep440(clause.version, bound.version) > 0));
    if (higher) bound = clause;
  }
  return bound?.text ?? '';
}
