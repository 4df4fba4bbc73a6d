/**
 * The scope of each package of a lockfile that records the graph but not why each package is
 * installed (bun.lock), decided the way npm decides its `dev` and `optional` flags: production
 * when a chain of required dependencies leads to it from the project, else optional when a chain
 * through an optional dependency does, else dev when only the project's devDependencies lead to it.
 */
import type { DependencyScope } from '../../model/index.js';

export type EdgeKind = 'prod' | 'optional' | 'dev';

/** `from` depends on `to` through one kind of dependency; `from` undefined is the project itself. */
export interface KindedEdge {
  readonly from: string | undefined;
  readonly to: string;
  readonly kind: EdgeKind;
}

export function reachableScopes(edges: readonly KindedEdge[]): Map<string, DependencyScope> {
  const outgoing = new Map<string, KindedEdge[]>();
  for (const edge of edges) {
    if (edge.from === undefined) continue;
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }
  const fromProject = (kind: EdgeKind): string[] => edges.filter((edge) => edge.from === undefined && edge.kind === kind).map((edge) => edge.to);
  const scopes = new Map<string, DependencyScope>();

  const walk = (starts: readonly string[], scope: DependencyScope, follows: (kind: EdgeKind) => boolean): void => {
    const queue = starts.filter((start) => !scopes.has(start));
    for (const start of queue) scopes.set(start, scope);
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const edge of outgoing.get(next) ?? []) {
        if (!follows(edge.kind) || scopes.has(edge.to)) continue;
        scopes.set(edge.to, scope);
        queue.push(edge.to);
      }
    }
  };
  // Packages only need their dependencies and optionalDependencies; devDependencies of installed packages are never installed.
  walk(fromProject('prod'), 'prod', (kind) => kind === 'prod');
  const optionalOfProd = edges.filter((edge) => edge.kind === 'optional' && edge.from !== undefined && scopes.get(edge.from) === 'prod').map((edge) => edge.to);
  walk([...fromProject('optional'), ...optionalOfProd], 'optional', (kind) => kind !== 'dev');
  walk(fromProject('dev'), 'dev', (kind) => kind !== 'dev');
  return scopes;
}
