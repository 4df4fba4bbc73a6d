/**
 * The nested `dependencies` tree of package-lock.json lockfileVersion 1
 * (https://docs.npmjs.com/cli/v6/configuring-npm/package-lock-json#dependencies): each entry's own
 * `dependencies` are the packages installed in its `node_modules`, and its `requires` names what it
 * needs, found the way Node finds modules. Entries are given install paths
 * (`node_modules/a/node_modules/b`) so both lockfile layouts share one resolution.
 */
import type { Node } from 'jsonc-parser';
import type { DependencyScope, InventoryProblem } from '../../model/index.js';
import { gitCommit } from './git-commit.js';
import { isTrue, objectEntries, property, stringMap, stringValue } from '../json-tree.js';
import type { InstallEdge, InstallReading, InstalledPackage } from './locked-packages.js';
import { installPathResolver } from './node-resolution.js';

interface TreeEntry {
  readonly key: string;
  readonly node: Node;
  readonly offset: number;
  readonly topLevel: boolean;
}

/**
 * Reads the tree. Version 1 does not record what the project declares: `manifestNames` (the
 * dependency names of the package.json beside it) tells which top-level entries are direct. Without
 * it, a top-level entry that no package requires must be there for the project (direct), a nested
 * entry never is, and a top-level entry that something requires cannot be told.
 */
export function readDependencyTree(file: string, dependencies: Node | undefined, line: (offset: number) => number, manifestNames: ReadonlySet<string> | undefined): InstallReading {
  if (dependencies === undefined) return { installed: [], edges: [], problems: [] };
  if (dependencies.type !== 'object') return { installed: [], edges: [], problems: [{ file, line: line(dependencies.offset), message: '"dependencies" is not an object' }] };
  const problems: InventoryProblem[] = [];
  const entries = new Map<string, TreeEntry>();
  // Depth-first with an explicit stack; the document's depth is already bounded by the parser guard.
  const stack: { readonly parent: string; readonly node: Node }[] = [{ parent: '', node: dependencies }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { parent, node } = next;
    for (const { key, value, offset } of objectEntries(node)) {
      if (value?.type !== 'object') {
        problems.push({ file, line: line(offset), message: `"${key}": the dependency entry is not an object` });
        continue;
      }
      const path = `${parent === '' ? '' : `${parent}/`}node_modules/${key}`;
      if (!entries.has(path)) entries.set(path, { key, node: value, offset, topLevel: parent === '' });
      const nested = property(value, 'dependencies');
      if (nested?.type === 'object') stack.push({ parent: path, node: nested });
    }
  }

  const edges: InstallEdge[] = [];
  const resolveInstallPath = installPathResolver(entries.keys());
  for (const [path, { node }] of entries) {
    for (const { name } of stringMap(property(node, 'requires'))) {
      const to = resolveInstallPath(path, name);
      if (to !== undefined && to !== path) edges.push({ from: path, to });
    }
  }
  const required = new Set(edges.map((edge) => edge.to));
  const isDirect = (path: string, entry: TreeEntry): boolean | undefined => {
    if (!entry.topLevel) return false;
    if (manifestNames !== undefined) return manifestNames.has(entry.key);
    return required.has(path) ? undefined : true;
  };

  // File order, which the stack walk does not keep.
  const ordered = [...entries].sort(([, a], [, b]) => a.offset - b.offset);
  const installed = ordered.map(([path, entry]) => ({ ...installedVersion(entry), path, direct: isDirect(path, entry), line: line(entry.offset) }));
  return { installed, edges, problems };
}

/**
 * Name and version from the `version` field: `npm:real-name@1.2.3` for an alias (OSV-SCALIBR
 * reports the real name), `file:` folders have no version, and a git URL gives a commit and no version.
 */
function installedVersion(entry: TreeEntry): Omit<InstalledPackage, 'path' | 'direct' | 'line'> {
  const { node, key } = entry;
  const written = stringValue(property(node, 'version')) ?? '';
  const details = {
    groups: dependencyGroups(node),
    scope: dependencyScope(node),
    integrity: stringValue(property(node, 'integrity')),
    resolved: stringValue(property(node, 'resolved')),
  };
  const at = written.lastIndexOf('@');
  if (written.startsWith('npm:') && at > 'npm:'.length) return { ...details, name: written.slice('npm:'.length, at), version: written.slice(at + 1) };
  if (written.startsWith('file:')) return { ...details, name: key, version: '' };
  const commit = gitCommit(written);
  if (commit !== undefined) return { ...details, name: key, version: '', commit, resolved: details.resolved ?? written };
  return { ...details, name: key, version: written };
}

/** `dev` and `optional` as OSV-SCALIBR reads them, and `bundled` for `bundled: true` (as v2's `inBundle`). */
function dependencyGroups(node: Node): string[] {
  return [
    ...(isTrue(property(node, 'bundled')) ? ['bundled'] : []),
    ...(isTrue(property(node, 'dev')) ? ['dev'] : []),
    ...(isTrue(property(node, 'optional')) ? ['optional'] : []),
  ];
}

function dependencyScope(node: Node): DependencyScope {
  if (isTrue(property(node, 'dev'))) return 'dev';
  return isTrue(property(node, 'optional')) ? 'optional' : 'prod';
}
