/**
 * composer.lock (https://getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control):
 * `packages` are production dependencies, `packages-dev` development ones (group `dev`); each
 * package's `require` map gives the edges, and `dist.reference` the commit it was built from.
 */
import type { Node } from 'jsonc-parser';
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { composerLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringArray, stringValue } from '../json-tree.js';

/** As the format's definition names it. */
const { ecosystem } = composerLockFormat;
/** composer.lock nests a few levels (package → autoload → psr-4 → paths); anything far deeper is hostile. */
const maxDepth = 64;

interface LockedPackage {
  readonly component: Component;
  readonly requires: readonly string[];
}

export const composerLockExtractor: Extractor = { ...composerLockFormat, extract: extractComposerLock };

function extractComposerLock(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'composer.lock', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line: lines } = document;

  const problems: InventoryProblem[] = [];
  const locked = new Map<string, LockedPackage>();
  for (const [section, dev] of [['packages', false], ['packages-dev', true]] as const) {
    const list = property(root, section);
    if (list === undefined) continue;
    if (list.type !== 'array') {
      problems.push({ file: file.path, line: lines(list.offset), message: `"${section}" is not an array` });
      continue;
    }
    for (const entry of list.children ?? []) {
      const parsed = lockedPackage(entry, dev, file.path, lines);
      if (typeof parsed === 'string') {
        problems.push({ file: file.path, line: lines(entry.offset), message: parsed });
        continue;
      }
      // A package listed in both sections is a production dependency.
      const key = `${parsed.component.name.toLowerCase()}@${parsed.component.version}`;
      if (!locked.has(key)) locked.set(key, parsed);
    }
  }
  const packages = [...locked.values()];
  return { components: packages.map((entry) => entry.component), edges: requireEdges(packages), problems };
}

function lockedPackage(entry: Node, dev: boolean, path: string, lines: (offset: number) => number): LockedPackage | string {
  if (entry.type !== 'object') return 'a package entry is not an object';
  const nameNode = property(entry, 'name');
  const name = stringValue(nameNode);
  const version = stringValue(property(entry, 'version'));
  if (name === undefined || name === '' || version === undefined) return 'a package entry has no name or version';
  const reference = stringValue(property(property(entry, 'dist'), 'reference')) ?? stringValue(property(property(entry, 'source'), 'reference'));
  const licenses = stringArray(property(entry, 'license'));
  const requires = objectEntries(property(entry, 'require')).map((required) => required.key);
  let purl: string;
  try {
    purl = componentPurl('composer', name, version);
  } catch {
    return `${name} is not a package name`;
  }
  const component: Component = {
    name,
    version,
    ecosystem,
    purl,
    groups: dev ? ['dev'] : [],
    scope: dev ? 'dev' : 'prod',
    location: { file: path, line: lines((nameNode?.parent ?? entry).offset) },
    // Drupal's packagist gives the version as the reference of a zip; only a hash names a commit.
    ...(reference !== undefined && /^[0-9a-f]{7,64}$/i.test(reference) ? { commit: reference } : {}),
    ...(licenses.length > 0 ? { licenses } : {}),
  };
  return { component, requires };
}

/** `require` names packages (and platform packages such as `php` and `ext-*`, which are not locked); names are case-insensitive. */
function requireEdges(packages: readonly LockedPackage[]): DependencyEdge[] {
  const byName = new Map<string, Component>();
  for (const { component } of packages) if (!byName.has(component.name.toLowerCase())) byName.set(component.name.toLowerCase(), component);
  const edges: DependencyEdge[] = [];
  for (const { component, requires } of packages) {
    for (const name of new Set(requires.map((required) => required.toLowerCase()))) {
      const target = byName.get(name);
      if (target !== undefined) edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}
