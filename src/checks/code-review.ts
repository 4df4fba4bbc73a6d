/**
 * Code-Review (Scorecard, risk High): was each recent change approved by someone other than its
 * author before it reached the default branch? Scorecard groups the 30 most recent default-branch
 * commits into changesets (a pull request, a Prow, Gerrit, Phabricator or Piper revision, or a lone
 * commit); a GitHub changeset is approved by an APPROVED review from someone other than its author,
 * the merger counting as one. Approved bot changesets are left out; score = 10 × approved / counted;
 * -1 when there is no changeset, no human one, or a changeset whose author or a reviewer is unknown
 * (Scorecard's "could not retrieve changeset author" error, which a direct push causes).
 *
 * Improvements (off with scorecardCompat, marked `deviation`): a direct push counts as an
 * unapproved change of its commit's author instead of failing the check; Gerrit, Phabricator and
 * Piper changes count as reviewed there; reviews by deleted accounts are ignored. Without the API,
 * a documented approximation from the local git history (code-review-changesets.ts).
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, maxScore, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { changesetsFromGitHub, changesetsFromHistory } from './code-review-changesets.js';
import type { Changeset } from './code-review-changesets.js';
import type { GitHubUser } from './github-api.js';
import { guarded, needsGitHubResult, proportionalResult } from './source-results.js';

export const codeReview: Check = {
  name: 'Code-Review',
  risk: 'High',
  short: 'recent changes approved by someone other than their author before merging',
  source: 'git',
  run: (context) => guarded(codeReview, () => judge(context)),
};

const localDeviation =
  'Approximation from the local git history: a merge by someone other than the branch author, or a Reviewed-by, Approved-by, Acked-by or Co-authored-by trailer naming someone else, stands in for the pull request approvals Scorecard reads from GitHub.';

async function judge(context: CheckContext): Promise<CheckResult> {
  if (context.github !== undefined) {
    const [metadata, commits] = await Promise.all([context.github.metadata(), context.github.defaultBranchCommits()]);
    return evaluate(changesetsFromGitHub(commits), context, metadata.defaultBranch, undefined);
  }
  if (context.git !== undefined && !context.scorecardCompat) return evaluate(changesetsFromHistory(context.git), context, undefined, localDeviation);
  return needsGitHubResult(codeReview, 'pull requests and their reviews');
}

/** How one changeset is judged; `stop` is Scorecard's internal error for it. */
interface Judgement {
  readonly author: GitHubUser;
  readonly approved: boolean;
  readonly deviation?: string;
  readonly stop?: string;
}

const outsideGitHub = new Set(['Gerrit', 'Phabricator', 'Piper']);

function judgeChangeset(changeset: Changeset, compat: boolean): Judgement {
  const author = changeset.author;
  if (author === undefined || author.login === '') {
    const unknown = { login: '', isBot: false };
    if (compat) return { author: unknown, approved: false, stop: 'internal error: could not retrieve changeset author' };
    if (outsideGitHub.has(changeset.platform)) {
      return { author: changeset.commitAuthor ?? unknown, approved: true, deviation: `Scorecard cannot see reviews on ${changeset.platform} and stops with "could not retrieve changeset author"; Trustline counts the ${changeset.platform} revision as reviewed there.` };
    }
    return { author: changeset.commitAuthor ?? unknown, approved: false, deviation: 'Scorecard stops with "could not retrieve changeset author" on a commit pushed without a pull request; Trustline counts it as an unreviewed change.' };
  }
  const anonymous = changeset.reviews.some((review) => review.author === '');
  if (anonymous && compat) return { author, approved: false, stop: 'internal error: could not retrieve the changeset reviewer' };
  const approved = changeset.reviews.some((review) => review.state === 'APPROVED' && review.author !== '' && review.author !== author.login);
  return anonymous ? { author, approved, deviation: 'Scorecard stops with "could not retrieve the changeset reviewer" on a review by a deleted account; Trustline ignores that review.' } : { author, approved };
}

function evaluate(changesets: readonly Changeset[], context: CheckContext, branch: string | undefined, local: string | undefined): CheckResult {
  const compat = context.scorecardCompat;
  const marked = (deviation: string | undefined): { deviation?: string } => {
    const text = [local, deviation].filter((part) => part !== undefined).join(' ');
    return compat || text === '' ? {} : { deviation: text };
  };
  if (changesets.length === 0) return inconclusiveResult(codeReview, 'no changesets detected');

  let counted = 0;
  let approvedCount = 0;
  let human = false;
  const unapproved: CheckFinding[] = [];
  const deviations: CheckFinding[] = [];
  for (const changeset of changesets) {
    const judgement = judgeChangeset(changeset, compat);
    if (judgement.stop !== undefined) return inconclusiveResult(codeReview, judgement.stop, [{ outcome: 'error', message: `${label(changeset)}: ${judgement.stop}.`, snippet: changeset.subject }]);
    // Approved bot changes are left out so that a bot-heavy project is not credited for them.
    if (judgement.approved && judgement.author.isBot) continue;
    counted += 1;
    if (!judgement.author.isBot) human = true;
    if (judgement.approved) {
      approvedCount += 1;
      if (judgement.deviation !== undefined) deviations.push({ outcome: 'pass', message: `${label(changeset)} counts as reviewed.`, snippet: changeset.subject, ...marked(judgement.deviation) });
      continue;
    }
    const by = judgement.author.login === '' ? '' : ` (author: ${judgement.author.login})`;
    unapproved.push({
      outcome: 'fail',
      message: `${label(changeset)} reached the default branch without an approval from someone other than its author${by}${changeset.url === '' ? '' : `: ${changeset.url}`}.`,
      snippet: changeset.subject,
      remediation: remediation(branch),
      ...marked(judgement.deviation),
    });
  }
  const summary: CheckFinding = {
    outcome: approvedCount === counted ? 'pass' : 'fail',
    message: `${approvedCount} of ${counted} recent changesets were approved by someone other than their author${counted === changesets.length ? '' : ` (${changesets.length - counted} approved bot changesets left out)`}.`,
    ...marked(undefined),
  };
  const findings = [summary, ...unapproved, ...deviations];
  if (approvedCount !== counted) return proportionalResult(codeReview, `Found ${approvedCount}/${counted} approved changesets`, approvedCount, counted, findings);
  if (!human) return inconclusiveResult(codeReview, `Found no human activity in the last ${changesets.length} changesets`, findings);
  return scoredResult(codeReview, maxScore, 'all changesets reviewed', findings);
}

function label(changeset: Changeset): string {
  switch (changeset.platform) {
    case 'GitHub':
    case 'Prow':
      return `Pull request #${changeset.revision}`;
    case 'Phabricator':
      return `Phabricator revision ${changeset.revision}`;
    case 'Piper':
      return `Piper change ${changeset.revision}`;
    default:
      return `Commit ${changeset.revision.slice(0, 12)}`;
  }
}

function remediation(branch: string | undefined): string {
  const where = branch === undefined ? 'the default branch' : `'${branch}'`;
  return `Require a pull request with at least one approving review before merging into ${where} (a repository ruleset, or the branch protection rule's "Require a pull request before merging" with "Require approvals"), and have someone other than the author approve each change.`;
}
