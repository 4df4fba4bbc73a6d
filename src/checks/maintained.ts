/**
 * Maintained (Scorecard, risk High): is the project still worked on? Scorecard counts the commits
 * among the 30 most recent of the default branch made in the last 90 days, plus the recently
 * updated issues that an owner, member or collaborator opened or commented on in that time, and
 * expects one of either a week: score = 10 × activity / (90 / 7 = 12), at most 10. An archived
 * repository scores 0, and so does one created in the last 90 days.
 *
 * Sources: the GitHub API when there is one (Scorecard's data); otherwise the local git history,
 * where only commits count (issues and the archived flag live on GitHub).
 *
 * Improvement (off with scorecardCompat, marked `deviation`): a repository younger than 90 days is
 * inconclusive (-1) rather than 0, since it has had no time to show maintenance; locally its age is
 * the date of its first commit, when the history read reaches it.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { recentCommitCount } from './github-api.js';
import { daysBefore, guarded, lookBackDays, proportionalResult } from './source-results.js';

const activityPerWeek = 1;
const daysInWeek = 7;
/** The activity that scores 10: one a week over the look-back (integer division, as Scorecard). */
export const expectedActivity = Math.floor((activityPerWeek * lookBackDays) / daysInWeek);
/** GitHub's repository associations Scorecard counts as the project's own (Gte collaborator). */
const maintainerAssociations = new Set(['COLLABORATOR', 'MEMBER', 'OWNER']);

/** The facts the score is computed from, whichever source gave them. */
interface Activity {
  readonly source: 'github' | 'git';
  /** Undefined when the source cannot tell (git). */
  readonly archived?: boolean;
  /** When the repository was created (GitHub), or its first commit (git); undefined when unknown. */
  readonly createdAt?: Date;
  readonly commitsInWindow: number;
  /** Undefined when the source cannot tell (git). */
  readonly issuesWithActivity?: number;
}

export const maintained: Check = {
  name: 'Maintained',
  risk: 'High',
  short: 'commits and maintainer issue activity in the last 90 days; archived or brand-new repositories',
  source: 'git',
  run: (context) => guarded(maintained, async () => judge(context, await activityOf(context))),
};

async function activityOf(context: CheckContext): Promise<Activity | undefined> {
  const threshold = daysBefore(context.now, lookBackDays);
  if (context.github !== undefined) {
    const [metadata, commits, issues] = await Promise.all([context.github.metadata(), context.github.defaultBranchCommits(), context.github.recentIssues(threshold)]);
    const active = (association: string, createdAt: Date): boolean => maintainerAssociations.has(association) && createdAt > threshold;
    return {
      source: 'github',
      archived: metadata.archived,
      createdAt: metadata.createdAt,
      commitsInWindow: commits.filter((commit) => commit.committedDate > threshold).length,
      issuesWithActivity: issues.filter((issue) => active(issue.opened.association, issue.opened.createdAt) || issue.comments.some((comment) => active(comment.association, comment.createdAt))).length,
    };
  }
  if (context.git !== undefined) {
    const recent = context.git.commits.slice(0, recentCommitCount);
    const firstCommit = context.git.complete ? context.git.firstCommitDate : undefined;
    return {
      source: 'git',
      ...(firstCommit === undefined ? {} : { createdAt: firstCommit }),
      commitsInWindow: recent.filter((commit) => commit.committerDate > threshold).length,
    };
  }
  return undefined;
}

function judge(context: CheckContext, activity: Activity | undefined): CheckResult {
  if (activity === undefined) {
    return inconclusiveResult(maintained, 'Maintained needs the git history (check a git clone) or the GitHub API (a GitHub URL, with a token in GITHUB_TOKEN or GH_TOKEN)');
  }
  if (activity.archived === true) {
    return scoredResult(maintained, 0, 'project is archived', [
      {
        outcome: 'fail',
        message: 'The repository is archived: its owners have stopped maintaining it.',
        remediation: 'Move to a maintained fork or replacement, or ask the owners to unarchive the repository.',
      },
    ]);
  }
  const threshold = daysBefore(context.now, lookBackDays);
  // Scorecard learns a repository's age only from the GitHub API (createdAt); in compatibility mode
  // a local history does not judge it.
  const judgesAge = activity.source === 'github' || !context.scorecardCompat;
  if (judgesAge && activity.createdAt !== undefined && activity.createdAt > threshold) return recentlyCreated(context, activity, activity.createdAt);

  const issues = activity.issuesWithActivity ?? 0;
  const total = activity.commitsInWindow + issues;
  const findings: CheckFinding[] = [
    {
      outcome: activity.commitsInWindow > 0 ? 'pass' : 'fail',
      message: `${activity.commitsInWindow} of the ${recentCommitCount} most recent commits of the default branch were made in the last ${lookBackDays} days.`,
    },
  ];
  if (activity.issuesWithActivity !== undefined) {
    findings.push({
      outcome: issues > 0 ? 'pass' : 'fail',
      message: `${issues} recently updated issues were opened or answered by an owner, member or collaborator in the last ${lookBackDays} days.`,
    });
  } else {
    findings.push({
      outcome: 'not-applicable',
      message: 'Issue activity and the archived flag are on GitHub: without the GitHub API only local commits count.',
      ...(context.scorecardCompat ? {} : { deviation: 'Scorecard reads Maintained from the GitHub API only; this score counts the commits of the local git history.' }),
    });
  }
  if (total < expectedActivity) {
    findings.push({
      outcome: 'fail',
      message: `${total} activities in ${lookBackDays} days, where ${expectedActivity} (one a week) score 10.`,
      remediation: 'Show that the project is looked after: commit, or answer issues as a maintainer, about once a week; if the project is finished on purpose, say so in its README.',
    });
  }
  const reason = `${activity.commitsInWindow} commit(s) and ${issues} issue activity found in the last ${lookBackDays} days`;
  return proportionalResult(maintained, reason, total, expectedActivity, findings);
}

function recentlyCreated(context: CheckContext, activity: Activity, createdAt: Date): CheckResult {
  const created = createdAt.toISOString().slice(0, 10);
  const what = activity.source === 'github' ? `was created on ${created}` : `has its first commit on ${created}`;
  if (context.scorecardCompat) {
    return scoredResult(maintained, 0, `project was created within the last ${lookBackDays} days. Please review its contents carefully`, [
      { outcome: 'fail', message: `The repository ${what}, within the last ${lookBackDays} days.`, remediation: 'Review a new project\'s contents carefully before depending on it.' },
    ]);
  }
  return inconclusiveResult(maintained, `project ${what}, within the last ${lookBackDays} days: too young to judge its maintenance; review its contents carefully`, [
    {
      outcome: 'not-applicable',
      message: `The repository ${what}, within the last ${lookBackDays} days: it has had no time to show maintenance.`,
      remediation: 'Review a new project\'s contents carefully before depending on it.',
      deviation: `Scorecard scores a repository created in the last ${lookBackDays} days 0; Trustline reports it as inconclusive (-1), since a young project has not had the time to show maintenance.`,
    },
  ]);
}
