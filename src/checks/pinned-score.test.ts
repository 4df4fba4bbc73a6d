import { describe, expect, it } from 'vitest';
import type { PinnedDependency } from './pinned-dependency.js';
import { scoreGroups, weightedScore } from './pinned-score.js';

const dependency = (type: PinnedDependency['type'], snippet: string, pinned: boolean): PinnedDependency => ({ type, pinned, file: 'f', line: 1, endLine: 1, snippet });

describe('Pinned-Dependencies score', () => {
  it.each([
    [[{ success: 2, total: 10, weight: 8 }, { success: 8, total: 10, weight: 2 }], 3],
    [[{ success: 1, total: 1, weight: 0 }, { success: 1, total: 1, weight: 0 }], 10],
    [[{ success: 0, total: 0, weight: 10 }], -1],
    [[{ success: 2, total: 8, weight: 0 }, { success: 0, total: 0, weight: 10 }], 10],
  ])('scores %j as %i', (groups, score) => {
    expect(weightedScore(groups).score).toBe(score);
  });

  it('fails when a group succeeds more than it counts', () => {
    expect(weightedScore([{ success: 1, total: 0, weight: 10 }])).toEqual({ score: -1, error: 'success 1 exceeds total 0' });
  });

  it('weighs third-party actions 8 and GitHub-owned 2 when both occur, every other kind 10', () => {
    const groups = scoreGroups([
      dependency('GitHubAction', 'actions/checkout@v4', false),
      dependency('GitHubAction', 'acme/x@v1', true),
      dependency('pipCommand', 'pip install x', false),
      dependency('pipCommand', 'pip install --require-hashes -r r.txt', true),
    ]);
    expect(groups).toEqual([
      { name: 'GitHub-owned GitHubAction', success: 0, total: 1, weight: 2 },
      { name: 'third-party GitHubAction', success: 1, total: 1, weight: 8 },
      { name: 'pipCommand', success: 1, total: 2, weight: 10 },
    ]);
    expect(weightedScore(groups).score).toBe(6);
    expect(scoreGroups([dependency('GitHubAction', 'github/codeql-action/init@v3', false)])).toEqual([{ name: 'GitHub-owned GitHubAction', success: 0, total: 1, weight: 10 }]);
  });
});
