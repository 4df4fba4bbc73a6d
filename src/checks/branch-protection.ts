/**
 * Branch-Protection (Scorecard, risk High): how well the default branch is protected, from classic
 * branch protection and repository rulesets (GitHub API). Scorecard scores in tiers, each reached
 * only when the one before is complete (checks/evaluation/branch_protection.go):
 *   1. (3 points) deletion and force pushes blocked;
 *   2. (3) pull requests required, with an approval, up-to-date branches and last-push approval;
 *   3. (2) status checks required;
 *   4. (1) two approvals, and code owners' review with a CODEOWNERS file;
 *   5. (1) stale approvals dismissed and the rules applied to administrators.
 * A setting the token cannot read counts as missing in tiers 1, 2 (pull requests), 3 and 4, and is
 * left out of the others, as Scorecard does. Release branches are not judged (see the report).
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import type { GitHubBranchProtection } from './github-api.js';
import { guarded, needsGitHubResult } from './source-results.js';

export const branchProtection: Check = {
  name: 'Branch-Protection',
  risk: 'High',
  short: "the default branch's protection: deletions, force pushes, reviews, status checks",
  source: 'github',
  run: (context) => guarded(branchProtection, () => judge(context)),
};

const codeownersPaths = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'];
const minReviews = 2;

/** One setting as Scorecard's probes see it: true, false, or unknown (not available). */
type Outcome = boolean | undefined;

interface Setting {
  readonly outcome: Outcome;
  readonly pass: string;
  readonly fail: string;
  readonly remediation: string;
}

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github === undefined) return needsGitHubResult(branchProtection, 'branch protection settings');
  const { defaultBranch } = await context.github.metadata();
  const rule = await context.github.branchProtection(defaultBranch);
  if (rule.classicUnreadable && (rule.allowDeletions === undefined || rule.allowForcePushes === undefined)) {
    return inconclusiveResult(
      branchProtection,
      `branch '${defaultBranch}' has a classic protection rule whose settings only a token with admin rights can read: give such a token, or move the rule to a repository ruleset, which anyone can read`,
    );
  }
  const hasCodeowners = codeownersPaths.some((path) => context.files.size(path) !== undefined);
  const settings = settingsOf(rule, hasCodeowners);
  const score = tieredScore(rule, hasCodeowners);
  const findings: CheckFinding[] = [];
  if (!rule.protected) {
    findings.push({ outcome: 'fail', message: `branch protection not enabled for branch '${defaultBranch}'`, remediation: `Protect '${defaultBranch}' with a repository ruleset (Settings → Rules → Rulesets) or a branch protection rule.` });
  }
  for (const setting of settings) {
    if (setting.outcome === true) findings.push({ outcome: 'pass', message: setting.pass });
    else if (setting.outcome === false) findings.push({ outcome: 'fail', message: setting.fail, remediation: setting.remediation });
    else if (rule.protected) findings.push({ outcome: 'not-applicable', message: `The token cannot read whether ${setting.pass}.`, remediation: setting.remediation });
  }
  if (score === 0) return scoredResult(branchProtection, 0, 'branch protection not enabled on development/release branches', findings);
  if (score === 10) return scoredResult(branchProtection, 10, 'branch protection is fully enabled on development and all release branches', findings);
  return scoredResult(branchProtection, score, 'branch protection is not maximal on development and all release branches', findings);
}

function settingsOf(rule: GitHubBranchProtection, hasCodeowners: boolean): Setting[] {
  const name = `branch '${rule.branch}'`;
  const not = (value: boolean | undefined): Outcome => (value === undefined ? undefined : !value);
  const count = rule.requiredApprovingReviewCount;
  return [
    { outcome: not(rule.allowDeletions), pass: `${name} does not allow deletion`, fail: `${name} allows deletion`, remediation: `Block deletions of ${name}: "Restrict deletions" in a ruleset, or clear "Allow deletions" in its protection rule.` },
    { outcome: not(rule.allowForcePushes), pass: `${name} does not allow force push`, fail: `${name} allows force push`, remediation: `Block force pushes to ${name}: "Block force pushes" in a ruleset, or clear "Allow force pushes" in its protection rule.` },
    { outcome: rule.requirePullRequest, pass: `PRs are required in order to make changes on ${name}`, fail: `${name} does not require PRs to change code`, remediation: `Require a pull request before merging into ${name}.` },
    { outcome: count === undefined ? undefined : count >= minReviews, pass: `${name} requires ${count ?? 0} approving reviews`, fail: `${name} requires ${count ?? 0} approving reviews, fewer than ${minReviews}`, remediation: `Require ${minReviews} approving reviews before merging into ${name} ("Required approvals").` },
    { outcome: rule.requireUpToDateBranch, pass: `${name} requires branches to be up to date before merging`, fail: `${name} does not require branches to be up to date before merging`, remediation: `Require branches to be up to date before merging into ${name} (strict status checks).` },
    { outcome: rule.requireLastPushApproval, pass: `${name} requires approval of the most recent push`, fail: `${name} does not require approval of the most recent push`, remediation: `Require approval of the most recent reviewable push on ${name}.` },
    { outcome: rule.statusChecks.length > 0, pass: `status check found to merge onto ${name}`, fail: `no status checks found to merge onto ${name}`, remediation: `Require status checks (your CI jobs) to pass before merging into ${name}.` },
    {
      outcome: rule.requireCodeOwnerReviews === undefined ? undefined : rule.requireCodeOwnerReviews && hasCodeowners,
      pass: `${name} requires code owner review`,
      fail: rule.requireCodeOwnerReviews === true ? `${name} requires code owner review, but the repository has no CODEOWNERS file` : `${name} does not require code owner review`,
      remediation: `Add a CODEOWNERS file and require review from code owners on ${name}.`,
    },
    { outcome: rule.dismissStaleReviews, pass: `${name} dismisses stale reviews`, fail: `${name} does not dismiss stale reviews`, remediation: `Dismiss stale pull request approvals when new commits are pushed to ${name}.` },
    { outcome: rule.enforceAdmins, pass: `${name} protection applies to administrators`, fail: `${name} protection does not apply to administrators`, remediation: `Apply the rules of ${name} to administrators too ("Do not allow bypassing the above settings", or no bypass list in the ruleset).` },
  ];
}

/** One when true; unknown counts in the maximum only when `countsUnknown`. */
function point(outcome: Outcome, countsUnknown: boolean): { score: number; max: number } {
  return { score: outcome === true ? 1 : 0, max: outcome === undefined && !countsUnknown ? 0 : 1 };
}

/** Scorecard's normalizeScore: a tier with nothing to judge gets its full level. */
function normalized(score: number, max: number, level: number): number {
  return max === 0 ? level : (score * level) / max;
}

/** Scorecard's computeFinalScore for the one branch judged. */
export function tieredScore(rule: GitHubBranchProtection, hasCodeowners: boolean): number {
  const count = rule.requiredApprovingReviewCount;
  const basic = [point(rule.allowDeletions === undefined ? undefined : !rule.allowDeletions, true), point(rule.allowForcePushes === undefined ? undefined : !rule.allowForcePushes, true)];
  const review = { score: count !== undefined && count > 0 ? 2 : 0, max: 2 };
  const adminReview = [point(rule.requireUpToDateBranch, false), point(rule.requireLastPushApproval, false), point(rule.requirePullRequest, true)];
  const context = point(rule.statusChecks.length > 0, true);
  const thorough = [point(count === undefined ? undefined : count >= minReviews, true), point(rule.requireCodeOwnerReviews === undefined ? undefined : rule.requireCodeOwnerReviews && hasCodeowners, true)];
  const adminThorough = [point(rule.dismissStaleReviews, false), point(rule.enforceAdmins, false)];
  const tiers: { parts: { score: number; max: number }[]; level: number }[] = [
    { parts: basic, level: 3 },
    { parts: [review, ...adminReview], level: 3 },
    { parts: [context], level: 2 },
    { parts: thorough, level: 1 },
    { parts: adminThorough, level: 1 },
  ];
  let total = 0;
  for (const tier of tiers) {
    const score = tier.parts.reduce((sum, part) => sum + part.score, 0);
    const max = tier.parts.reduce((sum, part) => sum + part.max, 0);
    total += normalized(score, max, tier.level);
    if (score < max) break;
  }
  return Math.trunc(total);
}
