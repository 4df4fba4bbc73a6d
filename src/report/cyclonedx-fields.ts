/**
 * What a CycloneDX BOM says of an SBOM component, decided once for both ways of writing it: the
 * CycloneDX library's models (XML, and JSON with vulnerabilities, in cyclonedx.ts) and the direct
 * JSON writer (cyclonedx-json.ts).
 */
import type { DependencyScope } from '../model/index.js';
import { isListedLicenseId, normalizeLicenseExpression } from './license-expression.js';
import { documentUuid } from './sbom-components.js';
import type { SbomComponent, SbomContent, SbomOptions } from './sbom-components.js';

/** CycloneDX's scope (https://cyclonedx.org/docs/1.6/json/#components_items_scope): "excluded" is for what is not reachable at run time, such as test and development tools. */
export const cycloneDxScopes = {
  prod: 'required',
  peer: 'required',
  optional: 'optional',
  dev: 'excluded',
} as const satisfies Record<DependencyScope, string>;

/** The serial number of a BOM; `kind` names it for its deterministic value (see documentUuid). */
export function cycloneDxSerialNumber(kind: string, content: SbomContent, options: SbomOptions): string {
  return `urn:uuid:${documentUuid(kind, content, options)}`;
}

/** Purls start with `pkg:`, so this reference can never be a component's. */
export function rootRef(content: Pick<SbomContent, 'rootName'>): string {
  return `root:${content.rootName}`;
}

/** The CycloneDX group and name: Maven's groupId and npm's scope are groups, as CycloneDX's own tools write them. */
export function groupAndName(component: Pick<SbomComponent, 'ecosystem' | 'name'>): { group?: string; name: string } {
  const { ecosystem, name } = component;
  const separator = ecosystem === 'Maven' ? name.indexOf(':') : ecosystem === 'npm' && name.startsWith('@') ? name.indexOf('/') : -1;
  if (separator <= 0 || separator === name.length - 1) return { name };
  return { group: name.slice(0, separator), name: name.slice(separator + 1) };
}

/** One licence of a component: an SPDX expression, a listed identifier, or a name. */
export type LicenseChoice = { readonly kind: 'expression'; readonly expression: string } | { readonly kind: 'id'; readonly id: string } | { readonly kind: 'name'; readonly name: string };

/**
 * Listed identifiers become `license.id`, anything unreadable `license.name`. A BOM may carry a
 * list of licences or a single expression, never both: when every text is a valid expression
 * and one is compound, they become one expression joined with AND (as Syft does for several
 * declared licences); otherwise compound texts are kept as names rather than dropped.
 */
export function licenseChoices(texts: readonly string[]): LicenseChoice[] {
  const expressions = texts.map((text) => normalizeLicenseExpression(text, { allowLicenseRefs: true }));
  const valid = expressions.filter((expression): expression is string => expression !== undefined);
  if (valid.length === texts.length && valid.some((expression) => !isListedLicenseId(expression))) {
    const joined = valid.length === 1 ? valid[0] ?? '' : valid.map((expression) => (expression.includes(' ') ? `(${expression})` : expression)).join(' AND ');
    return [{ kind: 'expression', expression: joined }];
  }
  return texts.map((text, index) => {
    const expression = expressions[index];
    return expression !== undefined && isListedLicenseId(expression) ? { kind: 'id', id: expression } : { kind: 'name', name: text };
  });
}
