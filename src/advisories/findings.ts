/**
 * From matched records to findings: one finding per alias group and package version, with its
 * kind, severity and the fixed versions that apply to the installed version.
 */
import type { VersionScheme } from '../ecosystems/ecosystem.js';
import { fixedVersions, isAffectedBy } from '../ecosystems/osv-range.js';
import type { Finding, OsvAffected, OsvRecord, Severity } from '../model/index.js';
import { groupByAliases, groupIds, preferredId } from './alias-groups.js';
import type { PackageMatch, RecordMatch } from './match.js';
import { severityOf, severityOrder } from './severity.js';

/** A finding and the `affected[]` entries behind it (to check candidate upgrades against). */
export interface MatchedFinding {
  readonly finding: Finding;
  readonly entries: readonly OsvAffected[];
}

/** The findings of one matched package, before exceptions and dependency paths are added. */
export function findingsOf(match: PackageMatch): MatchedFinding[] {
  const { item } = match;
  const byRecord = new Map(match.records.map((recordMatch) => [recordMatch.record, recordMatch]));
  return groupByAliases(match.records.map((recordMatch) => recordMatch.record)).map((group) => {
    const recordMatches = group.map((record) => byRecord.get(record) as RecordMatch);
    const ids = groupIds(group);
    const summary = summaryOf(preferredId(group.map((record) => record.id)), group);
    const entries = recordMatches.flatMap((recordMatch) => recordMatch.entries);
    const published = earliest(group.map((record) => record.published));
    const modified = latest(group.map((record) => record.modified));
    const id = preferredId(ids);
    const fixed = fixesAbove(item.ecosystem.scheme, item.package.version, entries);
    const declared = item.package;
    const finding: Finding = {
      id,
      aliases: ids.filter((other) => other !== id),
      kind: ids.some((id) => id.startsWith('MAL-')) ? 'malicious' : 'vulnerability',
      ...(summary === undefined ? {} : { summary }),
      severity: highest(recordMatches.flatMap(({ record, entries }) => entries.map((entry) => severityOf(record, entry)))),
      name: declared.name,
      version: declared.version,
      ecosystem: declared.ecosystem,
      purl: declared.purl,
      ...(declared.scope === undefined ? {} : { scope: declared.scope }),
      ...(declared.direct === undefined ? {} : { direct: declared.direct }),
      locations: declared.locations,
      fixed,
      ...(fixed[0] === undefined ? {} : { upgrade: fixed[0] }),
      paths: [],
      references: group.map((record) => `https://osv.dev/vulnerability/${record.id}`),
      ...(published === undefined ? {} : { published }),
      ...(modified === undefined ? {} : { modified }),
    };
    return { finding, entries };
  });
}

/**
 * The versions above `installed` that some entry names as fixed and that no entry of the finding
 * still affects, smallest first (entries of the package that do not cover the installed version
 * count too: their fixes are upgrade targets, and their ranges rule targets out). Ascending from the installed version, the first is the fix on
 * its own release line when the advisories have one there (2.5.1 before 3.2.1 for a 2.4 user),
 * and a 3.x fix is offered to a 2.x user only when no 2.x fix exists.
 */
export function fixesAbove(scheme: VersionScheme, installed: string, entries: readonly OsvAffected[]): string[] {
  const current = scheme.parse(installed);
  const candidates: { text: string; parsed: unknown }[] = [];
  for (const text of new Set(entries.flatMap((entry) => fixedVersions(entry)))) {
    let parsed: unknown;
    try {
      parsed = scheme.parse(text);
    } catch {
      continue; // An unreadable fixed version is reported by matching; it cannot be offered.
    }
    if (scheme.compare(parsed, current) <= 0) continue;
    if (entries.some((entry) => isAffectedBy(scheme, text, entry))) continue;
    candidates.push({ text, parsed });
  }
  return candidates.sort((a, b) => scheme.compare(a.parsed, b.parsed)).map((candidate) => candidate.text);
}

/**
 * The smallest upgrade that fixes every finding of one package at once: the smallest fixed
 * version of any finding that no finding's entries still affect. Undefined when none does.
 */
export function smallestUpgrade(scheme: VersionScheme, findings: readonly MatchedFinding[]): string | undefined {
  const candidates = [...new Set(findings.flatMap(({ finding }) => finding.fixed))]
    .map((text) => ({ text, parsed: scheme.parse(text) }))
    .sort((a, b) => scheme.compare(a.parsed, b.parsed));
  const entries = findings.flatMap((matched) => matched.entries);
  return candidates.find((candidate) => !entries.some((entry) => isAffectedBy(scheme, candidate.text, entry)))?.text;
}

function highest(severities: readonly Severity[]): Severity {
  const rank = (severity: Severity): number => severityOrder.indexOf(severity.rating);
  return [...severities].sort((a, b) => rank(a) - rank(b) || (b.score ?? -1) - (a.score ?? -1))[0] ?? { rating: 'unknown', score: null, vector: null };
}

/** The summary of the record shown (by its id), else of another record of the group. */
function summaryOf(shownId: string, group: readonly OsvRecord[]): string | undefined {
  const ordered = [...group].sort((a, b) => (a.id === shownId ? -1 : b.id === shownId ? 1 : 0));
  const withSummary = ordered.find((record) => record.summary !== undefined && record.summary.trim() !== '');
  if (withSummary?.summary !== undefined) return withSummary.summary.trim();
  const details = ordered.find((record) => record.details !== undefined && record.details.trim() !== '')?.details;
  // Records without a summary (PYSEC, many GO) get the first line of their details, cut short.
  return details === undefined ? undefined : shorten(details.trim().split('\n')[0] ?? '', 120);
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function earliest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((date): date is string => date !== undefined).sort()[0];
}

function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((date): date is string => date !== undefined).sort().at(-1);
}
