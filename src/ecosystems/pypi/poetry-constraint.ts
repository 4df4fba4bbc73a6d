/**
 * The lower bound of a Poetry version constraint
 * (https://python-poetry.org/docs/dependency-specification/#version-constraints): caret `^1.2`,
 * tilde `~1.2`, a bare `1.2` (exactly that version), PEP 440 operators, clauses joined by `,` or
 * spaces (all must hold) and alternatives joined by `||` (one must hold). Poetry's syntax is wider
 * than PEP 440, so specifiers.ts cannot read it; the versions themselves are PEP 440.
 */
import { comparePep440, parsePep440 } from './versions.js';
import type { Pep440Version } from './versions.js';

interface Bound {
  readonly text: string;
  readonly version: Pep440Version;
}

/** Operators whose version is a lower bound: `^`, `~`, `~=`, `==`, `===`, `=`, `>=` and none. */
const lowerBoundOperators = new Set(['', '^', '~', '~=', '==', '===', '=', '>=']);
const clausePattern = /(\^|~=|~|===|==|!=|>=|<=|>|<|=)?\s*(v?[0-9][^\s,|]*|\*)/g;

/**
 * The version as written from which the constraint starts (`^1.2` and `>=1.2,<2` give `1.2`);
 * for alternatives the lowest of their bounds; "" when there is none (`*`, `<2`, `1.*`).
 */
export function poetryLowerBound(constraint: string): string {
  let lowest: Bound | undefined;
  for (const alternative of constraint.split(/\|\|?/)) {
    const bound = highestLowerBound(alternative);
    // An alternative without a lower bound leaves the whole constraint without one.
    if (bound === undefined) return '';
    if (lowest === undefined || comparePep440(bound.version, lowest.version) < 0) lowest = bound;
  }
  return lowest?.text ?? '';
}

function highestLowerBound(alternative: string): Bound | undefined {
  let highest: Bound | undefined;
  // One space at most between tokens, so the pattern's \s* never rescans a long run.
  for (const match of alternative.replace(/\s+/g, ' ').matchAll(clausePattern)) {
    const operator = match[1] ?? '';
    const text = match[2] ?? '';
    if (!lowerBoundOperators.has(operator) || text.includes('*')) continue;
    const version = parsePep440(text);
    if (version === undefined) continue;
    if (highest === undefined || comparePep440(version, highest.version) > 0) highest = { text, version };
  }
  return highest;
}
