/**
 * Readers of the GitHub REST API for what happened on a repository: recent default-branch commits
 * with their merged pull requests and reviews, the checks of a commit, recent issues and comments.
 * Each maps the documented response shape to the small types of github-api.ts; anything missing or
 * malformed in a response becomes an empty value, never a crash.
 */
import type { Octokit } from '@octokit/rest';
import type { GitHubCommit, GitHubCommitChecks, GitHubIssue, GitHubIssueActivity, GitHubPullRequest, GitHubRepositoryRef, GitHubUser } from './github-api.js';
import { recentCommitCount, recentIssueCount } from './github-api.js';
import { httpStatusOf } from './github-transport.js';
import { mapLimited } from './map-limited.js';

/** Requests in flight at once for per-commit lookups: fast, and well under GitHub's secondary limits. */
const concurrency = 6;

interface RestUser {
  readonly login?: string | null;
  readonly type?: string | null;
}

export async function readRecentCommits(octokit: Octokit, ref: GitHubRepositoryRef, branch: string): Promise<GitHubCommit[]> {
  const { data } = await octokit.rest.repos.listCommits({ ...ref, sha: branch, per_page: recentCommitCount });
  return mapLimited(data.slice(0, recentCommitCount), concurrency, async (item): Promise<GitHubCommit> => {
    const pullRequest = await readAssociatedPullRequest(octokit, ref, item.sha);
    const author = item.author === null ? undefined : userOf(item.author);
    return {
      sha: item.sha,
      message: item.commit.message,
      committedDate: dateOf(item.commit.committer?.date),
      htmlUrl: item.html_url,
      ...(author === undefined ? {} : { author }),
      ...(pullRequest === undefined ? {} : { pullRequest }),
    };
  });
}

/**
 * The merged pull request a commit came from. As Scorecard does, only the first associated pull
 * request of this repository counts (forks' pull requests are other repositories'), and an unmerged
 * one means none.
 */
async function readAssociatedPullRequest(octokit: Octokit, ref: GitHubRepositoryRef, sha: string): Promise<GitHubPullRequest | undefined> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...ref, commit_sha: sha, per_page: 10 });
  const first = data.find((pull) => sameRepository(pull.base.repo, ref));
  if (first?.merged_at == null) return undefined;
  const [{ data: full }, { data: reviews }] = await Promise.all([
    octokit.rest.pulls.get({ ...ref, pull_number: first.number }),
    octokit.rest.pulls.listReviews({ ...ref, pull_number: first.number, per_page: 100 }),
  ]);
  return {
    number: first.number,
    author: userOf(first.user),
    mergedAt: dateOf(first.merged_at),
    mergedBy: full.merged_by?.login ?? '',
    headSha: first.head.sha,
    labels: first.labels.map((label) => label.name),
    reviews: reviews.map((review) => ({ state: review.state, author: review.user?.login ?? '' })),
    htmlUrl: first.html_url,
  };
}

export async function readCommitChecks(octokit: Octokit, ref: GitHubRepositoryRef, sha: string): Promise<GitHubCommitChecks> {
  const [{ data: runs }, { data: statuses }] = await Promise.all([
    octokit.rest.checks.listForRef({ ...ref, ref: sha, per_page: 100 }),
    octokit.rest.repos.listCommitStatusesForRef({ ...ref, ref: sha, per_page: 100 }),
  ]);
  return {
    checkRuns: runs.check_runs.map((run) => ({
      app: run.app?.slug ?? '',
      name: run.name,
      status: run.status,
      conclusion: run.conclusion ?? '',
      url: run.html_url ?? run.url,
    })),
    statuses: statuses.map((status) => ({ state: status.state, context: status.context, targetUrl: status.target_url ?? '' })),
  };
}

/**
 * The most recently updated issues with their comments since `since`. The issues endpoint also
 * lists pull requests, which Scorecard's issue count does not include: they are left out. Comments
 * come from the repository-wide listing (one request instead of one per issue), bounded to 300.
 */
export async function readRecentIssues(octokit: Octokit, ref: GitHubRepositoryRef, since: Date): Promise<GitHubIssue[]> {
  let items;
  try {
    ({ data: items } = await octokit.rest.issues.listForRepo({ ...ref, state: 'all', sort: 'updated', direction: 'desc', per_page: 100 }));
  } catch (error) {
    // 410 Gone: issues are disabled on the repository; there is no issue activity to count.
    if (httpStatusOf(error) === 410) return [];
    throw error;
  }
  const issues = items.filter((item) => item.pull_request === undefined).slice(0, recentIssueCount);
  const wanted = new Set(issues.filter((issue) => dateOf(issue.updated_at) > since).map((issue) => issue.number));
  const comments = new Map<number, GitHubIssueActivity[]>();
  if (wanted.size > 0) {
    for (let page = 1; page <= 3; page++) {
      const { data } = await octokit.rest.issues.listCommentsForRepo({ ...ref, since: since.toISOString(), sort: 'updated', direction: 'desc', per_page: 100, page });
      for (const comment of data) {
        const number = Number(/\/issues\/(\d+)$/.exec(comment.issue_url)?.[1]);
        const createdAt = dateOf(comment.created_at);
        if (!wanted.has(number) || !(createdAt > since)) continue;
        comments.set(number, [...(comments.get(number) ?? []), { association: comment.author_association, createdAt }]);
      }
      if (data.length < 100) break;
    }
  }
  return issues.map((issue) => ({
    number: issue.number,
    htmlUrl: issue.html_url,
    opened: { association: issue.author_association ?? 'NONE', createdAt: dateOf(issue.created_at) },
    comments: comments.get(issue.number) ?? [],
  }));
}

export function userOf(user: RestUser | null | undefined): GitHubUser {
  return { login: user?.login ?? '', isBot: user?.type === 'Bot' };
}

function sameRepository(repo: { readonly name: string; readonly owner: { readonly login: string } } | null | undefined, ref: GitHubRepositoryRef): boolean {
  return repo?.owner.login.toLowerCase() === ref.owner.toLowerCase() && repo.name.toLowerCase() === ref.repo.toLowerCase();
}

/** A date from the API; an absent or malformed one is the epoch, which is never "recent". */
export function dateOf(value: string | null | undefined): Date {
  const date = new Date(value ?? 0);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
