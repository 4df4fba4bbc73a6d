/**
 * Node's module resolution over the install paths of a lockfile
 * (https://nodejs.org/api/modules.html#loading-from-node_modules-folders): from a package in
 * `dir`, `name` is looked for in `dir/node_modules/name`, then in the `node_modules` of each
 * parent folder up to the root, skipping folders that are themselves `node_modules`.
 */

/** Real install paths are a few dozen folders deep; deeper ones are not walked. */
const maxSegments = 512;

/** The install path `name` resolves to from `fromDir` (`''` is the project root), or undefined. */
export function resolveInstallPath(fromDir: string, name: string, isInstalled: (path: string) => boolean): string | undefined {
  const segments = fromDir === '' ? [] : fromDir.split('/');
  if (segments.length > maxSegments) return undefined;
  for (let count = segments.length; count >= 0; count -= 1) {
    if (count > 0 && segments[count - 1] === 'node_modules') continue;
    const candidate = [...segments.slice(0, count), 'node_modules', name].join('/');
    if (isInstalled(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The package name an install path gives: the part after the last `node_modules/`
 * (`node_modules/a/node_modules/@s/b` → `@s/b`). A path outside `node_modules` (a workspace
 * folder, a `file:` dependency) gives its last folder, with its scope folder when it has one.
 */
export function nameFromInstallPath(path: string): string {
  const segments = path.split('/');
  const marker = segments.lastIndexOf('node_modules');
  if (marker !== -1) return segments.slice(marker + 1).join('/');
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2];
  return parent?.startsWith('@') === true ? `${parent}/${last}` : last;
}
