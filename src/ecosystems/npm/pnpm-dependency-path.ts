/**
 * The name and version a pnpm dependency path (a key of `packages` or `snapshots`) names, in the
 * syntax of each lockfile version (pnpm's `dependency-path` package):
 *   5.x  `/name/1.0.0`, `/@scope/name/1.0.0`, peers after `_`: `/name/1.0.0_peer@2.0.0+other@1.0.0`
 *   6.0  `/name@1.0.0`, `/@scope/name@1.0.0`, peers in parentheses: `/name@1.0.0(peer@2.0.0)`
 *   9.0  `name@1.0.0`, `@scope/name@1.0.0` (peers only in `snapshots` keys)
 * Before 9.0 a path may start with a registry host (`registry.example.com/name/1.0.0`). Git,
 * tarball and folder paths (`github.com/owner/repo/<commit>`, `name@https://codeload...`,
 * `file:../folder`) name no version: the entry's `name` and `version` fields do.
 */

export type PathSyntax = 'v5' | 'v9';

/** A name and version (either `""` when the path does not give it), or a path of no known form. */
export type DependencyPath = { readonly name: string; readonly version: string } | { readonly invalid: true };

const unnamed: DependencyPath = { name: '', version: '' };

/** The syntax of a lockfile version: 5.x and 6.0 write paths, 9.0 writes `name@version`. */
export function pathSyntax(lockfileVersion: string | undefined): PathSyntax {
  return Number.parseFloat(lockfileVersion ?? '') >= 9 ? 'v9' : 'v5';
}

export function readDependencyPath(path: string, syntax: PathSyntax): DependencyPath {
  if (path.startsWith('file:') || path.startsWith('link:')) return unnamed;
  return syntax === 'v9' ? readNameAtVersion(path) : readPath(path);
}

/** The path without its peer suffix (`(peer@2.0.0)`, 6.0 and later): the 9.0 `packages` key of a snapshot. */
export function withoutPeers(path: string): string {
  const open = path.indexOf('(');
  return open === -1 ? path : path.slice(0, open);
}

function readNameAtVersion(path: string): DependencyPath {
  const at = path.indexOf('@', 1);
  if (at === -1) return { invalid: true };
  const version = withoutPeers(path.slice(at + 1));
  return { name: path.slice(0, at), version: /^\d/.test(version) ? version : '' };
}

function readPath(path: string): DependencyPath {
  const segments = withoutPeers(path).split('/');
  if (segments.length < 2) return { invalid: true };
  // The first segment is the registry host, empty for the default registry.
  const rest = segments.slice(1);
  const nameLength = rest[0]?.startsWith('@') === true ? 2 : 1;
  let name = rest.slice(0, nameLength).join('/');
  let version = rest[nameLength] ?? '';
  if (version === '') {
    const at = name.indexOf('@', 1);
    if (at !== -1) [name, version] = [name.slice(0, at), name.slice(at + 1)];
  }
  // 5.x appends the peers after `_`, which no npm version contains.
  version = version.split('_')[0] ?? '';
  // `github.com/owner/repo/<commit>` reads as name `owner`, version `repo`: not a version.
  return /^\d/.test(version) ? { name, version } : unnamed;
}
