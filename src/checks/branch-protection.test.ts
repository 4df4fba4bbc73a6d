import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import { branchProtection, tieredScore } from './branch-protection.js';
import type { CheckContext } from './check.js';
import type { GitHubApi, GitHubBranchProtection } from './github-api.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');

function context(github: GitHubApi | undefined, files: Record<string, string> = {}): CheckContext {
  return { files: memoryRepository(files), scorecardCompat: true, now, ...(github === undefined ? {} : { github }) };
}

const full: GitHubBranchProtection = {
  branch: 'main',
  protected: true,
  classicUnreadable: false,
  allowDeletions: false,
  allowForcePushes: false,
  enforceAdmins: true,
  requirePullRequest: true,
  requiredApprovingReviewCount: 2,
  dismissStaleReviews: true,
  requireCodeOwnerReviews: true,
  requireLastPushApproval: true,
  requireUpToDateBranch: true,
  statusChecks: ['ci/test'],
};

describe('Branch-Protection (Scorecard tiers)', () => {
  it('scores an unprotected branch 0 and a fully protected one with CODEOWNERS 10', async () => {
    const none = await branchProtection.run(context(fakeGitHub()));
    expect(none).toMatchObject({ score: 0, reason: 'branch protection not enabled on development/release branches', risk: 'High' });
    expect(none.findings[0]?.message).toBe("branch protection not enabled for branch 'main'");

    const best = await branchProtection.run(context(fakeGitHub({ protection: full }), { '.github/CODEOWNERS': '* @octo-org/core\n' }));
    expect(best).toMatchObject({ score: 10, reason: 'branch protection is fully enabled on development and all release branches' });
    expect(best.findings.every((finding) => finding.outcome === 'pass')).toBe(true);
  });

  it('stops at the first incomplete tier', () => {
    const basic = { ...full, requirePullRequest: false, requiredApprovingReviewCount: 0, requireUpToDateBranch: false, requireLastPushApproval: false };
    expect(tieredScore(basic, true)).toBe(3);
    expect(tieredScore({ ...full, allowForcePushes: true }, true)).toBe(1);
    // Tiers 1 to 3 complete; one approval and no CODEOWNERS file leave tier 4 empty.
    expect(tieredScore({ ...full, requiredApprovingReviewCount: 1 }, false)).toBe(8);
    // Code owners required but no CODEOWNERS file: half of tier 4.
    expect(tieredScore(full, false)).toBe(8);
    expect(tieredScore({ ...full, enforceAdmins: false }, true)).toBe(9);
  });

  it('leaves settings the token cannot read out where Scorecard does, and counts them missing elsewhere', () => {
    const rulesOnly: GitHubBranchProtection = { branch: 'main', protected: true, classicUnreadable: false, allowDeletions: false, allowForcePushes: false, requirePullRequest: true, requiredApprovingReviewCount: 1, statusChecks: ['ci'] };
    // Tier 2: 2 (approval) + 1 (PRs) of 3, the unknown up-to-date and last-push settings left out;
    // tier 3 complete; tier 4: one approval, code owners unknown; tier 5 not reached.
    expect(tieredScore(rulesOnly, false)).toBe(8);
    expect(tieredScore({ ...rulesOnly, requiredApprovingReviewCount: 2, requireCodeOwnerReviews: true }, true)).toBe(10);
  });

  it('names each missing setting with its fix', async () => {
    const result = await branchProtection.run(context(fakeGitHub({ protection: { ...full, allowForcePushes: true, dismissStaleReviews: undefined } })));
    expect(result).toMatchObject({ score: 1, reason: 'branch protection is not maximal on development and all release branches' });
    const failure = result.findings.find((finding) => finding.outcome === 'fail');
    expect(failure).toMatchObject({ message: "branch 'main' allows force push" });
    expect(failure?.remediation).toContain('Block force pushes');
    expect(result.findings.find((finding) => finding.outcome === 'not-applicable')?.message).toBe("The token cannot read whether branch 'main' dismisses stale reviews.");
  });

  it('is -1 when a classic rule is unreadable without admin rights, when the API fails, or without the API', async () => {
    const hidden = await branchProtection.run(context(fakeGitHub({ protection: { protected: true, classicUnreadable: true, statusChecks: ['ci'] } })));
    expect(hidden.score).toBe(-1);
    expect(hidden.reason).toContain('admin rights');

    const failing = fakeGitHub({ fail: { branchProtection: new EnvironmentError('github-forbidden', 'GitHub refused to show it') } });
    expect(await branchProtection.run(context(failing))).toMatchObject({ score: -1, reason: 'GitHub refused to show it' });

    expect((await branchProtection.run(context(undefined))).score).toBe(-1);
  });
});
