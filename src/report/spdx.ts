/**
 * An inventory as an SPDX 2.3 document in JSON (https://spdx.github.io/spdx-spec/v2.3/). Written
 * by hand: the JavaScript SPDX libraries target SPDX 3 or only parse, and the part of 2.3 an
 * inventory needs is a flat list of packages and relationships.
 */
import { createHash } from 'node:crypto';
import type { Inventory } from '../model/index.js';
import { normalizeLicenseExpression } from './license-expression.js';
import { documentUuid, sbomContent } from './sbom-components.js';
import type { SbomComponent, SbomHashAlgorithm, SbomOptions } from './sbom-components.js';

export type { SbomOptions } from './sbom-components.js';

const documentId = 'SPDXRef-DOCUMENT';
const rootId = 'SPDXRef-RootPackage';
const noAssertion = 'NOASSERTION';

interface SpdxPackage {
  readonly SPDXID: string;
  readonly name: string;
  readonly versionInfo?: string;
  readonly downloadLocation: string;
  readonly filesAnalyzed: false;
  readonly checksums?: readonly { readonly algorithm: string; readonly checksumValue: string }[];
  readonly licenseConcluded: string;
  readonly licenseDeclared: string;
  readonly externalRefs?: readonly { readonly referenceCategory: 'PACKAGE-MANAGER'; readonly referenceType: 'purl'; readonly referenceLocator: string }[];
  readonly primaryPackagePurpose: 'APPLICATION' | 'LIBRARY';
}

interface SpdxRelationship {
  readonly spdxElementId: string;
  readonly relationshipType: 'DESCRIBES' | 'DEPENDS_ON' | 'DEV_DEPENDENCY_OF' | 'OPTIONAL_DEPENDENCY_OF';
  readonly relatedSpdxElement: string;
}

/** SPDX spells the algorithms without the hyphen (section 7.10). */
const checksumAlgorithms: Record<SbomHashAlgorithm, string> = { 'SHA-1': 'SHA1', 'SHA-256': 'SHA256', 'SHA-384': 'SHA384', 'SHA-512': 'SHA512' };

/**
 * The document as JSON. `created` is required by SPDX: the given time, else (deterministic mode
 * without SOURCE_DATE_EPOCH) the Unix epoch, 1970-01-01T00:00:00Z. Packages follow the root in
 * purl order; relationships follow their packages.
 */
export function spdxJson(inventory: Inventory, options: SbomOptions): string {
  const content = sbomContent(inventory, options);
  const ids = packageIds(content.components);
  const idOf = (purl: string): string => ids.get(purl) ?? '';
  const byPurl = new Map(content.components.map((component) => [component.purl, component]));

  const relationships: SpdxRelationship[] = [{ spdxElementId: documentId, relationshipType: 'DESCRIBES', relatedSpdxElement: rootId }];
  // DEV_DEPENDENCY_OF and OPTIONAL_DEPENDENCY_OF point from the dependency to what needs it
  // (section 11.1: "SPDXRef-A is a development dependency of SPDXRef-B").
  for (const purl of content.rootDependsOn) {
    const scope = byPurl.get(purl)?.scope;
    if (scope === 'dev') relationships.push({ spdxElementId: idOf(purl), relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: rootId });
    else if (scope === 'optional') relationships.push({ spdxElementId: idOf(purl), relationshipType: 'OPTIONAL_DEPENDENCY_OF', relatedSpdxElement: rootId });
    else relationships.push({ spdxElementId: rootId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: idOf(purl) });
  }
  for (const component of content.components) {
    for (const target of component.dependsOn) relationships.push({ spdxElementId: idOf(component.purl), relationshipType: 'DEPENDS_ON', relatedSpdxElement: idOf(target) });
  }

  const root: SpdxPackage = {
    SPDXID: rootId,
    name: content.rootName,
    downloadLocation: noAssertion,
    filesAnalyzed: false,
    licenseConcluded: noAssertion,
    licenseDeclared: noAssertion,
    primaryPackagePurpose: 'APPLICATION',
  };
  const document = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: documentId,
    name: content.rootName,
    // Section 6.5 asks for a unique URI per document; tools without a site of their own use spdx.org/spdxdocs.
    documentNamespace: `https://spdx.org/spdxdocs/trustline/${encodeURIComponent(content.rootName)}-${documentUuid('spdx', content, options)}`,
    creationInfo: {
      created: spdxDate(options.created ?? new Date(0)),
      creators: [`Tool: trustline-${options.toolVersion}`],
    },
    packages: [root, ...content.components.map((component) => spdxPackage(component, idOf(component.purl)))],
    relationships,
  };
  return JSON.stringify(document, null, 2);
}

function spdxPackage(component: SbomComponent, id: string): SpdxPackage {
  return {
    SPDXID: id,
    name: component.name,
    ...(component.version === undefined ? {} : { versionInfo: component.version }),
    downloadLocation: component.source?.url ?? noAssertion,
    filesAnalyzed: false,
    ...(component.hashes.length === 0 ? {} : { checksums: component.hashes.map(({ algorithm, hex }) => ({ algorithm: checksumAlgorithms[algorithm], checksumValue: hex })) }),
    licenseConcluded: noAssertion,
    licenseDeclared: declaredLicense(component.licenses),
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: component.purl }],
    primaryPackagePurpose: 'LIBRARY',
  };
}

/**
 * One expression for the declared licences: several are joined with AND (as Syft does), and
 * anything that is not a valid expression of listed identifiers makes the whole NOASSERTION,
 * since an SPDX reader would reject it. `LicenseRef-` identifiers count as invalid here: the
 * document would have to define them, and the inputs give no licence text to define them with.
 */
function declaredLicense(texts: readonly string[]): string {
  const expressions = texts.map((text) => normalizeLicenseExpression(text, { allowLicenseRefs: false }));
  if (expressions.length === 0 || expressions.some((expression) => expression === undefined)) return noAssertion;
  if (expressions.length === 1) return expressions[0] ?? noAssertion;
  return expressions.map((expression = '') => (expression.includes(' ') ? `(${expression})` : expression)).join(' AND ');
}

/**
 * `SPDXRef-Package-<name>-<hash>`: the name made of the characters an SPDXID allows
 * (`[A-Za-z0-9.-]`, section 7.2) for a reader, and 8 hex digits of SHA-256 of the purl for
 * uniqueness; should two purls still meet, the later one takes the whole digest.
 */
function packageIds(components: readonly SbomComponent[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>([documentId, rootId]);
  for (const { purl, name } of components) {
    const readable = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'package';
    const digest = createHash('sha256').update(purl).digest('hex');
    let id = `SPDXRef-Package-${readable}-${digest.slice(0, 8)}`;
    if (taken.has(id)) id = `SPDXRef-Package-${readable}-${digest}`;
    taken.add(id);
    ids.set(purl, id);
  }
  return ids;
}

/** SPDX dates are `YYYY-MM-DDThh:mm:ssZ`, without fractions of a second (section 6.9). */
function spdxDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
