/**
 * The `packages` map of package-lock.json lockfileVersion 2 and 3
 * (https://docs.npmjs.com/cli/configuring-npm/package-lock-json#packages): one entry per install
 * path, `""` being the project itself. Links (`link: true`, workspaces and `file:` folders) point
 * at the entry of the folder they link to, which is the one reported.
 */
import type { Node } from 'jsonc-parser';
import type { DependencyScope, InventoryProblem } from '../../model/index.js';
import { gitCommit } from './git-commit.js';
import { isTrue, objectEntries, property, stringMap, stringValue } from '../json-tree.js';
import type { InstallEdge, InstallReading, InstalledPackage } from './locked-packages.js';
import { nameFromInstallPath, resolveInstallPath } from './node-resolution.js';

interface PackageEntry {
  readonly node: Node;
  readonly offset: number;
}

export function readPackagesMap(file: string, packages: Node, line: (offset: number) => number): InstallReading {
  if (packages.type !== 'object') return { installed: [], edges: [], problems: [{ file, line: line(packages.offset), message: '"packages" is not an object' }] };
  const problems: InventoryProblem[] = [];
  const entries = new Map<string, PackageEntry>();
  const links = new Map<string, string>();
  let root: Node | undefined;
  for (const { key, value, offset } of objectEntries(packages)) {
    if (value?.type !== 'object') {
      problems.push({ file, line: line(offset), message: `"${key}": the package entry is not an object` });
    } else if (key === '') {
      root = value;
    } else if (isTrue(property(value, 'link'))) {
      // A link's `resolved` is the linked folder, relative to the lockfile.
      const target = stringValue(property(value, 'resolved'));
      if (target !== undefined) links.set(key, target);
    } else if (!entries.has(key)) {
      entries.set(key, { node: value, offset });
    }
  }

  const resolve = (fromDir: string, name: string): string | undefined => {
    const path = resolveInstallPath(fromDir, name, (candidate) => entries.has(candidate) || links.has(candidate));
    const target = path === undefined ? undefined : (links.get(path) ?? path);
    return target !== undefined && entries.has(target) ? target : undefined;
  };
  // The project's own folders (the root, workspaces, `file:` folders) declare direct dependencies.
  // npm installs devDependencies for the root and workspaces, never for a `file:` folder, which is
  // told apart by the `file:` specifier that points at it.
  const localPaths = [...entries.keys()].filter((path) => !path.split('/').includes('node_modules'));
  const fileFolders = new Set<string>();
  for (const dir of ['', ...localPaths]) {
    for (const { name, spec } of declaredDependencies(dir === '' ? root : entries.get(dir)?.node, true)) {
      if (spec.startsWith('file:')) addIfDefined(fileFolders, resolve(dir, name));
    }
  }
  const local = new Set(localPaths);
  const direct = new Set<string>(localPaths);
  const edges: InstallEdge[] = [];
  for (const { name } of declaredDependencies(root, true)) addIfDefined(direct, resolve('', name));
  for (const [path, { node }] of entries) {
    for (const { name } of declaredDependencies(node, local.has(path) && !fileFolders.has(path))) {
      const to = resolve(path, name);
      if (to === undefined) continue;
      edges.push({ from: path, to });
      if (local.has(path)) direct.add(to);
    }
  }

  const installed = [...entries].map(([path, { node, offset }]): InstalledPackage => {
    const resolved = stringValue(property(node, 'resolved'));
    return {
      path,
      // `name` is written for aliases (`"string-width-cjs": "npm:string-width@^4"`) and folders.
      name: stringValue(property(node, 'name')) ?? nameFromInstallPath(path),
      version: stringValue(property(node, 'version')) ?? '',
      commit: resolved === undefined ? undefined : gitCommit(resolved),
      groups: packageGroups(node),
      scope: packageScope(node),
      // Without the root entry (`""`) the lockfile does not say what the project declares.
      direct: root === undefined ? undefined : direct.has(path),
      line: line(offset),
      integrity: stringValue(property(node, 'integrity')),
      resolved,
    };
  });
  return { installed, edges, problems };
}

/** What a package requires, by name and specifier; devDependencies only where npm installs them. */
function declaredDependencies(node: Node | undefined, withDev: boolean): { readonly name: string; readonly spec: string }[] {
  const sections = ['dependencies', 'optionalDependencies', 'peerDependencies', ...(withDev ? ['devDependencies'] : [])];
  return sections.flatMap((section) => stringMap(property(node, section)));
}

/** OSV-SCALIBR's groups: `bundled` for `inBundle`; `devOptional` gives both `dev` and `optional`. */
function packageGroups(node: Node): string[] {
  const groups = isTrue(property(node, 'inBundle')) ? ['bundled'] : [];
  if (isTrue(property(node, 'devOptional'))) return [...groups, 'dev', 'optional'];
  if (isTrue(property(node, 'dev'))) groups.push('dev');
  if (isTrue(property(node, 'optional'))) groups.push('optional');
  return groups;
}

/**
 * `dev`: only the dev tree needs it (an optional dependency of a dev dependency included).
 * `devOptional`: the dev tree needs it and a production package takes it optionally, so
 * `npm install --omit=dev` still tries it: optional. `peer`: installed to satisfy a peer dependency.
 */
function packageScope(node: Node): DependencyScope {
  if (isTrue(property(node, 'dev'))) return 'dev';
  if (isTrue(property(node, 'optional')) || isTrue(property(node, 'devOptional'))) return 'optional';
  if (isTrue(property(node, 'peer'))) return 'peer';
  return 'prod';
}

function addIfDefined(set: Set<string>, value: string | undefined): void {
  if (value !== undefined) set.add(value);
}
