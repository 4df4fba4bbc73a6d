/**
 * Results shared by the checks that read git history or the GitHub API: the -1 of a missing or
 * failing data source (Scorecard reports a runtime error as -1 with its reason), and Scorecard's
 * proportional result with its " -- score normalized to N" reason.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { TrustlineError } from '../errors.js';
import { inconclusiveResult, proportionalScore, scoredResult } from './check.js';
import type { Check } from './check.js';

/** Scorecard's look-back for activity (Maintained) and its day length. */
export const lookBackDays = 90;
export const dayMs = 24 * 60 * 60 * 1000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * dayMs);
}

/**
 * Runs a check's body; a TrustlineError from a data source (a rate limit, a missing permission,
 * git failing) becomes an inconclusive result with its one-line message instead of ending the run.
 */
export async function guarded(check: Pick<Check, 'name' | 'risk'>, body: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof TrustlineError) return inconclusiveResult(check, error.oneLine());
    throw error;
  }
}

/** The -1 of a check whose data only the GitHub API has. */
export function needsGitHubResult(check: Pick<Check, 'name' | 'risk'>, what: string): CheckResult {
  return inconclusiveResult(
    check,
    `${check.name} reads ${what} from the GitHub API: check a GitHub repository (its URL, or a clone of it) with a token in GITHUB_TOKEN or GH_TOKEN`,
  );
}

/** Scorecard's CreateProportionalScoreResult: 10 × success / total, and the reason says so. */
export function proportionalResult(check: Pick<Check, 'name' | 'risk'>, reason: string, success: number, total: number, findings: readonly CheckFinding[]): CheckResult {
  const score = proportionalScore(success, total);
  return scoredResult(check, score, `${reason} -- score normalized to ${score}`, findings);
}

/** The first line of a commit message, bounded: a finding's snippet. */
export function subjectOf(message: string): string {
  const subject = message.split('\n', 1)[0]?.trim() ?? '';
  return subject.length > 120 ? `${subject.slice(0, 117)}...` : subject;
}
