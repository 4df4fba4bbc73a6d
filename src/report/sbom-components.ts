/**
 * What an SBOM shows of an inventory, shared by the CycloneDX and SPDX renderers: one component
 * per distinct purl with its occurrences merged, the dependency graph between them, hashes decoded
 * from the lockfiles' integrity strings, and the digest that names a deterministic document.
 */
import { createHash, randomUUID } from 'node:crypto';
import { InternalError } from '../errors.js';
import type { Component, DependencyScope, Inventory } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';

export interface SbomOptions {
  /** The name of the scanned folder: the SBOM's root component. */
  readonly rootName: string;
  /** Trustline's version, for the tool entry. */
  readonly toolVersion: string;
  /**
   * Byte-identical output for the same input: no random serial number or namespace (both are
   * derived from a digest of the content), and no timestamp unless `created` is given.
   */
  readonly deterministic: boolean;
  /** The creation time to record (now, or SOURCE_DATE_EPOCH); none in deterministic mode without one. */
  readonly created?: Date;
}

export type SbomHashAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface SbomHash {
  readonly algorithm: SbomHashAlgorithm;
  /** Lower-case hex. */
  readonly hex: string;
}

/** Where a package came from, when the lockfile records a URL an SBOM can carry. */
export interface SourceReference {
  /** With any credentials removed. */
  readonly url: string;
  /** A downloadable artifact (http, https) or a version-control location (git, git+https, ssh). */
  readonly kind: 'distribution' | 'vcs';
}

/** One component per distinct purl. */
export interface SbomComponent {
  readonly purl: string;
  readonly name: string;
  readonly ecosystem: string;
  /** Absent when no occurrence names an installed version (unpinned or unversioned). */
  readonly version?: string;
  /** The declared range when every occurrence is unpinned. */
  readonly versionRange?: string;
  /** The most required scope of any occurrence; absent when one occurrence could not tell and none is prod or peer. */
  readonly scope?: DependencyScope;
  /** Sorted by algorithm; one value per algorithm (the first occurrence's). */
  readonly hashes: readonly SbomHash[];
  /** Licence texts as the inputs give them, deduplicated and sorted. */
  readonly licenses: readonly string[];
  readonly source?: SourceReference;
  /** Purls of the components this one depends on, sorted. */
  readonly dependsOn: readonly string[];
}

export interface SbomContent {
  readonly rootName: string;
  readonly toolVersion: string;
  /** Sorted by purl (by UTF-16 code units, so no locale can reorder them). */
  readonly components: readonly SbomComponent[];
  /** What the root depends on: see {@link sbomContent}. */
  readonly rootDependsOn: readonly string[];
}

/**
 * The SBOM view of an inventory. The root depends on every component an input declares direct,
 * and on every component whose input cannot tell (`direct` absent) that nothing else depends on
 * (Cargo.lock lists the project's own crates that way); edges to purls that are not components,
 * and self-edges, are dropped.
 */
export function sbomContent(inventory: Inventory, options: Pick<SbomOptions, 'rootName' | 'toolVersion'>): SbomContent {
  // forEach rather than for...of, which allocates a result per step before the engine optimizes
  // it: these run once per component and per edge of inventories of thousands of packages.
  const byPurl = new Map<string, Component[]>();
  inventory.components.forEach((component) => {
    const occurrences = byPurl.get(component.purl);
    if (occurrences === undefined) byPurl.set(component.purl, [component]);
    else occurrences.push(component);
  });
  // Targets in lists, deduplicated once sorted (see sortedUnique): a set per component cost more.
  const dependsOn = new Map<string, string[]>();
  const hasParent = new Set<string>();
  inventory.edges.forEach(({ from, to }) => {
    if (from === to || !byPurl.has(from) || !byPurl.has(to)) return;
    const targets = dependsOn.get(from);
    if (targets === undefined) dependsOn.set(from, [to]);
    else targets.push(to);
    hasParent.add(to);
  });
  // sort() without a comparator orders strings by UTF-16 code units, as `<` does: the same on
  // every machine (unlike localeCompare), and without a call back into JavaScript per comparison.
  const purls = [...byPurl.keys()].sort();
  const rootDependsOn = purls.filter((purl) => {
    const occurrences = byPurl.get(purl) ?? [];
    if (occurrences.some((component) => component.direct === true)) return true;
    return occurrences.every((component) => component.direct === undefined) && !hasParent.has(purl);
  });
  const components = purls.map((purl) => mergeOccurrences(byPurl.get(purl) ?? [], sortedUnique(dependsOn.get(purl) ?? [])));
  return { rootName: options.rootName, toolVersion: options.toolVersion, components, rootDependsOn };
}

/** The strings sorted (by UTF-16 code units) without repeats; sorts `strings` in place. */
function sortedUnique(strings: string[]): string[] {
  // Most components have a few dependencies, and sort() copies the list each time: an insertion
  // sort in place is cheaper for those (by `<`, the order sort() gives strings).
  if (strings.length <= 8) {
    for (let index = 1; index < strings.length; index += 1) {
      const text = strings[index] ?? '';
      let at = index;
      for (; at > 0 && text < (strings[at - 1] ?? ''); at -= 1) strings[at] = strings[at - 1] ?? '';
      strings[at] = text;
    }
  } else {
    strings.sort();
  }
  let kept = 0;
  for (const text of strings) if (kept === 0 || strings[kept - 1] !== text) strings[kept++] = text;
  strings.length = kept;
  return strings;
}

function mergeOccurrences(occurrences: readonly Component[], dependsOn: readonly string[]): SbomComponent {
  const first = occurrences[0];
  if (first === undefined) throw new InternalError('sbom-purl-without-component', 'a purl without a component');
  const pinned = occurrences.find((component) => component.unpinned !== true && component.version !== '');
  const range = occurrences.find((component) => component.unpinned === true && component.versionRange !== undefined)?.versionRange;
  const scope = mergedScope(occurrences);
  // Set field by field rather than with conditional spreads: see model/mutable.ts.
  const component: Mutable<SbomComponent> = { purl: first.purl, name: first.name, ecosystem: first.ecosystem, hashes: mergedHashes(occurrences), licenses: mergedLicenses(occurrences), dependsOn };
  if (pinned !== undefined) component.version = pinned.version;
  else if (range !== undefined) component.versionRange = range;
  if (scope !== undefined) component.scope = scope;
  const source = firstSource(occurrences);
  if (source !== undefined) component.source = source;
  return component;
}

/** One hash per algorithm, the first occurrence's, sorted by algorithm. */
function mergedHashes(occurrences: readonly Component[]): SbomHash[] {
  // One occurrence with one integrity string is the common case; it needs neither the map nor the sort.
  if (occurrences.length === 1) {
    const hashes = decodeIntegrity(occurrences[0]?.integrity ?? '');
    return hashes.length === 1 ? hashes : sortedUniqueHashes(hashes);
  }
  return sortedUniqueHashes(occurrences.flatMap((component) => decodeIntegrity(component.integrity ?? '')));
}

function sortedUniqueHashes(hashes: readonly SbomHash[]): SbomHash[] {
  const byAlgorithm = new Map<SbomHashAlgorithm, string>();
  for (const hash of hashes) if (!byAlgorithm.has(hash.algorithm)) byAlgorithm.set(hash.algorithm, hash.hex);
  return [...byAlgorithm.keys()].sort().map((algorithm) => ({ algorithm, hex: byAlgorithm.get(algorithm) ?? '' }));
}

/** The licence texts of all occurrences, trimmed, deduplicated and sorted. */
function mergedLicenses(occurrences: readonly Component[]): string[] {
  // One occurrence with one licence is the common case; it needs neither the set nor the sort.
  const only = occurrences.length === 1 ? occurrences[0]?.licenses : undefined;
  if (only?.length === 1) {
    const text = only[0]?.trim() ?? '';
    return text === '' ? [] : [text];
  }
  if (occurrences.every((component) => component.licenses === undefined || component.licenses.length === 0)) return [];
  return [...new Set(occurrences.flatMap((component) => component.licenses ?? []).map((text) => text.trim()))].filter((text) => text !== '').sort();
}

/** The source of the first occurrence with a usable `resolved`. */
function firstSource(occurrences: readonly Component[]): SourceReference | undefined {
  for (const component of occurrences) {
    const source = sourceReference(component.resolved);
    if (source !== undefined) return source;
  }
  return undefined;
}

/** Needed at run time ranks first: an occurrence that cannot tell may be needed, so it outranks optional and dev. */
const scopeRank = { prod: 0, peer: 1, unknown: 2, optional: 3, dev: 4 } as const;

function mergedScope(occurrences: readonly Component[]): DependencyScope | undefined {
  let best: keyof typeof scopeRank = 'dev';
  for (const component of occurrences) {
    const scope = component.scope ?? 'unknown';
    if (scopeRank[scope] < scopeRank[best]) best = scope;
  }
  return best === 'unknown' ? undefined : best;
}

const integrityAlgorithms: ReadonlyMap<string, { readonly algorithm: SbomHashAlgorithm; readonly bytes: number }> = new Map([
  ['sha1', { algorithm: 'SHA-1', bytes: 20 }],
  ['sha256', { algorithm: 'SHA-256', bytes: 32 }],
  ['sha384', { algorithm: 'SHA-384', bytes: 48 }],
  ['sha512', { algorithm: 'SHA-512', bytes: 64 }],
]);
const base64Value = /^[A-Za-z0-9+/]+={0,2}$/;
const whitespace = /\s/;
const whitespaceRun = /\s+/;
/** Where each digest is decoded before it is written as hex: large enough for SHA-512. */
const digestBytes = Buffer.allocUnsafe(64);

/**
 * The hashes of a Subresource Integrity string (https://www.w3.org/TR/SRI/#the-integrity-attribute):
 * whitespace-separated `alg-base64[?options]`. Unknown algorithms and values of the wrong length
 * are skipped rather than carried into an SBOM as a wrong hash.
 */
export function decodeIntegrity(integrity: string): SbomHash[] {
  // Nearly every integrity string is one token, and splitting on a regular expression was half
  // the cost of this function (measured on 1,815 packages), so a single token is not split.
  if (!whitespace.test(integrity)) {
    const hash = decodeIntegrityToken(integrity);
    return hash === undefined ? [] : [hash];
  }
  const hashes: SbomHash[] = [];
  for (const token of integrity.split(whitespaceRun)) {
    const hash = decodeIntegrityToken(token);
    if (hash !== undefined) hashes.push(hash);
  }
  return hashes;
}

/**
 * One `alg-base64[?options]` token. Decoded into one reused buffer rather than a new one per
 * token: this runs once per package of an SBOM, and the buffers were a measurable part of it.
 */
function decodeIntegrityToken(token: string): SbomHash | undefined {
  const dash = token.indexOf('-');
  const spec = dash === -1 ? undefined : integrityAlgorithms.get(token.slice(0, dash));
  if (spec === undefined) return undefined;
  const query = token.indexOf('?', dash);
  const value = query === -1 ? token.slice(dash + 1) : token.slice(dash + 1, query);
  if (!base64Value.test(value)) return undefined;
  // What base64 of this length decodes to (each character carries 6 bits, padding none), as Node
  // decodes it with or without the padding: the wrong length is another algorithm's value, or none.
  let padding = 0;
  while (padding < value.length && value.charCodeAt(value.length - 1 - padding) === 0x3d) padding += 1;
  if (Math.floor(((value.length - padding) * 6) / 8) !== spec.bytes) return undefined;
  digestBytes.write(value, 0, spec.bytes, 'base64');
  return { algorithm: spec.algorithm, hex: digestBytes.toString('hex', 0, spec.bytes) };
}

/**
 * `resolved` as an SBOM reference: http(s) URLs are distributions, git URLs are version control;
 * anything else (`registry+https://...` of Cargo, paths) is not a place to fetch the package from.
 * Credentials are removed, since lockfiles of private registries sometimes carry a token.
 */
export function sourceReference(resolved: string | undefined): SourceReference | undefined {
  if (resolved === undefined) return undefined;
  if (isPlainHttpUrl(resolved)) return { url: resolved, kind: 'distribution' };
  let url: URL;
  try {
    url = new URL(resolved);
  } catch {
    return undefined;
  }
  const kind = url.protocol === 'http:' || url.protocol === 'https:' ? 'distribution' : /^(git|git\+[a-z]+|ssh):$/.test(url.protocol) ? 'vcs' : undefined;
  if (kind === undefined || url.host === '') return undefined;
  // Clearing what is already empty would change nothing but cost a new serialization of the URL.
  if (url.password !== '') url.password = '';
  // `git@` of an ssh URL is the account every host uses, not a secret; an https user name may be a token.
  if (url.username !== '' && !/(^|\+)ssh:$/.test(url.protocol)) url.username = '';
  return { url: url.href, kind };
}

/**
 * An http(s) URL that the URL parser gives back unchanged and that carries no credentials: a host
 * of lower-case labels whose last starts with a letter (so no IP address or number the parser
 * would rewrite, no punycode it would check), no port, and a path of characters it leaves as they
 * are, without `.` or `..` segments, query or fragment. Nearly every registry tarball URL is one,
 * and parsing each with `new URL` was a measurable part of an SBOM of a few thousand packages.
 * sbom-components.test.ts holds this to the parser on generated URLs.
 */
export function isPlainHttpUrl(text: string): boolean {
  return plainHttpUrl.test(text) && !dotSegment.test(text);
}

const plainHttpUrl = /^https?:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const dotSegment = /\/\.\.?(?:\/|$)/;

/**
 * A UUID naming a document: random, or in deterministic mode derived from SHA-256 of the content
 * (and of what else the document records, such as its creation time) as a version 8 UUID
 * (RFC 9562, section 5.8, the name-based SHA-256 example of Appendix B.2).
 */
export function documentUuid(kind: string, content: SbomContent, options: SbomOptions): string {
  if (!options.deterministic) return randomUUID();
  const digest = createHash('sha256').update(JSON.stringify([kind, options.created?.toISOString() ?? null, content])).digest();
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

