/**
 * The `permissions:` blocks that fix a Token-Permissions warning, as YAML to paste: a read-only
 * top level (`contents: read`), and for the jobs that inherited more, their own block with the
 * write permissions they need and Scorecard accepts at job level (a publishing job's `packages`,
 * a releasing or GitHub Pages job's `contents`, a SARIF upload's `security-events`), plus the
 * inherited writes to scopes Scorecard does not judge (`pull-requests`, `issues`, `id-token`, ...),
 * so that the change keeps the workflow working.
 */
import type { ExemptPermission, WorkflowPermissions } from './token-permissions-raw.js';
import type { WorkflowJob } from './workflows.js';

/** Scopes whose writes Scorecard judges; the other scopes' writes are kept where they were inherited. */
const judgedScopes = new Set(['statuses', 'checks', 'security-events', 'deployments', 'contents', 'packages', 'actions']);

/** The fix of a missing, `write-all` or writing top-level block. */
export function topLevelRemediation({ workflow, needs }: WorkflowPermissions): string {
  const current = scopesOf(workflow.permissions?.value);
  const top = new Map<string, string>([['contents', 'read']]);
  for (const [scope, value] of current ?? []) top.set(scope, value.toLowerCase() === 'write' ? 'read' : value);
  const inheritedWrites = [...(current ?? [])].filter(([scope, value]) => value.toLowerCase() === 'write' && !judgedScopes.has(scope)).map(([scope]) => scope);

  const jobs: string[] = [];
  for (const job of workflow.jobs) {
    if (job.permissions !== undefined) continue;
    const writes = new Set<string>([...(needs.get(job.id) ?? new Set<ExemptPermission>()), ...inheritedWrites]);
    if (writes.size > 0) jobs.push(jobBlock(job, writes));
  }
  const where = workflow.permissions === undefined ? `# Add to ${workflow.path}, above \`jobs:\`:` : `# Replace the top-level \`permissions:\` of ${workflow.path} with:`;
  const lines = [where, 'permissions:', ...[...top].map(([scope, value]) => `  ${scope}: ${value}`)];
  if (jobs.length > 0) lines.push('# and give the jobs that write their own block (merged into the existing jobs):', 'jobs:', ...jobs);
  return lines.join('\n');
}

/** The fix of a job-level write: the job's block with that scope (or `write-all`) read-only. */
export function jobLevelRemediation({ workflow, needs }: WorkflowPermissions, jobId: string, scope: string | undefined): string {
  const job = workflow.jobs.find((candidate) => candidate.id === jobId);
  const current = scopesOf(job?.permissions?.value);
  const block = new Map<string, string>();
  if (current === undefined || scope === undefined) {
    // `write-all`: start from read-only and add what the job is known to need.
    block.set('contents', 'read');
    for (const need of needs.get(jobId) ?? []) block.set(need, 'write');
  } else {
    for (const [name, value] of current) block.set(name, name === scope ? 'read' : value);
  }
  return [
    `# In ${workflow.path}, job \`${jobId}\`: keep \`${scope ?? 'write-all'}\` at write only if this job really writes there`,
    '# (Scorecard warns about job-level writes but does not lower the score for them):',
    'jobs:',
    `  ${jobId}:`,
    '    permissions:',
    ...[...block].map(([name, value]) => `      ${name}: ${value}`),
  ].join('\n');
}

function jobBlock(job: WorkflowJob, writes: ReadonlySet<string>): string {
  const block = new Map<string, string>([['contents', 'read']]);
  for (const scope of writes) block.set(scope, 'write');
  return [`  ${job.id}:`, '    permissions:', ...[...block].map(([name, value]) => `      ${name}: ${value}`)].join('\n');
}

/** A `permissions:` mapping as scope → value; undefined for `read-all`, `write-all` or nothing. */
function scopesOf(value: unknown): Map<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return new Map(Object.entries(value as Record<string, unknown>).map(([scope, level]) => [scope.toLowerCase(), typeof level === 'string' ? level : String(level)]));
}
