/**
 * Shell in workflow `run:` steps (Scorecard's collectGitHubWorkflowScriptInsecureDownloads):
 * steps whose shell is sh, bash or mksh (workflow-shells.ts), read with `${{ ... }}` replaced by
 * a placeholder so expressions do not break the shell parser. Downloads are followed across the
 * steps of a job. Lines start from the `run:` value's line, as Scorecard counts them.
 */
import { emptyPinningData } from './pinned-dependency.js';
import type { PinningData, PinningOptions } from './pinned-dependency.js';
import { scorecardWorkflows } from './pinned-actions.js';
import type { RepositoryFiles } from './repository.js';
import { isSupportedShell } from './shell-commands.js';
import type { DownloadedFile } from './shell-dependencies.js';
import { scanShell } from './shell-dependencies.js';
import { shellForStep } from './workflow-shells.js';
import type { Workflow } from './workflows.js';

/** Every `run:` step of the repository's workflows, judged as shell. */
export function collectWorkflowRuns(files: RepositoryFiles, options: PinningOptions): PinningData {
  const data = emptyPinningData();
  for (const reading of scorecardWorkflows(files, false)) {
    if (!reading.ok) {
      data.fatalErrors.push({ file: reading.path, ...(reading.line === undefined ? {} : { line: reading.line }), message: `invalid workflow: ${reading.message}` });
      continue;
    }
    scanWorkflowRuns(reading.workflow, options, data);
  }
  return data;
}

function scanWorkflowRuns(workflow: Workflow, options: PinningOptions, data: PinningData): void {
  for (const job of workflow.jobs) {
    const downloads = new Map<string, DownloadedFile>();
    for (const step of job.steps) {
      const { run } = step;
      if (run === undefined) continue;
      if (step.uses !== undefined && step.uses.offset < run.offset) continue;
      const shell = shellForStep(step, job);
      if (!shell.ok) {
        data.processingErrors.push({ file: workflow.path, line: step.line, message: shell.message });
        continue;
      }
      if (!isSupportedShell(shell.shell)) continue;
      const script = run.value.replace(/\{\{[^{}]*\}\}/g, 'GITHUB_REDACTED_VAR');
      // Scorecard adds a command's line in the script to the line of the `run:` value: right for a
      // block scalar (`run: |`, whose script starts on the next line), one too many for a script
      // written on the `run:` line itself. Outside compat mode the line is the real one.
      const block = workflow.text[run.offset] === '|' || workflow.text[run.offset] === '>';
      const base = options.scorecardCompat || block ? run.line : run.line - 1;
      const failure = scanShell({ file: workflow.path, scorecardCompat: options.scorecardCompat, downloads, data }, script, base, base);
      // Scorecard keeps such a step as a dependency with only a message, logged at Debug.
      if (failure !== undefined) data.processingErrors.push({ file: workflow.path, line: run.line, message: failure, level: 'debug' });
    }
  }
}
