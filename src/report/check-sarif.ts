/**
 * The repository checks as a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
 * shaped for GitHub code scanning: one rule per check, one result per failing finding at its file
 * and line, with the `security-severity` GitHub sorts by and a fingerprint that survives edits
 * elsewhere in the file.
 */
import { createHash } from 'node:crypto';
import type { CheckFinding, CheckReport, CheckResult, CheckRisk } from '../model/index.js';

export interface CheckSarifOptions {
  readonly toolVersion: string;
  /** Each check's one-line description by check name (the check definitions' `short`); the check name stands in for a missing one. */
  readonly shortDescriptions?: Readonly<Record<string, string>>;
}

export type CheckSarifLevel = 'error' | 'warning' | 'note';

export interface CheckSarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly help: { readonly text: string; readonly markdown: string };
  readonly defaultConfiguration: { readonly level: CheckSarifLevel };
  readonly properties: { readonly tags: readonly string[]; readonly 'security-severity': string };
}

export interface CheckSarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: '%SRCROOT%' };
    readonly region?: { readonly startLine: number; readonly endLine?: number; readonly snippet?: { readonly text: string } };
  };
}

export interface CheckSarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: CheckSarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly CheckSarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

export interface CheckSarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: { readonly driver: { readonly name: string; readonly informationUri: string; readonly version: string; readonly rules: readonly CheckSarifRule[] } };
      readonly automationDetails: { readonly id: string };
      readonly results: readonly CheckSarifResult[];
    },
  ];
}

/** The key of our fingerprint in `partialFingerprints`; the suffix changes with its recipe (SARIF §3.27.17). */
export const checkFingerprintKey = 'trustlineCheck/v1';

/**
 * GitHub's category of the run (the part of the id before the last `/`): without it, uploading
 * this log and `trustline scan`'s, both from the tool `trustline`, would make each replace the
 * other's alerts.
 */
export const checkAutomationId = 'trustline-check/';

/** GitHub's bands: critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0. */
const securitySeverities: Record<CheckRisk, string> = { Critical: '9.0', High: '7.0', Medium: '5.0', Low: '3.0' };

const levels: Record<CheckRisk, CheckSarifLevel> = { Critical: 'error', High: 'error', Medium: 'warning', Low: 'note' };

/**
 * Where GitHub shows a finding that has no file (no security policy, no branch protection): code
 * scanning drops a result without a location. Scorecard's placeholder, so alerts read the same.
 */
const noFile = 'no file associated with this alert';

/** The log, as a plain object for `JSON.stringify`. No timestamps: the same report gives the same log. */
export function checkSarif(report: CheckReport, options: CheckSarifOptions): CheckSarifLog {
  const rules = report.checks.map((check) => ruleOf(check, options));
  const results = report.checks.flatMap((check, ruleIndex) => resultsOf(check, ruleIndex));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'trustline', informationUri: 'https://github.com/trustline/trustline', version: options.toolVersion, rules } }, automationDetails: { id: checkAutomationId }, results }],
  };
}

function ruleOf(check: CheckResult, options: CheckSarifOptions): CheckSarifRule {
  const short = options.shortDescriptions?.[check.name];
  const description = `${sentence(capitalised(short ?? check.name))} Risk: ${check.risk}.`;
  // helpUri has format "uri" in the schema: a documentation that is no URL is left out.
  const url = URL.canParse(check.documentation) ? check.documentation : undefined;
  return {
    id: check.name,
    shortDescription: { text: short ?? check.name },
    fullDescription: { text: description },
    ...(url === undefined ? {} : { helpUri: url }),
    help: {
      text: url === undefined ? description : `${description}\n\nDocumentation: ${url}`,
      markdown: url === undefined ? description : `${description}\n\n[${check.name} documentation](${url})`,
    },
    defaultConfiguration: { level: levels[check.risk] },
    properties: { tags: ['security', 'supply-chain'], 'security-severity': securitySeverities[check.risk] },
  };
}

function resultsOf(check: CheckResult, ruleIndex: number): CheckSarifResult[] {
  const seen = new Map<string, number>();
  return check.findings
    .filter((finding) => finding.outcome === 'fail')
    .map((finding) => {
      // The same offending text twice in one file (two identical `uses:` lines) stays two alerts:
      // the occurrence is part of the fingerprint, the line is not.
      const key = JSON.stringify([check.name, finding.file ?? '', finding.snippet ?? finding.message]);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return {
        ruleId: check.name,
        ruleIndex,
        level: levels[check.risk],
        message: { text: messageOf(finding) },
        locations: [locationOf(finding)],
        partialFingerprints: { [checkFingerprintKey]: createHash('sha256').update(`${key}:${occurrence}`).digest('hex') },
      };
    });
}

/** `GitHub-owned GitHubAction not pinned by hash. Fix: uses: actions/checkout@8f4b... # v4.1.1` */
function messageOf(finding: CheckFinding): string {
  const fix = finding.remediation?.split('\n').find((line) => line.trim() !== '');
  return fix === undefined ? sentence(finding.message) : `${sentence(finding.message)} Fix: ${fix.trim()}`;
}

function locationOf(finding: CheckFinding): CheckSarifLocation {
  if (finding.file === undefined || finding.file === '') return { physicalLocation: { artifactLocation: { uri: relativeUri(noFile), uriBaseId: '%SRCROOT%' } } };
  const { line, endLine, snippet } = finding;
  // A region needs a start (SARIF §3.30.2); without a line the file alone is the location.
  const region =
    line === undefined || line < 1
      ? undefined
      : { startLine: line, ...(endLine !== undefined && endLine > line ? { endLine } : {}), ...(snippet === undefined || snippet === '' ? {} : { snippet: { text: snippet } }) };
  return { physicalLocation: { artifactLocation: { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' }, ...(region === undefined ? {} : { region }) } };
}

/**
 * A relative URI reference (RFC 3986) for a path relative to the repository root: `/` separators,
 * no `./`, and characters that would change its meaning (`%`, `?`, `#`, a `:` that would read as a
 * scheme, spaces) percent-encoded.
 */
function relativeUri(file: string): string {
  const path = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return encodeURI(path).replace(/[?#:]/g, (character) => encodeURIComponent(character));
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
