import type { Component, Inventory } from '../model/index.js';

export interface PackageQuery {
  readonly name: string;
  readonly version?: string;
}

/** `NAME` or `NAME@VERSION`; a leading `@` belongs to an npm scope, not to a version. */
export function parsePackageQuery(text: string): PackageQuery {
  const at = text.lastIndexOf('@');
  if (at <= 0) return { name: text };
  return { name: text.slice(0, at), version: text.slice(at + 1) };
}

/**
 * Every dependency path that brings the queried package in: lists of purls from a root (a direct
 * dependency, or a package nothing depends on where the format does not say what is direct) to
 * the package. Cycles are cut; at most `limit` paths are returned, shortest first.
 */
export function dependencyPaths(inventory: Inventory, query: PackageQuery, limit = 100): string[][] {
  const targets = inventory.components.filter(
    (component) => component.name === query.name && (query.version === undefined || component.version === query.version),
  );
  const dependents = new Map<string, string[]>();
  for (const edge of inventory.edges) {
    const list = dependents.get(edge.to) ?? [];
    list.push(edge.from);
    dependents.set(edge.to, list);
  }
  const roots = rootsOf(inventory.components, dependents);

  const paths: string[][] = [];
  const seenPaths = new Set<string>();
  const walkUp = (purl: string, trail: string[]): void => {
    if (paths.length >= limit) return;
    const path = [purl, ...trail];
    const parents = (dependents.get(purl) ?? []).filter((parent) => !path.includes(parent));
    if (roots.has(purl) || parents.length === 0) {
      const key = path.join('\n');
      if (!seenPaths.has(key)) {
        seenPaths.add(key);
        paths.push(path);
      }
      if (parents.length === 0) return;
    }
    for (const parent of parents) walkUp(parent, path);
  };
  for (const target of new Set(targets.map((component) => component.purl))) walkUp(target, []);
  return paths.sort((a, b) => a.length - b.length);
}

/** Direct dependencies where the format tells; otherwise the packages nothing depends on. */
function rootsOf(components: readonly Component[], dependents: ReadonlyMap<string, readonly string[]>): Set<string> {
  const roots = new Set<string>();
  for (const component of components) {
    if (component.direct === true || (component.direct === undefined && !dependents.has(component.purl))) roots.add(component.purl);
  }
  return roots;
}
