/**
 * Token-Permissions (risk High): the GITHUB_TOKEN of every workflow should be read-only by
 * default, with write permissions granted per job where a job needs them. Scorecard's raw data
 * (checks/raw/permissions.go), probes and evaluation (checks/evaluation/permissions.go), with
 * its score; see token-permissions-evaluation.ts for the rules.
 *
 * Findings: Scorecard's warnings are failures, each with the `permissions:` block that fixes it;
 * its info lines are passes; its debug lines (the notes on packaging, releasing, Pages and SARIF
 * workflows, unjudged scopes) are left out.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { evaluateTokenPermissions } from './token-permissions-evaluation.js';
import type { PermissionLog } from './token-permissions-evaluation.js';
import { collectTokenPermissions } from './token-permissions-raw.js';
import type { TokenPermissionsData } from './token-permissions-raw.js';
import { jobLevelRemediation, topLevelRemediation } from './token-permissions-remediation.js';
import { workflowProblemFinding, workflowProblemReason } from './workflow-problem-finding.js';

const check = { name: 'Token-Permissions', risk: 'High' } as const;

export const tokenPermissions: Check = {
  ...check,
  short: "workflow token permissions: read-only by default, write scopes only where a job needs them",
  source: 'files',
  run(context) {
    return judgeTokenPermissions(collectTokenPermissions(context.files), context);
  },
};

export function judgeTokenPermissions(data: TokenPermissionsData, context: Pick<CheckContext, 'scorecardCompat'>): CheckResult {
  const compat = context.scorecardCompat;
  const problems = data.problems.map((problem) => workflowProblemFinding(problem, compat));
  const [firstProblem] = data.problems;
  // Scorecard's raw collector stops at the first workflow it cannot parse: a runtime error.
  if (compat && firstProblem !== undefined) return inconclusiveResult(check, workflowProblemReason(firstProblem), problems.slice(0, 1));
  const evaluation = evaluateTokenPermissions(data.permissions, compat);
  if (evaluation.score < 0) return inconclusiveResult(check, data.problems.length > 0 ? 'no workflow could be read' : evaluation.reason, problems);
  const findings = evaluation.logs.flatMap((log) => findingOf(log, data));
  return scoredResult(check, evaluation.score, evaluation.reason, [...findings, ...problems]);
}

function findingOf(log: PermissionLog, data: TokenPermissionsData): CheckFinding[] {
  if (log.level === 'debug') return [];
  const permission = log.permission;
  const base: CheckFinding = {
    outcome: log.level === 'warn' ? 'fail' : 'pass',
    message: log.text,
    ...(permission === undefined ? {} : { file: permission.path }),
    ...(permission?.line === undefined ? {} : { line: permission.line }),
    ...(permission?.snippet === undefined ? {} : { snippet: permission.snippet }),
    ...(log.deviation === undefined ? {} : { deviation: log.deviation }),
  };
  if (log.level !== 'warn' || permission === undefined) return [base];
  const workflow = data.workflows.find((candidate) => candidate.workflow.path === permission.path);
  if (workflow === undefined) return [base];
  const remediation =
    permission.location === 'jobLevel' && permission.jobId !== undefined ? jobLevelRemediation(workflow, permission.jobId, permission.name) : topLevelRemediation(workflow);
  return [{ ...base, remediation }];
}
