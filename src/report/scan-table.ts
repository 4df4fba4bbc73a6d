import type { Finding, ScanReport } from '../model/index.js';
import { table } from './table.js';
import type { TextStyle } from './text-style.js';
import { plainStyle } from './text-style.js';

/**
 * The scan for a terminal: a one-line verdict, the findings (malicious first), the upgrades that
 * fix them, ignored findings, what could not be checked, and how fresh the advisory data is.
 */
export function scanTable(report: ScanReport, style: TextStyle = plainStyle): string {
  const active = report.findings.filter((finding) => finding.ignored === undefined);
  const ignored = report.findings.filter((finding) => finding.ignored !== undefined);
  const sections = [verdict(report, style)];
  if (active.length > 0) sections.push(findingsTable(active, style));
  const upgrades = upgradeLines(report, style);
  if (upgrades.length > 0) sections.push([style.bold('Upgrades'), ...upgrades].join('\n'));
  if (ignored.length > 0) {
    sections.push([style.bold(`Ignored (${ignored.length})`), ...ignored.map((finding) => `  ${finding.id} ${packageLabel(finding)}: ${finding.ignored?.reason ?? ''}${finding.ignored?.until === undefined ? '' : style.dim(` (until ${finding.ignored.until})`)}`)].join('\n'));
  }
  if (report.ignoreNotices.length > 0) sections.push(report.ignoreNotices.map((notice) => style.yellow(`! ${notice.message}`)).join('\n'));
  if (report.unmatched.length > 0) {
    const rows = report.unmatched.map((item) => [item.name, item.version === '' ? '-' : item.version, item.ecosystem, item.reason, location(item.location.file, item.location.line)]);
    sections.push(`${style.bold(`Not checked (${report.unmatched.length})`)}\n${table(['NAME', 'VERSION', 'ECOSYSTEM', 'REASON', 'LOCATION'], rows, style)}`);
  }
  sections.push(style.dim(databaseLine(report)));
  return sections.join('\n\n');
}

function verdict(report: ScanReport, style: TextStyle): string {
  const { summary } = report;
  const packages = `${summary.packages} package${summary.packages === 1 ? '' : 's'}`;
  if (summary.findings === 0) return style.green(`No known vulnerabilities or malicious packages in ${packages}.`);
  const parts: string[] = [];
  if (summary.malicious > 0) parts.push(style.red(`${summary.malicious} malicious`));
  for (const rating of ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const) {
    const count = summary.bySeverity[rating];
    if (count > 0) parts.push(`${count} ${rating}`);
  }
  const affectedPackages = new Set(report.findings.filter((finding) => finding.ignored === undefined).map((finding) => finding.package.purl)).size;
  return style.bold(`${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${affectedPackages} of ${packages}.`);
}

function findingsTable(findings: readonly Finding[], style: TextStyle): string {
  const rows = findings.map((finding) => [
    severityLabel(finding, style),
    finding.id,
    finding.package.name,
    finding.package.version,
    finding.kind === 'malicious' ? style.red('remove it') : finding.fixedVersions[0] ?? style.dim('no fix yet'),
    [finding.package.locations.map((place) => location(place.file, place.line)).join(', '), via(finding, style)].filter((text) => text !== '').join(' '),
    finding.summary ?? '',
  ]);
  return table(['SEVERITY', 'ID', 'PACKAGE', 'VERSION', 'FIXED IN', 'WHERE', 'SUMMARY'], rows, style);
}

function severityLabel(finding: Finding, style: TextStyle): string {
  if (finding.kind === 'malicious') return style.red(style.bold('MALICIOUS'));
  const { rating, score } = finding.severity;
  const text = `${rating.toUpperCase()}${score === null ? '' : ` ${score.toFixed(1)}`}`;
  return rating === 'critical' || rating === 'high' ? style.red(text) : rating === 'medium' ? style.yellow(text) : text;
}

function via(finding: Finding, style: TextStyle): string {
  const first = finding.introducedBy?.[0];
  if (first === undefined) return '';
  const more = (finding.introducedBy?.length ?? 0) > 1 ? ` +${(finding.introducedBy?.length ?? 1) - 1}` : '';
  return style.dim(`(via ${first.direct}${more})`);
}

function upgradeLines(report: ScanReport, style: TextStyle): string[] {
  return report.fixes.map((fix) => {
    const label = `${fix.name} ${fix.version}`;
    if (fix.upgradeTo !== undefined) {
      const still = fix.unfixed.length > 0 ? style.yellow(`; no fix yet for ${fix.unfixed.join(', ')}`) : '';
      return `  ${label} -> ${style.green(fix.upgradeTo)} ${style.dim(`(fixes ${fix.fixes.join(', ')})`)}${still}`;
    }
    return `  ${label}: ${style.yellow(`no single version fixes ${[...fix.fixes, ...fix.unfixed].join(', ')}`)}`;
  });
}

function packageLabel(finding: Finding): string {
  return `${finding.package.name}@${finding.package.version}`;
}

function location(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

function databaseLine(report: ScanReport): string {
  const { database } = report;
  const missing = database.missingEcosystems.length > 0 ? `; no advisory data for ${database.missingEcosystems.join(', ')}` : '';
  if (database.updatedAt === null) return `Advisory data: none in the store${missing}`;
  return `Advisory data: ${database.advisories} advisories, updated ${database.updatedAt.slice(0, 16).replace('T', ' ')} UTC${missing}`;
}
