/**
 * Go's `path` package (Clean, Base, Dir, Join) and a reading of `url.Parse` good enough for the
 * path of a download URL. Scorecard compares file names through these functions; Node's
 * `path.posix` differs at the edges (it keeps trailing slashes, `normalize('')` is '.', `dirname`
 * of 'a/' is '.'), and those edges decide whether `bash ./file` runs a downloaded `file`.
 */

/** path.Clean: the shortest equivalent path by lexical processing (https://pkg.go.dev/path#Clean). */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element, trailing slashes removed; '.' for an empty path, '/' for a root. */
export function basePath(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

/** path.Dir: everything but the last element, cleaned. */
export function dirPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(path.slice(0, slash + 1));
}

/** path.Join: the elements joined with '/', empty ones ignored, cleaned. */
export function joinPath(...elements: string[]): string {
  const kept = elements.filter((element) => element !== '');
  return kept.length === 0 ? '' : cleanPath(kept.join('/'));
}

export type UrlPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

/**
 * The unescaped path of a URL as Go's url.Parse sees it: no fragment, no query, no scheme and
 * authority when the URL has `scheme://`; an opaque URL (`scheme:rest`) has an empty path. Fails
 * where Go fails: a control character, or a `%` not followed by two hexadecimal digits.
 */
export function urlPath(raw: string): UrlPath {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return { ok: false, message: `invalid control character in URL ${JSON.stringify(raw)}` };
  let rest = raw;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  if (question >= 0) rest = rest.slice(0, question);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (scheme !== null) {
    rest = rest.slice(scheme[0].length);
    if (!rest.startsWith('/')) return { ok: true, path: '' };
  } else if (/^[^/]*:/.test(rest)) {
    return { ok: false, message: `first path segment in URL cannot contain colon: ${JSON.stringify(raw)}` };
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  if (/%(?![0-9a-fA-F]{2})/.test(rest)) return { ok: false, message: `invalid URL escape in ${JSON.stringify(raw)}` };
  try {
    return { ok: true, path: decodeURIComponent(rest) };
  } catch {
    // A percent-encoded byte sequence that is not UTF-8: Go keeps the bytes; the name is still usable.
    return { ok: true, path: rest };
  }
}
