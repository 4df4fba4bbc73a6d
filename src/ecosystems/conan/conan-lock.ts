/**
 * conan.lock, both layouts (https://docs.conan.io/2/tutorial/versioning/lockfiles.html):
 * - Conan 1 (lock versions 0.1 to 0.4, and the unversioned 0.0): `graph_lock.nodes` maps node ids to
 *   `ref` (or `pref`) and the ids they `requires` / `build_requires`. Nodes with a `path`, or whose
 *   reference has no name, are the consumer's own conanfile; what they require is direct. No groups.
 * - Conan 2 (lock version 0.5): flat `requires`, `build_requires` and `python_requires` lists,
 *   reported as the groups `requires`, `build-requires` and `python-requires`. No graph.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { Component, DependencyEdge, DependencyScope, Extraction } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';

const ecosystem = 'ConanCenter';
/** conan.lock nests a few levels; anything far deeper is hostile. */
const maxDepth = 64;

interface ConanReference {
  readonly name: string;
  readonly version: string;
  readonly user?: string;
  readonly channel?: string;
  readonly recipeRevision?: string;
}

export const conanLockExtractor: Extractor = {
  format: 'conan-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'conan.lock',
  extract: extractConanLock,
  definition: {
    short: 'conan.lock (Conan 1 graph locks up to version 0.4, Conan 2 locks 0.5): locked recipes, with groups (Conan 2) or the graph (Conan 1)',
    fileNames: ['conan.lock'],
  },
};

function extractConanLock(file: SourceFile): Extraction {
  const lines = lineLocator(file.text);
  const fail = (message: string, offset?: number): Extraction => ({
    components: [],
    edges: [],
    problems: [{ file: file.path, ...(offset === undefined ? {} : { line: lines(offset) }), message }],
  });
  if (jsonDepth(file.text) > maxDepth) return fail(`conan.lock nests deeper than ${maxDepth} levels`);
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error !== undefined) return fail(`could not parse conan.lock as JSON: ${printParseErrorCode(error.error)}`, error.offset);
  if (root?.type !== 'object') return fail('conan.lock is not a JSON object');

  const nodes = property(property(root, 'graph_lock'), 'nodes');
  return nodes?.type === 'object' ? graphLock(nodes, file.path, lines) : flatLock(root, file.path, lines);
}

/** Conan 1: one component per named node; edges follow `requires` and `build_requires` (a list of ids, or before 0.3 a map of reference to id). */
function graphLock(nodes: Node, path: string, lines: (offset: number) => number): Extraction {
  const byId = new Map<string, Component>();
  const consumers: Node[] = [];
  const components = new Map<string, Component>();
  for (const pair of nodes.children ?? []) {
    const [idNode, node] = pair.children ?? [];
    const id = stringValue(idNode);
    if (id === undefined || node?.type !== 'object') continue;
    const ref = stringValue(property(node, 'pref')) ?? stringValue(property(node, 'ref'));
    const reference = ref === undefined ? undefined : parseReference(ref);
    if (stringValue(property(node, 'path')) !== undefined || reference === undefined || reference.name === '') {
      consumers.push(node);
      continue;
    }
    const component = referenceComponent(reference, [], undefined, { file: path, line: lines(pair.offset) });
    const key = `${component.name}@${component.version}`;
    const kept = components.get(key) ?? component;
    components.set(key, kept);
    byId.set(id, kept);
  }
  const direct = new Set(consumers.flatMap((node) => requiredIds(node)).flatMap((id) => byId.get(id)?.purl ?? []));
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const pair of nodes.children ?? []) {
    const from = byId.get(stringValue(pair.children?.[0]) ?? '');
    const node = pair.children?.[1];
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
    if (value?.type === 'object') return (value.children ?? []).flatMap((pair) => stringValue(pair.children?.[1]) ?? []);
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

function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const pair = (node.children ?? []).find((candidate) => candidate.children?.[0]?.value === key);
  return pair?.children?.[1];
}

function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The deepest nesting of arrays and objects, counted outside strings, so the recursive parser is never handed a hostile depth. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Offset → 1-based line, by binary search over the line starts. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
