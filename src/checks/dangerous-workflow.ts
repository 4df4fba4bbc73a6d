/**
 * Dangerous-Workflow (risk Critical): GitHub workflows must not run untrusted code with the
 * repository's secrets, nor build shell scripts from attacker-controlled text. Scorecard's
 * probes hasDangerousWorkflowUntrustedCheckout and hasDangerousWorkflowScriptInjection, scored as
 * checks/evaluation/dangerous_workflow.go: any dangerous pattern gives 0, none 10, a repository
 * without workflows -1.
 *
 * Each script injection carries as `remediation` the whole workflow file after the fix Scorecard's
 * patch writes (the expression moved into a workflow-level `env:` variable, `$VAR` in the
 * script): the exact text to commit; a renderer may show it as a diff against the file.
 *
 * Beyond Scorecard (off with `--scorecard-compat`, each marked with a `deviation`):
 * `actions/github-script` scripts and a few more attacker-set fields are read; a checkout of the
 * pull request's base ref is not dangerous; a malformed workflow is reported and the others are
 * still judged, where Scorecard stops the whole check.
 */
import type { CheckFinding, CheckResult } from '../model/index.js';
import { inconclusiveResult, maxScore, minScore, scoredResult } from './check.js';
import type { Check, CheckContext } from './check.js';
import { collectDangerousPatterns } from './dangerous-workflow-patterns.js';
import type { DangerousPattern, DangerousWorkflowData } from './dangerous-workflow-patterns.js';
import { patchScriptInjection } from './script-injection-patch.js';
import { workflowProblemFinding, workflowProblemReason } from './workflow-problem-finding.js';

const check = { name: 'Dangerous-Workflow', risk: 'Critical' } as const;

export const dangerousWorkflow: Check = {
  ...check,
  short: "workflows that run untrusted code or let attacker-controlled text into scripts (pull_request_target checkouts, script injection)",
  source: 'files',
  run(context) {
    return judgeDangerousWorkflows(collectDangerousPatterns(context.files), context);
  },
};

/** The result for collected raw data (exported for tests that feed raw data directly). */
export function judgeDangerousWorkflows(data: DangerousWorkflowData, context: Pick<CheckContext, 'scorecardCompat'>): CheckResult {
  const compat = context.scorecardCompat;
  if (data.workflows === 0) return inconclusiveResult(check, 'no workflows found');
  const problems = data.problems.map((problem) => workflowProblemFinding(problem, compat));
  const [firstProblem] = data.problems;
  // Scorecard's raw collector returns the first unreadable workflow as the check's error.
  if (compat && firstProblem !== undefined) return inconclusiveResult(check, workflowProblemReason(firstProblem), problems.slice(0, 1));
  if (data.problems.length === data.workflows) return inconclusiveResult(check, 'no workflow could be read', problems);

  const findings = [...patternFindings(data, compat), ...problems].sort(byLocation);
  const dangerous = findings.some((finding) => finding.outcome === 'fail');
  return dangerous
    ? scoredResult(check, minScore, 'dangerous workflow patterns detected', findings)
    : scoredResult(check, maxScore, 'no dangerous workflow patterns detected', findings);
}

function patternFindings(data: DangerousWorkflowData, compat: boolean): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const pattern of data.patterns) {
    if (compat && pattern.beyondScorecard !== undefined) continue;
    const finding = pattern.kind === 'untrustedCheckout' ? checkoutFinding(pattern) : injectionFinding(pattern, data);
    if (!compat && pattern.notDangerous !== undefined) {
      const { remediation: _nothingToFix, ...evidence } = finding;
      findings.push({ ...evidence, outcome: 'pass', deviation: `Scorecard reports this checkout as dangerous; ${pattern.notDangerous}` });
    } else {
      findings.push(!compat && pattern.beyondScorecard !== undefined ? { ...finding, deviation: `Scorecard does not report this: ${pattern.beyondScorecard}` } : finding);
    }
  }
  return findings;
}

function checkoutFinding(pattern: DangerousPattern): CheckFinding {
  return {
    outcome: 'fail',
    message: `untrusted code checkout '${pattern.snippet}'`,
    file: pattern.path,
    line: pattern.line,
    snippet: pattern.snippet,
    remediation: [
      `Remove \`ref: ${pattern.snippet}\` from this actions/checkout step of job \`${pattern.jobId}\`: the workflow then checks out the base branch, code the repository already trusts.`,
      'If that code must be built or tested, do it in a separate workflow triggered by `pull_request`, which gets no secrets and a read-only token, and hand its results over as artifacts.',
      'See https://securitylab.github.com/research/github-actions-preventing-pwn-requests/',
    ].join('\n'),
  };
}

function injectionFinding(pattern: DangerousPattern, data: DangerousWorkflowData): CheckFinding {
  const workflow = data.parsed.get(pattern.path);
  const env = new Map([...(workflow?.env ?? [])].map(([name, value]) => [name, value.value]));
  const patched = workflow === undefined || pattern.sink !== 'run' ? undefined : patchScriptInjection(workflow.text, { line: pattern.line, expression: pattern.snippet }, env);
  return {
    outcome: 'fail',
    message: `script injection with untrusted input '${pattern.snippet}'`,
    file: pattern.path,
    line: pattern.line,
    ...(pattern.endLine === undefined ? {} : { endLine: pattern.endLine }),
    snippet: `\${{${pattern.snippet}}}`,
    remediation: patched ?? manualFix(pattern),
  };
}

/** The fix in words, for the expressions Scorecard's patch cannot name. */
function manualFix(pattern: DangerousPattern): string {
  const expression = `\${{ ${pattern.snippet.trim()} }}`;
  const use = pattern.sink === 'github-script' ? 'process.env.UNTRUSTED_INPUT' : '"$UNTRUSTED_INPUT"';
  return [
    `Pass ${expression} to the step through an environment variable instead of writing it into the script:`,
    '  env:',
    `    UNTRUSTED_INPUT: ${expression}`,
    `and read ${use} in the script, so its value is never parsed as code.`,
  ].join('\n');
}


/** By file, then line; findings on one line keep the order they were found in. */
function byLocation(a: CheckFinding, b: CheckFinding): number {
  const [fileA, fileB] = [a.file ?? '', b.file ?? ''];
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
