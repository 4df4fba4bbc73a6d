/**
 * Pinned-Dependencies' score (checks/evaluation/pinned_dependencies.go): one group per kind of
 * dependency found, each weighted 10, except GitHub Actions, split into third-party (weight 8)
 * and GitHub-owned (weight 2) when both occur (https://github.com/ossf/scorecard/issues/802).
 * The score is checker.CreateProportionalScoreWeighted over the groups.
 */
import type { PinnedDependencyType } from '../model/index.js';
import { inconclusiveScore, maxScore } from './check.js';
import { isGitHubOwnedAction } from './pinned-actions.js';
import type { PinnedDependency } from './pinned-dependency.js';

export interface ScoreGroup {
  /** `GitHub-owned GitHubAction`, `third-party GitHubAction`, `pipCommand`, ... */
  readonly name: string;
  readonly success: number;
  readonly total: number;
  readonly weight: number;
}

const gitHubOwnedWeight = 2;
const thirdPartyWeight = 8;
const normalWeight = gitHubOwnedWeight + thirdPartyWeight;

/**
 * floor(10 × Σ success·weight / Σ total·weight) over the groups with a total; -1 when none has
 * one; 10 when every such group weighs 0; an error (and -1) when a group succeeds more than it counts.
 */
export function weightedScore(groups: readonly Pick<ScoreGroup, 'success' | 'total' | 'weight'>[]): { readonly score: number; readonly error?: string } {
  let weightedSuccess = 0;
  let weightedTotal = 0;
  let counted = false;
  let allWeightsZero = true;
  for (const group of groups) {
    if (group.success > group.total) return { score: inconclusiveScore, error: `success ${group.success} exceeds total ${group.total}` };
    if (group.total === 0) continue;
    counted = true;
    if (group.weight !== 0) allWeightsZero = false;
    weightedSuccess += group.success * group.weight;
    weightedTotal += group.total * group.weight;
  }
  if (!counted) return { score: inconclusiveScore };
  if (allWeightsZero) return { score: maxScore };
  return { score: Math.min(maxScore, Math.floor((maxScore * weightedSuccess) / weightedTotal)) };
}

/** The groups of the dependencies found: actions first, then the other kinds in the order met. */
export function scoreGroups(dependencies: readonly PinnedDependency[]): ScoreGroup[] {
  const owned = { success: 0, total: 0 };
  const thirdParty = { success: 0, total: 0 };
  const others = new Map<PinnedDependencyType, { success: number; total: number }>();
  for (const dependency of dependencies) {
    const counts = dependency.type === 'GitHubAction' ? (isGitHubOwnedAction(dependency.snippet) ? owned : thirdParty) : others.get(dependency.type) ?? { success: 0, total: 0 };
    if (dependency.type !== 'GitHubAction') others.set(dependency.type, counts);
    counts.total += 1;
    if (dependency.pinned) counts.success += 1;
  }
  const groups: ScoreGroup[] = [];
  if (owned.total > 0 && thirdParty.total > 0) {
    groups.push({ name: 'GitHub-owned GitHubAction', ...owned, weight: gitHubOwnedWeight }, { name: 'third-party GitHubAction', ...thirdParty, weight: thirdPartyWeight });
  } else if (owned.total > 0) {
    groups.push({ name: 'GitHub-owned GitHubAction', ...owned, weight: normalWeight });
  } else if (thirdParty.total > 0) {
    groups.push({ name: 'third-party GitHubAction', ...thirdParty, weight: normalWeight });
  }
  for (const [type, counts] of others) groups.push({ name: type, ...counts, weight: normalWeight });
  return groups;
}
