/**
 * A scan report as a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), shaped for
 * GitHub code scanning: one rule per advisory, one result per finding (an alias group at one
 * package version) listing every declaring file, with the `security-severity` GitHub sorts by and
 * the fingerprint it de-duplicates across runs with.
 */
import { createHash } from 'node:crypto';
import type { Finding, ScanReport, SeverityRating, SourceLocation } from '../model/index.js';
import { distinctFindings } from './distinct-findings.js';
import { purlLabel } from './purl-label.js';

export interface ScanSarifOptions {
  readonly toolVersion: string;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly help?: { readonly text: string; readonly markdown: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[]; readonly 'security-severity'?: string };
}

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: '%SRCROOT%' };
    readonly region?: { readonly startLine: number };
  };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly { readonly kind: 'external'; readonly status: 'accepted'; readonly justification: string; readonly properties?: { readonly until: string } }[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: { readonly driver: { readonly name: string; readonly informationUri: string; readonly version: string; readonly rules: readonly SarifRule[] } };
      readonly results: readonly SarifResult[];
    },
  ];
}

/** The key of our fingerprint in `partialFingerprints`; the suffix changes with its recipe (SARIF §3.27.17): v2 has no file in it. */
export const fingerprintKey = 'trustlineFinding/v2';

/** Scores for a rating without a CVSS score, inside GitHub's bands (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0). */
const ratingScores: Partial<Record<SeverityRating, number>> = { critical: 9.5, high: 8.0, medium: 5.5, low: 2.0 };

const levels: Record<SeverityRating, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', none: 'note', unknown: 'note' };

/** The log, as a plain object for `JSON.stringify`. No timestamps: the same report gives the same log. */
export function scanSarif(report: ScanReport, options: ScanSarifOptions): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const finding of distinctFindings(report.findings)) {
    // GitHub rejects a result without a location; every inventory component has one anyway.
    const locations = sarifLocations(finding.locations);
    if (locations.length === 0) continue;
    // Findings come most severe first, so a rule takes its severity from the worst package it covers.
    if (!ruleIndex.has(finding.id)) {
      ruleIndex.set(finding.id, rules.length);
      rules.push(ruleOf(finding));
    }
    results.push({
      ruleId: finding.id,
      ruleIndex: ruleIndex.get(finding.id) ?? 0,
      level: levelOf(finding),
      message: { text: messageOf(finding) },
      // Several locations mean the problem is fixed only by changing each of them (SARIF §3.27.12):
      // every file that declares the version must change. GitHub annotates the first.
      locations,
      // Neither files nor lines are in it, so an edit elsewhere in a lockfile, or a new file declaring
      // the same version, keeps the alert; the purl holds the version, so an upgrade closes the alert
      // and a new vulnerable version opens one.
      partialFingerprints: { [fingerprintKey]: createHash('sha256').update(JSON.stringify([finding.id, finding.purl])).digest('hex') },
      ...(finding.ignored === undefined ? {} : { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.ignored.reason, ...(finding.ignored.until === undefined ? {} : { properties: { until: finding.ignored.until } }) }] }),
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'trustline', informationUri: 'https://github.com/trustline/trustline', version: options.toolVersion, rules } }, results }],
  };
}

/** GitHub's `security-severity`: the CVSS score, else one standing for the rating; a malicious package is at least critical. */
function securitySeverityOf(finding: Finding): string | undefined {
  const score = finding.severity.score ?? ratingScores[finding.severity.rating];
  if (finding.kind === 'malicious') return Math.max(score ?? 0, 9.5).toFixed(1);
  return score?.toFixed(1);
}

function levelOf(finding: Finding): SarifLevel {
  return finding.kind === 'malicious' ? 'error' : levels[finding.severity.rating];
}

function ruleOf(finding: Finding): SarifRule {
  const securitySeverity = securitySeverityOf(finding);
  // helpUri has format "uri" in the schema: a reference that is no URL is left out.
  const references = finding.references.filter((reference) => URL.canParse(reference));
  const description = descriptionOf(finding);
  return {
    id: finding.id,
    shortDescription: { text: finding.summary ?? finding.id },
    fullDescription: { text: description },
    ...(references[0] === undefined ? {} : { helpUri: references[0] }),
    ...(references.length === 0
      ? {}
      : { help: { text: `${description}\n\nReferences:\n${references.join('\n')}`, markdown: `${description}\n\n**References**\n\n${references.map((reference) => `- <${reference}>`).join('\n')}` } }),
    defaultConfiguration: { level: levelOf(finding) },
    properties: { tags: ['security', finding.kind], ...(securitySeverity === undefined ? {} : { 'security-severity': securitySeverity }) },
  };
}

/** `Prototype Pollution in lodash. Also known as CVE-2020-8203. Severity: high (CVSS 7.4, CVSS:3.1/...).` */
function descriptionOf(finding: Finding): string {
  const { aliases } = finding;
  const { rating, score, vector } = finding.severity;
  const cvss = score === null ? '' : ` (CVSS ${score.toFixed(1)}${vector === null ? '' : `, ${vector}`})`;
  return [
    sentence(finding.summary ?? finding.id),
    finding.kind === 'malicious' ? 'The package is malicious.' : '',
    aliases.length === 0 ? '' : `Also known as ${aliases.join(', ')}.`,
    `Severity: ${rating}${cvss}.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** `lodash@4.17.20 is affected by GHSA-... (CVE-...): Prototype Pollution in lodash. Upgrade to 4.17.21. Introduced by express@4.17.1.` */
function messageOf(finding: Finding): string {
  const { name, version, aliases } = finding;
  const subject = version === '' ? name : `${name}@${version}`;
  const named = aliases.length === 0 ? finding.id : `${finding.id} (${aliases.join(', ')})`;
  const head = finding.kind === 'malicious' ? `${subject} is reported as malicious by ${named}` : `${subject} is affected by ${named}`;
  const remedy = finding.kind === 'malicious' ? 'Remove it.' : finding.upgrade === undefined ? 'No fixed version is known yet.' : `Upgrade to ${finding.upgrade}.`;
  // For a transitive package the upgrade is often made through the direct dependency that pulls it
  // in: the first purl of each path. A package declared directly has its own purl as its one path.
  const directs = [...new Set(finding.paths.map((path) => path[0]).filter((purl): purl is string => purl !== undefined && purl !== finding.purl))];
  const introduced = directs.length === 0 ? '' : ` Introduced by ${directs.map(purlLabel).join(', ')}.`;
  return `${finding.summary === undefined ? `${head}.` : `${head}: ${sentence(finding.summary)}`} ${remedy}${introduced}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The locations, grouped by file in the order the files first appear. A lockfile can declare the
 * same version twice (nested copies): each line is listed, since each copy must change. A line-less
 * entry adds nothing beside a known line of the same file, and a repeated one is listed once.
 */
function sarifLocations(locations: readonly SourceLocation[]): SarifLocation[] {
  const byFile = new Map<string, (number | undefined)[]>();
  for (const location of locations) {
    const uri = relativeUri(location.file);
    const lines = byFile.get(uri) ?? [];
    if (!lines.includes(location.line)) lines.push(location.line);
    byFile.set(uri, lines);
  }
  return [...byFile].flatMap(([uri, lines]) => {
    const known = lines.filter((line) => line !== undefined);
    return (known.length === 0 ? [undefined] : known).map((line) => locationOf(uri, line));
  });
}

function locationOf(uri: string, line: number | undefined): SarifLocation {
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(line === undefined ? {} : { region: { startLine: line } }) } };
}

/**
 * A relative URI reference (RFC 3986) for a path relative to the scanned directory: `/`
 * separators, no `./`, and characters that would change its meaning (`%`, `?`, `#`, a `:` that
 * would read as a scheme, spaces) percent-encoded.
 */
function relativeUri(file: string): string {
  const path = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return encodeURI(path).replace(/[?#:]/g, (character) => encodeURIComponent(character));
}
