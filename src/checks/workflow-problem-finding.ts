/**
 * A workflow file a check could not judge, as a finding. Scorecard ends the whole check with a
 * runtime error at the first such file; outside `--scorecard-compat` Trustline reports it with
 * its line and judges the other workflows.
 */
import type { CheckFinding } from '../model/index.js';
import type { WorkflowProblem } from './workflows.js';

export function workflowProblemFinding(problem: WorkflowProblem, compat: boolean): CheckFinding {
  return {
    outcome: 'error',
    message: `workflow not judged: ${problem.message}`,
    file: problem.path,
    ...(problem.line === undefined ? {} : { line: problem.line }),
    remediation: 'Fix the workflow so that GitHub (and actionlint) can parse it.',
    ...(compat ? {} : { deviation: 'Scorecard stops the whole check at the first workflow it cannot read; Trustline judges the others.' }),
  };
}

/** Scorecard's runtime-error reason for the first unreadable workflow. */
export function workflowProblemReason(problem: WorkflowProblem): string {
  return `internal error: ${problem.path}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}
