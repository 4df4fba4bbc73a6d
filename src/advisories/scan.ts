/**
 * The scan: an inventory matched against the advisories in the store, grouped into findings with
 * fixes, exceptions applied, and everything that could not be checked listed.
 */
import { dependencyPaths } from '../inventory/why.js';
import type { DependencyScope, Finding, IgnoreRule, Inventory, InventoryProblem, PackageFix, ScanReport, ScanSource, SeverityRating } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type MatchedFinding, findingsOf, smallestUpgrade } from './findings.js';
import { applyIgnores } from './ignore.js';
import { advisoriesFor, databaseSummary } from './lookup.js';
import { type InventoryPackage, inventoryPackages, matchPackages } from './match.js';
import type { OsvRecord } from '../model/index.js';
import { severityOrder } from './severity.js';

export interface ScanOptions {
  /** Exceptions (`ignore:` in trustline.yaml). */
  readonly ignore?: readonly IgnoreRule[];
  /** The day exceptions are judged on, `YYYY-MM-DD`; today (UTC) by default. */
  readonly today?: string;
  /** At most this many dependency paths per package (default 3). */
  readonly maxPaths?: number;
  /** Leave out components of these scopes (`--omit dev`); components whose format tells no scope stay. */
  readonly omit?: readonly DependencyScope[];
}

/** The inventory without the components of the omitted scopes (and the edges that touched only them). */
function withoutOmitted(inventory: Inventory, omit: readonly DependencyScope[]): Inventory {
  if (omit.length === 0) return inventory;
  const components = inventory.components.filter((component) => component.scope === undefined || !omit.includes(component.scope));
  return { ...inventory, components };
}

/** Scans an inventory against the advisories in the store, reading only the rows of its packages. */
export async function scanInventory(store: Store, fullInventory: Inventory, options: ScanOptions = {}): Promise<ScanReport> {
  const inventory = withoutOmitted(fullInventory, options.omit ?? []);
  const listed = inventoryPackages(inventory.components);
  const records = await advisoriesFor(store, listed.packages.map((item) => item.key));
  return buildReport(inventory, listed, records, await databaseSummary(store, listed.packages.map((item) => item.key.ecosystem)), options);
}

/** The scan on records already at hand (the store-free core of {@link scanInventory}). */
export function scanRecords(fullInventory: Inventory, records: readonly OsvRecord[], source: ScanSource, options: ScanOptions = {}): ScanReport {
  const inventory = withoutOmitted(fullInventory, options.omit ?? []);
  return buildReport(inventory, inventoryPackages(inventory.components), records, source, options);
}

function buildReport(
  inventory: Inventory,
  { packages, unmatched }: ReturnType<typeof inventoryPackages>,
  records: readonly OsvRecord[],
  source: ScanSource,
  options: ScanOptions,
): ScanReport {
  const problems: InventoryProblem[] = [...inventory.errors];
  const seenProblems = new Set<string>();
  const matches = matchPackages(packages, records, (problem) => {
    const key = `${problem.file}\n${problem.message}`;
    if (seenProblems.has(key)) return;
    seenProblems.add(key);
    problems.push(problem);
  });

  const pathsOf = dependencyPathFinder(inventory, options.maxPaths ?? 3);
  const perPackage = matches.map((match) => {
    // One package's findings share its dependency paths: found once per package, not per finding.
    const paths = pathsOf(match.item);
    return { item: match.item, matched: findingsOf(match).map((matched) => ({ ...matched, finding: { ...matched.finding, paths } })) };
  });
  const { findings, notices } = applyIgnores(
    perPackage.flatMap(({ matched }) => matched.map(({ finding }) => finding)),
    options.ignore ?? [],
    options.today ?? new Date().toISOString().slice(0, 10),
  );
  const ignoredKeys = new Set(findings.filter((finding) => finding.ignored !== undefined).map(findingKey));
  const fixes = perPackage.map(({ item, matched }) => packageFix(item, matched.filter(({ finding }) => !ignoredKeys.has(findingKey(finding))))).filter((fix): fix is PackageFix => fix !== undefined);

  const sorted = [...findings].sort(compareFindings);
  const active = sorted.filter((finding) => finding.ignored === undefined);
  const bySeverity = Object.fromEntries(severityOrder.map((rating) => [rating, active.filter((finding) => finding.kind === 'vulnerability' && finding.severity.rating === rating).length])) as Record<SeverityRating, number>;
  return {
    root: inventory.root,
    projects: inventory.projects,
    source,
    summary: {
      packages: packages.length,
      findings: active.length,
      malicious: active.filter((finding) => finding.kind === 'malicious').length,
      bySeverity,
      ignored: sorted.length - active.length,
      unmatched: unmatched.length,
    },
    findings: sorted,
    fixes,
    unmatched,
    ignoreNotices: notices,
    errors: problems,
  };
}

function findingKey(finding: Finding): string {
  return `${finding.id}\n${finding.purl}\n${finding.ecosystem}`;
}

/**
 * The dependency paths from a direct dependency to a package: `[[purl]]` for a package declared
 * directly, the shortest few for a transitive one (none when the format records no graph).
 */
function dependencyPathFinder(inventory: Inventory, maxPaths: number): (item: InventoryPackage) => string[][] {
  return (item) => {
    if (item.package.direct === true) return [[item.package.purl]];
    return dependencyPaths(inventory, { name: item.package.name, version: item.package.version }, maxPaths).filter((path) => path.length > 1 || path[0] === item.package.purl);
  };
}

function packageFix(item: InventoryPackage, matched: readonly MatchedFinding[]): PackageFix | undefined {
  if (matched.length === 0) return undefined;
  const upgradeTo = smallestUpgrade(item.ecosystem.scheme, matched);
  return {
    name: item.package.name,
    ecosystem: item.package.ecosystem,
    purl: item.package.purl,
    version: item.package.version,
    ...(upgradeTo === undefined ? {} : { upgradeTo }),
    fixes: matched.filter(({ finding }) => finding.fixed.length > 0).map(({ finding }) => finding.id),
    unfixed: matched.filter(({ finding }) => finding.fixed.length === 0).map(({ finding }) => finding.id),
  };
}

/** Malicious first, then by severity, then by id and package. */
function compareFindings(a: Finding, b: Finding): number {
  const kind = (finding: Finding): number => (finding.kind === 'malicious' ? 0 : 1);
  return (
    kind(a) - kind(b) ||
    severityOrder.indexOf(a.severity.rating) - severityOrder.indexOf(b.severity.rating) ||
    (b.severity.score ?? -1) - (a.severity.score ?? -1) ||
    compareText(a.id, b.id) ||
    compareText(a.name, b.name) ||
    compareText(a.version, b.version)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
