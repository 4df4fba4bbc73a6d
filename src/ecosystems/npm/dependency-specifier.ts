/**
 * What the value of a package.json dependency names, after npm-package-arg
 * (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies): a registry range, an
 * alias (`npm:real-name@range`), a dist-tag, a git repository, a tarball URL or a local folder.
 */
import semver from 'semver';

export interface DeclaredDependency {
  /** The registry name: the aliased package for `npm:`, else the key. */
  readonly name: string;
  /** The lowest version the range admits (semver.minVersion); `""` when the value is no registry range. */
  readonly version: string;
  /** The range as declared (for an alias, the range after the real name); other values as written. */
  readonly versionRange: string;
  readonly commit?: string;
  /** Where a git, tarball or local dependency comes from. */
  readonly resolved?: string;
}

// npm and the package managers that read package.json (yarn, pnpm, bun) use these for folders and workspaces.
const localPrefixes = ['file:', 'link:', 'workspace:', 'portal:', 'catalog:'];
const localPath = /^(?:\.{1,2}(?:\/|$)|\/|~\/)/;
const gitPrefixes = /^(?:git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)/i;
const gitHostUrl = /^https?:\/\/(?:[^/@]+@)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/#]+(?:#.*)?$/i;
/** GitHub shorthand: `owner/repo` or `owner/repo#ref` (a range never contains `/`). */
const githubShorthand = /^[^@\s/:]+\/[^/\s]+$/;
const loose = { loose: true } as const;
/**
 * `1.2.3`, `^1.2.3` or `~1.2.3`, what most package.json files write: its lowest version is the one
 * written, so semver (~5 ms on its first few dozen ranges, measured) is not needed. Numbers have no
 * leading zero and at most 15 digits, below the Number.MAX_SAFE_INTEGER semver accepts.
 */
const plainRange = /^[\^~]?((?:0|[1-9]\d{0,14})\.(?:0|[1-9]\d{0,14})\.(?:0|[1-9]\d{0,14}))$/;

export function readSpecifier(key: string, value: string): DeclaredDependency {
  const spec = value.trim();
  if (spec.startsWith('npm:')) {
    // `npm:@scope/name@range`: the name ends at the first `@` after the scope's.
    const aliased = spec.slice('npm:'.length);
    const at = aliased.indexOf('@', aliased.startsWith('@') ? 1 : 0);
    return at === -1 ? registryRange(aliased, '') : registryRange(aliased.slice(0, at), aliased.slice(at + 1));
  }
  if (localPrefixes.some((prefix) => spec.startsWith(prefix)) || localPath.test(spec)) {
    // The version lives in the folder or workspace, not in the registry.
    return { name: key, version: '', versionRange: value, resolved: spec };
  }
  if (gitPrefixes.test(spec) || gitHostUrl.test(spec) || /^https?:\/\/.+\.git(?:#.*)?$/i.test(spec)) return gitDependency(key, value, spec);
  if (/^https?:\/\//i.test(spec)) return { name: key, version: '', versionRange: value, resolved: spec };
  const plain = plainRange.exec(spec)?.[1];
  if (plain !== undefined) return { name: key, version: plain, versionRange: value };
  if (semver.validRange(spec, loose) !== null) return registryRange(key, value);
  if (githubShorthand.test(spec)) return gitDependency(key, value, spec);
  // A dist-tag (`latest`, `next`): no version can be read without the registry.
  return { name: key, version: '', versionRange: value };
}

function registryRange(name: string, range: string): DeclaredDependency {
  return { name, version: lowestVersion(range), versionRange: range };
}

function lowestVersion(range: string): string {
  try {
    return semver.validRange(range, loose) === null ? '' : (semver.minVersion(range, loose)?.version ?? '');
  } catch {
    return '';
  }
}

/** The committish after `#` is a commit when it looks like an (abbreviated) hash; branches, tags and `semver:` ranges are not. */
function gitDependency(key: string, value: string, spec: string): DeclaredDependency {
  const hash = spec.indexOf('#');
  const committish = hash === -1 ? '' : spec.slice(hash + 1);
  return { name: key, version: '', versionRange: value, resolved: spec, ...(/^[0-9a-f]{7,40}$/i.test(committish) ? { commit: committish } : {}) };
}
