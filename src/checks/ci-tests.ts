/**
 * CI-Tests (Scorecard, risk Low): did CI run tests on the pull requests merged recently? For each
 * merged pull request among the 30 most recent default-branch commits, Scorecard looks at its head
 * commit: a successful commit status, or a completed and successful check run, from something that
 * looks like CI (its context, target URL or app slug contains "appveyor", "buildkite", "circleci",
 * "e2e", "github-actions", "jenkins", "mergeable", "packit-as-a-service", "semaphoreci", "test",
 * "travis-ci", "flutter-dashboard" or "azure-pipelines"). Score = 10 × tested / merged; -1 when no
 * pull request was merged.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import type { GitHubCommitChecks, GitHubPullRequest } from './github-api.js';
import { mapLimited } from './map-limited.js';
import { guarded, needsGitHubResult, proportionalResult } from './source-results.js';

export const ciTests: Check = {
  name: 'CI-Tests',
  risk: 'Low',
  short: 'tests run by CI on the recently merged pull requests',
  source: 'github',
  run: (context) => guarded(ciTests, () => judge(context)),
};

/**
 * Scorecard's isTest patterns. Its list also holds "Cirrus CI", which never matches the lowercased
 * text it is compared with; it is left out here to the same effect.
 */
const ciPatterns = ['appveyor', 'buildkite', 'circleci', 'e2e', 'github-actions', 'jenkins', 'mergeable', 'packit-as-a-service', 'semaphoreci', 'test', 'travis-ci', 'flutter-dashboard', 'azure-pipelines'];

export function looksLikeCi(text: string): boolean {
  const lower = text.toLowerCase();
  return ciPatterns.some((pattern) => lower.includes(pattern));
}

/** The evidence of a CI test on a commit, if any. */
export function ciEvidence(checks: GitHubCommitChecks): string | undefined {
  const status = checks.statuses.find((candidate) => candidate.state === 'success' && (looksLikeCi(candidate.context) || looksLikeCi(candidate.targetUrl)));
  if (status !== undefined) return `status "${status.context}"`;
  const run = checks.checkRuns.find((candidate) => candidate.status === 'completed' && candidate.conclusion === 'success' && looksLikeCi(candidate.app));
  return run === undefined ? undefined : `check run "${run.name}" of ${run.app}`;
}

async function judge(context: CheckContext): Promise<CheckResult> {
  const github = context.github;
  if (github === undefined) return needsGitHubResult(ciTests, 'merged pull requests and their CI results');
  // Several commits of one unsquashed pull request share its head: judged once.
  const pulls = new Map<string, GitHubPullRequest>();
  for (const commit of await github.defaultBranchCommits()) {
    if (commit.pullRequest !== undefined && !pulls.has(commit.pullRequest.headSha)) pulls.set(commit.pullRequest.headSha, commit.pullRequest);
  }
  if (pulls.size === 0) return inconclusiveResult(ciTests, 'no pull request found');
  const evidence = await mapLimited([...pulls.values()], 6, async (pull) => ({ pull, evidence: ciEvidence(await github.commitChecks(pull.headSha)) }));
  const findings: CheckFinding[] = evidence.map(({ pull, evidence: found }) =>
    found === undefined
      ? {
          outcome: 'fail',
          message: `merged PR #${pull.number} without CI test at HEAD: ${pull.headSha} (${pull.htmlUrl})`,
          remediation: 'Run the tests in CI on every pull request (a GitHub Actions workflow on `pull_request` that runs them) and require that check to pass before merging.',
        }
      : { outcome: 'pass', message: `CI test found: PR #${pull.number}, ${found}` },
  );
  const tested = evidence.filter((entry) => entry.evidence !== undefined).length;
  return proportionalResult(ciTests, `${tested} out of ${pulls.size} merged PRs checked by a CI test`, tested, pulls.size, findings);
}
