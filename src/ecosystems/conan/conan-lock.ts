/**
 * conan.lock, both layouts (https://docs.conan.io/2/tutorial/versioning/lockfiles.html):
 * - Conan 1 (lock versions 0.1 to 0.4, and the unversioned 0.0): `graph_lock.nodes` maps node ids to
 *   `ref` (or `pref`) and the ids they `requires` / `build_requires`. Nodes with a `path`, or whose
 *   reference has no name, are the consumer's own conanfile; what they require is direct. No groups.
 * - Conan 2 (lock version 0.5): flat `requires`, `build_requires` and `python_requires` lists,
 *   reported as the groups `requires`, `build-requires` and `python-requires`. No graph.
 */
import type { Node } from 'jsonc-parser';
import type { Component, DependencyEdge, DependencyScope, Extraction } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { conanLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringValue } from '../json-tree.js';

/** As the format's definition names it. */
const { ecosystem } = conanLockFormat;
/** conan.lock nests a few levels; anything far deeper is hostile. */
const maxDepth = 64;

interface ConanReference {
  readonly name: string;
  readonly version: string;
  readonly user?: string;
  readonly channel?: string;
  readonly recipeRevision?: string;
}

export const conanLockExtractor: Extractor = { ...conanLockFormat, extract: extractConanLock };

function extractConanLock(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'conan.lock', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line: lines } = document;
  const nodes = property(property(root, 'graph_lock'), 'nodes');
  return nodes?.type === 'object' ? graphLock(nodes, file.path, lines) : flatLock(root, file.path, lines);
}

/** Conan 1: one component per named node; edges follow `requires` and `build_requires` (a list of ids, or before 0.3 a map of reference to id). */
function graphLock(nodes: Node, path: string, lines: (offset: number) => number): Extraction {
  const byId = new Map<string, Component>();
  const consumers: Node[] = [];
  const components = new Map<string, Component>();
  for (const { key: id, value: node, offset } of objectEntries(nodes)) {
    if (node?.type !== 'object') continue;
    const ref = stringValue(property(node, 'pref')) ?? stringValue(property(node, 'ref'));
    const reference = ref === undefined ? undefined : parseReference(ref);
    if (stringValue(property(node, 'path')) !== undefined || reference === undefined || reference.name === '') {
      consumers.push(node);
      continue;
    }
    const component = referenceComponent(reference, [], undefined, { file: path, line: lines(offset) });
    const key = `${component.name}@${component.version}`;
    const kept = components.get(key) ?? component;
    components.set(key, kept);
    byId.set(id, kept);
  }
  const direct = new Set(consumers.flatMap((node) => requiredIds(node)).flatMap((id) => byId.get(id)?.purl ?? []));
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const { key, value: node } of objectEntries(nodes)) {
    const from = byId.get(key);
    if (from === undefined || node === undefined) continue;
    for (const id of requiredIds(node)) {
      const to = byId.get(id);
      if (to === undefined || seen.has(`${from.purl} ${to.purl}`)) continue;
      seen.add(`${from.purl} ${to.purl}`);
      edges.push({ from: from.purl, to: to.purl });
    }
  }
  const withDirect = [...components.values()].map((component) => ({ ...component, direct: direct.has(component.purl) }));
  return { components: consumers.length > 0 ? withDirect : [...components.values()], edges, problems: [] };
}

function requiredIds(node: Node): string[] {
  return ['requires', 'build_requires', 'python_requires'].flatMap((key) => {
    const value = property(node, key);
    if (value?.type === 'array') return (value.children ?? []).flatMap((child) => stringValue(child) ?? []);
    if (value?.type === 'object') return objectEntries(value).flatMap((entry) => stringValue(entry.value) ?? []);
    return [];
  });
}

/** Conan 2: each list is a group; a recipe in two lists is one component in both groups. */
function flatLock(root: Node, path: string, lines: (offset: number) => number): Extraction {
  const sections = [
    ['requires', 'requires', 'prod'],
    ['build_requires', 'build-requires', 'dev'],
    ['python_requires', 'python-requires', 'dev'],
  ] as const;
  const components = new Map<string, Component>();
  for (const [key, group, scope] of sections) {
    const list = property(root, key);
    if (list?.type !== 'array') continue;
    for (const item of list.children ?? []) {
      const ref = stringValue(item);
      const reference = ref === undefined ? undefined : parseReference(ref);
      // A reference without a name is the consumer's own conanfile, not a dependency.
      if (reference === undefined || reference.name === '') continue;
      const componentKey = `${reference.name}@${reference.version}`;
      const existing = components.get(componentKey);
      if (existing === undefined) {
        components.set(componentKey, referenceComponent(reference, [group], scope, { file: path, line: lines(item.offset) }));
      } else if (!existing.groups.includes(group)) {
        components.set(componentKey, { ...existing, groups: [...existing.groups, group], ...(existing.scope === 'prod' ? {} : { scope }) });
      }
    }
  }
  return { components: [...components.values()], edges: [], problems: [] };
}

function referenceComponent(reference: ConanReference, groups: string[], scope: DependencyScope | undefined, location: Component['location']): Component {
  const meta = {
    ...(reference.user === undefined ? {} : { user: reference.user }),
    ...(reference.channel === undefined ? {} : { channel: reference.channel }),
    ...(reference.recipeRevision === undefined ? {} : { recipeRevision: reference.recipeRevision }),
  };
  return {
    name: reference.name,
    version: reference.version,
    ecosystem,
    purl: componentPurl('conan', reference.name, reference.version),
    groups,
    ...(scope === undefined ? {} : { scope }),
    location,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

/**
 * `name/version[@user[/channel]][#recipe_revision][:package_id[#package_revision]][%timestamp]`
 * (https://docs.conan.io/2/reference/conanfile/attributes.html#name). A consumer conanfile may have
 * no name: `1.2.3#rrev` is a version alone.
 */
function parseReference(text: string): ConanReference {
  let ref = text.split('%')[0] ?? '';
  ref = ref.split(':')[0] ?? '';
  const [withoutRevision = '', recipeRevision] = ref.split('#', 2);
  const [nameVersion = '', userChannel] = withoutRevision.split('@', 2);
  const slash = nameVersion.indexOf('/');
  const [user, channel] = userChannel === undefined ? [] : userChannel.split('/', 2);
  return {
    name: slash === -1 ? '' : nameVersion.slice(0, slash),
    version: slash === -1 ? nameVersion : nameVersion.slice(slash + 1),
    ...(user === undefined || user === '' ? {} : { user }),
    ...(channel === undefined || channel === '' ? {} : { channel }),
    ...(recipeRevision === undefined || recipeRevision === '' ? {} : { recipeRevision }),
  };
}
