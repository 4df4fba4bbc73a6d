/**
 * Changesets for Code-Review: the recent changes of the default branch, each a unit that was (or
 * was not) reviewed. From the GitHub API they are built as Scorecard's checks/raw/code_review.go
 * builds them; from a local git history they are a documented approximation.
 */
import { firstParentCommits } from './git-history.js';
import type { GitCommit, GitHistory } from './git-history.js';
import type { GitHubCommit, GitHubReview, GitHubUser } from './github-api.js';
import { recentCommitCount } from './github-api.js';
import { subjectOf } from './source-results.js';

export type ReviewPlatform = 'GitHub' | 'Prow' | 'Gerrit' | 'Phabricator' | 'Piper' | 'Unknown';

export interface Changeset {
  readonly platform: ReviewPlatform;
  /** The pull request number, the Phabricator revision, or the commit id. */
  readonly revision: string;
  /** The subject of its newest commit. */
  readonly subject: string;
  /** The pull request or commit page; empty for a local commit. */
  readonly url: string;
  /** Who wrote it; undefined when the platform does not say (Scorecard has no author then). */
  readonly author?: GitHubUser;
  /** For a change outside pull requests: the author of its commit, which Trustline's improved mode uses. */
  readonly commitAuthor?: GitHubUser;
  readonly reviews: readonly GitHubReview[];
}

const phabricatorRevision = /Differential Revision:[^\r\n]*(D\d+)/;
const piperRevision = /PiperOrigin-RevId:\s*(\d{3,})/;

/** Scorecard's detectCommitRevisionInfo: which review platform a commit went through. */
function platformOf(commit: GitHubCommit): { platform: ReviewPlatform; revision: string } {
  const pull = commit.pullRequest;
  if (pull !== undefined && pull.labels.some((label) => label === 'lgtm' || label === 'approved')) return { platform: 'Prow', revision: String(pull.number) };
  if (pull !== undefined) return { platform: 'GitHub', revision: String(pull.number) };
  const phabricator = phabricatorRevision.exec(commit.message)?.[1];
  if (phabricator !== undefined) return { platform: 'Phabricator', revision: phabricator };
  if (commit.message.includes('Reviewed-on:') && commit.message.includes('Reviewed-by:')) return { platform: 'Gerrit', revision: commit.sha };
  const piper = piperRevision.exec(commit.message)?.[1];
  if (piper !== undefined) return { platform: 'Piper', revision: piper };
  return { platform: 'Unknown', revision: commit.sha };
}

/**
 * Groups the recent commits into changesets, in order of first appearance. A GitHub changeset's
 * reviews are its pull request's plus an approval by whoever merged it; a Prow changeset's are
 * synthetic approvals for its `lgtm` and `approved` labels.
 */
export function changesetsFromGitHub(commits: readonly GitHubCommit[]): Changeset[] {
  const byRevision = new Map<string, Changeset>();
  for (const commit of commits) {
    const { platform, revision } = platformOf(commit);
    const key = `${platform}:${revision}`;
    if (byRevision.has(key)) continue;
    const pull = commit.pullRequest;
    const base = { platform, revision, subject: subjectOf(commit.message), url: pull?.htmlUrl ?? commit.htmlUrl };
    if (pull !== undefined && platform === 'GitHub') {
      byRevision.set(key, { ...base, author: pull.author, reviews: [...pull.reviews, { state: 'APPROVED', author: pull.mergedBy }] });
    } else if (pull !== undefined && platform === 'Prow') {
      const labels = new Set(pull.labels);
      const reviews = [...(labels.has('lgtm') ? [{ state: 'APPROVED', author: 'prow-lgtm' }] : []), ...(labels.has('approved') ? [{ state: 'APPROVED', author: 'prow-approved' }] : [])];
      byRevision.set(key, { ...base, author: pull.author, reviews });
    } else {
      byRevision.set(key, { ...base, ...(commit.author === undefined ? {} : { commitAuthor: commit.author }), reviews: [] });
    }
  }
  return [...byRevision.values()];
}

/** Trailers that name a second person who looked at, or worked on, the change. */
const reviewTrailer = /^(Reviewed-by|Approved-by|Acked-by|Co-authored-by):\s*(.+)$/gim;
const pullRequestMerge = /^Merge pull request #(\d+) from /;
const botAuthor = /\[bot\]|^(dependabot|renovate|github-actions)\b/i;

/**
 * The approximation from local history: the last 30 first-parent commits of HEAD are the changes
 * merged into the branch. A merge commit is reviewed when the person who merged it is not the
 * author of the merged branch (GitHub writes the merger as the merge commit's author, as Scorecard
 * counts the merger's approval); any other commit when a Reviewed-by, Approved-by, Acked-by or
 * Co-authored-by trailer names someone else, or a Gerrit or Phabricator trailer is present.
 */
export function changesetsFromHistory(history: GitHistory): Changeset[] {
  const bySha = new Map(history.commits.map((commit) => [commit.sha, commit]));
  return firstParentCommits(history)
    .slice(0, recentCommitCount)
    .map((commit) => {
      const merged = commit.parents.length > 1 ? bySha.get(commit.parents[1] ?? '') : undefined;
      const author = personOf(merged ?? commit);
      const base = { subject: subjectOf(commit.message), url: '', author };
      if (merged !== undefined) {
        const number = pullRequestMerge.exec(commit.message)?.[1];
        return { ...base, platform: number === undefined ? 'Unknown' : 'GitHub', revision: number ?? commit.sha, reviews: [{ state: 'APPROVED', author: personOf(commit).login }] };
      }
      if (phabricatorRevision.test(commit.message)) return { ...base, platform: 'Phabricator', revision: commit.sha, reviews: [{ state: 'APPROVED', author: 'phabricator' }] };
      const reviewers = [...commit.message.matchAll(reviewTrailer)].map((match) => personOfTrailer(match[2] ?? ''));
      const platform: ReviewPlatform = commit.message.includes('Reviewed-on:') && commit.message.includes('Reviewed-by:') ? 'Gerrit' : 'Unknown';
      return { ...base, platform, revision: commit.sha, reviews: reviewers.map((reviewer) => ({ state: 'APPROVED', author: reviewer })) };
    });
}

/** A local person's identity: the email, lowercased (the name when there is no email). */
function personOf(commit: GitCommit): GitHubUser {
  const email = commit.authorEmail.trim().toLowerCase();
  return { login: email === '' ? commit.authorName.trim().toLowerCase() : email, isBot: botAuthor.test(commit.authorName) || botAuthor.test(email) };
}

/** `Name <email>` from a trailer, as personOf would identify that person. */
function personOfTrailer(value: string): string {
  const email = /<([^>]+)>/.exec(value)?.[1];
  return (email ?? value).trim().toLowerCase();
}
