/**
 * Pinned-Dependencies (risk Medium): whether the repository's build and release dependencies
 * are pinned by hash, Scorecard's way. Collects GitHub Actions (`uses:`), container images
 * (Dockerfile FROM), and the downloads and package installs of Dockerfile RUN instructions,
 * shell scripts and workflow `run:` steps; judges each one; scores them with Scorecard's
 * weighted proportion (pinned-score.ts). Every dependency found is a finding, pinned or not, with
 * its kind; an unpinned one carries the pinned form to write.
 *
 * With `scorecardCompat` the result is Scorecard's exactly, including its failure on a file its
 * parsers reject (score -1). Otherwise Trustline's improvements apply, each marked with
 * `deviation` on the finding it changes: checksum-verified downloads count as pinned, and
 * Dockerfiles are read as Docker reads them (ARG expansion, instructions in any case); a file
 * Scorecard would stop at is reported and skipped.
 */
import type { CheckFinding } from '../model/index.js';
import { type Check, type CheckContext, inconclusiveResult, maxScore, scoredResult } from './check.js';
import type { CheckResult } from '../model/index.js';
import { collectActions, isGitHubOwnedAction } from './pinned-actions.js';
import { collectDockerImages, collectDockerRuns } from './pinned-docker.js';
import { emptyPinningData, mergePinningData } from './pinned-dependency.js';
import type { PinnedDependency, PinningData, PinningOptions } from './pinned-dependency.js';
import { commandRemediation } from './pinned-remediation.js';
import { scoreGroups, weightedScore } from './pinned-score.js';
import { collectShellScripts } from './pinned-shell-scripts.js';
import { collectWorkflowRuns } from './pinned-workflow-runs.js';
import type { RepositoryFiles } from './repository.js';
import { postProcessNuget } from './nuget-projects.js';

export const pinnedDependencies: Check = {
  name: 'Pinned-Dependencies',
  risk: 'Medium',
  short: 'GitHub Actions, container images, downloaded scripts and package installs pinned by hash',
  source: 'files',
  run(context) {
    return judgePinning(this, collectPinningData(context.files, { scorecardCompat: context.scorecardCompat }), context);
  },
};

/** Every dependency of the repository, in Scorecard's collection order. */
export function collectPinningData(files: RepositoryFiles, options: PinningOptions): PinningData {
  const data = emptyPinningData();
  mergePinningData(data, collectActions(files));
  mergePinningData(data, collectDockerImages(files, options));
  mergePinningData(data, collectDockerRuns(files, options));
  mergePinningData(data, collectShellScripts(files, options));
  mergePinningData(data, collectWorkflowRuns(files, options));
  postProcessNuget(files, data.dependencies);
  return data;
}

/** The score, reason and findings of the collected data. */
export function judgePinning(check: Pick<Check, 'name' | 'risk'>, data: PinningData, context: Pick<CheckContext, 'scorecardCompat'>): CheckResult {
  const fatal = data.fatalErrors.map((error): CheckFinding => ({
    outcome: 'error',
    message: context.scorecardCompat ? error.message : `${error.message} (skipped)`,
    file: error.file,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(context.scorecardCompat ? {} : { deviation: 'Scorecard stops the whole check here (internal error, score -1); Trustline skips what it cannot read and scores the rest' }),
  }));
  const [firstFatal] = data.fatalErrors;
  if (context.scorecardCompat && firstFatal !== undefined) {
    return inconclusiveResult(check, `internal error: ${firstFatal.file}${firstFatal.line === undefined ? '' : `:${firstFatal.line}`}: ${firstFatal.message}`, fatal);
  }
  const incomplete = data.processingErrors.map((error): CheckFinding => ({
    outcome: 'error',
    message: `Possibly incomplete results: ${error.message}`,
    file: error.file,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.snippet === undefined ? {} : { snippet: error.snippet }),
  }));
  const findings = [...incomplete, ...fatal, ...data.dependencies.map(dependencyFinding)];
  const groups = scoreGroups(data.dependencies);
  if (groups.length === 0) return inconclusiveResult(check, 'no dependencies found', findings);
  const { score, error } = weightedScore(groups);
  if (error !== undefined) return inconclusiveResult(check, `internal error: ${error}`, findings);
  if (score === maxScore) return scoredResult(check, score, 'all dependencies are pinned', findings);
  return scoredResult(check, score, `dependency not pinned by hash detected -- score normalized to ${score}`, findings);
}

function dependencyFinding(dependency: PinnedDependency): CheckFinding {
  const kind = dependency.type === 'GitHubAction' ? `${isGitHubOwnedAction(dependency.snippet) ? 'GitHub-owned' : 'third-party'} GitHubAction` : dependency.type;
  const remediation = dependency.pinned ? undefined : `${dependency.remediation ?? commandRemediation(dependency.type, dependency.snippet)}${dependency.remediationNote === undefined ? '' : `: ${dependency.remediationNote}`}`;
  return {
    outcome: dependency.pinned ? 'pass' : 'fail',
    message: `${kind} ${dependency.pinned ? 'pinned' : 'not pinned'} by hash`,
    file: dependency.file,
    line: dependency.line,
    endLine: dependency.endLine,
    snippet: dependency.snippet,
    ...(remediation === undefined ? {} : { remediation }),
    dependencyType: dependency.type,
    pinned: dependency.pinned,
    ...(dependency.deviation === undefined ? {} : { deviation: dependency.deviation }),
  };
}

/** Scorecard's Warn, Info and Debug counts for the data: unpinned dependencies, incomplete results and one line per group, step errors. */
export function pinningLogCounts(data: PinningData): { readonly warn: number; readonly info: number; readonly debug: number } {
  return {
    warn: data.dependencies.filter((dependency) => !dependency.pinned).length,
    info: data.processingErrors.filter((error) => error.level !== 'debug').length + scoreGroups(data.dependencies).length,
    debug: data.processingErrors.filter((error) => error.level === 'debug').length,
  };
}
