/**
 * SPDX licence expressions (SPDX 2.3, Annex D): validated and written with the canonical case of
 * each identifier, so an SBOM never carries a licence field its readers reject. The licence and
 * exception list is the one the CycloneDX library ships (its `spdx.schema.json` enum).
 *
 * Written here rather than with spdx-expression-parse: that parser accepts only the exact case of
 * each identifier and returns a tree, while lockfiles write `mit` or `apache-2.0` and the SBOM
 * needs the canonical text back; the grammar is a dozen lines, the identifier list the library's.
 */
import { canonicalSpdxId } from './spdx-ids.js';

export interface LicenseExpressionOptions {
  /**
   * Accept `LicenseRef-...` and `DocumentRef-...:LicenseRef-...`. A CycloneDX document may carry
   * them as they are; an SPDX document would have to define each in `hasExtractedLicensingInfos`.
   */
  readonly allowLicenseRefs: boolean;
}

/** Inputs are untrusted: a longer expression is no licence anyone writes, and would only cost recursion. */
const maxTokens = 512;

/**
 * The expression with canonical identifiers, single spaces and upper-case operators (`mit or
 * apache-2.0` gives `MIT OR Apache-2.0`), or undefined when `text` is not a valid expression.
 * Operators are accepted in any case, which Annex D only recommends against.
 */
export function normalizeLicenseExpression(text: string, options: LicenseExpressionOptions): string | undefined {
  const tokens = text.match(/[()]|[^\s()]+/g) ?? [];
  if (tokens.length === 0 || tokens.length > maxTokens) return undefined;
  const out: string[] = [];
  let position = 0;
  const operator = (): string | undefined => tokens[position]?.toUpperCase();

  // compound = and-expression ("OR" and-expression)*; AND binds tighter than OR, WITH tighter than both.
  const parseOr = (): boolean => parseSequence('OR', parseAnd);
  const parseAnd = (): boolean => parseSequence('AND', parseTerm);
  const parseSequence = (keyword: string, parseOperand: () => boolean): boolean => {
    if (!parseOperand()) return false;
    while (operator() === keyword) {
      out.push(keyword);
      position++;
      if (!parseOperand()) return false;
    }
    return true;
  };
  const parseTerm = (): boolean => {
    if (tokens[position] === '(') {
      out.push('(');
      position++;
      if (!parseOr() || tokens[position] !== ')') return false;
      out.push(')');
      position++;
      return true;
    }
    const id = licenseId(tokens[position], options);
    if (id === undefined) return false;
    out.push(id);
    position++;
    if (operator() !== 'WITH') return true;
    const exception = exceptionId(tokens[position + 1]);
    if (exception === undefined) return false;
    out.push('WITH', exception);
    position += 2;
    return true;
  };

  if (!parseOr() || position !== tokens.length) return undefined;
  return out.join(' ').replaceAll('( ', '(').replaceAll(' )', ')');
}

/** True when `expression` (already normalized) is one listed licence, with no operator, `+` or reference. */
export function isListedLicenseId(expression: string): boolean {
  return canonicalSpdxId(expression) === expression;
}

function licenseId(token: string | undefined, options: LicenseExpressionOptions): string | undefined {
  if (token === undefined || token === '(' || token === ')') return undefined;
  if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(token)) return options.allowLicenseRefs ? token : undefined;
  const listed = canonicalSpdxId(token);
  if (listed !== undefined) return listed;
  // `license-id "+"`: this version or any later one.
  if (!token.endsWith('+')) return undefined;
  const base = canonicalSpdxId(token.slice(0, -1));
  return base === undefined ? undefined : `${base}+`;
}

function exceptionId(token: string | undefined): string | undefined {
  return token === undefined ? undefined : canonicalSpdxId(token);
}
