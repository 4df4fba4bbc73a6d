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
  // The folders from `fromDir` up to the root are its prefixes that end before a `/`; this runs
  // once per declared dependency of every package, so it slices instead of splitting and joining.
  if (fromDir !== '' && segmentCount(fromDir) > maxSegments) return undefined;
  const suffix = `node_modules/${name}`;
  for (let end = fromDir === '' ? -1 : fromDir.length; end !== -1; ) {
    const start = end === 0 ? -1 : fromDir.lastIndexOf('/', end - 1);
    // A folder that is itself `node_modules` holds packages, never a `node_modules` of its own.
    if (end - start - 1 !== 'node_modules'.length || !fromDir.startsWith('node_modules', start + 1)) {
      const candidate = `${fromDir.slice(0, end)}/${suffix}`;
      if (isInstalled(candidate)) return candidate;
    }
    end = start;
  }
  return isInstalled(suffix) ? suffix : undefined;
}

function segmentCount(path: string): number {
  let count = 1;
  for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) count += 1;
  return count;
}

/**
 * The package name an install path gives: the part after the last `node_modules/`
 * (`node_modules/a/node_modules/@s/b` → `@s/b`). A path outside `node_modules` (a workspace
 * folder, a `file:` dependency) gives its last folder, with its scope folder when it has one.
 */
export function nameFromInstallPath(path: string): string {
  // The part after the last `node_modules` segment, found without splitting: this runs for every
  // package of a lockfile that does not write its name.
  if (path === 'node_modules' || path.endsWith('/node_modules')) return '';
  const inner = path.lastIndexOf('/node_modules/');
  if (inner !== -1) return path.slice(inner + '/node_modules/'.length);
  if (path.startsWith('node_modules/')) return path.slice('node_modules/'.length);
  const segments = path.split('/');
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2];
  return parent?.startsWith('@') === true ? `${parent}/${last}` : last;
}
