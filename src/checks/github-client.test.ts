import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHttpFixture } from '../../test/http-fixture.js';
import type { HttpFixture } from '../../test/http-fixture.js';
import { EnvironmentError } from '../errors.js';
import { createHttpClient } from '../net/index.js';
import { octoDemoRoutes, shaDirect, shaForkPr, shaMerged, shaPrHead } from './__fixtures__/github-rest-octo-demo.js';
import { githubRouter } from './__fixtures__/github-rest-router.js';
import type { Routes } from './__fixtures__/github-rest-router.js';
import { createGitHubApi } from './github-client.js';
import type { GitHubApi } from './github-api.js';

let fixture: HttpFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function demoApi(routes: Routes = octoDemoRoutes, token: string | null = 'ghp_test'): Promise<GitHubApi> {
  fixture = await startHttpFixture(githubRouter(routes));
  return createGitHubApi({
    owner: 'octo-org',
    repo: 'demo',
    token: token ?? undefined,
    baseUrl: fixture.url,
    bestPracticesUrl: `${fixture.url}/bp`,
    http: createHttpClient({ userAgent: 'trustline-test', retries: 0 }),
  });
}

describe('createGitHubApi over the REST API', () => {
  it('reads the repository metadata with the token and memoizes it', async () => {
    const api = await demoApi();
    const metadata = await api.metadata();
    await api.metadata();

    expect(metadata).toEqual({ archived: false, createdAt: new Date('2024-02-03T04:05:06Z'), defaultBranch: 'main', htmlUrl: 'https://github.com/octo-org/demo' });
    expect(fixture?.requests.map((request) => request.url)).toEqual(['/repos/octo-org/demo']);
    expect(fixture?.requests[0]?.headers.authorization).toMatch(/^(token|bearer) ghp_test$/i);
  });

  it('reads recent commits with their merged pull request of this repository, reviews and merger', async () => {
    const api = await demoApi();
    const commits = await api.defaultBranchCommits();

    expect(commits.map((commit) => commit.sha)).toEqual([shaMerged, shaForkPr, shaDirect]);
    expect(commits[0]).toEqual({
      sha: shaMerged,
      message: 'Add parser (#12)',
      committedDate: new Date('2026-05-20T10:00:00Z'),
      htmlUrl: `https://github.com/octo-org/demo/commit/${shaMerged}`,
      author: { login: 'alice', isBot: false },
      pullRequest: {
        number: 12,
        author: { login: 'alice', isBot: false },
        mergedAt: new Date('2026-05-20T10:00:00Z'),
        mergedBy: 'carol',
        headSha: shaPrHead,
        labels: ['lgtm'],
        reviews: [
          { state: 'COMMENTED', author: 'bob' },
          { state: 'APPROVED', author: 'dave' },
          { state: 'APPROVED', author: '' },
        ],
        htmlUrl: 'https://github.com/octo-org/demo/pull/12',
      },
    });
    // A pull request from another repository (a fork's base) is not this repository's change.
    expect(commits[1]?.pullRequest).toBeUndefined();
    expect(commits[2]).toEqual({ sha: shaDirect, message: 'Release 1.0', committedDate: new Date('2026-05-18T10:00:00Z'), htmlUrl: `https://github.com/octo-org/demo/commit/${shaDirect}` });
    expect(fixture?.requests.some((request) => request.url.startsWith('/repos/octo-org/demo/commits?') && request.url.includes('sha=main') && request.url.includes('per_page=30'))).toBe(true);
  });

  it('reads the check runs and statuses of a commit', async () => {
    const api = await demoApi();
    expect(await api.commitChecks(shaPrHead)).toEqual({
      checkRuns: [
        { app: 'github-actions', name: 'test (ubuntu)', status: 'completed', conclusion: 'success', url: 'https://github.com/octo-org/demo/runs/4' },
        { app: '', name: 'lint', status: 'in_progress', conclusion: '', url: 'https://api.github.com/x/5' },
      ],
      statuses: [{ state: 'success', context: 'ci/circleci: build', targetUrl: 'https://circleci.com/gh/octo-org/demo/1' }],
    });
  });

  it('reads recent issues without pull requests, with the comments created since the date', async () => {
    const api = await demoApi();
    const issues = await api.recentIssues(new Date('2026-03-01T00:00:00Z'));

    expect(issues).toEqual([
      {
        number: 40,
        htmlUrl: 'https://github.com/octo-org/demo/issues/40',
        opened: { association: 'NONE', createdAt: new Date('2026-05-10T00:00:00Z') },
        comments: [{ association: 'MEMBER', createdAt: new Date('2026-05-25T00:00:00Z') }],
      },
      { number: 2, htmlUrl: 'https://github.com/octo-org/demo/issues/2', opened: { association: 'OWNER', createdAt: new Date('2025-01-01T00:00:00Z') }, comments: [] },
    ]);
    const commentsRequest = fixture?.requests.find((request) => request.url.startsWith('/repos/octo-org/demo/issues/comments'));
    expect(commentsRequest?.url).toContain('since=2026-03-01T00%3A00%3A00.000Z');
  });

  it('reads releases with asset digests, and attestations by digest (none is zero)', async () => {
    const api = await demoApi();
    const releases = await api.releases();

    expect(releases[0]?.tagName).toBe('v1.1.0');
    expect(releases[0]?.assets).toEqual([
      { name: 'demo-linux-amd64.tar.gz', url: 'https://github.com/octo-org/demo/releases/download/v1.1.0/demo-linux-amd64.tar.gz', digest: `sha256:${'1'.repeat(64)}` },
      { name: 'demo-linux-amd64.tar.gz.sig', url: 'https://github.com/octo-org/demo/releases/download/v1.1.0/demo-linux-amd64.tar.gz.sig' },
    ]);
    expect(releases[1]?.assets).toEqual([]);
    expect(await api.attestationCount(`sha256:${'1'.repeat(64)}`)).toBe(1);
    expect(await api.attestationCount(`sha256:${'2'.repeat(64)}`)).toBe(0);
  });

  it('merges classic branch protection with rulesets, the stricter setting winning', async () => {
    const api = await demoApi();
    expect(await api.branchProtection('main')).toEqual({
      branch: 'main',
      protected: true,
      classicUnreadable: false,
      allowDeletions: false,
      allowForcePushes: false,
      enforceAdmins: false,
      requirePullRequest: true,
      requiredApprovingReviewCount: 2,
      dismissStaleReviews: true,
      requireCodeOwnerReviews: true,
      requireLastPushApproval: true,
      requireUpToDateBranch: true,
      statusChecks: ['ci/test', 'lint'],
    });
  });

  it('keeps only the public status checks when the classic rule needs admin rights', async () => {
    const api = await demoApi({
      ...octoDemoRoutes,
      'GET /repos/octo-org/demo/branches/main/protection': { status: 404, body: { message: 'Not Found' } },
      'GET /repos/octo-org/demo/rules/branches/main': { body: [{ type: 'deletion' }] },
    });
    expect(await api.branchProtection('main')).toEqual({ branch: 'main', protected: true, classicUnreadable: true, allowDeletions: false, statusChecks: ['ci/test'] });
  });

  it('tells a branch protected by rulesets only from a classic rule it cannot read', async () => {
    const api = await demoApi({
      ...octoDemoRoutes,
      'GET /repos/octo-org/demo/branches/main/protection': { status: 404, body: { message: 'Branch not protected', documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection' } },
      'GET /repos/octo-org/demo/rules/branches/main': { body: [{ type: 'deletion' }, { type: 'non_fast_forward' }] },
    });
    expect(await api.branchProtection('main')).toEqual({ branch: 'main', protected: true, classicUnreadable: false, allowDeletions: false, allowForcePushes: false, statusChecks: [] });
  });

  it('tells webhooks with and without a secret, and explains the admin rights they need', async () => {
    const api = await demoApi();
    expect(await api.webhooks()).toEqual([
      { id: 11, settingsUrl: 'https://github.com/octo-org/demo/settings/hooks/11', active: true, hasSecret: true },
      { id: 12, settingsUrl: 'https://github.com/octo-org/demo/settings/hooks/12', active: true, hasSecret: false },
    ]);

    const refused = await demoApi({ ...octoDemoRoutes, 'GET /repos/octo-org/demo/hooks': { status: 404, body: { message: 'Not Found' } } });
    await expect(refused.webhooks()).rejects.toMatchObject({ code: 'github-forbidden', message: expect.stringContaining('admin rights') as unknown });
  });

  it('reads the companies and organizations of contributors with 5 or more contributions only', async () => {
    const api = await demoApi();
    expect(await api.contributors()).toEqual([
      { login: 'alice', contributions: 120, company: '@acme-corp', organizations: ['octo-org'] },
      { login: 'dependabot[bot]', contributions: 40, organizations: [] },
      { login: 'bob', contributions: 3, organizations: [] },
    ]);
    expect(fixture?.requests.some((request) => request.url.startsWith('/users/bob'))).toBe(false);
  });

  it('looks the badge up by repository URL without sending the GitHub token', async () => {
    const api = await demoApi({ ...octoDemoRoutes, 'GET /bp/projects.json': { body: [{ id: 1, name: 'demo', badge_level: 'silver', repo_url: 'https://github.com/octo-org/demo' }] } });
    expect(await api.bestPracticesBadge()).toBe('silver');
    const lookup = fixture?.requests.find((request) => request.url.startsWith('/bp/'));
    expect(lookup?.url).toBe('/bp/projects.json?url=https%3A%2F%2Fgithub.com%2Focto-org%2Fdemo');
    expect(lookup?.headers.authorization).toBeUndefined();

    const none = await demoApi({ ...octoDemoRoutes, 'GET /bp/projects.json': { body: [] } });
    expect(await none.bestPracticesBadge()).toBe('not-found');
    const odd = await demoApi({ ...octoDemoRoutes, 'GET /bp/projects.json': { body: [{ badge_level: 'platinum' }] } });
    expect(await odd.bestPracticesBadge()).toEqual({ unknown: 'platinum' });
  });
});

describe('GitHub API logging', () => {
  it('never prints, even when GitHub flags an endpoint as deprecated', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const api = await demoApi({ ...octoDemoRoutes, 'GET /repos/octo-org/demo/releases': { body: [], headers: { deprecation: 'true', sunset: 'Tue, 01 Sep 2026 00:00:00 GMT' } } });
      expect(await api.releases()).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('GitHub API errors', () => {
  it('explains an exhausted rate limit, with the reset time and the token advice', async () => {
    const api = await demoApi(
      { 'GET /repos/octo-org/demo': { status: 403, body: { message: 'API rate limit exceeded for 203.0.113.1.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1780000000' } } },
      null,
    );
    const error: unknown = await api.metadata().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error).toMatchObject({ code: 'github-rate-limited' });
    expect((error as EnvironmentError).oneLine()).toBe(
      "GitHub's API rate limit is used up while reading the repository octo-org/demo (it resets at 2026-05-28T20:26:40.000Z); without a token GitHub allows 60 requests an hour: set GITHUB_TOKEN or GH_TOKEN for 5,000",
    );
    expect(fixture?.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('names a rejected token, a secondary rate limit, a missing repository and a server failure', async () => {
    const cases: [number, Record<string, string>, string][] = [
      [401, {}, 'github-unauthorized'],
      [403, { 'retry-after': '60' }, 'github-rate-limited'],
      [403, {}, 'github-forbidden'],
      [404, {}, 'github-not-found'],
      [502, {}, 'github-failed'],
    ];
    for (const [status, headers, code] of cases) {
      const api = await demoApi({ 'GET /repos/octo-org/demo': { status, headers, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } } });
      await expect(api.metadata()).rejects.toMatchObject({ code });
      await fixture?.close();
      fixture = undefined;
    }
  });

  it('passes the HTTP client failure through when GitHub cannot be reached', async () => {
    const api = createGitHubApi({ owner: 'o', repo: 'r', baseUrl: 'http://127.0.0.1:1', http: createHttpClient({ userAgent: 'trustline-test', retries: 0 }) });
    await expect(api.metadata()).rejects.toMatchObject({ code: 'http-failed' });
  });
});
