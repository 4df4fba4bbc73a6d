/**
 * `trustline check --format json`: the repository checks in Trustline's stable shape
 * (docs/commands/check.md, "JSON"). Keys come in a fixed order and a value that is not known is
 * left out, never written as null or undefined; a new field is added, never renamed, within one
 * schemaVersion.
 */
import type { CheckFinding, CheckOutcome, CheckReport, CheckResult, CheckRisk, PinnedDependencyType } from '../model/index.js';

export interface CheckJsonFinding {
  readonly outcome: CheckOutcome;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly snippet?: string;
  readonly remediation?: string;
  readonly dependencyType?: PinnedDependencyType;
  readonly pinned?: boolean;
  readonly deviation?: string;
}

export interface CheckJsonCheck {
  readonly name: string;
  readonly score: number;
  readonly reason: string;
  readonly risk: CheckRisk;
  readonly documentation: string;
  readonly findings: readonly CheckJsonFinding[];
}

export interface CheckJson {
  readonly schemaVersion: 1;
  readonly repository: { readonly path?: string; readonly url?: string; readonly commit?: string };
  readonly date: string;
  readonly score: number;
  readonly scorecardCompat: boolean;
  readonly checks: readonly CheckJsonCheck[];
}

/** The document, as a plain object for `JSON.stringify`: copied field by field, so nothing else of the report leaks into it. */
export function checkJson(report: CheckReport): CheckJson {
  const { path, url, commit } = report.repository;
  return {
    schemaVersion: 1,
    repository: { ...present('path', path), ...present('url', url), ...present('commit', commit) },
    date: report.date,
    score: report.score,
    scorecardCompat: report.scorecardCompat,
    checks: report.checks.map(checkOf),
  };
}

function checkOf(check: CheckResult): CheckJsonCheck {
  return { name: check.name, score: check.score, reason: check.reason, risk: check.risk, documentation: check.documentation, findings: check.findings.map(findingOf) };
}

function findingOf(finding: CheckFinding): CheckJsonFinding {
  return {
    outcome: finding.outcome,
    message: finding.message,
    ...present('file', finding.file),
    ...present('line', finding.line),
    ...present('endLine', finding.endLine),
    ...present('snippet', finding.snippet),
    ...present('remediation', finding.remediation),
    ...present('dependencyType', finding.dependencyType),
    ...present('pinned', finding.pinned),
    ...present('deviation', finding.deviation),
  };
}

/** `{ key: value }`, or nothing when the value is unknown. */
function present<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
