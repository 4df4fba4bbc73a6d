import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import type { CheckContext } from './check.js';
import { ciEvidence, ciTests, looksLikeCi } from './ci-tests.js';
import type { GitHubApi, GitHubCommitChecks, GitHubPullRequest } from './github-api.js';
import { fakeCommit, fakeGitHub } from './__fixtures__/fake-github.js';
import { memoryRepository } from './repository.js';

const now = new Date('2026-06-01T00:00:00Z');
const date = new Date('2026-05-01T00:00:00Z');

function context(github: GitHubApi | undefined, scorecardCompat = true): CheckContext {
  return { files: memoryRepository({}), scorecardCompat, now, ...(github === undefined ? {} : { github }) };
}

const pull = (number: number): GitHubPullRequest => ({
  number,
  author: { login: 'alice', isBot: false },
  mergedAt: date,
  mergedBy: 'bob',
  headSha: `head${number}`,
  labels: [],
  reviews: [],
  htmlUrl: `https://github.com/octo-org/demo/pull/${number}`,
});
const none: GitHubCommitChecks = { checkRuns: [], statuses: [] };

describe('CI-Tests (Scorecard rules)', () => {
  it("recognizes CI by Scorecard's patterns, in statuses and completed successful check runs", () => {
    expect(['Travis-CI', 'ci/circleci: build', 'unit tests', 'Azure-Pipelines'].every(looksLikeCi)).toBe(true);
    expect(['Cirrus CI', 'codecov/patch', 'netlify'].some(looksLikeCi)).toBe(false);
    expect(ciEvidence({ checkRuns: [], statuses: [{ state: 'success', context: 'deploy', targetUrl: 'https://jenkins.example.com/job/1' }] })).toBe('status "deploy"');
    expect(ciEvidence({ checkRuns: [], statuses: [{ state: 'failure', context: 'test', targetUrl: '' }] })).toBeUndefined();
    expect(ciEvidence({ checkRuns: [{ app: 'github-actions', name: 'build', status: 'in_progress', conclusion: '', url: '' }], statuses: [] })).toBeUndefined();
    expect(ciEvidence({ checkRuns: [{ app: 'github-actions', name: 'build', status: 'completed', conclusion: 'success', url: '' }], statuses: [] })).toBe('check run "build" of github-actions');
  });

  it('scores tested merged pull requests out of all, each pull request once', async () => {
    const tested = { checkRuns: [{ app: 'github-actions', name: 'test', status: 'completed', conclusion: 'success', url: '' }], statuses: [] };
    const github = fakeGitHub({
      commits: [fakeCommit({ committedDate: date, pullRequest: pull(1) }), fakeCommit({ committedDate: date, pullRequest: pull(1) }), fakeCommit({ committedDate: date, pullRequest: pull(2) }), fakeCommit({ committedDate: date, pullRequest: pull(3) }), fakeCommit({ committedDate: date })],
      checks: { head1: tested, head2: tested, head3: none },
    });
    const result = await ciTests.run(context(github));
    expect(result).toMatchObject({ score: 6, reason: '2 out of 3 merged PRs checked by a CI test -- score normalized to 6', risk: 'Low' });
    expect(result.findings.find((finding) => finding.outcome === 'fail')?.message).toBe('merged PR #3 without CI test at HEAD: head3 (https://github.com/octo-org/demo/pull/3)');
  });

  it('is -1 without merged pull requests, without the API, or when the API fails', async () => {
    expect(await ciTests.run(context(fakeGitHub({ commits: [fakeCommit({ committedDate: date })] })))).toMatchObject({ score: -1, reason: 'no pull request found' });
    expect((await ciTests.run(context(undefined))).score).toBe(-1);
    const failing = fakeGitHub({ commits: [fakeCommit({ committedDate: date, pullRequest: pull(1) })], fail: { commitChecks: new EnvironmentError('github-rate-limited', 'rate limit') } });
    expect(await ciTests.run(context(failing))).toMatchObject({ score: -1, reason: 'rate limit' });
  });
});

