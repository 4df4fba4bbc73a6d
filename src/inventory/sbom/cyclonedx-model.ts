/**
 * The one mapping from a CycloneDX BOM (https://cyclonedx.org/docs/1.6/json/) to components and
 * edges, shared by the JSON and XML readers, which only turn their syntax into {@link CdxBom}.
 *
 * - Every component, nested ones included, is reported; `metadata.component` is the subject of the
 *   BOM (the project), not a dependency, and is left out even when a tool also lists it in `components`.
 * - `dependencies[]` become edges through each component's `bom-ref`; what the subject depends on
 *   is direct, the rest not. When the BOM records no dependencies of the subject, `direct` stays unknown.
 * - `scope`: required → prod, optional → optional, excluded → dev (CycloneDX: "excluded" is for
 *   what is not needed at run time, such as test and build tools).
 */
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import { edgeCollector, integrityOf, licenseTexts, packageIdentity } from './sbom-package.js';
import type { PackageHash } from './sbom-package.js';

/** A component as either syntax writes it. */
export interface CdxComponent {
  readonly bomRef?: string;
  readonly name: string;
  readonly group?: string;
  readonly version?: string;
  /** The version range of CycloneDX 1.7, or the `trustline:versionRange` property Trustline writes in 1.6. */
  readonly versionRange?: string;
  readonly purl?: string;
  readonly scope?: string;
  /** `license.id`, `license.name` and `expression` texts. */
  readonly licenses: readonly string[];
  readonly hashes: readonly PackageHash[];
  readonly externalReferences: readonly { readonly type: string; readonly url: string }[];
  readonly line?: number;
}

export interface CdxBom {
  /** The `bom-ref` of `metadata.component`. */
  readonly rootRef?: string;
  /** Every component in document order, nested ones after their parent. */
  readonly components: readonly CdxComponent[];
  readonly dependencies: readonly { readonly ref: string; readonly dependsOn: readonly string[] }[];
}

/** A map, not an object literal: a hostile `"scope": "constructor"` must find nothing. */
const scopes: ReadonlyMap<string, DependencyScope> = new Map([
  ['required', 'prod'],
  ['optional', 'optional'],
  ['excluded', 'dev'],
]);

/** The property Trustline's CycloneDX 1.6 output uses for an unpinned component's range. */
export const versionRangeProperty = 'trustline:versionRange';

export function cycloneDxExtraction(file: string, bom: CdxBom, readProblems: readonly InventoryProblem[]): Extraction {
  const problems = [...readProblems];
  const rootDependencies = bom.rootRef === undefined ? undefined : bom.dependencies.find((dependency) => dependency.ref === bom.rootRef);
  // An empty list for the subject is what tools write when they could not tell (an application
  // with components but no dependency contradicts itself), so it leaves `direct` unknown too.
  const directRefs = rootDependencies === undefined || rootDependencies.dependsOn.length === 0 ? undefined : new Set(rootDependencies.dependsOn);
  const purlByRef = new Map<string, string>();
  const components: Component[] = [];
  for (const entry of bom.components) {
    if (entry.bomRef !== undefined && entry.bomRef === bom.rootRef) continue;
    const at = entry.line === undefined ? {} : { line: entry.line };
    // Without a purl nothing says how the group joins the name; `/` reads naturally for npm scopes and Maven groups alike.
    const name = entry.group === undefined || entry.group === '' ? entry.name : `${entry.group}/${entry.name}`;
    const identity = packageIdentity(entry.purl, name, entry.version ?? '');
    if ('problem' in identity) {
      problems.push({ file, ...at, message: `component skipped: ${identity.problem}` });
      continue;
    }
    if (entry.bomRef !== undefined && !purlByRef.has(entry.bomRef)) purlByRef.set(entry.bomRef, identity.purl);
    const integrity = integrityOf(entry.hashes);
    const licenses = licenseTexts(entry.licenses);
    const scope = entry.scope === undefined ? undefined : scopes.get(entry.scope);
    const resolved = entry.externalReferences.find((reference) => reference.type === 'distribution' || reference.type === 'vcs')?.url;
    const unpinned = entry.versionRange !== undefined && entry.versionRange !== '' && (entry.version === undefined || entry.version === '');
    components.push({
      ...identity,
      groups: [],
      location: { file, ...at },
      ...(scope === undefined ? {} : { scope }),
      ...(directRefs === undefined ? {} : { direct: entry.bomRef !== undefined && directRefs.has(entry.bomRef) }),
      ...(unpinned ? { unpinned: true, versionRange: entry.versionRange } : {}),
      ...(integrity === undefined ? {} : { integrity }),
      ...(resolved === undefined ? {} : { resolved }),
      ...(licenses.length === 0 ? {} : { licenses }),
      ...(entry.bomRef === undefined ? {} : { meta: { bomRef: entry.bomRef } }),
    });
  }
  const edges = edgeCollector();
  for (const { ref, dependsOn } of bom.dependencies) {
    const from = purlByRef.get(ref);
    if (from === undefined) continue;
    for (const target of dependsOn) {
      const to = purlByRef.get(target);
      if (to !== undefined) edges.add(from, to);
    }
  }
  return { components, edges: edges.edges, problems };
}

