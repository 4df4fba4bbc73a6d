/**
 * The result of `trustline scan`: which advisories affect which packages of a project, what to
 * upgrade to, and what could not be checked. Renderers (table, json, sarif) read only this.
 */
import type { InventoryProblem, InventoryProject, SourceLocation } from './inventory.js';

export type SeverityRating = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

/** A finding's severity: the qualitative rating, and the CVSS score and vector it came from. */
export interface Severity {
  readonly rating: SeverityRating;
  readonly score: number | null;
  readonly vector: string | null;
}

/** Malicious packages are their own kind, reported above every vulnerability. */
export type FindingKind = 'malicious' | 'vulnerability';

/** One package at one version, wherever the project declares it. */
export interface AffectedPackage {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: string;
  readonly purl: string;
  /** Every file (and line) that declares this package at this version. */
  readonly locations: readonly SourceLocation[];
  /** True when some project declares it directly; absent when no format could tell. */
  readonly direct?: boolean;
  /** Only dev dependencies bring it in. */
  readonly devOnly?: boolean;
}

/** How a transitive package gets into the project: a direct dependency and the path from it. */
export interface IntroducedBy {
  /** The direct dependency at the start of the path, as `name@version`. */
  readonly direct: string;
  /** Purls from the direct dependency to the package, both included. */
  readonly path: readonly string[];
}

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

/** One alias group of advisories affecting one package version. */
export interface Finding {
  /** The id shown: MAL- first, then GHSA-, then the database's own, CVE last. */
  readonly id: string;
  /** Every id of the alias group (record ids and aliases), sorted. */
  readonly ids: readonly string[];
  readonly kind: FindingKind;
  readonly summary?: string;
  /** The highest severity among the group's records. */
  readonly severity: Severity;
  readonly package: AffectedPackage;
  /**
   * Versions that fix this finding and are above the installed one, smallest first: the first is
   * on the installed version's own release line where the advisories have a fix there.
   */
  readonly fixedVersions: readonly string[];
  /** The advisory pages (osv.dev) and the records' own references of type ADVISORY. */
  readonly references: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  /** For a transitive package: the direct dependencies that bring it in (at most a few paths). */
  readonly introducedBy?: readonly IntroducedBy[];
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

/** What the advisory data looked like when the scan ran. */
export interface ScanDatabase {
  /** Live advisories in the store. */
  readonly advisories: number;
  /** When the newest source was imported (ISO 8601), or null with an empty store. */
  readonly updatedAt: string | null;
  /** Ecosystems of the scanned packages for which the store has no advisory at all. */
  readonly missingEcosystems: readonly string[];
}

export interface ScanSummary {
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
  readonly database: ScanDatabase;
  readonly summary: ScanSummary;
  /** Malicious first, then by severity, id and package. Ignored findings included, marked. */
  readonly findings: readonly Finding[];
  readonly fixes: readonly PackageFix[];
  readonly unmatched: readonly UnmatchedPackage[];
  readonly ignoreNotices: readonly IgnoreNotice[];
  /** Unreadable inputs and advisory defects met while matching. */
  readonly problems: readonly InventoryProblem[];
}
