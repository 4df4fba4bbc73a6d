/**
 * uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile): every `[[package]]`
 * is a component except the project itself (a `virtual` source, or `editable = "."`). Its
 * `dependencies`, `optional-dependencies` (extras) and `dev-dependencies` (dependency groups) are
 * the direct dependencies. Groups as OSV-SCALIBR gives them: a direct dependency in an extra or a
 * dependency group gets that name, a production one or a transitive one `[]`. The scope follows
 * the graph: reachable from the production dependencies is `prod`, else from an extra `optional`,
 * else from a dependency group `dev`. A git source's `#fragment` is the commit; each package's
 * dependency lists give the edges.
 */
import type { Component, DependencyEdge, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { uvLockFormat } from '../formats.js';
import { stringOf, tableOf } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { normalizePypiName } from './index.js';
import { dependencyEdges, mergeLocked, pypiComponent } from './locked-package.js';
import type { LockedPackage } from './locked-package.js';
import { lockEntries, referencesOf } from './toml-lock.js';

export const uvLockExtractor: Extractor = { ...uvLockFormat, extract: extractUvLock };

/** What the project entries declare: direct dependency names (normalized) by where they are declared. */
interface ProjectDependencies {
  readonly main: Set<string>;
  readonly optional: Map<string, string[]>;
  readonly dev: Map<string, string[]>;
}

function extractUvLock(file: SourceFile): Extraction {
  const read = lockEntries(file, { label: 'uv.lock', table: 'package' });
  if ('failure' in read) return read.failure;

  const problems: InventoryProblem[] = [];
  const project: ProjectDependencies = { main: new Set(), optional: new Map(), dev: new Map() };
  let hasProject = false;
  const entries: { entry: TomlTable; line: number | undefined }[] = [];
  for (const { table: entry, line } of read.entries) {
    if (entry === undefined) problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: 'a [[package]] entry is not a table' });
    else if (isProject(entry)) {
      hasProject = true;
      addProjectDependencies(entry, project);
    } else entries.push({ entry, line });
  }

  const locked: LockedPackage[] = [];
  for (const { entry, line } of entries) {
    const result = lockedPackage(entry, file.path, line, hasProject ? project : undefined);
    if (typeof result === 'string') problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: result });
    else locked.push(result);
  }
  const packages = mergeLocked(locked);
  const edges = dependencyEdges(packages);
  const components = packages.map((entry) => entry.component);
  return { components: hasProject ? withScopes(components, edges, project) : components, edges, problems };
}

/** The project itself: uv writes its source as `virtual` (no build system) or `editable = "."`. */
function isProject(entry: TomlTable): boolean {
  const source = tableOf(entry['source']);
  return source?.['virtual'] !== undefined || source?.['editable'] === '.';
}

function addProjectDependencies(entry: TomlTable, project: ProjectDependencies): void {
  for (const reference of referencesOf(entry['dependencies'])) project.main.add(normalizePypiName(reference.name));
  for (const [field, groups] of [['optional-dependencies', project.optional], ['dev-dependencies', project.dev]] as const) {
    for (const [group, list] of Object.entries(tableOf(entry[field]) ?? {})) {
      for (const reference of referencesOf(list)) {
        const name = normalizePypiName(reference.name);
        groups.set(name, [...new Set([...(groups.get(name) ?? []), group])]);
      }
    }
  }
}

function lockedPackage(entry: TomlTable, path: string, line: number | undefined, project: ProjectDependencies | undefined): LockedPackage | string {
  const name = stringOf(entry['name']);
  const version = stringOf(entry['version']);
  if (name === undefined || name === '' || version === undefined) return 'a [[package]] entry has no name or version';
  const source = tableOf(entry['source']);
  const git = stringOf(source?.['git']);
  const commit = git?.includes('#') === true ? git.slice(git.lastIndexOf('#') + 1) : undefined;
  const resolved = git ?? stringOf(source?.['url']);
  const normalized = normalizePypiName(name);
  const groups = project === undefined || project.main.has(normalized) ? [] : [...(project.optional.get(normalized) ?? []), ...(project.dev.get(normalized) ?? [])];
  const direct = project === undefined ? undefined : project.main.has(normalized) || project.optional.has(normalized) || project.dev.has(normalized);
  const component = pypiComponent({
    name,
    version,
    groups: [...new Set(groups)],
    ...(direct === undefined ? {} : { direct }),
    location: { file: path, ...(line === undefined ? {} : { line }) },
    ...(commit === undefined || commit === '' ? {} : { commit }),
    ...(resolved === undefined ? {} : { resolved }),
  });
  if (typeof component === 'string') return component;
  const optional = Object.values(tableOf(entry['optional-dependencies']) ?? {}).flatMap(referencesOf);
  const dev = Object.values(tableOf(entry['dev-dependencies']) ?? {}).flatMap(referencesOf);
  return { component, dependencies: [...referencesOf(entry['dependencies']), ...optional, ...dev] };
}


/** Production wins over optional, optional over dev: a package is as needed as the most needed path to it. */
function withScopes(components: readonly Component[], edges: readonly DependencyEdge[], project: ProjectDependencies): Component[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const purlsOf = (names: Iterable<string>): string[] => {
    const wanted = new Set(names);
    return components.filter((component) => wanted.has(normalizePypiName(component.name))).map((component) => component.purl);
  };
  const scopes = new Map<string, DependencyScope>();
  const starts: [DependencyScope, string[]][] = [
    ['prod', purlsOf(project.main)],
    ['optional', purlsOf(project.optional.keys())],
    ['dev', purlsOf(project.dev.keys())],
  ];
  for (const [scope, start] of starts) {
    const queue = start.filter((purl) => !scopes.has(purl));
    for (const purl of queue) scopes.set(purl, scope);
    for (let index = 0; index < queue.length; index += 1) {
      for (const target of next.get(queue[index] ?? '') ?? []) {
        if (scopes.has(target)) continue;
        scopes.set(target, scope);
        queue.push(target);
      }
    }
  }
  return components.map((component) => {
    const scope = scopes.get(component.purl);
    return scope === undefined ? component : { ...component, scope };
  });
}
