/**
 * bun.lock, Bun's text lockfile (https://bun.sh/docs/install/lockfile): JSONC with trailing commas.
 * `workspaces` copies each workspace's package.json dependencies; `packages` maps an install key
 * (`chalk`, `chalk/supports-color`: supports-color inside chalk's node_modules) to a tuple whose
 * first element is `name@resolution`:
 *   npm       [name@version, registry, info, integrity]     git, github  [name@git+url#commit, info, tag]
 *   folder    [name@file:path, info]    symlink [name@link:path, info]    tarball [name@url-or-path, info]
 *   workspace [name@workspace:path]     root    [name@root:, {bin}]
 * The corpus (OSV-SCALIBR) gives every package the groups `[]`; scope and direct come from the graph.
 */
import type { Node } from 'jsonc-parser';
import type { Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { bunLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringMap, stringValue } from '../json-tree.js';
import type { InstallEdge, InstalledPackage } from './locked-packages.js';
import { mergeInstalledPackages } from './locked-packages.js';
import { reachableScopes } from './reachable-scope.js';
import type { EdgeKind, KindedEdge } from './reachable-scope.js';

/** bun.lock nests a few levels (tuple → info → dependencies); anything far deeper is hostile. */
const maxDepth = 64;
/** Real install keys are a few packages deep; deeper ones are not walked. */
const maxKeySegments = 512;

interface BunTuple {
  readonly name: string;
  readonly version: string;
  readonly commit?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  /** The object listing its dependencies: the tuple's info, or the workspace's entry in `workspaces`. */
  readonly info: Node | undefined;
  readonly workspace: boolean;
}

interface BunPackage extends BunTuple {
  readonly key: string;
  readonly line: number;
}

export const bunLockExtractor: Extractor = { ...bunLockFormat, extract: extractBunLock };

function extractBunLock(file: SourceFile): Extraction {
  const document = readJsonObject(file.text, { label: 'bun.lock', jsonc: true, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const workspaces = new Map(objectEntries(property(document.root, 'workspaces')).flatMap((entry) => (entry.value?.type === 'object' ? [[entry.key, entry.value] as const] : [])));
  const packagesNode = property(document.root, 'packages');
  if (packagesNode === undefined) return { components: [], edges: [], problems: [] };
  if (packagesNode.type !== 'object') return { components: [], edges: [], problems: [{ file: file.path, line: document.line(packagesNode.offset), message: '"packages" is not an object' }] };

  const problems: InventoryProblem[] = [];
  const packages = new Map<string, BunPackage>();
  for (const { key, value, offset } of objectEntries(packagesNode)) {
    const tuple = readTuple(value, workspaces);
    if (typeof tuple === 'string') problems.push({ file: file.path, line: document.line(offset), message: `could not extract '${key}': ${tuple}` });
    else if (tuple !== undefined && !packages.has(key)) packages.set(key, { ...tuple, key, line: document.line(offset) });
  }

  // Workspaces are the project: what they declare is direct, and the scope walk starts from them.
  const installEdges: InstallEdge[] = [];
  const kinded: KindedEdge[] = [];
  const isInstalled = (key: string): boolean => packages.has(key);
  const root = workspaces.get('');
  for (const { name, kind } of root === undefined ? [] : declaredDependencies(root, true)) {
    const to = resolveKey('', name, isInstalled);
    if (to !== undefined) kinded.push({ from: undefined, to, kind });
  }
  for (const [key, entry] of packages) {
    for (const { name, kind } of declaredDependencies(entry.info, entry.workspace)) {
      const to = resolveKey(key, name, isInstalled);
      if (to === undefined || to === key) continue;
      installEdges.push({ from: key, to });
      kinded.push({ from: entry.workspace ? undefined : key, to, kind });
    }
  }
  const direct = new Set(kinded.flatMap((edge) => (edge.from === undefined ? [edge.to] : [])));
  const scopes = reachableScopes(kinded);

  const installed = [...packages.values()].map(
    (entry): InstalledPackage => ({
      path: entry.key,
      name: entry.name,
      version: entry.version,
      commit: entry.commit,
      groups: [],
      scope: entry.workspace ? 'prod' : scopes.get(entry.key),
      direct: entry.workspace || direct.has(entry.key),
      line: entry.line,
      integrity: entry.integrity,
      resolved: entry.resolved,
    }),
  );
  const merged = mergeInstalledPackages(file.path, installed, installEdges);
  return { components: merged.components, edges: merged.edges, problems: [...problems, ...merged.problems] };
}

/** A package tuple; undefined for the root package, a message for a malformed tuple. */
function readTuple(value: Node | undefined, workspaces: ReadonlyMap<string, Node>): BunTuple | string | undefined {
  if (value?.type !== 'array') return 'the package entry is not an array';
  const elements = value.children ?? [];
  if (elements.length === 0) return 'empty package tuple';
  const ident = stringValue(elements[0]);
  if (ident === undefined) return 'first element of package tuple is not a string';
  // `@scope/name@resolution`: the separator is the first `@` after the scope's.
  const at = ident.indexOf('@', ident.startsWith('@') ? 1 : 0);
  if (at <= 0) return `"${ident}" is not name@resolution`;
  const name = ident.slice(0, at);
  const resolution = ident.slice(at + 1);

  if (resolution.startsWith('root:')) return undefined;
  if (resolution.startsWith('workspace:')) {
    const workspace = workspaces.get(resolution.slice('workspace:'.length));
    return { name, version: stringValue(property(workspace, 'version')) ?? '', info: workspace, workspace: true };
  }
  const info = elements[1]?.type === 'object' ? elements[1] : undefined;
  // Local folders and symlinks have no version of their own.
  if (resolution.startsWith('file:') || resolution.startsWith('link:')) return { name, version: '', info, workspace: false };
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:)/.test(resolution)) {
    // Bun records the commit after `#` and no version.
    const hash = resolution.indexOf('#');
    const commit = hash === -1 ? '' : resolution.slice(hash + 1);
    return { name, version: '', ...(commit === '' ? {} : { commit }), resolved: resolution, info, workspace: false };
  }
  if (/^(?:https?:|\.{0,2}\/)/.test(resolution) || resolution.endsWith('.tgz')) {
    const integrity = stringValue(elements[2]);
    return { name, version: '', resolved: resolution, ...(integrity === undefined ? {} : { integrity }), info, workspace: false };
  }
  const registry = stringValue(elements[1]);
  const integrity = stringValue(elements[3]);
  return {
    name,
    version: resolution,
    ...(registry === undefined || registry === '' ? {} : { resolved: registry }),
    ...(integrity === undefined ? {} : { integrity }),
    info: elements[2]?.type === 'object' ? elements[2] : undefined,
    workspace: false,
  };
}

/** What a package needs; workspaces also install their devDependencies. Optional peers are optional. */
function declaredDependencies(info: Node | undefined, withDev: boolean): { readonly name: string; readonly kind: EdgeKind }[] {
  const optionalPeers = new Set((property(info, 'optionalPeers')?.children ?? []).flatMap((node) => stringValue(node) ?? []));
  const names = (section: string): string[] => stringMap(property(info, section)).map((entry) => entry.name);
  return [
    ...names('dependencies').map((name) => ({ name, kind: 'prod' as const })),
    ...names('peerDependencies').map((name) => ({ name, kind: optionalPeers.has(name) ? ('optional' as const) : ('prod' as const) })),
    ...names('optionalDependencies').map((name) => ({ name, kind: 'optional' as const })),
    ...(withDev ? names('devDependencies').map((name) => ({ name, kind: 'dev' as const })) : []),
  ];
}

/**
 * Bun's keys follow node_modules nesting: from the package at `chalk/supports-color`, `has-flag`
 * is looked for at `chalk/supports-color/has-flag`, then `chalk/has-flag`, then `has-flag`.
 */
function resolveKey(fromKey: string, name: string, isInstalled: (key: string) => boolean): string | undefined {
  const segments = keySegments(fromKey);
  if (segments.length > maxKeySegments) return undefined;
  for (let count = segments.length; count >= 0; count -= 1) {
    const candidate = [...segments.slice(0, count), name].join('/');
    if (isInstalled(candidate)) return candidate;
  }
  return undefined;
}

/** `a/@s/b/c` → `a`, `@s/b`, `c`: a scope folder belongs to the name after it. */
function keySegments(key: string): string[] {
  if (key === '') return [];
  const parts = key.split('/');
  const segments: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    const next = parts[index + 1];
    if (part.startsWith('@') && next !== undefined) {
      segments.push(`${part}/${next}`);
      index += 1;
    } else segments.push(part);
  }
  return segments;
}
