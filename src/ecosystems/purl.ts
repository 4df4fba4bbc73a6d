/**
 * Package URLs (https://github.com/package-url/purl-spec) as plain objects. packageurl-js parses,
 * encodes and applies each type's normalization (PyPI names lower case with `-`, Composer and
 * Hex lower case, ...). Two documented deviations, both for Go:
 * - packageurl-js 2.0.1 crashes (a ReferenceError, not a purl error) on a `golang` version that
 *   starts with `v` but is not SemVer, such as the toolchain's `v1.21`; Go purls keep their
 *   version exactly as written, so the version is set after the library's validation.
 * - Go module paths keep their case (the spec's pending change, purl-spec #196), as the library
 *   already does.
 */
import { createRequire } from 'node:module';
import type { PackageURL } from 'packageurl-js';
import { InputError } from '../errors.js';
import type { Purl } from '../model/index.js';
import type { EcosystemErrorCode } from './ecosystem.js';

/** What {@link formatPurl} needs: a {@link Purl} whose absent parts may be left out. */
export type PurlParts = Pick<Purl, 'type' | 'name'> & { readonly [K in Exclude<keyof Purl, 'type' | 'name'>]?: Purl[K] };

/**
 * packageurl-js, loaded on first use: its module builds an Intl.Collator (~8 ms, measured) that
 * runs of ordinary packages never need (see {@link plainPurl}). Required rather than imported so
 * that the CLI bundle leaves it out of every start-up.
 */
const requireFromHere = createRequire(import.meta.url);
let packageUrlClass: typeof PackageURL | undefined;
function packageUrlLibrary(): typeof PackageURL {
  packageUrlClass ??= (requireFromHere('packageurl-js') as { readonly PackageURL: typeof PackageURL }).PackageURL;
  return packageUrlClass;
}

/** Longer purls are not package identities but hostile input. */
const maxPurlLength = 4096;

/**
 * Parses and normalizes a purl (`pkg:npm/%40angular/core@17.0.0`). Throws an InputError
 * `invalid-purl` naming the problem.
 */
export function parsePurl(text: string): Purl {
  if (text.length > maxPurlLength) throw invalidPurl(`${text.slice(0, 40)}...`, `longer than ${maxPurlLength} characters`);
  let parts: unknown[];
  try {
    parts = packageUrlLibrary().parseString(text);
  } catch (error) {
    throw invalidPurl(text, messageOf(error));
  }
  const [type, namespace, name, version, qualifiers, subpath] = parts as [unknown, string | undefined, unknown, string | undefined, URLSearchParams | undefined, string | undefined];
  if (typeof type !== 'string' || type === '') throw invalidPurl(text, 'no type');
  if (typeof name !== 'string' || name === '') throw invalidPurl(text, 'no name');
  return normalized(text, { type, namespace, name, version, qualifiers: qualifiers === undefined ? undefined : Object.fromEntries(qualifiers.entries()), subpath });
}

/** The canonical string of a purl (absent parts may be left out of the object), with the type's normalization applied. Throws `invalid-purl`. */
export function formatPurl(purl: PurlParts): string {
  return plainPurl(purl) ?? toPackageUrl(purl.type, purl).toString();
}

/**
 * How packageurl-js normalizes the namespace and name of the types {@link plainPurl} writes
 * (purl-spec PURL-TYPES): lower case for npm, PyPI, Composer and Hex, and `_` as `-` in PyPI names.
 */
const plainTypes: ReadonlyMap<string, { readonly namespace: (text: string) => string; readonly name: (text: string) => string }> = new Map(
  Object.entries({
    npm: { namespace: lowerCase, name: lowerCase },
    pypi: { namespace: lowerCase, name: (text: string) => lowerCase(text).replaceAll('_', '-') },
    composer: { namespace: lowerCase, name: lowerCase },
    hex: { namespace: lowerCase, name: lowerCase },
    cargo: { namespace: asWritten, name: asWritten },
    gem: { namespace: asWritten, name: asWritten },
    golang: { namespace: asWritten, name: asWritten },
    maven: { namespace: asWritten, name: asWritten },
    nuget: { namespace: asWritten, name: asWritten },
  }),
);
/** Characters encodeURIComponent leaves as they are; packageurl-js also leaves `:` and `+` in a version, `:` and `/` in a namespace. */
const plainName = /^[A-Za-z0-9\-_.!~*'()]+$/;
const plainVersion = /^[A-Za-z0-9\-_.!~*'()+:]+$/;
/** Segments without empty ones, so that packageurl-js's path normalization changes nothing; `@` is the one character encoded. */
const plainNamespace = /^[A-Za-z0-9\-_.!~*'():@]+(?:\/[A-Za-z0-9\-_.!~*'():@]+)*$/;

/**
 * The string packageurl-js writes, without it, for the common purl: a type of {@link plainTypes},
 * no qualifiers or subpath, and parts that need no percent-encoding but a namespace's `@`.
 * Inventories build one purl per package and the library's validation, normalization and
 * encoding dominated that; anything else (and every error) is left to the library.
 * purl.test.ts compares both over generated purls.
 */
export function plainPurl(purl: PurlParts): string | undefined {
  const { type, namespace, name, version } = purl;
  const rules = plainTypes.get(type);
  if (rules === undefined || purl.qualifiers !== undefined || purl.subpath !== undefined || !plainName.test(name)) return undefined;
  const hasNamespace = namespace !== undefined && namespace !== '';
  if (hasNamespace ? !plainNamespace.test(namespace) : type === 'maven') return undefined;
  const hasVersion = version !== undefined && version !== '';
  if (hasVersion && !plainVersion.test(version)) return undefined;
  return `pkg:${type}/${hasNamespace ? `${rules.namespace(namespace).replaceAll('@', '%40')}/` : ''}${rules.name(name)}${hasVersion ? `@${version}` : ''}`;
}

function lowerCase(text: string): string {
  return text.toLowerCase();
}

function asWritten(text: string): string {
  return text;
}

/** The purl with the type's normalization applied (`pkg:pypi/Django_X` → name `django-x`). */
function normalized(text: string, purl: Purl): Purl {
  const packageUrl = toPackageUrl(text, purl);
  return {
    type: packageUrl.type,
    namespace: packageUrl.namespace ?? undefined,
    name: packageUrl.name,
    version: packageUrl.version ?? undefined,
    qualifiers: packageUrl.qualifiers === undefined ? undefined : { ...packageUrl.qualifiers },
    subpath: packageUrl.subpath ?? undefined,
  };
}

function toPackageUrl(label: string, purl: PurlParts): PackageURL {
  const isGo = purl.type.toLowerCase() === 'golang';
  let packageUrl: PackageURL;
  try {
    packageUrl = new (packageUrlLibrary())(purl.type, purl.namespace, purl.name, isGo ? undefined : purl.version, purl.qualifiers === undefined ? undefined : { ...purl.qualifiers }, purl.subpath);
  } catch (error) {
    throw invalidPurl(label, messageOf(error));
  }
  if (isGo && purl.version !== undefined && purl.version !== '') packageUrl.version = purl.version;
  return packageUrl;
}

/** OSV's spelling of a purl namespace and name: the inverse of {@link splitName}. */
export function joinName(type: string, namespace: string | undefined, name: string): string {
  if (namespace === undefined || namespace === '') return name;
  switch (type.toLowerCase()) {
    case 'npm':
    case 'golang':
    case 'composer':
    case 'swift':
      return `${namespace}/${name}`;
    case 'maven':
      return `${namespace}:${name}`;
    default:
      // Distribution purls (deb, apk, rpm) carry the distribution as namespace, not in the name.
      return name;
  }
}

/**
 * A name as OSV spells it, split into purl namespace and name the way each type defines it
 * (purl-spec PURL-TYPES): npm `@scope/name`, Maven `groupId:artifactId`, Go module paths and
 * Composer `vendor/name` at the last `/`. A distribution ecosystem passes its namespace.
 */
export function splitName(type: string, name: string, distributionNamespace?: string): { namespace?: string; name: string } {
  const at = (separator: string): { namespace: string; name: string } => {
    const index = name.lastIndexOf(separator);
    return { namespace: name.slice(0, index), name: name.slice(index + 1) };
  };
  switch (type) {
    case 'npm':
      return name.startsWith('@') && name.includes('/') ? at('/') : { name };
    case 'maven':
      return name.includes(':') ? at(':') : { name };
    case 'golang':
    case 'composer':
    case 'swift':
      return name.includes('/') ? at('/') : { name };
    default:
      return distributionNamespace === undefined ? { name } : { namespace: distributionNamespace, name };
  }
}

function invalidPurl(text: string, reason: string): InputError {
  return new InputError('invalid-purl' satisfies EcosystemErrorCode, `invalid purl "${text}": ${reason}`);
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Invalid purl:\s*/i, '');
}
