import { describe, expect, it } from 'vitest';
import { scriptedRepository } from './__fixtures__/git-repository.js';
import { readGitHistory } from './git-history.js';
import type { CheckContext } from './check.js';
import { codeReview } from './code-review.js';
import { changesetsFromGitHub } from './code-review-changesets.js';
import type { GitCommit, GitHistory } from './git-history.js';
import type { GitHubApi, GitHubCommit, GitHubPullRequest } from './github-api.js';
import { fakeCommit, fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');
const date = new Date('2026-05-01T00:00:00Z');

function context(sources: { github?: GitHubApi; git?: GitHistory }, scorecardCompat = false): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...sources };
}

function pr(number: number, author: string, reviews: [string, string][], mergedBy = author, extra: Partial<GitHubPullRequest> = {}): GitHubPullRequest {
  return {
    number,
    author: { login: author, isBot: author.endsWith('[bot]') },
    mergedAt: date,
    mergedBy,
    headSha: `head${number}`,
    labels: [],
    reviews: reviews.map(([state, reviewer]) => ({ state, author: reviewer })),
    htmlUrl: `https://github.com/octo-org/demo/pull/${number}`,
    ...extra,
  };
}

const viaPr = (pull: GitHubPullRequest, message = `Change (#${pull.number})`): GitHubCommit => fakeCommit({ committedDate: date, message, pullRequest: pull });

describe('Code-Review with the GitHub API (Scorecard rules)', () => {
  it('groups commits of one pull request and counts the merger as an approval', () => {
    const pull = pr(5, 'alice', [], 'bob');
    const changesets = changesetsFromGitHub([viaPr(pull, 'part 2'), viaPr(pull, 'part 1'), fakeCommit({ committedDate: date, message: 'x\n\nDifferential Revision: https://reviews.example/D123' })]);
    expect(changesets.map((changeset) => [changeset.platform, changeset.revision])).toEqual([['GitHub', '5'], ['Phabricator', 'D123']]);
    expect(changesets[0]?.reviews).toEqual([{ state: 'APPROVED', author: 'bob' }]);
  });

  it('scores approved changesets out of those counted, leaving approved bot changes out', async () => {
    const github = fakeGitHub({
      commits: [
        viaPr(pr(1, 'alice', [['APPROVED', 'bob']])),
        viaPr(pr(2, 'alice', [['COMMENTED', 'bob'], ['APPROVED', 'alice']])),
        viaPr(pr(3, 'dependabot[bot]', [], 'alice')),
        viaPr(pr(4, 'carol', [], 'dave')),
      ],
    });
    const result = await codeReview.run(context({ github }, true));
    expect(result).toMatchObject({ score: 6, reason: 'Found 2/3 approved changesets -- score normalized to 6', risk: 'High' });
    const failures = result.findings.filter((finding) => finding.outcome === 'fail' && finding.remediation !== undefined);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toBe('Pull request #2 reached the default branch without an approval from someone other than its author (author: alice): https://github.com/octo-org/demo/pull/2.');
    expect(failures[0]?.remediation).toContain("'main'");
  });

  it('is 10 when every change is approved, -1 with only approved bot changes or no commits', async () => {
    const all = fakeGitHub({ commits: [viaPr(pr(1, 'alice', [['APPROVED', 'bob']]))] });
    expect(await codeReview.run(context({ github: all }, true))).toMatchObject({ score: 10, reason: 'all changesets reviewed' });

    const bots = fakeGitHub({ commits: [viaPr(pr(1, 'renovate[bot]', [], 'alice'))] });
    expect(await codeReview.run(context({ github: bots }, true))).toMatchObject({ score: -1, reason: 'Found no human activity in the last 1 changesets' });

    expect(await codeReview.run(context({ github: fakeGitHub() }, true))).toMatchObject({ score: -1, reason: 'no changesets detected' });
  });

  it('stops as Scorecard does on a direct push in compatibility mode', async () => {
    const github = fakeGitHub({ commits: [viaPr(pr(1, 'alice', [['APPROVED', 'bob']])), fakeCommit({ committedDate: date, message: 'hotfix', author: { login: 'alice', isBot: false } })] });
    expect(await codeReview.run(context({ github }, true))).toMatchObject({ score: -1, reason: 'internal error: could not retrieve changeset author' });
  });

  it('counts a direct push as unreviewed and a Gerrit change as reviewed, marked as deviations', async () => {
    const github = fakeGitHub({
      commits: [
        viaPr(pr(1, 'alice', [['APPROVED', 'bob']])),
        fakeCommit({ committedDate: date, message: 'hotfix', author: { login: 'alice', isBot: false } }),
        fakeCommit({ committedDate: date, message: 'gerrit change\n\nReviewed-on: https://gerrit.example/1\nReviewed-by: Bob <bob@example.com>' }),
      ],
    });
    const result = await codeReview.run(context({ github }));
    expect(result).toMatchObject({ score: 6, reason: 'Found 2/3 approved changesets -- score normalized to 6' });
    const deviations = result.findings.filter((finding) => finding.deviation !== undefined).map((finding) => finding.outcome);
    expect(deviations.sort()).toEqual(['fail', 'pass']);
  });

  it('treats a review by a deleted account as Scorecard does in compatibility mode, and ignores it otherwise', async () => {
    const github = fakeGitHub({ commits: [viaPr(pr(1, 'alice', [['APPROVED', '']], 'bob'))] });
    expect((await codeReview.run(context({ github }, true))).reason).toBe('internal error: could not retrieve the changeset reviewer');
    expect((await codeReview.run(context({ github }))).score).toBe(10);
  });
});

describe('Code-Review from the local git history (approximation)', () => {
  let counter = 0;
  const commit = (message: string, author: string, parents: string[], sha = `s${++counter}`): GitCommit => ({
    sha,
    parents,
    authorName: author.split('@')[0] ?? author,
    authorEmail: author,
    authorDate: date,
    committerName: 'GitHub',
    committerEmail: 'noreply@github.com',
    committerDate: date,
    message,
  });

  it('reads merges by another person and review trailers as approvals', async () => {
    const root = commit('root', 'ann@x.org', [], 'root');
    const tip = commit('feature', 'bea@x.org', ['root'], 'tip');
    const merge = commit('Merge pull request #7 from bea/feature', 'ann@x.org', ['root', 'tip'], 'merge');
    const selfMerge = commit('Merge pull request #8 from ann/x', 'ann@x.org', ['merge', 'own'], 'self');
    const own = commit('own work', 'ann@x.org', ['merge'], 'own');
    const trailer = commit('fix\n\nReviewed-by: Bea <BEA@x.org>', 'ann@x.org', ['self'], 'trailer');
    const bot = commit('Bump x', 'dependabot[bot]@users.noreply.github.com', ['trailer'], 'bot');
    const git: GitHistory = { head: 'bot', commits: [bot, trailer, selfMerge, own, merge, tip, root], complete: true, firstCommitDate: date };

    const result = await codeReview.run(context({ git }));
    // Changesets: bot (unapproved bot), trailer (approved), self-merge (unapproved), merge #7 (approved), root (unapproved).
    expect(result).toMatchObject({ score: 4, reason: 'Found 2/5 approved changesets -- score normalized to 4' });
    expect(result.findings.every((finding) => finding.deviation?.startsWith('Approximation from the local git history'))).toBe(true);
    expect(result.findings[0]?.message).toBe('2 of 5 recent changesets were approved by someone other than their author.');
    expect(result.findings.filter((finding) => finding.remediation !== undefined).map((finding) => finding.snippet)).toEqual([
      'Bump x',
      'Merge pull request #8 from ann/x',
      'root',
    ]);
  });

  it('reads a real history: a pull request merged by someone else is reviewed, a direct commit is not', async () => {
    const repository = scriptedRepository();
    try {
      repository.commit({ message: 'Initial commit', date: '2026-04-01T00:00:00Z' });
      repository.git(['checkout', '--quiet', '-b', 'feature']);
      repository.commit({ message: 'Add parser', date: '2026-04-02T00:00:00Z', author: { name: 'Bea', email: 'bea@example.org' } });
      repository.git(['checkout', '--quiet', 'main']);
      repository.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #2 from bea/feature', 'feature'], {
        GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.org', GIT_AUTHOR_DATE: '2026-04-03T00:00:00Z',
        GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com', GIT_COMMITTER_DATE: '2026-04-03T00:00:00Z',
      });
      repository.commit({ message: 'Fix typo\n\nCo-authored-by: Bea <bea@example.org>', date: '2026-04-04T00:00:00Z' });
      const git = await readGitHistory(repository.path, { now });

      const result = await codeReview.run(context({ ...(git === undefined ? {} : { git }) }));
      // Fix typo (co-authored) and the merge of #2 are reviewed; the initial commit is not.
      expect(result).toMatchObject({ score: 6, reason: 'Found 2/3 approved changesets -- score normalized to 6' });
    } finally {
      repository.remove();
    }
  });

  it('is -1 locally in compatibility mode, where Scorecard cannot run it', async () => {
    const git: GitHistory = { head: 'a', commits: [commit('a', 'ann@x.org', [], 'a')], complete: true };
    expect((await codeReview.run(context({ git }, true))).score).toBe(-1);
  });
});
