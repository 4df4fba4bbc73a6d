/**
 * A purl as people write the package: `name@version` with the name spelt as OSV does
 * (`@babel/core`, `org.apache.commons:commons-lang3`, `github.com/gin-gonic/gin`). Renderers show
 * dependency paths, which hold only purls, this way.
 */

/**
 * Namespace and name percent-decoded and joined with `/` (`:` for Maven), qualifiers and subpath
 * left out (purl-spec, "How to parse a purl string in its components"). Text that is no purl is
 * returned as it is: a label must never fail a report.
 */
export function purlLabel(purl: string): string {
  const match = /^pkg:\/*([^/]+)\/+([^?#]+?)(?:@([^/?#]*))?(?:[?#].*)?$/.exec(purl);
  if (match === null) return purl;
  const [, type = '', path = '', version] = match;
  const segments = path.split('/').filter((segment) => segment !== '').map(decoded);
  const name = type.toLowerCase() === 'maven' && segments.length > 1 ? `${segments.slice(0, -1).join('.')}:${segments.at(-1) ?? ''}` : segments.join('/');
  return version === undefined || version === '' ? name : `${name}@${decoded(version)}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
