/**
 * Matching: which advisory records affect which package versions of an inventory, under each
 * ecosystem's exact version rules (src/ecosystems/osv-range.ts). A package Trustline cannot
 * check is listed as unmatched with the reason, never dropped.
 */
import type { Ecosystem } from '../ecosystems/ecosystem.js';
import { isAffectedBy } from '../ecosystems/osv-range.js';
import { baseEcosystemName, findEcosystem } from '../ecosystems/registry.js';
import type { Component, DependencyScope, InventoryProblem, OsvAffected, OsvRecord, SourceLocation, UnmatchedPackage } from '../model/index.js';
import type { PackageKey } from './lookup.js';

/** A package version as the project declares it, wherever it does. */
export interface DeclaredPackage {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: string;
  readonly purl: string;
  readonly locations: readonly SourceLocation[];
  readonly scope?: DependencyScope;
  readonly direct?: boolean;
}

/** One package version of the inventory, with every component that declares it. */
export interface InventoryPackage {
  readonly key: PackageKey;
  readonly ecosystem: Ecosystem;
  readonly package: DeclaredPackage;
  readonly components: readonly Component[];
}

/** A record that affects a package, with the `affected[]` entries that name the package. */
export interface RecordMatch {
  readonly record: OsvRecord;
  /**
   * Every entry of the record for this package (and release), matching or not: an upgrade must
   * clear them all (a fix at 3.0.0 does not help when another entry covers 3.0.0 to 3.0.4).
   */
  readonly entries: readonly OsvAffected[];
}

export interface PackageMatch {
  readonly item: InventoryPackage;
  readonly records: readonly RecordMatch[];
}

/**
 * The inventory's components as distinct package versions (ecosystem, normalized name,
 * version), and those that cannot be matched: no version, an unpinned range, an ecosystem
 * Trustline does not know, or a commit only (GIT ranges are not evaluated offline).
 */
export function inventoryPackages(components: readonly Component[]): { packages: InventoryPackage[]; unmatched: UnmatchedPackage[] } {
  const byKey = new Map<string, { key: PackageKey; ecosystem: Ecosystem; components: Component[] }>();
  const unmatched: UnmatchedPackage[] = [];
  for (const component of components) {
    const ecosystem = findEcosystem(component.ecosystem);
    const reason = unmatchableReason(component, ecosystem);
    if (reason !== undefined || ecosystem === undefined) {
      unmatched.push({ name: component.name, version: component.version, ecosystem: component.ecosystem, purl: component.purl, location: component.location, reason: reason ?? '' });
      continue;
    }
    const key: PackageKey = { ecosystem: baseEcosystemName(component.ecosystem), name: ecosystem.normalizeName(component.name) };
    const id = `${key.ecosystem}\n${key.name}\n${component.version}\n${component.ecosystem}`;
    const entry = byKey.get(id) ?? { key, ecosystem, components: [] };
    entry.components.push(component);
    byKey.set(id, entry);
  }
  const packages = [...byKey.values()].map(({ key, ecosystem, components: declared }) => ({ key, ecosystem, components: declared, package: affectedPackage(declared) }));
  return { packages, unmatched };
}

function unmatchableReason(component: Component, ecosystem: Ecosystem | undefined): string | undefined {
  if (ecosystem === undefined) return `ecosystem "${component.ecosystem}" is not supported`;
  if (component.unpinned === true) return `declares a range (${component.versionRange ?? component.version}), not an installed version: add a lockfile`;
  if (component.version === '' && component.commit !== undefined) return 'pinned to a commit only; GIT ranges are not evaluated offline';
  if (component.version === '') return 'no version';
  try {
    ecosystem.scheme.parse(component.version);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** Scopes from the most to the least needed: a package needed in production anywhere is a production package. */
const scopeRank: readonly DependencyScope[] = ['prod', 'optional', 'peer', 'dev'];

function affectedPackage(components: readonly Component[]): DeclaredPackage {
  const first = components[0] as Component;
  const locations = components.map((component) => component.location).filter((location, index, all) => all.findIndex((other) => other.file === location.file && other.line === location.line) === index);
  const direct = components.some((component) => component.direct === true) ? true : components.every((component) => component.direct === false) ? false : undefined;
  const scopes = components.map((component) => component.scope).filter((scope): scope is DependencyScope => scope !== undefined);
  const scope = scopeRank.find((rank) => scopes.includes(rank));
  return {
    name: first.name,
    version: first.version,
    ecosystem: first.ecosystem,
    purl: first.purl,
    locations,
    ...(scope === undefined ? {} : { scope }),
    ...(direct === undefined ? {} : { direct }),
  };
}

/**
 * Every record that affects each package. `records` may hold advisories of other packages (a
 * record names several); only `affected[]` entries of the same ecosystem and normalized name are
 * evaluated. An entry of another distribution release (`Debian:11` for a `Debian:12` package) is
 * skipped; a package without a release (`Debian`) is checked against every release.
 */
export function matchPackages(packages: readonly InventoryPackage[], records: readonly OsvRecord[], onProblem?: (problem: InventoryProblem) => void): PackageMatch[] {
  const entriesByKey = indexEntries(records);
  const matches: PackageMatch[] = [];
  for (const item of packages) {
    const candidates = entriesByKey.get(`${item.key.ecosystem}\n${item.key.name}`) ?? [];
    const byRecord = new Map<OsvRecord, OsvAffected[]>();
    const affecting = new Set<OsvRecord>();
    for (const { record, entry } of candidates) {
      if (!sameRelease(item.package.ecosystem, entry.package?.ecosystem ?? '')) continue;
      const entries = byRecord.get(record) ?? [];
      entries.push(entry);
      byRecord.set(record, entries);
      if (affecting.has(record)) continue;
      let affected: boolean;
      try {
        affected = isAffectedBy(item.ecosystem.scheme, item.package.version, entry, (message) => onProblem?.({ file: `advisory ${record.id}`, message }));
      } catch (error) {
        onProblem?.({ file: item.package.locations[0]?.file ?? item.package.name, message: `${item.package.name}@${item.package.version}: ${error instanceof Error ? error.message : String(error)}` });
        break;
      }
      if (affected) affecting.add(record);
    }
    if (affecting.size > 0) matches.push({ item, records: [...affecting].map((record) => ({ record, entries: byRecord.get(record) ?? [] })) });
  }
  return matches;
}

function indexEntries(records: readonly OsvRecord[]): Map<string, { record: OsvRecord; entry: OsvAffected }[]> {
  const index = new Map<string, { record: OsvRecord; entry: OsvAffected }[]>();
  for (const record of records) {
    if (record.withdrawn !== undefined) continue;
    for (const entry of record.affected ?? []) {
      const osvPackage = entry.package;
      if (osvPackage === undefined) continue;
      const ecosystem = findEcosystem(osvPackage.ecosystem);
      if (ecosystem === undefined) continue;
      const key = `${baseEcosystemName(osvPackage.ecosystem)}\n${ecosystem.normalizeName(osvPackage.name)}`;
      const list = index.get(key) ?? [];
      list.push({ record, entry });
      index.set(key, list);
    }
  }
  return index;
}

/** `Debian:12` matches `Debian:12` and `Debian`; `Debian` matches every release. */
function sameRelease(packageEcosystem: string, entryEcosystem: string): boolean {
  const packageSuffix = packageEcosystem.slice(baseEcosystemName(packageEcosystem).length);
  const entrySuffix = entryEcosystem.slice(baseEcosystemName(entryEcosystem).length);
  return packageSuffix === '' || entrySuffix === '' || packageSuffix === entrySuffix;
}
