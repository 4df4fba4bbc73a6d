/**
 * The result of `trustline scan`: which advisories affect which packages of a project, what to
 * upgrade to, and what could not be checked. Renderers (table, json, sarif) read only this.
 */
import type { DependencyScope, InventoryProblem, InventoryProject, SourceLocation } from './inventory.js';

export type SeverityRating = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

/** A finding's severity: the qualitative rating, and the CVSS score and vector it came from. */
export interface Severity {
  readonly rating: SeverityRating;
  readonly score: number | null;
  readonly vector: string | null;
}

/** Malicious packages are their own kind, reported above every vulnerability. */
export type FindingKind = 'malicious' | 'vulnerability';

/** An entry of `ignore:` in trustline.yaml. */
export interface IgnoreRule {
  /** Any id of the advisory's alias group. */
  readonly id: string;
  readonly reason: string;
  /** A package name or purl; absent: every package. */
  readonly package?: string | undefined;
  /** The last day it applies, `YYYY-MM-DD`. */
  readonly until?: string | undefined;
}

/** An exception from `ignore:` in trustline.yaml that matched a finding. */
export interface AppliedIgnore {
  /** The id the entry names (any id of the alias group). */
  readonly id: string;
  readonly reason: string;
  readonly until?: string;
}

/**
 * One alias group of advisories affecting one package version (docs/commands/scan.md, "JSON").
 * `name`, `version` and `ecosystem` are as in the inventory: the ecosystem as OSV spells it, the
 * version exactly as written in the input.
 */
export interface Finding {
  /** The id shown: MAL- first, then GHSA-, then the database's own, CVE last. */
  readonly id: string;
  /** Every other id of the alias group (record ids and their aliases), sorted. */
  readonly aliases: readonly string[];
  readonly kind: FindingKind;
  readonly summary?: string;
  /** The highest severity among the group's records (the highest CVSS version present wins). */
  readonly severity: Severity;
  readonly name: string;
  readonly version: string;
  readonly ecosystem: string;
  readonly purl: string;
  /** The most needed scope among the declarations: prod over optional over peer over dev; absent when no format tells. */
  readonly scope?: DependencyScope;
  /** True when some project declares it directly; absent when no format could tell. */
  readonly direct?: boolean;
  /** Every file (and line) that declares this package at this version. */
  readonly locations: readonly SourceLocation[];
  /**
   * Versions above the installed one that fix this finding, smallest first: the first is on the
   * installed version's own release line where the advisories have a fix there.
   */
  readonly fixed: readonly string[];
  /** The smallest fixing version (the first of `fixed`); absent when no fix is known. */
  readonly upgrade?: string;
  /** Dependency paths, lists of purls from a direct dependency to the package (at most a few). */
  readonly paths: readonly (readonly string[])[];
  /** The advisory pages (osv.dev), one per record of the group. */
  readonly references: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  /** Set when an `ignore:` entry covers this finding; ignored findings do not change the exit code. */
  readonly ignored?: AppliedIgnore;
}

/** Per package: the smallest upgrade that fixes every finding at once. */
export interface PackageFix {
  readonly name: string;
  readonly ecosystem: string;
  readonly purl: string;
  readonly version: string;
  /** Undefined when no single version fixes every finding. */
  readonly upgradeTo?: string;
  /** The ids of the findings it fixes. */
  readonly fixes: readonly string[];
  /** The findings no known version fixes yet. */
  readonly unfixed: readonly string[];
}

/** A package that could not be matched against advisories, and why. */
export interface UnmatchedPackage {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: string;
  readonly purl: string;
  readonly location: SourceLocation;
  readonly reason: string;
}

/** An `ignore:` entry that no longer applies or never matched. */
export interface IgnoreNotice {
  readonly id: string;
  readonly message: string;
}

/** Which advisory data the scan used. */
export interface ScanSource {
  /** Live advisories in the store. */
  readonly advisories: number;
  /** When the newest source was imported or confirmed unchanged (ISO 8601), or null with an empty store. */
  readonly importedAt: string | null;
  /** The sources in the store (paths and URLs) with their import times, newest first. */
  readonly sources: readonly { readonly location: string; readonly importedAt: string }[];
  /** The ecosystems of the scanned packages (OSV base names). */
  readonly ecosystems: readonly string[];
  /** Ecosystems of the scanned packages for which the store has no advisory at all. */
  readonly missingEcosystems: readonly string[];
}

export interface ScanSummary {
  /** Distinct package versions matched against advisories. */
  readonly packages: number;
  readonly findings: number;
  readonly malicious: number;
  /** Vulnerabilities (malicious packages are counted apart) per severity rating. */
  readonly bySeverity: Readonly<Record<SeverityRating, number>>;
  readonly ignored: number;
  readonly unmatched: number;
}

export interface ScanReport {
  /** The scanned path as given. */
  readonly root: string;
  readonly projects: readonly InventoryProject[];
  readonly source: ScanSource;
  readonly summary: ScanSummary;
  /** Malicious first, then by severity, id and package. Ignored findings included, marked. */
  readonly findings: readonly Finding[];
  readonly fixes: readonly PackageFix[];
  readonly unmatched: readonly UnmatchedPackage[];
  readonly ignoreNotices: readonly IgnoreNotice[];
  /** Unreadable inputs, and advisory defects met while matching (file `advisory ID`). */
  readonly errors: readonly InventoryProblem[];
}
