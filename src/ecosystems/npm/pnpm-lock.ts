/**
 * pnpm-lock.yaml (https://github.com/pnpm/spec/tree/master/lockfile), lockfileVersion 5.x, 6.0 and
 * 9.0: every entry of `packages` is a component, named by its dependency path (see
 * pnpm-dependency-path.ts) or by its `name` and `version` fields. git resolutions and GitHub
 * codeload tarballs carry `commit`. The graph comes from the `dependencies` and
 * `optionalDependencies` of `packages` (9.0: of `snapshots`); what the project declares comes
 * from `importers` (one per workspace project) or, in a single-project 5.x or 6.0 lockfile, from
 * the top-level `dependencies`, `devDependencies` and `optionalDependencies`. The only group is
 * `dev`, from an entry's `dev: true` flag as OSV-SCALIBR reads it; 9.0 writes no such flag, so its
 * packages have no group and their scope comes from the graph.
 */
import type { DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pnpmLockFormat } from '../formats.js';
import { codeloadCommit } from './git-commit.js';
import type { InstallEdge, InstalledPackage } from './locked-packages.js';
import { mergeInstalledPackages } from './locked-packages.js';
import type { PathSyntax } from './pnpm-dependency-path.js';
import { pathSyntax, readDependencyPath, withoutPeers } from './pnpm-dependency-path.js';
import { reachableScopes } from './reachable-scope.js';
import type { EdgeKind, KindedEdge } from './reachable-scope.js';
import type { YamlMapping } from '../yaml-lockfile.js';
import { asMapping, asString, readYamlLockfile } from '../yaml-lockfile.js';

const dependencySections: readonly (readonly [string, EdgeKind])[] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

export const pnpmLockExtractor: Extractor = { ...pnpmLockFormat, extract: extractPnpmLock };

function extractPnpmLock(file: SourceFile): Extraction {
  const fail = (message: string, line?: number): Extraction => ({ components: [], edges: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message }] });
  const reading = readYamlLockfile(file.text, 'pnpm-lock.yaml');
  if (!reading.ok) return fail(`could not extract: ${reading.message}`, reading.line);
  const root = reading.root;
  const packagesValue = root?.get('packages');
  if (root === undefined || isEmpty(packagesValue)) return { components: [], edges: [], problems: [] };
  const packages = asMapping(packagesValue);
  if (packages === undefined) return fail('"packages" is not a mapping');

  const syntax = pathSyntax(asString(root.get('lockfileVersion')));
  const { installed, problems } = readPackages(file.path, packages, syntax, reading.keyLines(['packages']));
  const resolve = referenceResolver(installed);
  const graph = syntax === 'v9' ? (asMapping(root.get('snapshots')) ?? new Map<string, unknown>()) : packages;
  const packageEdges = [...graph].flatMap(([key, value]): (KindedEdge & InstallEdge)[] => {
    const from = resolve.path(key);
    return from === undefined ? [] : declaredDependencies(asMapping(value)).flatMap(([name, reference, kind]) => {
      const to = resolve.reference(name, reference);
      return to === undefined ? [] : [{ from, to, kind }];
    });
  });
  const projects = declaringProjects(root);
  const projectEdges = (projects ?? []).flatMap((project) =>
    declaredDependencies(project).flatMap(([name, reference, kind]): KindedEdge[] => {
      // A declared `file:` dependency is written unlike its package key (`file:./a.tgz`, `file:a.tgz`): found by name when only one package has it.
      const to = resolve.reference(name, reference) ?? resolve.onlyNamed(name);
      return to === undefined ? [] : [{ from: undefined, to, kind }];
    }),
  );

  const reached = reachableScopes([...packageEdges, ...projectEdges]);
  const direct = new Set(projectEdges.map((edge) => edge.to));
  const complete = installed.map((entry) => ({
    ...entry,
    scope: entry.scope ?? reached.get(entry.path),
    ...(projects === undefined ? {} : { direct: direct.has(entry.path) }),
  }));
  const merged = mergeInstalledPackages(file.path, complete, packageEdges);
  return { components: merged.components, edges: merged.edges, problems: [...problems, ...merged.problems] };
}

function readPackages(file: string, packages: YamlMapping, syntax: PathSyntax, lines: ReadonlyMap<string, number>): { installed: InstalledPackage[]; problems: InventoryProblem[] } {
  const problems: InventoryProblem[] = [];
  const installed: InstalledPackage[] = [];
  for (const [key, value] of packages) {
    // Every key read as a string has a position; 1 is never used.
    const line = lines.get(key) ?? 1;
    const path = readDependencyPath(key, syntax);
    if ('invalid' in path) {
      problems.push({ file, line, message: `invalid dependency path: ${key}` });
      continue;
    }
    // A bare key (`/foo/1.0.0:` with no value) is an entry with no fields.
    const fields = asMapping(value) ?? new Map<string, unknown>();
    const name = nonEmpty(fields.get('name')) ?? path.name;
    const version = nonEmpty(fields.get('version')) ?? path.version;
    // Like OSV-SCALIBR, an entry naming no package or version (a `file:` folder without `name`) is
    // left out silently; the corpus case "files" expects no problem for it.
    if (name === '' || version === '') continue;
    const resolution = asMapping(fields.get('resolution'));
    const tarball = asString(resolution?.get('tarball'));
    installed.push({
      path: key,
      name,
      version,
      commit: (tarball === undefined ? undefined : codeloadCommit(tarball)) ?? asString(resolution?.get('commit')),
      groups: fields.get('dev') === 'true' ? ['dev'] : [],
      scope: flaggedScope(fields),
      line,
      integrity: asString(resolution?.get('integrity')),
      resolved: tarball ?? asString(resolution?.get('repo')),
    });
  }
  return { installed, problems };
}

/**
 * Finds the package a key or a reference names. A 9.0 snapshot key is its package's key with
 * peers; a reference is a version (with peers), the full path of an alias or a git package, or a
 * link to a folder (never a package).
 */
function referenceResolver(installed: readonly InstalledPackage[]) {
  const paths = new Set(installed.map((entry) => entry.path));
  const pathsByName = new Map<string, string[]>();
  for (const entry of installed) {
    const named = pathsByName.get(entry.name);
    if (named === undefined) pathsByName.set(entry.name, [entry.path]);
    else named.push(entry.path);
  }
  const path = (key: string): string | undefined => (paths.has(key) ? key : paths.has(withoutPeers(key)) ? withoutPeers(key) : undefined);
  return {
    path,
    reference: (name: string, reference: string): string | undefined =>
      [reference, `${name}@${reference}`, `/${name}/${reference}`, `/${name}@${reference}`].map(path).find((found) => found !== undefined),
    onlyNamed: (name: string): string | undefined => {
      const named = pathsByName.get(name);
      return named?.length === 1 ? named[0] : undefined;
    },
  };
}

/**
 * 5.x and 6.0 flag each package: `dev: true` only for development, `dev: false` only for
 * production, no `dev` for both; `optional: true` when only optional dependencies lead to it.
 */
function flaggedScope(fields: YamlMapping): DependencyScope | undefined {
  const dev = fields.get('dev');
  if (dev === 'true') return 'dev';
  if (fields.get('optional') === 'true') return 'optional';
  return dev === 'false' ? 'prod' : undefined;
}

/** The importers' entries (one per workspace project), else the top level of a single-project lockfile; undefined when neither declares anything. */
function declaringProjects(root: YamlMapping): YamlMapping[] | undefined {
  const importers = asMapping(root.get('importers'));
  if (importers !== undefined) return [...importers.values()].flatMap((project) => asMapping(project) ?? []);
  return dependencySections.some(([section]) => root.has(section)) ? [root] : undefined;
}

/** `name: reference` (5.x) or `name: {specifier, version: reference}` (6.0 and 9.0) of each section; links to folders left out. */
function declaredDependencies(fields: YamlMapping | undefined): [string, string, EdgeKind][] {
  return dependencySections.flatMap(([section, kind]) =>
    [...(asMapping(fields?.get(section))?.entries() ?? [])].flatMap(([name, value]): [string, string, EdgeKind][] => {
      const reference = asString(value) ?? asString(asMapping(value)?.get('version'));
      return reference === undefined || reference === '' || reference.startsWith('link:') ? [] : [[name, reference, kind]];
    }),
  );
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
