/**
 * renv.lock (https://rstudio.github.io/renv/articles/lockfile.html): `Packages` maps each package
 * to its `Version`, `Source` and `Repository`. Only packages from CRAN are reported, as OSV-SCALIBR
 * does: Bioconductor, GitHub and repository-less packages have no CRAN advisories. `Requirements`
 * gives the edges.
 */
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { renvLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringArray, stringValue } from '../json-tree.js';

/** As the format's definition names it. */
const { ecosystem } = renvLockFormat;
/** renv.lock nests a handful of levels; anything far deeper is hostile. */
const maxDepth = 64;

interface LockedPackage {
  readonly component: Component;
  readonly requirements: readonly string[];
}

export const renvLockExtractor: Extractor = { ...renvLockFormat, extract: extractRenvLock };

function extractRenvLock(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'renv.lock', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line: lines } = document;
  const packages = property(root, 'Packages');
  if (packages === undefined) return { components: [], edges: [], problems: [] };
  if (packages.type !== 'object') return { components: [], edges: [], problems: [{ file: file.path, line: lines(packages.offset), message: '"Packages" is not an object' }] };

  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  for (const { key, value: entry, offset } of objectEntries(packages)) {
    const line = lines(offset);
    if (entry?.type !== 'object') {
      problems.push({ file: file.path, line, message: `${key}: the package entry is not an object` });
      continue;
    }
    if (stringValue(property(entry, 'Repository')) !== 'CRAN') continue;
    const name = stringValue(property(entry, 'Package')) ?? key;
    const version = stringValue(property(entry, 'Version'));
    if (name === '' || version === undefined || version === '') {
      problems.push({ file: file.path, line, message: `${key}: the package entry has no name or version` });
      continue;
    }
    locked.push({
      component: { name, version, ecosystem, purl: componentPurl('cran', name, version), groups: [], location: { file: file.path, line } },
      requirements: stringArray(property(entry, 'Requirements')),
    });
  }
  return { components: locked.map((entry) => entry.component), edges: requirementEdges(locked), problems };
}

/** Requirements name packages; those not from CRAN (and base packages such as `tools`) are not reported, so they get no edge. */
function requirementEdges(locked: readonly LockedPackage[]): DependencyEdge[] {
  const byName = new Map(locked.map((entry) => [entry.component.name, entry.component]));
  const edges: DependencyEdge[] = [];
  for (const { component, requirements } of locked) {
    for (const name of new Set(requirements)) {
      const target = byName.get(name);
      if (target !== undefined) edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}
