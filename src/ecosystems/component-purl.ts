import { PackageURL } from 'packageurl-js';

/**
 * The Package URL of a component, from the name as OSV spells it. The name is split into purl
 * namespace and name the way each purl type defines it (purl-spec PURL-TYPES): npm `@scope/name`,
 * Maven `groupId:artifactId`, Go module paths and Composer `vendor/name` at the last `/`. A
 * distribution ecosystem passes its namespace (`debian`, `alpine`). An empty version is left out.
 * packageurl-js applies each type's normalization (PyPI names lower case with `-`, and so on).
 */
export function componentPurl(type: string, name: string, version: string, distributionNamespace?: string): string {
  const [namespace, baseName] = splitName(type, name, distributionNamespace);
  return new PackageURL(type, namespace, baseName, version === '' ? undefined : version, undefined, undefined).toString();
}

function splitName(type: string, name: string, distributionNamespace: string | undefined): [string | undefined, string] {
  switch (type) {
    case 'npm':
      return name.startsWith('@') && name.includes('/') ? atLast(name, '/') : [undefined, name];
    case 'maven':
      return name.includes(':') ? atLast(name, ':') : [undefined, name];
    case 'golang':
    case 'composer':
    case 'swift':
      return name.includes('/') ? atLast(name, '/') : [undefined, name];
    default:
      return [distributionNamespace, name];
  }
}

function atLast(name: string, separator: string): [string, string] {
  const index = name.lastIndexOf(separator);
  return [name.slice(0, index), name.slice(index + 1)];
}
