/**
 * packages.lock.json, NuGet's lock file (versions 1 and 2;
 * https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files#locking-dependencies):
 * `dependencies` maps each target framework (`net8.0`, `net8.0/win-x64`) to the packages
 * restored for it. Every framework is read and each name@version is reported once (names
 * compared ignoring case, as NuGet does), with the frameworks it was restored for in
 * `meta.targetFrameworks`.
 *
 * - `type`: `Direct` is declared by the project; `Transitive` and `CentralTransitive` (pinned by
 *   central package management, version 2) come through other packages. `Project` entries are
 *   other projects of the solution, not NuGet packages, and are not reported.
 * - `contentHash` is the base64 SHA-512 of the package: the integrity `sha512-...`.
 * - An entry's `dependencies` name packages restored in the same framework: the edges.
 */
import type { Node } from 'jsonc-parser';
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { packagesLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringValue } from '../json-tree.js';

/** As the format's definition names it. */
const { ecosystem } = packagesLockFormat;
/** The lock file nests five levels (framework → package → dependencies); far deeper is hostile. */
const maxDepth = 32;

interface Restored {
  component: Component;
  readonly frameworks: string[];
}

export const packagesLockExtractor: Extractor = { ...packagesLockFormat, extract: extractPackagesLock };

function extractPackagesLock(file: SourceFile): Extraction {
  // NuGet writes plain JSON but reads it with comments and trailing commas allowed.
  const document = readJsonObject(file.text, { label: 'packages.lock.json', jsonc: true, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line: lines } = document;
  const frameworks = property(root, 'dependencies');
  if (frameworks === undefined) return { components: [], edges: [], problems: [] };
  if (frameworks.type !== 'object') return { components: [], edges: [], problems: [{ file: file.path, line: lines(frameworks.offset), message: '"dependencies" is not an object' }] };

  const problems: InventoryProblem[] = [];
  const restored = new Map<string, Restored>();
  const edges = new Map<string, DependencyEdge>();
  for (const { key: framework, value: packages, offset } of objectEntries(frameworks)) {
    if (packages?.type !== 'object') {
      problems.push({ file: file.path, line: lines(packages?.offset ?? offset), message: `the packages of ${framework} are not an object` });
      continue;
    }
    // Within one framework NuGet restores one version per package id.
    const inFramework = new Map<string, { purl: string; dependencies: string[] }>();
    for (const { key: name, value: entry, offset: entryOffset } of objectEntries(packages)) {
      const line = lines(entryOffset);
      const parsed = restoredPackage(name, entry, { file: file.path, line });
      if (parsed === undefined) continue;
      if (typeof parsed === 'string') {
        problems.push({ file: file.path, line, message: parsed });
        continue;
      }
      const key = `${name.toLowerCase()}@${parsed.component.version}`;
      const known = restored.get(key);
      if (known === undefined) restored.set(key, { component: parsed.component, frameworks: [framework] });
      else {
        known.frameworks.push(framework);
        if (parsed.component.direct === true) known.component = { ...known.component, direct: true };
      }
      inFramework.set(name.toLowerCase(), { purl: (known ?? parsed).component.purl, dependencies: parsed.dependencies });
    }
    for (const { purl, dependencies } of inFramework.values()) {
      for (const dependency of dependencies) {
        const target = inFramework.get(dependency.toLowerCase());
        if (target !== undefined) edges.set(`${purl} ${target.purl}`, { from: purl, to: target.purl });
      }
    }
  }
  const components = [...restored.values()].map(({ component, frameworks: list }) => ({ ...component, meta: { targetFrameworks: list } }));
  return { components, edges: [...edges.values()], problems };
}

/** The package, undefined for a project reference, or the reason the entry is unusable. */
function restoredPackage(name: string, entry: Node | undefined, location: { file: string; line: number }): { component: Component; dependencies: string[] } | string | undefined {
  if (entry?.type !== 'object') return `the entry of ${name} is not an object`;
  const type = stringValue(property(entry, 'type'));
  if (type?.toLowerCase() === 'project') return undefined;
  const version = stringValue(property(entry, 'resolved'));
  if (name === '' || version === undefined || version === '') return `${name === '' ? 'a package' : name} has no resolved version`;
  let purl: string;
  try {
    purl = componentPurl('nuget', name, version);
  } catch {
    return `${name} ${version} cannot be written as a Package URL`;
  }
  const contentHash = stringValue(property(entry, 'contentHash'));
  const component: Component = {
    name,
    version,
    ecosystem,
    purl,
    groups: [],
    ...(type === undefined ? {} : { direct: type.toLowerCase() === 'direct' }),
    location,
    ...(contentHash !== undefined && /^[A-Za-z0-9+/]{86}==$/.test(contentHash) ? { integrity: `sha512-${contentHash}` } : {}),
  };
  return { component, dependencies: objectEntries(property(entry, 'dependencies')).map((dependency) => dependency.key) };
}
