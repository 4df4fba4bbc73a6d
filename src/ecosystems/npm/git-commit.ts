/**
 * The git commit named by a lockfile's resolution of a git, GitHub or tarball dependency. The
 * rules follow OSV-SCALIBR's `commitextractor` (the source of the lockfile corpus), rewritten
 * without nested unbounded quantifiers so that a long hostile string costs linear time.
 */

/** `https://codeload.github.com/<owner>/<repo>/tar.gz/<commit>`: GitHub's tarball of one commit. */
const codeloadPattern = /^https:\/\/codeload\.github\.com(?:\/[\w.-]+){2}\/tar\.gz\/(\w+)$/;
/** `git://`, `git+ssh://`, `git+https://` or `ssh://`, at the start or after `name@`. */
const gitSchemePattern = /(?:^|@)(?:git(?:\+(?:ssh|https))?|ssh):\/\/./;
const httpsSchemePattern = /(?:^|@)https:\/\/./;
const hostedShorthandPattern = /^(?:github|gitlab|bitbucket):./;
const commitFragmentPattern = /^commit[:=](\w+)$/;
const gitHosts = new Set(['bitbucket.org', 'github.com', 'gitlab.com']);

export function codeloadCommit(url: string): string | undefined {
  return codeloadPattern.exec(url)?.[1];
}

/**
 * From, in order: a git URL ending in `#<commit>`; an `https://...git#<commit>` URL; a codeload
 * tarball; a `#commit=<sha>` or `#commit:<sha>` fragment (yarn berry); a `github:`/`gitlab:`/
 * `bitbucket:` shorthand ending in `#<ref>`; else, for a URL on github.com, gitlab.com or
 * bitbucket.org, its fragment or its `ref` query parameter.
 */
export function gitCommit(resolution: string): string | undefined {
  const hash = resolution.lastIndexOf('#');
  const beforeHash = hash === -1 ? resolution : resolution.slice(0, hash);
  const fragment = hash === -1 ? undefined : resolution.slice(hash + 1);
  const word = fragment !== undefined && /^\w+$/.test(fragment) ? fragment : undefined;
  if (word !== undefined && gitSchemePattern.test(beforeHash)) return word;
  if (word !== undefined && beforeHash.endsWith('.git') && httpsSchemePattern.test(beforeHash.slice(0, -'.git'.length))) return word;
  const codeload = codeloadCommit(resolution);
  if (codeload !== undefined) return codeload;
  const commit = hash > 0 && fragment !== undefined ? commitFragmentPattern.exec(fragment)?.[1] : undefined;
  if (commit !== undefined) return commit;
  if (word !== undefined && hostedShorthandPattern.test(beforeHash)) return word;
  return hostedUrlCommit(resolution);
}

/** Printable ASCII without `%`: text the URL parser cannot turn into another host name (no escapes, no Unicode mapping, no dropped tabs). */
const literalAscii = /^[!-$&-~]*$/;
const gitHostName = /github|gitlab|bitbucket/i;

function hostedUrlCommit(resolution: string): string | undefined {
  // Nearly every resolution is a registry tarball; parsing each as a URL only to learn that its
  // host is no git host was a measurable part of reading a large lockfile.
  if (literalAscii.test(resolution) && !gitHostName.test(resolution)) return undefined;
  let url: URL;
  try {
    url = new URL(resolution);
  } catch {
    return undefined;
  }
  if (!gitHosts.has(url.host)) return undefined;
  const commit = url.search === '' ? url.hash.slice(1) : (url.searchParams.get('ref') ?? '');
  return commit === '' ? undefined : commit;
}
