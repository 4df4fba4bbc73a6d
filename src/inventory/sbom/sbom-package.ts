/**
 * What the CycloneDX and SPDX readers share: a package's identity from its purl, its hashes as an
 * integrity string, and the merging of the scopes a package is needed under.
 */
import { formatPurl, parsePurl } from '../../ecosystems/purl.js';
import { osvPackageOf } from '../../ecosystems/registry.js';
import type { Component, DependencyScope } from '../../model/index.js';

export type PackageIdentity = Pick<Component, 'name' | 'version' | 'ecosystem' | 'purl'>;

/**
 * The ecosystem, name, version and (canonical) purl of an SBOM package. With a purl an ecosystem
 * owns, the name is OSV's and the version the purl's, else the package's own. With a purl type no
 * ecosystem owns, or no purl at all, the ecosystem is `''`, so that a scan lists the package as
 * unmatched with its reason instead of dropping it; a package without a purl is identified by a
 * `pkg:generic/` purl, the purl-spec type for anything else. A purl without a version gets the
 * package's version, so two versions of one package stay two nodes of the graph.
 */
export function packageIdentity(purlText: string | undefined, name: string, version: string): PackageIdentity | { readonly problem: string } {
  const written = purlText?.trim() ?? '';
  try {
    if (written === '') {
      if (name === '') return { problem: 'a package has neither a purl nor a name' };
      return { ecosystem: '', name, version, purl: formatPurl({ type: 'generic', name, ...(version === '' ? {} : { version }) }) };
    }
    const parsed = parsePurl(written);
    const resolvedVersion = parsed.version ?? version;
    const purl = formatPurl({ ...parsed, version: resolvedVersion === '' ? undefined : resolvedVersion });
    const owned = osvPackageOf(parsed);
    if (owned !== undefined) return { ecosystem: owned.ecosystem, name: owned.name, version: resolvedVersion, purl };
    return { ecosystem: '', name: name === '' ? parsed.name : name, version: resolvedVersion, purl };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Hex digests Subresource Integrity can carry, by algorithm spelled without case or hyphen (CycloneDX `SHA-256`, SPDX `SHA256`). */
const integrityAlgorithms: ReadonlyMap<string, { readonly prefix: string; readonly hexLength: number }> = new Map([
  ['SHA256', { prefix: 'sha256', hexLength: 64 }],
  ['SHA384', { prefix: 'sha384', hexLength: 96 }],
  ['SHA512', { prefix: 'sha512', hexLength: 128 }],
]);

export interface PackageHash {
  readonly algorithm: string;
  /** The hex digest as written. */
  readonly value: string;
}

/**
 * The SHA-2 hashes as a Subresource Integrity string (`sha512-<base64>`, several separated by a
 * space, as lockfiles write them); undefined when there is none. Weaker or other algorithms
 * (MD5, SHA-1, BLAKE, SHA-3) and digests of the wrong length are left out.
 */
export function integrityOf(hashes: readonly PackageHash[]): string | undefined {
  const tokens = new Map<string, string>();
  for (const { algorithm, value } of hashes) {
    const spec = integrityAlgorithms.get(algorithm.toUpperCase().replace(/[-_]/g, ''));
    const hex = value.trim();
    if (spec === undefined || tokens.has(spec.prefix) || hex.length !== spec.hexLength || !/^[0-9a-fA-F]+$/.test(hex)) continue;
    tokens.set(spec.prefix, `${spec.prefix}-${Buffer.from(hex, 'hex').toString('base64')}`);
  }
  return tokens.size === 0 ? undefined : [...tokens.values()].join(' ');
}

/** Needed at run time ranks first; a relationship that does not tell may be needed, so it outranks optional and dev. */
const scopeRank = { prod: 0, peer: 1, unknown: 2, optional: 3, dev: 4 } as const;
export type ScopeEvidence = keyof typeof scopeRank;

/** The most required of the scopes a package is needed under; undefined when none tells. */
export function mergedScope(evidence: readonly ScopeEvidence[]): DependencyScope | undefined {
  let best: ScopeEvidence | undefined;
  for (const scope of evidence) if (best === undefined || scopeRank[scope] < scopeRank[best]) best = scope;
  return best === undefined || best === 'unknown' ? undefined : best;
}

/** The licence texts worth keeping: trimmed, deduplicated, without SPDX's NOASSERTION and NONE. */
export function licenseTexts(texts: readonly (string | undefined)[]): string[] {
  const kept: string[] = [];
  for (const text of texts) {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '' || trimmed === 'NOASSERTION' || trimmed === 'NONE' || kept.includes(trimmed)) continue;
    kept.push(trimmed);
  }
  return kept;
}

/** Adds an edge once; self-edges say nothing and are dropped. */
export function edgeCollector(): { add(from: string, to: string): void; readonly edges: { from: string; to: string }[] } {
  const seen = new Set<string>();
  const edges: { from: string; to: string }[] = [];
  return {
    edges,
    add(from, to) {
      const key = `${from}\n${to}`;
      if (from === to || seen.has(key)) return;
      seen.add(key);
      edges.push({ from, to });
    },
  };
}

/** `{ key: value }`, or nothing when the value is absent (optional fields never hold `undefined`). */
export function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
