/**
 * Recognising what a workflow job does from its steps (Scorecard's fileparser.JobMatcher): a job
 * matches when, for every wanted step, one of its steps uses that action (any ref), has those
 * `with:` inputs, and runs a script matching the pattern (line continuations joined). A job that
 * calls a reusable workflow matches on that workflow's name alone.
 *
 * Token-Permissions uses the releasing, GitHub Pages and SARIF lists (and packaging-detection.ts
 * for publishing jobs) to leave out the write permissions such jobs need (checks/raw/permissions.go).
 */
import type { Workflow, WorkflowJob, WorkflowStep } from './workflows.js';

export interface JobMatcherStep {
  /** The action, without `@ref`. */
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly run?: RegExp;
}

export interface JobMatcher {
  /** What a match means, as Scorecard logs it. */
  readonly logText: string;
  readonly steps: readonly JobMatcherStep[];
}

export interface JobMatch {
  readonly job: WorkflowJob;
  readonly matcher: JobMatcher;
}

/** Jobs that create a GitHub release, so need `contents: write`. */
export const releasingJobMatchers: readonly JobMatcher[] = [
  { logText: 'candidate python publishing workflow using python-semantic-release', steps: [{ uses: 'relekang/python-semantic-release' }] },
  { logText: 'candidate golang publishing workflow', steps: [{ uses: 'actions/setup-go' }, { uses: 'goreleaser/goreleaser-action' }] },
  { logText: 'candidate SLSA publishing workflow using slsa-github-generator', steps: [{ uses: 'slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml' }] },
  { logText: 'candidate SLSA publishing workflow using slsa-github-generator', steps: [{ uses: 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml' }] },
  // mvn release:prepare commits the version bump.
  { logText: 'candidate mvn release workflow', steps: [{ run: /.*mvn.*release:prepare.*/ }] },
  { logText: 'candidate node publishing workflow using semantic-release', steps: [{ run: /(npx|pnpm|yarn).*semantic-release/ }] },
];

/** Jobs that push static pages to GitHub Pages, so need `contents: write`. */
export const pagesJobMatchers: readonly JobMatcher[] = [
  { logText: 'candidate GitHub page deployment workflow using peaceiris/actions-gh-pages', steps: [{ uses: 'peaceiris/actions-gh-pages' }] },
];

/** Actions that upload SARIF results, so need `security-events: write` (isAllowedWorkflow). */
export const sarifUploadActions: ReadonlySet<string> = new Set([
  'github/codeql-action/analyze',
  'github/codeql-action/upload-sarif',
  'ossf/scorecard-action',
  'haskell-actions/hlint-scan',
  'zizmorcore/zizmor-action',
]);

/** The first job (in file order) that a matcher recognises, with that matcher. */
export function firstJobMatch(workflow: Workflow, matchers: readonly JobMatcher[]): JobMatch | undefined {
  for (const job of workflow.jobs) {
    const matcher = matchers.find((candidate) => jobMatches(candidate, job));
    if (matcher !== undefined) return { job, matcher };
  }
  return undefined;
}

export function jobMatches(matcher: JobMatcher, job: WorkflowJob): boolean {
  for (const wanted of matcher.steps) {
    if (job.uses?.value.startsWith(`${wanted.uses ?? ''}@`) === true) return true;
    if (!job.steps.some((step) => stepMatches(wanted, step))) return false;
  }
  return true;
}

/** The first step of the job that uses one of the actions (compared without `@ref`). */
export function stepUsingAction(job: WorkflowJob, actions: ReadonlySet<string>): WorkflowStep | undefined {
  return job.steps.find((step) => step.uses !== undefined && actions.has(step.uses.value.split('@')[0] ?? ''));
}

/** Whether a step is what a matcher step describes, as actionlint reads a step (shared with packaging-detection.ts). */
export function stepMatches(wanted: JobMatcherStep, step: WorkflowStep): boolean {
  const uses = step.uses?.value;
  if (wanted.uses !== undefined && uses?.startsWith(`${wanted.uses}@`) !== true) return false;
  if (wanted.with !== undefined) {
    if (uses === undefined) return false;
    for (const [key, value] of Object.entries(wanted.with)) if (inputOf(step, key) !== value) return false;
  }
  if (wanted.run !== undefined) {
    // A step that names an action runs the action, not its `run:` (as actionlint reads it).
    const run = uses === undefined ? step.run?.value : undefined;
    if (run === undefined || !wanted.run.test(run.replace(/\\(\n|\r|\r\n)/g, ''))) return false;
  }
  return true;
}

function inputOf(step: WorkflowStep, name: string): string | undefined {
  for (const [key, value] of step.with) if (key.toLowerCase() === name) return value.value;
  return undefined;
}
