/**
 * Turns the packages a lockfile installs (one per install path: `node_modules/a/node_modules/b`, a
 * bun key) into components and edges. npm installs the same name@version at several paths; those
 * are one component, keyed as the corpus keys packages: name, version and commit. (OSV-SCALIBR keys
 * a git package by its commit alone; keeping the version too never folds two versions into one.)
 */
import type { Component, DependencyEdge, DependencyScope, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Mutable } from '../../model/mutable.js';

/** One package at one install path. */
export interface InstalledPackage {
  /** The install path (or bun key) that edges refer to. */
  readonly path: string;
  readonly name: string;
  readonly version: string;
  readonly commit?: string | undefined;
  readonly groups: readonly string[];
  readonly scope?: DependencyScope | undefined;
  readonly direct?: boolean | undefined;
  readonly line: number;
  readonly integrity?: string | undefined;
  /** The declared licence, where the lockfile records it. */
  readonly license?: string | undefined;
  readonly resolved?: string | undefined;
}

/** `from` (an install path) requires the package installed at `to`. */
export interface InstallEdge {
  readonly from: string;
  readonly to: string;
}

/** What a lockfile reader found before merging: the installs, the edges between install paths, the bad entries. */
export interface InstallReading {
  readonly installed: readonly InstalledPackage[];
  readonly edges: readonly InstallEdge[];
  readonly problems: readonly InventoryProblem[];
}

export interface MergedPackages {
  readonly components: Component[];
  readonly edges: DependencyEdge[];
  readonly problems: InventoryProblem[];
}

/**
 * Merges the installs of one package: the groups as OSV-SCALIBR merges them (see `mergeGroups`),
 * the most production-like scope, direct when any install is, and the first install's line.
 */
export function mergeInstalledPackages(file: string, installed: readonly InstalledPackage[], installEdges: readonly InstallEdge[]): MergedPackages {
  const problems: InventoryProblem[] = [];
  const byKey = new Map<string, Component>();
  const purlByPath = new Map<string, string>();
  // Indexed loops, here and for the edges: they run once per install and per dependency, and
  // before the engine optimizes them a for...of allocates a result per step.
  for (let index = 0; index < installed.length; index += 1) {
    const entry = installed[index];
    if (entry === undefined) continue;
    const key = `${entry.name}@${entry.version}#${entry.commit ?? ''}`;
    const existing = byKey.get(key);
    if (existing !== undefined) {
      byKey.set(key, mergeComponent(existing, entry));
      purlByPath.set(entry.path, existing.purl);
      continue;
    }
    let purl: string;
    try {
      purl = componentPurl('npm', entry.name, entry.version);
    } catch {
      problems.push({ file, line: entry.line, message: `${entry.path}: "${entry.name}" is not an npm package name` });
      continue;
    }
    purlByPath.set(entry.path, purl);
    byKey.set(key, newComponent(file, entry, purl));
  }
  const edges: DependencyEdge[] = [];
  // Targets by source rather than one joined key per edge: the purls are already hashed, a joined string of each edge is not.
  const seen = new Map<string, Set<string>>();
  for (let index = 0; index < installEdges.length; index += 1) {
    const edge = installEdges[index];
    if (edge === undefined) continue;
    const from = purlByPath.get(edge.from);
    const to = purlByPath.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    let targets = seen.get(from);
    if (targets === undefined) seen.set(from, (targets = new Set()));
    else if (targets.has(to)) continue;
    targets.add(to);
    edges.push({ from, to });
  }
  return { components: [...byKey.values()], edges, problems };
}

/** The component of a package's first install; fields set one by one (see model/mutable.ts). */
function newComponent(file: string, entry: InstalledPackage, purl: string): Component {
  const component: Mutable<Component> = { name: entry.name, version: entry.version, ecosystem: 'npm', purl, groups: entry.groups, location: { file, line: entry.line } };
  if (entry.scope !== undefined) component.scope = entry.scope;
  if (entry.direct !== undefined) component.direct = entry.direct;
  if (entry.commit !== undefined) component.commit = entry.commit;
  if (entry.integrity !== undefined) component.integrity = entry.integrity;
  if (entry.resolved !== undefined) component.resolved = entry.resolved;
  if (entry.license !== undefined && entry.license.trim() !== '') component.licenses = [entry.license];
  return component;
}

function mergeComponent(existing: Component, entry: InstalledPackage): Component {
  const scope = existing.scope === undefined ? entry.scope : entry.scope === undefined ? existing.scope : mergeScope(existing.scope, entry.scope);
  const direct = existing.direct === true || entry.direct === true ? true : existing.direct === undefined || entry.direct === undefined ? undefined : false;
  const { scope: _scope, direct: _direct, ...rest } = existing;
  const merged: Mutable<Component> = { ...rest, groups: mergeGroups(existing.groups, entry.groups) };
  if (scope !== undefined) merged.scope = scope;
  if (direct !== undefined) merged.direct = direct;
  return merged;
}

/**
 * A package with no group anywhere is a production dependency, and production wins; otherwise
 * the groups are united (OSV-SCALIBR `mergeNpmDepsGroups`).
 */
export function mergeGroups(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0 || b.length === 0) return [];
  return [...new Set([...a, ...b])].sort();
}

/** The scope a package has when it is installed for two reasons: the one closest to production. */
export function mergeScope(a: DependencyScope, b: DependencyScope): DependencyScope {
  return scopeRank[a] <= scopeRank[b] ? a : b;
}

const scopeRank: Readonly<Record<DependencyScope, number>> = { prod: 0, peer: 1, optional: 2, dev: 3 };
