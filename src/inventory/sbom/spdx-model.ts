/**
 * The one mapping from an SPDX 2.2 or 2.3 document (https://spdx.github.io/spdx-spec/v2.3/) to
 * components and edges, shared by the JSON and tag-value readers, which only turn their syntax
 * into {@link SpdxDocument}.
 *
 * - A package's identity is its first `PACKAGE-MANAGER purl` reference (2.2 spells the category
 *   `PACKAGE_MANAGER`); without one its ecosystem is `''` and its name the package name.
 * - The described packages (`documentDescribes`, `DOCUMENT DESCRIBES x`, `x DESCRIBED_BY DOCUMENT`)
 *   are the project the document is about, not dependencies: they are left out of the components,
 *   and what they depend on is direct. One exception: a document that describes every package it
 *   has (an SBOM of one library, or a tool that describes each package) has no project to leave
 *   out, and all its packages are components.
 * - Dependency relationships (section 11.1) become edges from the dependent to the dependency.
 *   DEV_, TEST_ and BUILD_DEPENDENCY_OF give scope dev, OPTIONAL_DEPENDENCY_OF optional,
 *   RUNTIME_DEPENDENCY_OF prod; DEPENDS_ON and DEPENDENCY_OF do not tell. A package needed under
 *   several takes the most required. CONTAINS and the other relationships are not dependencies.
 */
import type { Component, Extraction, InventoryProblem } from '../../model/index.js';
import { edgeCollector, integrityOf, licenseTexts, mergedScope, packageIdentity } from './sbom-package.js';
import type { PackageHash, ScopeEvidence } from './sbom-package.js';

export interface SpdxPackage {
  readonly id?: string;
  readonly name: string;
  readonly versionInfo?: string;
  readonly externalRefs: readonly { readonly category: string; readonly type: string; readonly locator: string }[];
  readonly checksums: readonly PackageHash[];
  readonly licenseConcluded?: string;
  readonly licenseDeclared?: string;
  readonly downloadLocation?: string;
  readonly line?: number;
}

export interface SpdxRelationship {
  readonly from: string;
  readonly type: string;
  readonly to: string;
}

export interface SpdxDocument {
  /** The document's own SPDXID (`SPDXRef-DOCUMENT`). */
  readonly id: string;
  readonly packages: readonly SpdxPackage[];
  readonly relationships: readonly SpdxRelationship[];
  /** `documentDescribes` of SPDX 2.2 JSON. */
  readonly describes: readonly string[];
}

/**
 * Dependency relationships: whether the relationship points from the dependency
 * (`x DEV_DEPENDENCY_OF app`), and the scope it tells. A map, so that no type finds an inherited key.
 */
const dependencyRelationships: ReadonlyMap<string, { readonly fromDependency: boolean; readonly scope: ScopeEvidence }> = new Map([
  ['DEPENDS_ON', { fromDependency: false, scope: 'unknown' }],
  ['DEPENDENCY_OF', { fromDependency: true, scope: 'unknown' }],
  ['RUNTIME_DEPENDENCY_OF', { fromDependency: true, scope: 'prod' }],
  ['PROVIDED_DEPENDENCY_OF', { fromDependency: true, scope: 'unknown' }],
  ['OPTIONAL_DEPENDENCY_OF', { fromDependency: true, scope: 'optional' }],
  ['DEV_DEPENDENCY_OF', { fromDependency: true, scope: 'dev' }],
  ['TEST_DEPENDENCY_OF', { fromDependency: true, scope: 'dev' }],
  ['BUILD_DEPENDENCY_OF', { fromDependency: true, scope: 'dev' }],
] as const);

export function spdxExtraction(file: string, document: SpdxDocument, readProblems: readonly InventoryProblem[]): Extraction {
  const problems = [...readProblems];
  const roots = describedRoots(document);
  const dependencies = document.relationships.flatMap(({ from, type, to }) => {
    const kind = dependencyRelationships.get(type.toUpperCase());
    if (kind === undefined) return [];
    return [kind.fromDependency ? { dependent: to, dependency: from, scope: kind.scope } : { dependent: from, dependency: to, scope: kind.scope }];
  });
  const rootDependencies = dependencies.filter((relationship) => roots.has(relationship.dependent));
  const directIds = rootDependencies.length === 0 ? undefined : new Set(rootDependencies.map((relationship) => relationship.dependency));
  const scopesById = new Map<string, ScopeEvidence[]>();
  for (const { dependency, scope } of dependencies) {
    const list = scopesById.get(dependency);
    if (list === undefined) scopesById.set(dependency, [scope]);
    else list.push(scope);
  }

  const purlById = new Map<string, string>();
  const components: Component[] = [];
  for (const entry of document.packages) {
    if (entry.id !== undefined && roots.has(entry.id)) continue;
    const at = entry.line === undefined ? {} : { line: entry.line };
    const identity = packageIdentity(purlOf(entry), entry.name, entry.versionInfo ?? '');
    if ('problem' in identity) {
      problems.push({ file, ...at, message: `package skipped: ${identity.problem}` });
      continue;
    }
    const id = entry.id;
    if (id !== undefined && !purlById.has(id)) purlById.set(id, identity.purl);
    const integrity = integrityOf(entry.checksums);
    const licenses = licenseTexts([entry.licenseDeclared, entry.licenseConcluded]);
    const scope = mergedScope(id === undefined ? [] : (scopesById.get(id) ?? []));
    const resolved = entry.downloadLocation?.trim();
    components.push({
      ...identity,
      groups: [],
      location: { file, ...at },
      ...(scope === undefined ? {} : { scope }),
      ...(directIds === undefined ? {} : { direct: id !== undefined && directIds.has(id) }),
      ...(integrity === undefined ? {} : { integrity }),
      ...(resolved === undefined || resolved === '' || resolved === 'NOASSERTION' || resolved === 'NONE' ? {} : { resolved }),
      ...(licenses.length === 0 ? {} : { licenses }),
      ...(id === undefined ? {} : { meta: { spdxId: id } }),
    });
  }
  const edges = edgeCollector();
  for (const { dependent, dependency } of dependencies) {
    const from = purlById.get(dependent);
    const to = purlById.get(dependency);
    if (from !== undefined && to !== undefined) edges.add(from, to);
  }
  return { components, edges: edges.edges, problems };
}

/** The ids of the described packages that stand for the project (see the module comment). */
function describedRoots(document: SpdxDocument): Set<string> {
  const described = new Set(document.describes);
  for (const { from, type, to } of document.relationships) {
    const upper = type.toUpperCase();
    if (upper === 'DESCRIBES' && from === document.id) described.add(to);
    if (upper === 'DESCRIBED_BY' && to === document.id) described.add(from);
  }
  const packageIds = document.packages.flatMap((entry) => entry.id ?? []);
  const roots = new Set(packageIds.filter((id) => described.has(id)));
  return roots.size === new Set(packageIds).size ? new Set() : roots;
}

function purlOf(entry: SpdxPackage): string | undefined {
  return entry.externalRefs.find((reference) => /^PACKAGE[-_]MANAGER$/i.test(reference.category) && reference.type.toLowerCase() === 'purl')?.locator;
}
