import type { CheckResult, CheckRisk } from '../model/index.js';
import { inconclusiveScore } from './check.js';

/** Scorecard's weight of each risk level in the aggregate score. */
export const riskWeights: Readonly<Record<CheckRisk, number>> = { Critical: 10, High: 7.5, Medium: 5, Low: 2.5 };

/**
 * The aggregate score as Scorecard computes it (GetAggregateScore): the risk-weighted mean of the
 * checks that ran (a -1 check is left out), to one decimal; -1 when none ran.
 */
export function aggregateScore(results: readonly CheckResult[]): number {
  let total = 0;
  let weighted = 0;
  for (const result of results) {
    if (result.score < 0) continue;
    total += riskWeights[result.risk];
    weighted += riskWeights[result.risk] * result.score;
  }
  if (total === 0) return inconclusiveScore;
  return Math.round((weighted / total) * 10) / 10;
}
