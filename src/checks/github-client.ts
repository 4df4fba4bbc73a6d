/**
 * The real {@link GitHubApi}: @octokit/rest over Trustline's HTTP client. Every method is lazy and
 * memoized, so a run asks GitHub at most once for each thing, and only for what its checks read.
 * Reading the token from GITHUB_TOKEN or GH_TOKEN is the caller's business (src/cli).
 */
import { Octokit } from '@octokit/rest';
import { createHttpClient } from '../net/index.js';
import type { HttpClient } from '../net/index.js';
import type { BestPracticesBadge, GitHubApi, GitHubBranchProtection, GitHubCommitChecks, GitHubIssue, GitHubRepositoryMetadata } from './github-api.js';
import { readCommitChecks, readRecentCommits, readRecentIssues } from './github-rest-history.js';
import { readAttestationCount, readBestPracticesBadge, readBranchProtection, readContributors, readReleases, readWebhooks } from './github-rest-settings.js';
import { readCommitterIdsOfCommitsBy, readLanguages, readLicenses, readSuccessfulWorkflowRuns } from './github-rest-platform.js';
import { fetchOverHttpClient, gitHubError } from './github-transport.js';
import { mapLimited } from './map-limited.js';
import type { FileCheckPlatform, MergedPullRequest } from './platform-data.js';

export interface GitHubApiOptions {
  readonly owner: string;
  readonly repo: string;
  /** A personal access token or GITHUB_TOKEN; without one GitHub allows 60 requests an hour. */
  readonly token?: string | undefined;
  /** The REST API root: `https://api.github.com` (default) or `https://HOST/api/v3` for GitHub Enterprise. */
  readonly baseUrl?: string | undefined;
  /** Trustline's HTTP client (proxy, timeouts, retries); one is created when absent. */
  readonly http?: HttpClient | undefined;
  readonly userAgent?: string | undefined;
  /** The OpenSSF Best Practices service. Default `https://www.bestpractices.dev`. */
  readonly bestPracticesUrl?: string | undefined;
  /** The largest response body accepted from GitHub. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** The platform data of the file checks this client also serves (platform-data.ts picks the members up). */
export type GitHubPlatform = Required<Pick<FileCheckPlatform, 'mergedPullRequests' | 'recentCommits' | 'successfulWorkflowRuns' | 'committerIdsOfCommitsBy' | 'licenses' | 'languages'>>;

const silentLog = { debug: (): void => {}, info: (): void => {}, warn: (): void => {}, error: (): void => {} };

export function createGitHubApi(options: GitHubApiOptions): GitHubApi & GitHubPlatform {
  const ref = { owner: options.owner, repo: options.repo };
  const name = `${ref.owner}/${ref.repo}`;
  const userAgent = options.userAgent ?? 'trustline';
  const http = options.http ?? createHttpClient({ userAgent });
  const hasToken = options.token !== undefined && options.token !== '';
  const octokit = new Octokit({
    ...(hasToken ? { auth: options.token } : {}),
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent,
    log: silentLog,
    // request.log too: Octokit's deprecation warnings go there, to the console by default.
    request: { fetch: fetchOverHttpClient(http, options.maxResponseBytes ?? 16 * 1024 * 1024), log: silentLog },
  });

  /** Runs `read` once; a failure becomes the EnvironmentError that explains it. */
  const once = <T>(what: string, read: () => Promise<T>): (() => Promise<T>) => {
    let result: Promise<T> | undefined;
    return () => (result ??= read().catch((error: unknown) => Promise.reject(gitHubError(error, what, hasToken))));
  };
  const keyed = <T>(what: (key: string) => string, read: (key: string) => Promise<T>): ((key: string) => Promise<T>) => {
    const results = new Map<string, () => Promise<T>>();
    return (key) => {
      let result = results.get(key);
      if (result === undefined) {
        result = once(what(key), () => read(key));
        results.set(key, result);
      }
      return result();
    };
  };

  const metadata = once(`the repository ${name}`, async (): Promise<GitHubRepositoryMetadata> => {
    const { data } = await octokit.rest.repos.get(ref);
    return { archived: data.archived, createdAt: new Date(data.created_at), defaultBranch: data.default_branch, htmlUrl: data.html_url };
  });
  const defaultBranchCommits = once(`the recent commits of ${name}`, async () => readRecentCommits(octokit, ref, (await metadata()).defaultBranch));
  const commitChecks = keyed((sha) => `the checks of commit ${sha.slice(0, 12)} of ${name}`, (sha): Promise<GitHubCommitChecks> => readCommitChecks(octokit, ref, sha));
  const recentIssues = keyed(() => `the recent issues of ${name}`, (since): Promise<GitHubIssue[]> => readRecentIssues(octokit, ref, new Date(since)));
  const releases = once(`the releases of ${name}`, () => readReleases(octokit, ref));
  const attestationCount = keyed((digest) => `the attestations of ${digest} in ${name}`, (digest) => readAttestationCount(octokit, ref, digest));
  const branchProtection = keyed((branch) => `the protection of branch '${branch}' of ${name}`, (branch): Promise<GitHubBranchProtection> => readBranchProtection(octokit, ref, branch));
  const webhooks = once(`the webhooks of ${name}`, async () => readWebhooks(octokit, ref, (await metadata()).htmlUrl));
  const contributors = once(`the contributors of ${name}`, () => readContributors(octokit, ref));
  const bestPracticesBadge = once(
    `the OpenSSF Best Practices badge of ${name}`,
    async (): Promise<BestPracticesBadge> => readBestPracticesBadge(http, options.bestPracticesUrl ?? 'https://www.bestpractices.dev', (await metadata()).htmlUrl),
  );

  // Platform data of the file checks. As Scorecard's SAST raw data, one entry per recent commit
  // that came from a merged pull request, with the check runs of the pull request's head.
  const mergedPullRequests = once(`the merged pull requests of ${name}`, async (): Promise<MergedPullRequest[]> => {
    const merged = (await defaultBranchCommits()).flatMap((commit) => (commit.pullRequest === undefined ? [] : [commit.pullRequest]));
    return mapLimited(merged, 6, async (pull) => ({
      number: pull.number,
      headSha: pull.headSha,
      checkRuns: (await commitChecks(pull.headSha)).checkRuns.map((run) => ({ app: run.app, status: run.status, conclusion: run.conclusion, url: run.url })),
    }));
  });
  const successfulWorkflowRuns = keyed((file) => `the successful runs of workflow ${file} of ${name}`, (file) => readSuccessfulWorkflowRuns(octokit, ref, file));
  const committerIdsOfCommitsBy = keyed((author) => `the commits of ${author} in ${name}`, (author) => readCommitterIdsOfCommitsBy(octokit, ref, author));

  return {
    repository: ref,
    metadata,
    defaultBranchCommits,
    commitChecks,
    recentIssues: (since) => recentIssues(since.toISOString()),
    releases,
    attestationCount,
    branchProtection,
    webhooks,
    contributors,
    bestPracticesBadge,
    mergedPullRequests,
    recentCommits: async () => (await defaultBranchCommits()).map((commit) => commit.sha),
    successfulWorkflowRuns,
    committerIdsOfCommitsBy,
    licenses: once(`the license of ${name}`, () => readLicenses(octokit, ref)),
    languages: once(`the languages of ${name}`, () => readLanguages(octokit, ref)),
  };
}
