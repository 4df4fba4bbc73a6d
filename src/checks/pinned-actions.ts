/**
 * GitHub Actions referenced by workflows (Scorecard's collectGitHubActionsWorkflowPinning): the
 * `uses:` of every step and of every job that calls a reusable workflow. Pinned: a full commit
 * SHA (40 hex digits or more), a `docker://` image by sha256 digest, or a local path. Actions of
 * the same repository (`./path`, `$/path`) are not dependencies.
 */
import { dirPath } from './go-path.js';
import { emptyPinningData, containsCommands } from './pinned-dependency.js';
import type { PinnedDependency, PinningData } from './pinned-dependency.js';
import { actionRemediation } from './pinned-remediation.js';
import type { RepositoryFiles } from './repository.js';
import { isTestDataPath } from './repository.js';
import type { Located, Workflow, WorkflowReading } from './workflows.js';
import { workflowsOf } from './workflows.js';

/**
 * Whether Scorecard reads a path as a workflow (fileparser.IsWorkflowFile): a `.yml` or `.yaml`
 * file (extension case as written) directly in `.github/workflows`. The `uses:` collector lists
 * files with a case-sensitive pattern, the `run:` collector with a case-insensitive one.
 */
export function isScorecardWorkflowPath(path: string, caseSensitive: boolean): boolean {
  if (!path.endsWith('.yml') && !path.endsWith('.yaml')) return false;
  if (caseSensitive && !path.startsWith('.github/workflows/')) return false;
  return dirPath(path.toLowerCase()) === '.github/workflows';
}

/** The workflows a collector reads, skipping those without a line of YAML besides comments. */
export function scorecardWorkflows(files: RepositoryFiles, caseSensitive: boolean): WorkflowReading[] {
  return workflowsOf(files).filter((reading) => {
    const { path } = reading.ok ? reading.workflow : reading;
    if (!isScorecardWorkflowPath(path, caseSensitive) || isTestDataPath(path)) return false;
    const text = reading.ok ? reading.workflow.text : files.readText(path);
    return text === undefined || containsCommands(text);
  });
}

/** Pinned by hash (isActionDependencyPinned). */
export function isActionPinned(uses: string): boolean {
  return /^\..+[^/]/.test(uses) || /.*@[a-fA-F\d]{40,}/.test(uses) || /docker:\/\/.*@sha256:[a-fA-F\d]{64}/.test(uses);
}

/** An action or workflow of the same repository (isSameRepositoryReference). */
function isSameRepository(uses: string): boolean {
  return uses.startsWith('./') || uses.startsWith('$/');
}

/** GitHub's own actions (`actions/*`, `github/*`), weighted apart in the score. */
export function isGitHubOwnedAction(uses: string): boolean {
  return uses.startsWith('actions/') || uses.startsWith('github/');
}

/** Every action and reusable workflow the repository's workflows use. */
export function collectActions(files: RepositoryFiles): PinningData {
  const data = emptyPinningData();
  for (const reading of scorecardWorkflows(files, true)) {
    if (!reading.ok) {
      data.fatalErrors.push({ file: reading.path, ...(reading.line === undefined ? {} : { line: reading.line }), message: `invalid workflow: ${reading.message}` });
      continue;
    }
    data.dependencies.push(...actionsOf(reading.workflow));
  }
  return data;
}

/** The `uses:` of one workflow, in file order. */
export function actionsOf(workflow: Workflow): PinnedDependency[] {
  const dependencies: PinnedDependency[] = [];
  const add = (uses: Located<string> | undefined): void => {
    if (uses === undefined || uses.value === '' || isSameRepository(uses.value)) return;
    dependencies.push(actionDependency(workflow.path, uses));
  };
  for (const job of workflow.jobs) {
    add(job.uses);
    for (const step of job.steps) {
      // A step with both keys is what its first key says (actionlint keeps the first).
      if (step.run !== undefined && step.uses !== undefined && step.run.offset < step.uses.offset) continue;
      add(step.uses);
    }
  }
  return dependencies;
}

function actionDependency(file: string, uses: Located<string>): PinnedDependency {
  const pinned = isActionPinned(uses.value);
  const at = uses.value.indexOf('@');
  return {
    type: 'GitHubAction',
    pinned,
    file,
    line: uses.line,
    endLine: uses.line,
    snippet: uses.value,
    name: at < 0 ? uses.value : uses.value.slice(0, at),
    ...(at < 0 ? {} : { ref: uses.value.slice(at + 1) }),
    ...(pinned ? {} : { remediation: actionRemediation(uses.value) }),
  };
}
