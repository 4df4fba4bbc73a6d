/**
 * Scorecard's evaluation step (checks/evaluation/*.go) as data: a score, a reason and the
 * findings, each with the level Scorecard logs its detail at. The level lets the conformance
 * tests compare Scorecard's log counts; findings Trustline adds (a remediation Scorecard does not
 * log) have none.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { type Check, inconclusiveScore, inconclusiveResult, scoredResult } from './check.js';

export type ScorecardLevel = 'warn' | 'info' | 'debug';

export interface LoggedFinding {
  readonly finding: CheckFinding;
  /** How Scorecard logs it; absent when Scorecard does not. */
  readonly level?: ScorecardLevel;
}

export interface Evaluation {
  /** 0 to 10, or -1 (inconclusive). */
  readonly score: number;
  readonly reason: string;
  readonly entries: readonly LoggedFinding[];
}

export function logged(finding: CheckFinding, level?: ScorecardLevel): LoggedFinding {
  return level === undefined ? { finding } : { finding, level };
}

/** Scorecard's Warn, Info and Debug counts. */
export function logCounts(entries: readonly LoggedFinding[]): { warn: number; info: number; debug: number } {
  const counts = { warn: 0, info: 0, debug: 0 };
  for (const entry of entries) if (entry.level !== undefined) counts[entry.level] += 1;
  return counts;
}

/** The check result of an evaluation. */
export function resultOf(check: Pick<Check, 'name' | 'risk'>, evaluation: Evaluation): CheckResult {
  const findings = evaluation.entries.map((entry) => entry.finding);
  return evaluation.score === inconclusiveScore ? inconclusiveResult(check, evaluation.reason, findings) : scoredResult(check, evaluation.score, evaluation.reason, findings);
}
