/**
 * `trustline check --format scorecard-json`: the checks in OpenSSF Scorecard's JSON v2 result
 * format (pkg/scorecard/json.go, AsJSON2 with details on; schema pkg/scorecard/json.v2.schema), so
 * dashboards and scripts that read Scorecard's output read Trustline's.
 */
import type { CheckFinding, CheckOutcome, CheckReport, CheckResult } from '../model/index.js';

export interface CheckScorecardJsonOptions {
  readonly toolVersion: string;
  /** Each check's one-line description by check name (the check definitions' `short`); the check name stands in for a missing one. */
  readonly shortDescriptions?: Readonly<Record<string, string>>;
}

export interface ScorecardJsonCheck {
  readonly details: readonly string[];
  readonly score: number;
  readonly reason: string;
  readonly name: string;
  readonly documentation: { readonly url: string; readonly short: string };
}

export interface ScorecardJson {
  readonly date: string;
  readonly repo: { readonly name: string; readonly commit: string };
  readonly scorecard: { readonly version: string; readonly commit: string };
  readonly score: number;
  readonly checks: readonly ScorecardJsonCheck[];
  readonly metadata: readonly string[];
}

/** Scorecard's word for what a detail line reports (checker.DetailType); Debug lines are not written at its default log level. */
const detailTypes: Record<CheckOutcome, 'Warn' | 'Info'> = { fail: 'Warn', error: 'Warn', pass: 'Info', 'not-applicable': 'Info' };

/** The document, as a plain object for `JSON.stringify`. */
export function checkScorecardJson(report: CheckReport, options: CheckScorecardJsonOptions): ScorecardJson {
  return {
    date: scorecardDate(report.date),
    repo: { name: repositoryName(report.repository), commit: report.repository.commit ?? 'unknown' },
    scorecard: { version: `trustline-${options.toolVersion}`, commit: 'unknown' },
    // Scorecard writes the aggregate with one decimal (`%.1f`); JSON numbers cannot keep a `.0`.
    score: Math.round(report.score * 10) / 10,
    checks: report.checks.map((check) => checkOf(check, options)),
    metadata: [],
  };
}

function checkOf(check: CheckResult, options: CheckScorecardJsonOptions): ScorecardJsonCheck {
  // Keys in Scorecard's order (jsonCheckResultV2), as in its samples.
  return {
    details: check.findings.map(detailOf),
    score: check.score,
    reason: check.reason,
    name: check.name,
    documentation: { url: check.documentation, short: options.shortDescriptions?.[check.name] ?? check.name },
  };
}

/**
 * One detail line as Scorecard writes it (pkg/scorecard/json.go, DetailToString for a detail
 * without a structured finding): `Warn: text: path:line[-endLine]`. Scorecard's texts end without
 * a full stop. The remediation is left out: Trustline's is a line or a block of code, not a tip.
 */
export function detailOf(finding: CheckFinding): string {
  const text = finding.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  let detail = `${detailTypes[finding.outcome]}: ${text}`;
  if (finding.file !== undefined && finding.file !== '') {
    detail += `: ${finding.file}`;
    if (finding.line !== undefined && finding.line !== 0) detail += `:${finding.line}`;
    if (finding.endLine !== undefined && finding.line !== undefined && finding.line < finding.endLine) detail += `-${finding.endLine}`;
  }
  return detail;
}

/**
 * Scorecard's repository name: `github.com/OWNER/REPO` for a GitHub URL (any page of the
 * repository, `.git` or not), host and path for another forge's URL, else the local path.
 */
export function repositoryName(repository: CheckReport['repository']): string {
  const { url, path } = repository;
  if (url === undefined) return path ?? 'unknown';
  // `github.com/OWNER/REPO` without a scheme is how Scorecard's --repo is often given.
  const parsed = urlOf(url) ?? urlOf(`https://${url}`);
  if (parsed === undefined || parsed.host === '') return url;
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  const kept = host === 'github.com' ? segments.slice(0, 2) : segments;
  return [host, ...kept].join('/').replace(/\.git$/, '');
}

function urlOf(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

/**
 * The date as Go's time.RFC3339 writes it (`2023-03-02T10:30:43-06:00`, `...Z` in UTC): whole
 * seconds, the offset as given. A date without a time is midnight UTC; text that is no ISO 8601
 * date is kept as it is.
 */
export function scorecardDate(date: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}:\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?$/.exec(date.trim());
  if (match === null) return date;
  const [, day, time = '00:00:00', offset = 'Z'] = match;
  return `${day ?? ''}T${time}${/^[+-]00:00$|^z$/i.test(offset) ? 'Z' : offset}`;
}
