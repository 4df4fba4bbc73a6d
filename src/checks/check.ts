/**
 * The shape every check shares. A check is one file under src/checks/ that reads raw data from
 * the context's collectors (files, workflows, git history, the GitHub API) and returns a
 * {@link CheckResult}: a 0 to 10 score with Scorecard's rules, the reason, and findings that carry
 * their evidence and remediation.
 */
import type { CheckFinding, CheckResult, CheckRisk } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { GitHistory } from './git-history.js';
import type { GitHubApi } from './github-api.js';
import type { RepositoryFiles } from './repository.js';

/** Scorecard's score bounds. */
export const maxScore = 10;
export const minScore = 0;
/** The score of a check that could not run; its reason says why. */
export const inconclusiveScore = -1;

/** What a check may read. Collectors are lazy and shared: each file is read once per run. */
export interface CheckContext {
  readonly files: RepositoryFiles;
  /**
   * Reproduce Scorecard exactly (`--scorecard-compat`): Trustline's documented improvements are
   * off. Without it, every finding that differs from Scorecard carries a `deviation`.
   */
  readonly scorecardCompat: boolean;
  /** The time the checks are judged at (tests pass a fixed one). */
  readonly now: Date;
  /** Local git history, when the path is a git repository. */
  readonly git?: GitHistory;
  /** The GitHub API for the repository, when a URL or a token is given. */
  readonly github?: GitHubApi;
  /** The local folder being checked (absent for a repository held in memory). */
  readonly root?: string;
  /** The advisory store, for the Vulnerabilities check. */
  readonly store?: Store;
}

/** Where a check's data comes from: it is skipped with a reason when its source is missing. */
export type CheckSource = 'files' | 'git' | 'github';

export interface Check {
  /** Scorecard's name, e.g. `Pinned-Dependencies`. */
  readonly name: string;
  readonly risk: CheckRisk;
  /** One line: what the check looks at (shown in help and docs). */
  readonly short: string;
  readonly source: CheckSource;
  run(context: CheckContext): Promise<CheckResult> | CheckResult;
}

/** Scorecard's documentation page of a check. */
export function documentationUrl(name: string): string {
  return `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${name.toLowerCase()}`;
}

/** A result with a score. */
export function scoredResult(check: Pick<Check, 'name' | 'risk'>, score: number, reason: string, findings: readonly CheckFinding[]): CheckResult {
  return { name: check.name, risk: check.risk, score: Math.max(minScore, Math.min(maxScore, Math.trunc(score))), reason, findings, documentation: documentationUrl(check.name) };
}

/** A check that could not run: score -1 and why. */
export function inconclusiveResult(check: Pick<Check, 'name' | 'risk'>, reason: string, findings: readonly CheckFinding[] = []): CheckResult {
  return { name: check.name, risk: check.risk, score: inconclusiveScore, reason, findings, documentation: documentationUrl(check.name) };
}

/**
 * Scorecard's proportional score: 10 × success / total with integer division, 0 when there is
 * nothing to count (checker.CreateProportionalScore).
 */
export function proportionalScore(success: number, total: number): number {
  if (total === 0) return 0;
  return Math.min(maxScore, Math.floor((maxScore * success) / total));
}
