/**
 * The raw data of Token-Permissions (Scorecard's checks/raw/permissions.go): every `permissions:`
 * declaration of the workflows, top level and per job, in Scorecard's order, with the notes it
 * logs about the write permissions a workflow legitimately needs (publishing packages, creating
 * releases, deploying GitHub Pages, uploading SARIF results).
 */
import { isMap, isScalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { RepositoryFiles } from './repository.js';
import { packagingMatch, scorecardMatchers } from './packaging-detection.js';
import { firstJobMatch, jobMatches, pagesJobMatchers, releasingJobMatchers, sarifUploadActions, stepUsingAction } from './workflow-job-matchers.js';
import { containsCommands, workflowsOf } from './workflows.js';
import type { Workflow, WorkflowProblem } from './workflows.js';

export type PermissionLevel = 'undeclared' | 'write' | 'read' | 'none' | 'unknown';
export type PermissionLocation = 'topLevel' | 'jobLevel';
/** A permission a job may need to write, and so Scorecard leaves out at job level. */
export type ExemptPermission = 'packages' | 'contents' | 'security-events';

/** One raw record, as checker.TokenPermission. */
export interface TokenPermission {
  readonly path: string;
  /** Undefined where Scorecard has no line (its default offset). */
  readonly line?: number;
  /** The source line, trimmed. */
  readonly snippet?: string;
  readonly location?: PermissionLocation;
  /** The scope (`contents`), lower case; undefined for `read-all`/`write-all` and for notes. */
  readonly name?: string;
  readonly value?: string;
  readonly level: PermissionLevel;
  /** Scorecard's own text, for notes and undeclared jobs. */
  readonly message?: string;
  readonly jobId?: string;
  /** Top level undeclared while every job declares its own permissions (nothing inherits it). */
  readonly unused?: boolean;
}

export interface WorkflowPermissions {
  readonly workflow: Workflow;
  /** Per job id: the write permissions Scorecard accepts for its kind of job. */
  readonly needs: ReadonlyMap<string, ReadonlySet<ExemptPermission>>;
}

export interface TokenPermissionsData {
  readonly permissions: readonly TokenPermission[];
  readonly workflows: readonly WorkflowPermissions[];
  readonly problems: readonly WorkflowProblem[];
}

/** Scorecard judges writes to these scopes; others (issues, pull-requests, id-token, ...) are unknown. */
const judgedScopes = new Set(['statuses', 'checks', 'security-events', 'deployments', 'contents', 'packages', 'actions']);

export function collectTokenPermissions(files: RepositoryFiles): TokenPermissionsData {
  const permissions: TokenPermission[] = [];
  const workflows: WorkflowPermissions[] = [];
  const problems: WorkflowProblem[] = [];
  for (const reading of workflowsOf(files)) {
    const path = reading.ok ? reading.workflow.path : reading.path;
    const text = reading.ok ? reading.workflow.text : files.readText(path);
    if (text !== undefined && !containsCommands(text)) continue;
    if (!reading.ok) {
      problems.push({ path, ...(reading.line === undefined ? {} : { line: reading.line }), message: reading.message });
      continue;
    }
    const { workflow } = reading;
    const root = workflow.document.contents as YAMLMap;
    const jobsDeclare = workflow.jobs.length > 0 && workflow.jobs.every((job) => job.permissions !== undefined);
    if (workflow.permissions === undefined) {
      permissions.push({ path, location: 'topLevel', level: 'undeclared', ...(jobsDeclare ? { unused: true } : {}), ...jobsLine(workflow) });
    } else {
      permissions.push(...declared(workflow, root, 'topLevel', new Set()));
    }
    const exemptions = exemptionsOf(workflow);
    permissions.push(...exemptions.notes);
    for (const job of workflow.jobs) {
      if (job.permissions === undefined) {
        permissions.push({ path, line: job.line, location: 'jobLevel', level: 'undeclared', message: 'no jobLevel permission defined', jobId: job.id });
      } else {
        permissions.push(...declared(workflow, job.node, 'jobLevel', exemptions.ignored, job.id));
      }
    }
    workflows.push({ workflow, needs: exemptions.needs });
  }
  return { permissions, workflows, problems };
}

/** Where a top-level block goes: the `jobs:` line. */
function jobsLine(workflow: Workflow): Pick<TokenPermission, 'line' | 'snippet'> {
  const root = workflow.document.contents as YAMLMap;
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'jobs');
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  if (start === undefined) return {};
  const line = workflow.position(start).line;
  return { line, snippet: lineText(workflow, line) };
}

/** The records of one `permissions:` value (validatePermissions). */
function declared(workflow: Workflow, owner: YAMLMap, location: PermissionLocation, ignored: ReadonlySet<string>, jobId?: string): TokenPermission[] {
  const node = owner.get('permissions', true) as Node | null | undefined;
  const base = { path: workflow.path, location, ...(jobId === undefined ? {} : { jobId }) };
  const at = (valueNode: Node): Pick<TokenPermission, 'line' | 'snippet'> => {
    const line = workflow.position(valueNode.range?.[0] ?? 0).line;
    return { line, snippet: lineText(workflow, line) };
  };
  if (isScalar(node) && typeof node.value === 'string' && node.value !== '') {
    const value = node.value;
    // Anything but read-all is a write-all in Scorecard's eyes (`permissions: read` included).
    if (value.toLowerCase() !== 'read-all') return [{ ...base, ...at(node), value, level: 'write' }];
    return [{ ...base, ...at(node), value, level: levelOf(value) }];
  }
  if (!isMap(node) || node.items.length === 0) return [{ ...base, value: 'none', level: 'none' }];
  const records: TokenPermission[] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value).toLowerCase();
    const valueNode = pair.value as Node | null;
    const value = isScalar(valueNode) ? scalarText(valueNode.value) : '';
    const where = valueNode === null ? at(pair.key) : at(valueNode);
    if (value.toLowerCase() === 'write') {
      const judged = judgedScopes.has(name) && !ignored.has(name);
      records.push({ ...base, ...where, name, value, level: judged ? 'write' : 'unknown' });
    } else {
      records.push({ ...base, ...where, name, value, level: levelOf(value) });
    }
  }
  return records;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function levelOf(value: string): PermissionLevel {
  if (value === 'read' || value === 'read-all') return 'read';
  if (value === 'none') return 'none';
  return 'unknown';
}

/**
 * createIgnoredPermissions: a packaging workflow may write packages, a releasing or GitHub Pages
 * one contents, a SARIF-uploading one security events; each test leaves a note (Scorecard's debug
 * log), the Pages test only when the releasing one failed.
 */
function exemptionsOf(workflow: Workflow): { ignored: Set<string>; notes: TokenPermission[]; needs: Map<string, Set<ExemptPermission>> } {
  const path = workflow.path;
  const ignored = new Set<string>();
  const notes: TokenPermission[] = [];
  const needs = new Map<string, Set<ExemptPermission>>();
  const need = (jobId: string, permission: ExemptPermission): void => {
    needs.set(jobId, (needs.get(jobId) ?? new Set()).add(permission));
  };
  const note = (message: string, line?: number): void => {
    notes.push({ path, level: 'unknown', message, ...(line === undefined ? {} : { line }) });
  };

  // The same test as the Packaging check (fileparser.IsPackagingWorkflow).
  const packaging = packagingMatch(workflow, scorecardMatchers);
  note(`${packaging === undefined ? 'not a publishing workflow' : `candidate ${packaging.matcher.description}`}: ${path}`);
  if (packaging !== undefined) ignored.add('packages');
  const releasing = firstJobMatch(workflow, releasingJobMatchers);
  note(`${releasing?.matcher.logText ?? 'not a releasing workflow'}: ${path}`);
  const pages = releasing === undefined ? firstJobMatch(workflow, pagesJobMatchers) : undefined;
  if (releasing === undefined) note(`${pages?.matcher.logText ?? 'not a GitHub Pages deployment workflow'}: ${path}`);
  if (releasing !== undefined || pages !== undefined) ignored.add('contents');
  const sarif = workflow.jobs.map((job) => stepUsingAction(job, sarifUploadActions)).find((step) => step !== undefined);
  if (sarif === undefined) note('not a SARIF workflow, or not an allowed one');
  else {
    ignored.add('security-events');
    note('allowed SARIF workflow detected', sarif.uses?.line);
  }

  // What each job needs, for the remediation: every job a matcher recognises, not only the first.
  for (const job of workflow.jobs) {
    if (packagingMatch({ ...workflow, jobs: [job] }, scorecardMatchers) !== undefined) need(job.id, 'packages');
    if ([...releasingJobMatchers, ...pagesJobMatchers].some((matcher) => jobMatches(matcher, job))) need(job.id, 'contents');
    if (stepUsingAction(job, sarifUploadActions) !== undefined) need(job.id, 'security-events');
  }
  return { ignored, notes, needs };
}

const linesOf = new WeakMap<Workflow, readonly string[]>();

function lineText(workflow: Workflow, line: number): string {
  let lines = linesOf.get(workflow);
  if (lines === undefined) {
    lines = workflow.text.split('\n');
    linesOf.set(workflow, lines);
  }
  return (lines[line - 1] ?? '').trim();
}
