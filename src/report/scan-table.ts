import type { Finding, ScanReport, SeverityRating } from '../model/index.js';
import { table } from './table.js';
import type { TextStyle } from './text-style.js';
import { plainStyle } from './text-style.js';

/**
 * The scan for a terminal: a one-line verdict, the findings grouped by package (the package with
 * the worst finding first, malicious packages above all; colour by severity; the fix of each
 * finding and the upgrade that fixes the package), ignored findings, what could not be checked,
 * and which advisory data was used.
 */
export function scanTable(report: ScanReport, style: TextStyle = plainStyle): string {
  const active = report.findings.filter((finding) => finding.ignored === undefined);
  const ignored = report.findings.filter((finding) => finding.ignored !== undefined);
  const sections = [verdict(report, active, style)];
  if (active.length > 0) sections.push(findingsTable(report, active, style));
  if (ignored.length > 0) {
    sections.push([style.bold(`Ignored (${ignored.length})`), ...ignored.map((finding) => `  ${finding.id} ${finding.name}@${finding.version}: ${finding.ignored?.reason ?? ''}${finding.ignored?.until === undefined ? '' : style.dim(` (until ${finding.ignored.until})`)}`)].join('\n'));
  }
  if (report.ignoreNotices.length > 0) sections.push(report.ignoreNotices.map((notice) => style.yellow(`! ${notice.message}`)).join('\n'));
  if (report.unmatched.length > 0) {
    const rows = report.unmatched.map((item) => [item.name, item.version === '' ? '-' : item.version, item.ecosystem, item.reason, location(item.location.file, item.location.line)]);
    sections.push(`${style.bold(`Not checked (${report.unmatched.length})`)}\n${table(['NAME', 'VERSION', 'ECOSYSTEM', 'REASON', 'LOCATION'], rows, style)}`);
  }
  sections.push(style.dim(sourceLine(report)));
  return sections.join('\n\n');
}

function verdict(report: ScanReport, active: readonly Finding[], style: TextStyle): string {
  const { summary } = report;
  const packages = `${summary.packages} package${summary.packages === 1 ? '' : 's'}`;
  if (summary.findings === 0) return style.green(`No known vulnerabilities or malicious packages in ${packages}.`);
  const parts: string[] = [];
  if (summary.malicious > 0) parts.push(style.red(`${summary.malicious} malicious`));
  for (const rating of ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const) {
    if (summary.bySeverity[rating] > 0) parts.push(`${summary.bySeverity[rating]} ${rating}`);
  }
  const affected = new Set(active.map((finding) => finding.purl)).size;
  return style.bold(`${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${affected} of ${packages}.`);
}

/** One row per finding; the package, version, upgrade and location only on its package's first row. */
function findingsTable(report: ScanReport, findings: readonly Finding[], style: TextStyle): string {
  const groups = new Map<string, Finding[]>();
  // Findings arrive sorted worst first, so the first finding of a package places its group.
  for (const finding of findings) {
    const group = groups.get(finding.purl) ?? [];
    group.push(finding);
    groups.set(finding.purl, group);
  }
  const upgrades = new Map(report.fixes.map((fix) => [fix.purl, fix.upgradeTo]));
  const rows: string[][] = [];
  for (const [purl, group] of groups) {
    const head = group[0] as Finding;
    const malicious = group.some((finding) => finding.kind === 'malicious');
    const upgrade = malicious ? style.red('remove it') : upgrades.get(purl) === undefined ? style.yellow('no fix yet') : style.green(upgrades.get(purl) ?? '');
    const where = [head.locations.map((place) => location(place.file, place.line)).join(', '), via(head, style)].filter((text) => text !== '').join(' ');
    group.forEach((finding, index) => {
      const first = index === 0;
      rows.push([
        first ? style.bold(head.name) : '',
        first ? head.version : '',
        severityLabel(finding, style),
        finding.id,
        finding.kind === 'malicious' ? '' : finding.upgrade ?? style.dim('none'),
        first ? upgrade : '',
        first ? where : '',
        finding.summary ?? '',
      ]);
    });
  }
  return table(['PACKAGE', 'VERSION', 'SEVERITY', 'ID', 'FIXED IN', 'UPGRADE TO', 'WHERE', 'SUMMARY'], rows, style);
}

function severityLabel(finding: Finding, style: TextStyle): string {
  if (finding.kind === 'malicious') return style.red(style.bold('MALICIOUS'));
  const { rating, score } = finding.severity;
  return colour(rating, `${rating.toUpperCase()}${score === null ? '' : ` ${score.toFixed(1)}`}`, style);
}

function colour(rating: SeverityRating, text: string, style: TextStyle): string {
  if (rating === 'critical' || rating === 'high') return style.red(text);
  return rating === 'medium' ? style.yellow(text) : text;
}

/** `(via express@4.17.1)` for a transitive package: the direct dependency that brings it in. */
function via(finding: Finding, style: TextStyle): string {
  if (finding.direct === true) return '';
  const starts = [...new Set(finding.paths.filter((path) => path.length > 1).map((path) => path[0] ?? ''))];
  if (starts.length === 0) return '';
  const label = starts[0]?.replace(/^pkg:[^/]+\//, '').replace(/%40/g, '@') ?? '';
  return style.dim(`(via ${label}${starts.length > 1 ? ` +${starts.length - 1}` : ''})`);
}

function location(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

function sourceLine(report: ScanReport): string {
  const { source } = report;
  const missing = source.missingEcosystems.length > 0 ? `; no advisory data for ${source.missingEcosystems.join(', ')}` : '';
  if (source.importedAt === null) return `Advisory data: none in the store${missing}`;
  return `Advisory data: ${source.advisories} advisories, updated ${source.importedAt.slice(0, 16).replace('T', ' ')} UTC${missing}`;
}
