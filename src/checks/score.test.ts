import { describe, expect, it } from 'vitest';
import type { CheckResult, CheckRisk } from '../model/index.js';
import { proportionalScore } from './check.js';
import { aggregateScore } from './score.js';

const result = (risk: CheckRisk, score: number): CheckResult => ({ name: 'X', risk, score, reason: '', findings: [], documentation: '' });

describe('scores', () => {
  it('weighs checks by risk and leaves inconclusive ones out', () => {
    expect(aggregateScore([result('Critical', 10), result('Low', 0)])).toBe(8);
    expect(aggregateScore([result('High', 7), result('Medium', 4), result('Low', -1)])).toBe(5.8);
    expect(aggregateScore([result('High', -1)])).toBe(-1);
    expect(aggregateScore([])).toBe(-1);
  });

  it('uses integer division for proportions, as Scorecard does', () => {
    expect(proportionalScore(2, 3)).toBe(6);
    expect(proportionalScore(0, 0)).toBe(0);
    expect(proportionalScore(5, 5)).toBe(10);
  });
});
