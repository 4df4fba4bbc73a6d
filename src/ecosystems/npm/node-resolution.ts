/**
 * Node's module resolution over the install paths of a lockfile
 * (https://nodejs.org/api/modules.html#loading-from-node_modules-folders): from a package in
 * `dir`, `name` is looked for in `dir/node_modules/name`, then in the `node_modules` of each
 * parent folder up to the root, skipping folders that are themselves `node_modules`.
 */

/** Real install paths are a few dozen folders deep; deeper ones are not walked. */
const maxSegments = 512;
const slash = 0x2f;

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

/**
 * {@link resolveInstallPath} over a fixed set of install paths, answering from an index of the
 * paths by the name they install instead of building and looking up a candidate path per folder:
 * for a lockfile of a few thousand packages the candidates' string building and hashing was the
 * largest cost of reading it before the engine had optimized anything (measured). The answer is
 * the same (node-resolution.test.ts compares both on generated trees); a path or name with an
 * empty segment, or a name containing `node_modules`, is resolved by the walk itself.
 */
export function installPathResolver(paths: Iterable<string>): (fromDir: string, name: string) => string | undefined {
  const installed = new Set(paths);
  // Each path under the folder whose node_modules holds it: `a/node_modules/@s/b` is `@s/b` in `a`.
  const byName = new Map<string, { readonly path: string; readonly folder: string }[]>();
  installed.forEach((path) => {
    const inner = path.lastIndexOf('/node_modules/');
    const folder = inner > 0 ? path.slice(0, inner) : inner === -1 && path.startsWith('node_modules/') ? '' : undefined;
    if (folder === undefined) return;
    const name = path.slice(folder === '' ? 'node_modules/'.length : inner + '/node_modules/'.length);
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [{ path, folder }]);
    else list.push({ path, folder });
  });
  const isInstalled = (path: string): boolean => installed.has(path);
  return (fromDir, name) => {
    if (!isPlainPath(fromDir, true) || !isPlainPath(name, false) || name.includes('node_modules')) return resolveInstallPath(fromDir, name, isInstalled);
    if (fromDir !== '' && segmentCount(fromDir) > maxSegments) return undefined;
    // The deepest folder from `fromDir` up whose node_modules holds `name`, as the walk finds it;
    // the walk never looks in a folder that is itself `node_modules`.
    let best: { readonly path: string; readonly folder: string } | undefined;
    const candidates = byName.get(name) ?? [];
    // An indexed loop: this runs once per declared dependency, and a cold for...of allocates per step.
    for (let index = 0; index < candidates.length; index += 1) {
      const candidate = candidates[index];
      if (candidate === undefined) continue;
      const { folder } = candidate;
      const isAncestor = folder === '' || folder === fromDir || (fromDir.charCodeAt(folder.length) === slash && fromDir.startsWith(folder));
      if (!isAncestor || folder === 'node_modules' || folder.endsWith('/node_modules')) continue;
      if (best === undefined || folder.length > best.folder.length) best = candidate;
    }
    return best?.path;
  };
}

/** No empty segment (`a//b`, a leading or trailing `/`); `''` is plain only where it means the root. */
function isPlainPath(path: string, emptyIsRoot: boolean): boolean {
  if (path === '') return emptyIsRoot;
  return !path.startsWith('/') && !path.endsWith('/') && !path.includes('//');
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
