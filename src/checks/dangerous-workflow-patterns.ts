/**
 * The raw data of Dangerous-Workflow (Scorecard's checks/raw/dangerous_workflow.go): untrusted
 * code checkouts and script injections in GitHub workflows, each with its file, line and the
 * offending text, plus what Trustline sees beyond Scorecard (marked, so the check can leave it
 * out in `--scorecard-compat`).
 */
import type { RepositoryFiles } from './repository.js';
import { expressionsIn, isUntrustedBeyondScorecard, isUntrustedExpression } from './workflow-expressions.js';
import { containsCommands, workflowsOf } from './workflows.js';
import type { Workflow, WorkflowJob, WorkflowProblem, WorkflowStep } from './workflows.js';

export type DangerousPatternKind = 'untrustedCheckout' | 'scriptInjection';

export interface DangerousPattern {
  readonly kind: DangerousPatternKind;
  readonly path: string;
  /** Scorecard's line: the checkout step, or the `run:` value holding the expression. */
  readonly line: number;
  readonly endLine?: number;
  /** Scorecard's snippet: the `ref:` value, or the text between `${{` and `}}`. */
  readonly snippet: string;
  readonly jobId: string;
  /** Where a script injection is: a shell `run:` or an `actions/github-script` `script:`. */
  readonly sink?: 'run' | 'github-script';
  /** Set when Scorecard would not report this pattern: why Trustline does. */
  readonly beyondScorecard?: string;
  /** Set when Scorecard reports this pattern but it is not dangerous: why. */
  readonly notDangerous?: string;
}

export interface DangerousWorkflowData {
  /** Workflow files with at least one line that is neither blank nor a comment (Scorecard's count). */
  readonly workflows: number;
  readonly patterns: readonly DangerousPattern[];
  /** Workflow files the check could not judge; Scorecard stops the whole check on the first one. */
  readonly problems: readonly WorkflowProblem[];
  /** The parsed workflows by path, for the remediation patches. */
  readonly parsed: ReadonlyMap<string, Workflow>;
}

/** Events whose workflows run with the base repository's secrets on code an outsider pushed. */
const privilegedTriggers = new Set(['pull_request_target', 'workflow_run']);

/** Every dangerous pattern of the repository's workflows. */
export function collectDangerousPatterns(files: RepositoryFiles): DangerousWorkflowData {
  const patterns: DangerousPattern[] = [];
  const problems: WorkflowProblem[] = [];
  const parsed = new Map<string, Workflow>();
  let workflows = 0;
  for (const reading of workflowsOf(files)) {
    const path = reading.ok ? reading.workflow.path : reading.path;
    const text = reading.ok ? reading.workflow.text : files.readText(path);
    if (text !== undefined && !containsCommands(text)) continue;
    workflows++;
    if (!reading.ok) {
      problems.push({ path, ...(reading.line === undefined ? {} : { line: reading.line }), message: reading.message });
      continue;
    }
    parsed.set(path, reading.workflow);
    patterns.push(...untrustedCheckouts(reading.workflow));
    const injections = scriptInjections(reading.workflow);
    patterns.push(...injections.patterns);
    if (injections.problem !== undefined) problems.push(injections.problem);
  }
  return { workflows, patterns, problems, parsed };
}

/**
 * `actions/checkout` with a `ref:` naming the pull request or the triggering run, in a
 * `pull_request_target` or `workflow_run` workflow: the untrusted code then runs with the
 * base repository's secrets and a write token.
 */
function untrustedCheckouts(workflow: Workflow): DangerousPattern[] {
  if (!workflow.triggers.some((trigger) => privilegedTriggers.has(trigger))) return [];
  const found: DangerousPattern[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const uses = usesOf(step);
      if (uses === undefined || !uses.includes('actions/checkout')) continue;
      const ref = inputOf(step, 'ref');
      if (ref === undefined) continue;
      if (!namesUntrustedCode(ref.value)) continue;
      // The base branch is the repository's own code: Scorecard matches any
      // `github.event.pull_request` text, `base.ref` and `base.sha` included.
      const base = !namesUntrustedCode(ref.value.replace(/github\.event\.pull_request\.base\.(ref|sha)\b/g, ''));
      found.push({
        kind: 'untrustedCheckout',
        path: workflow.path,
        line: step.line,
        snippet: ref.value,
        jobId: job.id,
        ...(base ? { notDangerous: 'the ref names the base branch of the pull request, which is the repository’s own code; Scorecard matches any `github.event.pull_request` text' } : {}),
      });
    }
  }
  return found;
}

/** Scorecard's test: the ref mentions the pull request or the triggering run. */
function namesUntrustedCode(ref: string): boolean {
  return ref.includes('github.event.pull_request') || ref.includes('github.event.workflow_run');
}

function scriptInjections(workflow: Workflow): { patterns: DangerousPattern[]; problem?: WorkflowProblem } {
  const patterns: DangerousPattern[] = [];
  let problem: WorkflowProblem | undefined;
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const run = usesOf(step) === undefined ? step.run : undefined;
      const script = isGitHubScript(step) ? inputOf(step, 'script') : undefined;
      for (const [sink, value] of [['run', run], ['github-script', script]] as const) {
        if (value === undefined) continue;
        const { expressions, unterminated } = expressionsIn(value.value);
        if (unterminated && sink === 'run') problem ??= { path: workflow.path, line: value.line, message: 'invalid GitHub workflow: a `${{` without its `}}`' };
        for (const expression of expressions) {
          const pattern = injection(workflow, job, value, expression.text, sink);
          if (pattern !== undefined) patterns.push(pattern);
        }
      }
    }
  }
  return problem === undefined ? { patterns } : { patterns, problem };
}

function injection(workflow: Workflow, job: WorkflowJob, value: { line: number; endLine: number }, expression: string, sink: 'run' | 'github-script'): DangerousPattern | undefined {
  const scorecard = isUntrustedExpression(expression);
  if (!scorecard && !isUntrustedBeyondScorecard(expression)) return undefined;
  const beyond = [
    ...(scorecard ? [] : ['the expression reads a field an outside contributor sets that Scorecard does not list']),
    ...(sink === 'github-script' ? ['an `actions/github-script` `script:` is JavaScript built from the expression; Scorecard reads only `run:` scripts'] : []),
  ];
  return {
    kind: 'scriptInjection',
    path: workflow.path,
    line: value.line,
    endLine: value.endLine,
    snippet: expression,
    jobId: job.id,
    sink,
    ...(beyond.length > 0 ? { beyondScorecard: beyond.join('; ') } : {}),
  };
}

function isGitHubScript(step: WorkflowStep): boolean {
  return usesOf(step)?.startsWith('actions/github-script@') ?? false;
}

/** A step that names an action runs the action, whatever else it says (as actionlint reads it). */
function usesOf(step: WorkflowStep): string | undefined {
  return step.uses?.value;
}

/** A `with:` input by name, ignoring case as GitHub does. */
function inputOf(step: WorkflowStep, name: string): { value: string; line: number; endLine: number } | undefined {
  for (const [key, value] of step.with) if (key.toLowerCase() === name) return value;
  return undefined;
}
