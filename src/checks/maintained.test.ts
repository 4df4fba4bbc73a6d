import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import type { CheckContext } from './check.js';
import type { GitCommit, GitHistory } from './git-history.js';
import type { GitHubApi, GitHubIssue } from './github-api.js';
import { fakeCommit, fakeGitHub } from './__fixtures__/fake-github.js';
import { maintained } from './maintained.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number): Date => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

function context(sources: { github?: GitHubApi; git?: GitHistory }, scorecardCompat = false): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...sources };
}

function gitCommit(sha: string, committed: Date, parents: string[] = ['p']): GitCommit {
  return { sha, parents, authorName: 'A', authorEmail: 'a@example.org', authorDate: committed, committerName: 'A', committerEmail: 'a@example.org', committerDate: committed, message: 'm' };
}

const issue = (number: number, association: string, created: Date, comments: GitHubIssue['comments'] = []): GitHubIssue => ({
  number,
  htmlUrl: `https://github.com/octo-org/demo/issues/${number}`,
  opened: { association, createdAt: created },
  comments,
});

describe('Maintained with the GitHub API (Scorecard rules)', () => {
  it('counts recent commits and issues with maintainer activity against 12 a quarter', async () => {
    const github = fakeGitHub({
      commits: [fakeCommit({ committedDate: daysAgo(1) }), fakeCommit({ committedDate: daysAgo(30) }), fakeCommit({ committedDate: daysAgo(91) })],
      issues: [
        issue(1, 'OWNER', daysAgo(5)),
        issue(2, 'NONE', daysAgo(5), [{ association: 'MEMBER', createdAt: daysAgo(2) }]),
        issue(3, 'NONE', daysAgo(5), [{ association: 'CONTRIBUTOR', createdAt: daysAgo(2) }]),
        issue(4, 'COLLABORATOR', daysAgo(100)),
      ],
    });
    const result = await maintained.run(context({ github }));

    expect(result.score).toBe(3);
    expect(result.reason).toBe('2 commit(s) and 2 issue activity found in the last 90 days -- score normalized to 3');
    expect(result.risk).toBe('High');
  });

  it('caps at 10 and scores an archived repository 0', async () => {
    const busy = fakeGitHub({ commits: Array.from({ length: 13 }, () => fakeCommit({ committedDate: daysAgo(3) })) });
    expect((await maintained.run(context({ github: busy }))).score).toBe(10);

    const archived = await maintained.run(context({ github: fakeGitHub({ metadata: { archived: true }, commits: [fakeCommit({ committedDate: daysAgo(1) })] }) }));
    expect(archived).toMatchObject({ score: 0, reason: 'project is archived' });
    expect(archived.findings[0]?.remediation).toContain('fork');
  });

  it('scores a repository created in the last 90 days 0 in compatibility mode', async () => {
    const github = fakeGitHub({ metadata: { createdAt: daysAgo(10) }, commits: [fakeCommit({ committedDate: daysAgo(1) })] });
    const result = await maintained.run(context({ github }, true));
    expect(result).toMatchObject({ score: 0, reason: 'project was created within the last 90 days. Please review its contents carefully' });
    expect(result.findings.every((finding) => finding.deviation === undefined)).toBe(true);
  });

  it('reports a repository created in the last 90 days as inconclusive, marked as a deviation', async () => {
    const github = fakeGitHub({ metadata: { createdAt: daysAgo(10) } });
    const result = await maintained.run(context({ github }));
    expect(result.score).toBe(-1);
    expect(result.reason).toContain('was created on 2026-05-22');
    expect(result.findings[0]?.deviation).toContain('Scorecard scores a repository created in the last 90 days 0');
  });

  it('prefers the API over the local history, and is -1 with the reason when the API fails', async () => {
    const git: GitHistory = { head: 'x', commits: [gitCommit('x', daysAgo(1))], complete: false };
    const quiet = await maintained.run(context({ github: fakeGitHub(), git }));
    expect(quiet.score).toBe(0);

    const limited = fakeGitHub({ fail: { defaultBranchCommits: new EnvironmentError('github-rate-limited', "GitHub's API rate limit is used up") } });
    expect(await maintained.run(context({ github: limited, git }))).toMatchObject({ score: -1, reason: "GitHub's API rate limit is used up" });
  });
});

describe('Maintained from the local git history', () => {
  it('counts the commits of the last 90 days among the 30 most recent', async () => {
    const commits = Array.from({ length: 40 }, (_, index) => gitCommit(`c${index}`, daysAgo(index < 35 ? 1 : 200)));
    const result = await maintained.run(context({ git: { head: 'c0', commits, complete: false } }));
    expect(result.score).toBe(10);
    expect(result.reason).toBe('30 commit(s) and 0 issue activity found in the last 90 days -- score normalized to 10');
    expect(result.findings.find((finding) => finding.outcome === 'not-applicable')?.deviation).toContain('local git history');
  });

  it('judges the age from the first commit when the whole history was read, except in compatibility mode', async () => {
    const young: GitHistory = { head: 'b', commits: [gitCommit('b', daysAgo(2)), gitCommit('a', daysAgo(20), [])], complete: true, firstCommitDate: daysAgo(20) };
    const improved = await maintained.run(context({ git: young }));
    expect(improved.score).toBe(-1);
    expect(improved.reason).toContain('has its first commit on 2026-05-12');

    const compat = await maintained.run(context({ git: young }, true));
    expect(compat).toMatchObject({ score: 1, reason: '2 commit(s) and 0 issue activity found in the last 90 days -- score normalized to 1' });
    expect(compat.findings.every((finding) => finding.deviation === undefined)).toBe(true);

    const truncated = await maintained.run(context({ git: { ...young, complete: false } }));
    expect(truncated.score).toBe(1);
  });

  it('is -1 with a reason when there is neither git history nor API', async () => {
    const result = await maintained.run(context({}));
    expect(result.score).toBe(-1);
    expect(result.reason).toContain('needs the git history');
  });
});
