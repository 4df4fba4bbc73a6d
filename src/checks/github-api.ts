/**
 * What the checks read from the GitHub API (a real client over @octokit/rest in github-client.ts,
 * or a fake in tests), for Branch-Protection, Code-Review, Maintained, Signed-Releases, CI-Tests,
 * Webhooks, CII-Best-Practices and Contributors.
 *
 * The interface is the data the checks need, shaped like Scorecard's raw results, not like the
 * REST responses: each method is lazy and memoized (a check that is not run costs no request), and
 * fails with an EnvironmentError whose one-line message says what to do (rate limit, token).
 */
import { InputError } from '../errors.js';

export interface GitHubRepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

export interface GitHubRepositoryMetadata {
  readonly archived: boolean;
  readonly createdAt: Date;
  readonly defaultBranch: string;
  /** The repository's page, e.g. `https://github.com/OWNER/REPO`. */
  readonly htmlUrl: string;
}

export interface GitHubUser {
  /** Empty when GitHub no longer knows the account (a deleted user shows as "ghost" or null). */
  readonly login: string;
  /** A GitHub App or a bot account (Dependabot, Renovate). */
  readonly isBot: boolean;
}

export interface GitHubReview {
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
  readonly state: string;
  readonly author: string;
}

/** A merged pull request of this repository that a default-branch commit belongs to. */
export interface GitHubPullRequest {
  readonly number: number;
  readonly author: GitHubUser;
  readonly mergedAt: Date;
  /** Who merged it; empty when unknown. */
  readonly mergedBy: string;
  /** The last commit of the pull request's branch: where its CI ran. */
  readonly headSha: string;
  readonly labels: readonly string[];
  /** Its reviews, oldest first (at most 100). */
  readonly reviews: readonly GitHubReview[];
  readonly htmlUrl: string;
}

/** A recent commit of the default branch. */
export interface GitHubCommit {
  readonly sha: string;
  readonly message: string;
  readonly committedDate: Date;
  /** The GitHub account of the commit's author, when GitHub matched its email to one. */
  readonly author?: GitHubUser;
  readonly htmlUrl: string;
  readonly pullRequest?: GitHubPullRequest;
}

export interface GitHubCheckRun {
  /** The app that ran it, e.g. `github-actions`. */
  readonly app: string;
  readonly name: string;
  /** `queued`, `in_progress`, `completed`. */
  readonly status: string;
  /** `success`, `failure`, `neutral`, ... or empty while running. */
  readonly conclusion: string;
  readonly url: string;
}

export interface GitHubStatus {
  /** `success`, `failure`, `error`, `pending`. */
  readonly state: string;
  readonly context: string;
  readonly targetUrl: string;
}

export interface GitHubCommitChecks {
  readonly checkRuns: readonly GitHubCheckRun[];
  readonly statuses: readonly GitHubStatus[];
}

/** Who did something on an issue, as GitHub relates them to the repository. */
export interface GitHubIssueActivity {
  /** `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`, `MANNEQUIN`, `NONE`. */
  readonly association: string;
  readonly createdAt: Date;
}

export interface GitHubIssue {
  readonly number: number;
  readonly htmlUrl: string;
  /** The issue's opening. */
  readonly opened: GitHubIssueActivity;
  /** Its comments created since the date asked for. */
  readonly comments: readonly GitHubIssueActivity[];
}

export interface GitHubReleaseAsset {
  readonly name: string;
  readonly url: string;
  /** `sha256:<hex>`, when GitHub computed it (releases since 2025). */
  readonly digest?: string;
}

export interface GitHubRelease {
  readonly tagName: string;
  readonly htmlUrl: string;
  readonly assets: readonly GitHubReleaseAsset[];
}

/**
 * The protection of one branch, from classic branch protection and repository rulesets together.
 * `undefined` means unknown: the token may not read it (classic settings need admin rights).
 */
export interface GitHubBranchProtection {
  readonly branch: string;
  /** A classic protection rule or an active ruleset applies to the branch. */
  readonly protected: boolean;
  /** True when the classic rule exists but its settings could not be read (no admin rights). */
  readonly classicUnreadable: boolean;
  readonly allowDeletions?: boolean;
  readonly allowForcePushes?: boolean;
  readonly enforceAdmins?: boolean;
  readonly requirePullRequest?: boolean;
  readonly requiredApprovingReviewCount?: number;
  readonly dismissStaleReviews?: boolean;
  readonly requireCodeOwnerReviews?: boolean;
  readonly requireLastPushApproval?: boolean;
  readonly requireUpToDateBranch?: boolean;
  /** Required status checks (contexts); empty when none. */
  readonly statusChecks: readonly string[];
}

export interface GitHubWebhook {
  readonly id: number;
  /** The hook's settings page. */
  readonly settingsUrl: string;
  readonly active: boolean;
  /** A secret is configured, so the receiver can authenticate deliveries. */
  readonly hasSecret: boolean;
}

export interface GitHubContributor {
  readonly login: string;
  readonly contributions: number;
  /** The `company` of the profile, as written. */
  readonly company?: string;
  /** Logins of the public organizations the user belongs to. */
  readonly organizations: readonly string[];
}

/** The OpenSSF Best Practices badge level (bestpractices.dev `badge_level`), or not found. */
export type BestPracticesBadge = 'not-found' | 'in_progress' | 'passing' | 'silver' | 'gold' | { readonly unknown: string };

export interface GitHubApi {
  readonly repository: GitHubRepositoryRef;
  metadata(): Promise<GitHubRepositoryMetadata>;
  /**
   * The 30 most recent commits of the default branch, newest first, as Scorecard reads them. (Not
   * named `recentCommits`: platform-data.ts takes that member, a list of ids, from the client.)
   */
  defaultBranchCommits(): Promise<readonly GitHubCommit[]>;
  /** Check runs and commit statuses of a commit (a pull request's head). */
  commitChecks(sha: string): Promise<GitHubCommitChecks>;
  /**
   * The 30 most recently updated issues (pull requests excluded), each with its comments created
   * since `since` (an older comment cannot be recent activity).
   */
  recentIssues(since: Date): Promise<readonly GitHubIssue[]>;
  /** The 30 most recent releases, newest first. */
  releases(): Promise<readonly GitHubRelease[]>;
  /** How many GitHub artifact attestations name this digest (`sha256:...`) as their subject. */
  attestationCount(digest: string): Promise<number>;
  branchProtection(branch: string): Promise<GitHubBranchProtection>;
  /** The repository's webhooks (needs a token with admin rights on the repository). */
  webhooks(): Promise<readonly GitHubWebhook[]>;
  /** The 30 top contributors; companies and organizations only for those with 5 or more contributions. */
  contributors(): Promise<readonly GitHubContributor[]>;
  bestPracticesBadge(): Promise<BestPracticesBadge>;
}

/** Scorecard's look-back windows: 30 commits, issues and releases, as its GraphQL queries read them. */
export const recentCommitCount = 30;
export const recentIssueCount = 30;
/** Contributors with fewer contributions are not counted by Scorecard: their profiles are not read. */
export const minContributionsPerUser = 5;

/**
 * The repository of a GitHub URL: `https://github.com/OWNER/REPO` (also with `.git`, a trailing
 * path such as `/tree/main`, `http://`, `www.`, or as `github.com/OWNER/REPO` and
 * `git@github.com:OWNER/REPO.git`). `host` accepts a GitHub Enterprise host instead.
 */
export function parseGitHubUrl(url: string, host = 'github.com'): GitHubRepositoryRef {
  const text = url.trim();
  const hostPattern = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match =
    new RegExp(`^(?:https?://)?(?:www\\.)?${hostPattern}/([^/\\s?#]+)/([^/\\s?#]+?)(?:\\.git)?(?:[/?#].*)?$`, 'i').exec(text) ??
    new RegExp(`^git@${hostPattern}:([^/\\s]+)/([^/\\s]+?)(?:\\.git)?/?$`, 'i').exec(text);
  const owner = match?.[1];
  const repo = match?.[2];
  const name = /^[A-Za-z0-9_.-]+$/;
  if (owner === undefined || repo === undefined || !name.test(owner) || !name.test(repo) || repo === '.' || repo === '..') {
    throw new InputError('github-url-invalid', `not a GitHub repository URL: ${JSON.stringify(url)} (expected https://${host}/OWNER/REPO)`);
  }
  return { owner, repo };
}
