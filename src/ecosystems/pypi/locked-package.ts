/**
 * What the Python lockfile extractors share once an entry is read: building its component (the
 * purl can fail on odd names), merging entries locked twice, and turning the dependencies each
 * entry records into edges. Names match as PEP 503 normalizes them.
 */
import type { Component, DependencyEdge, DependencyScope } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import { ecosystem as pypi, normalizePypiName } from './index.js';
import { satisfiesPep440 } from './specifiers.js';

/** One dependency an entry records: a name, and where the format gives them, a version or a specifier. */
export interface DependencyReference {
  readonly name: string;
  readonly version?: string;
  readonly specifier?: string;
}

export interface LockedPackage {
  readonly component: Component;
  readonly dependencies: readonly DependencyReference[];
}

export type ComponentFields = Omit<Component, 'ecosystem' | 'purl'>;

/** The component, or the problem message when no purl can be built from its name and version. */
export function pypiComponent(fields: ComponentFields): Component | string {
  try {
    return { ...fields, ecosystem: pypi.name, purl: componentPurl('pypi', fields.name, fields.version) };
  } catch (error) {
    return `${fields.name}@${fields.version}: no package URL can be built (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Entries with the same normalized name, version and commit become one (pdm locks a package once
 * more per extra). As for npm in the corpus, a production occurrence makes the merged entry
 * production; otherwise the groups are united. The first entry keeps its line.
 */
export function mergeLocked(locked: readonly LockedPackage[]): LockedPackage[] {
  const merged = new Map<string, LockedPackage>();
  for (const entry of locked) {
    const { component } = entry;
    const key = `${normalizePypiName(component.name)}@${component.version}#${component.commit ?? ''}`;
    const earlier = merged.get(key);
    if (earlier === undefined) {
      merged.set(key, entry);
      continue;
    }
    const groups = unitedGroups(earlier.component.groups, component.groups);
    const scope = widerScope(earlier.component.scope, component.scope);
    merged.set(key, {
      component: { ...earlier.component, groups, ...(scope === undefined ? {} : { scope }) },
      dependencies: [...earlier.dependencies, ...entry.dependencies],
    });
  }
  return [...merged.values()];
}

/** `[]` (production) wins over any group; otherwise the union, in order of appearance. */
export function unitedGroups(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length === 0 || b.length === 0) return [];
  return [...new Set([...a, ...b])];
}

/** Production is the widest scope, development the narrowest. */
const scopeOrder: readonly DependencyScope[] = ['prod', 'peer', 'optional', 'dev'];

export function widerScope(a: DependencyScope | undefined, b: DependencyScope | undefined): DependencyScope | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return scopeOrder.indexOf(a) <= scopeOrder.indexOf(b) ? a : b;
}

/**
 * One edge per dependency to the locked package of that name. When several versions are locked,
 * the recorded version, else the specifier, picks among them; a specifier that is not PEP 440
 * (Poetry writes `*`) or that no candidate satisfies keeps them all, since the lockfile resolved
 * one of them for some environment.
 */
export function dependencyEdges(locked: readonly LockedPackage[]): DependencyEdge[] {
  const byName = new Map<string, Component[]>();
  for (const { component } of locked) {
    const name = normalizePypiName(component.name);
    byName.set(name, [...(byName.get(name) ?? []), component]);
  }
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const { component, dependencies } of locked) {
    for (const dependency of dependencies) {
      for (const target of targetsOf(dependency, byName.get(normalizePypiName(dependency.name)) ?? [])) {
        const key = `${component.purl} ${target.purl}`;
        if (target.purl === component.purl || seen.has(key)) continue;
        seen.add(key);
        edges.push({ from: component.purl, to: target.purl });
      }
    }
  }
  return edges;
}

function targetsOf(dependency: DependencyReference, candidates: readonly Component[]): readonly Component[] {
  if (candidates.length <= 1) return candidates;
  const { version, specifier } = dependency;
  if (version !== undefined) return candidates.filter((candidate) => candidate.version === version);
  if (specifier === undefined || specifier === '') return candidates;
  try {
    const satisfying = candidates.filter((candidate) => satisfiesPep440(candidate.version, specifier));
    return satisfying.length > 0 ? satisfying : candidates;
  } catch {
    return candidates;
  }
}

/** The commit of a git reference when it is a full hexadecimal object id, else undefined (a branch or tag name). */
export function commitOf(reference: string | undefined): string | undefined {
  return reference !== undefined && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(reference) ? reference : undefined;
}
