/**
 * An in-memory {@link GitHubApi} for check tests: each part defaults to an old, quiet, unprotected
 * repository; `fail` makes a method reject with the given error (a rate limit, a 403).
 */
import type {
  BestPracticesBadge,
  GitHubApi,
  GitHubBranchProtection,
  GitHubCommit,
  GitHubCommitChecks,
  GitHubContributor,
  GitHubIssue,
  GitHubRelease,
  GitHubRepositoryMetadata,
  GitHubWebhook,
} from '../github-api.js';

export interface FakeGitHub {
  readonly metadata?: Partial<GitHubRepositoryMetadata>;
  readonly commits?: readonly GitHubCommit[];
  readonly checks?: Readonly<Record<string, GitHubCommitChecks>>;
  readonly issues?: readonly GitHubIssue[];
  readonly releases?: readonly GitHubRelease[];
  readonly attestations?: Readonly<Record<string, number>>;
  readonly protection?: Partial<GitHubBranchProtection>;
  readonly webhooks?: readonly GitHubWebhook[];
  readonly contributors?: readonly GitHubContributor[];
  readonly badge?: BestPracticesBadge;
  readonly fail?: Partial<Record<Exclude<keyof GitHubApi, 'repository'>, Error>>;
}

export function fakeGitHub(fake: FakeGitHub = {}): GitHubApi {
  const answer = <T>(method: Exclude<keyof GitHubApi, 'repository'>, value: T): Promise<T> => {
    const failure = fake.fail?.[method];
    return failure === undefined ? Promise.resolve(value) : Promise.reject(failure);
  };
  return {
    repository: { owner: 'octo-org', repo: 'demo' },
    metadata: () =>
      answer('metadata', { archived: false, createdAt: new Date('2020-01-01T00:00:00Z'), defaultBranch: 'main', htmlUrl: 'https://github.com/octo-org/demo', ...fake.metadata }),
    defaultBranchCommits: () => answer('defaultBranchCommits', fake.commits ?? []),
    commitChecks: (sha) => answer('commitChecks', fake.checks?.[sha] ?? { checkRuns: [], statuses: [] }),
    recentIssues: () => answer('recentIssues', fake.issues ?? []),
    releases: () => answer('releases', fake.releases ?? []),
    attestationCount: (digest) => answer('attestationCount', fake.attestations?.[digest] ?? 0),
    branchProtection: (branch) => answer('branchProtection', { branch, protected: false, classicUnreadable: false, statusChecks: [], ...fake.protection }),
    webhooks: () => answer('webhooks', fake.webhooks ?? []),
    contributors: () => answer('contributors', fake.contributors ?? []),
    bestPracticesBadge: () => answer('bestPracticesBadge', fake.badge ?? 'not-found'),
  };
}

let counter = 0;

/** A default-branch commit; `pullRequest` fields default to a merged PR by `alice`. */
export function fakeCommit(commit: Partial<GitHubCommit> & { readonly committedDate: Date }): GitHubCommit {
  counter += 1;
  const sha = commit.sha ?? counter.toString(16).padStart(40, '0');
  return { sha, message: `change ${counter}`, htmlUrl: `https://github.com/octo-org/demo/commit/${sha}`, ...commit };
}
