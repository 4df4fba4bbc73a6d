/**
 * The `packages` map of package-lock.json lockfileVersion 2 and 3
 * (https://docs.npmjs.com/cli/configuring-npm/package-lock-json#packages): one entry per install
 * path, `""` being the project itself. Links (`link: true`, workspaces and `file:` folders) point
 * at the entry of the folder they link to, which is the one reported.
 */
import type { DependencyScope, InventoryProblem } from '../../model/index.js';
import { gitCommit } from './git-commit.js';
import type { InstallEdge, InstallReading, InstalledPackage } from './locked-packages.js';
import { installPathResolver, nameFromInstallPath } from './node-resolution.js';
import type { DeclaredSpecifier, PackageLockEntry, PackagesMember } from './package-lock-entry.js';

interface InstallEntry {
  readonly entry: PackageLockEntry;
  readonly line: number;
}

/** Reads the members of `packages` in file order (see package-lock-entry.ts for where they come from). */
export function readPackagesMap(file: string, members: readonly PackagesMember[]): InstallReading {
  const problems: InventoryProblem[] = [];
  const entries = new Map<string, InstallEntry>();
  const links = new Map<string, string>();
  let root: PackageLockEntry | undefined;
  members.forEach(({ key, line, entry }) => {
    if (entry === undefined) {
      problems.push({ file, line, message: `"${key}": the package entry is not an object` });
    } else if (key === '') {
      root = entry;
    } else if (entry.link) {
      // A link's `resolved` is the linked folder, relative to the lockfile.
      if (entry.resolved !== undefined) links.set(key, entry.resolved);
    } else if (!entries.has(key)) {
      entries.set(key, { entry, line });
    }
  });

  const resolveInstallPath = installPathResolver([...entries.keys(), ...links.keys()]);
  const resolve = (fromDir: string, name: string): string | undefined => {
    const path = resolveInstallPath(fromDir, name);
    const target = path === undefined ? undefined : (links.get(path) ?? path);
    return target !== undefined && entries.has(target) ? target : undefined;
  };
  // The project's own folders (the root, workspaces, `file:` folders) declare direct dependencies.
  // npm installs devDependencies for the root and workspaces, never for a `file:` folder, which is
  // told apart by the `file:` specifier that points at it.
  const localPaths = [...entries.keys()].filter((path) => !isInNodeModules(path));
  const fileFolders = new Set<string>();
  for (const dir of ['', ...localPaths]) {
    for (const { name, spec } of declaredDependencies(dir === '' ? root : entries.get(dir)?.entry, true)) {
      if (spec.startsWith('file:')) addIfDefined(fileFolders, resolve(dir, name));
    }
  }
  const local = new Set(localPaths);
  const direct = new Set<string>(localPaths);
  const edges: InstallEdge[] = [];
  for (const { name } of declaredDependencies(root, true)) addIfDefined(direct, resolve('', name));
  // forEach and an indexed loop rather than for...of, here and above: they run once per package
  // and per declared dependency, and before the engine optimizes them each for...of step
  // allocates an iterator result (measured: a third of what reading the map allocated).
  entries.forEach(({ entry }, path) => {
    const isLocal = local.has(path);
    const declared = declaredDependencies(entry, isLocal && !fileFolders.has(path));
    for (let index = 0; index < declared.length; index += 1) {
      const to = resolve(path, declared[index]?.name ?? '');
      if (to === undefined) continue;
      edges.push({ from: path, to });
      if (isLocal) direct.add(to);
    }
  });

  const installed = [...entries].map(([path, { entry, line }]): InstalledPackage => {
    const { resolved } = entry;
    return {
      path,
      // `name` is written for aliases (`"string-width-cjs": "npm:string-width@^4"`) and folders.
      name: entry.name ?? nameFromInstallPath(path),
      version: entry.version ?? '',
      commit: resolved === undefined ? undefined : gitCommit(resolved),
      groups: packageGroups(entry),
      scope: packageScope(entry),
      // Without the root entry (`""`) the lockfile does not say what the project declares.
      direct: root === undefined ? undefined : direct.has(path),
      line,
      integrity: entry.integrity,
      license: entry.license,
      resolved,
    };
  });
  return { installed, edges, problems };
}

/** Whether an install path has a `node_modules` folder in it (a local folder has none). */
function isInNodeModules(path: string): boolean {
  return path === 'node_modules' || path.startsWith('node_modules/') || path.includes('/node_modules/') || path.endsWith('/node_modules');
}

/** What a package requires, by name and specifier; devDependencies only where npm installs them. */
function declaredDependencies(entry: PackageLockEntry | undefined, withDev: boolean): readonly DeclaredSpecifier[] {
  if (entry === undefined) return [];
  return withDev && entry.devDependencies.length > 0 ? [...entry.dependencies, ...entry.devDependencies] : entry.dependencies;
}

/** OSV-SCALIBR's groups: `bundled` for `inBundle`; `devOptional` gives both `dev` and `optional`. */
function packageGroups(entry: PackageLockEntry): string[] {
  const groups = entry.inBundle ? ['bundled'] : [];
  if (entry.devOptional) return [...groups, 'dev', 'optional'];
  if (entry.dev) groups.push('dev');
  if (entry.optional) groups.push('optional');
  return groups;
}

/**
 * `dev`: only the dev tree needs it (an optional dependency of a dev dependency included).
 * `devOptional`: the dev tree needs it and a production package takes it optionally, so
 * `npm install --omit=dev` still tries it: optional. `peer`: installed to satisfy a peer dependency.
 */
function packageScope(entry: PackageLockEntry): DependencyScope {
  if (entry.dev) return 'dev';
  if (entry.optional || entry.devOptional) return 'optional';
  if (entry.peer) return 'peer';
  return 'prod';
}

function addIfDefined(set: Set<string>, value: string | undefined): void {
  if (value !== undefined) set.add(value);
}
