/**
 * The shell a workflow `run:` step runs in, as Scorecard decides it (fileparser.GetShellForStep):
 * the step's `shell:`, else the job's `defaults.run.shell`, else `pwsh` when the step's `if:`
 * tests for Windows or every runner of the job is Windows, else `bash`. Scorecard does not read
 * the workflow-level `defaults.run.shell`. A job whose runner comes from a matrix it cannot read
 * has no known shell: Scorecard skips its steps and reports it.
 */
import { isMap, isSeq, isScalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { Workflow, WorkflowJob, WorkflowStep } from './workflows.js';

export type StepShell = { readonly ok: true; readonly shell: string } | { readonly ok: false; readonly message: string };

const windowsConditions = [
  /runner\.os\s*==\s*['"]windows['"]/i,
  /\$\{\{\s*startsWith\(runner\.os,\s*['"]windows['"]\)/i,
  /matrix\.os\s*==\s*['"]windows-/i,
];

export function shellForStep(step: WorkflowStep, job: WorkflowJob): StepShell {
  if (step.shell !== undefined && step.shell.value !== '') return { ok: true, shell: step.shell.value };
  if (job.defaultShell !== undefined && job.defaultShell.value !== '') return { ok: true, shell: job.defaultShell.value };
  const condition = step.if?.value;
  if (condition !== undefined && windowsConditions.some((pattern) => pattern.test(condition))) return { ok: true, shell: 'pwsh' };
  const systems = runnerSystems(job);
  if (!systems.ok) return systems;
  // Every runner is Windows (vacuously so for a job without `runs-on`, as in Scorecard).
  return { ok: true, shell: systems.names.every((name) => name.toLowerCase().startsWith('windows')) ? 'pwsh' : 'bash' };
}

/** The shells of a workflow's `run:` steps, in file order (unresolvable ones left out). */
export function stepShells(workflow: Workflow): string[] {
  const shells: string[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (step.run === undefined) continue;
      const shell = shellForStep(step, job);
      if (shell.ok) shells.push(shell.shell);
    }
  }
  return shells;
}

type Systems = { readonly ok: true; readonly names: string[] } | { readonly ok: false; readonly message: string };

/** GetOSesForJob: `runs-on` labels, or the `os` values of the matrix when `runs-on` is `${{ matrix.os }}`. */
function runnerSystems(job: WorkflowJob): Systems {
  const labels = runnerLabels(job.runsOn?.value);
  const [only] = labels;
  if (labels.length !== 1 || only === undefined || !only.includes('matrix.os')) return { ok: true, names: labels };
  const names: string[] = [];
  const matrix = matrixOf(job.node.get('strategy', true));
  if (matrix !== undefined) {
    const row = matrix.get('os', true) as Node | undefined;
    if (isSeq(row)) for (const item of row.items) names.push(trimQuotes(textOf(item)));
    const include = matrix.get('include', true) as Node | undefined;
    if (isSeq(include)) {
      for (const combination of include.items) {
        if (!isMap(combination)) continue;
        const os = combination.get('os', true) as Node | undefined;
        if (os !== undefined) names.push(trimQuotes(textOf(os)));
      }
    }
  }
  if (names.length === 0) return { ok: false, message: `unable to determine OS for job: ${job.name?.value ?? ''}` };
  return { ok: true, names };
}

/** actionlint's RunsOn.Labels: a string, a list, or `{ group, labels }`. */
function runnerLabels(runsOn: unknown): string[] {
  if (typeof runsOn === 'string') return [runsOn];
  if (typeof runsOn === 'number' || typeof runsOn === 'boolean') return [String(runsOn)];
  if (Array.isArray(runsOn)) return runsOn.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  if (typeof runsOn === 'object' && runsOn !== null && 'labels' in runsOn) return runnerLabels(runsOn.labels);
  return [];
}

function matrixOf(strategy: unknown): YAMLMap | undefined {
  if (!isMap(strategy)) return undefined;
  const matrix = strategy.get('matrix', true) as Node | undefined;
  return isMap(matrix) ? matrix : undefined;
}

function textOf(node: unknown): string {
  if (isScalar(node)) return String(node.value);
  if (isMap(node) || isSeq(node)) return JSON.stringify(node.toJSON());
  return String(node);
}

function trimQuotes(value: string): string {
  return value.replace(/^['"]+|['"]+$/g, '');
}
