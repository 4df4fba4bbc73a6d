/**
 * The raw data of SAST (Scorecard's checks/raw/sast.go): workflows that run a static analysis
 * tool (a step whose action, without its `@ref`, matches the tool's pattern), Maven projects
 * that send their analysis to a Sonar server (`<sonar.host.url>` in a pom.xml), and, from the
 * platform, which merged pull requests had a SAST check run.
 */
import type { FileCheckPlatform } from './platform-data.js';
import { isTestDataPath, type RepositoryFiles } from './repository.js';
import { workflowsOf } from './workflows.js';

export type SastToolType = 'CodeQL' | 'Sonar' | 'Snyk' | 'Pysa' | 'Qodana' | 'Hadolint' | 'Semgrep' | 'Gosec' | 'Bandit' | 'Brakeman';

export interface SastWorkflow {
  readonly type: SastToolType;
  readonly path: string;
  readonly line?: number;
  readonly endLine?: number;
  /** The step's `uses:`, or the Sonar server URL. */
  readonly snippet?: string;
  readonly deviation?: string;
}

export interface SastCommit {
  readonly compliant: boolean;
  /** The SAST app whose successful check run made it compliant. */
  readonly app?: string;
  readonly number?: number;
}

export interface SastData {
  /** Tools in Scorecard's order: every CodeQL workflow, then Sonar, Snyk, Pysa, Qodana, Hadolint. */
  readonly workflows: readonly SastWorkflow[];
  /** The merged pull requests, each compliant or not; empty when the platform cannot list them. */
  readonly commits: readonly SastCommit[];
  readonly errors: readonly { readonly path: string; readonly line?: number; readonly message: string }[];
}

interface ToolPattern {
  readonly type: SastToolType;
  readonly action?: RegExp;
  readonly run?: RegExp;
  readonly deviation?: string;
}

/** Scorecard's actions (case-sensitive, anchored), in its order; Sonar comes second, from pom.xml. */
const scorecardTools: readonly ToolPattern[] = [
  { type: 'CodeQL', action: /^github\/codeql-action\/analyze$/ },
  { type: 'Snyk', action: /^snyk\/actions\/.*/ },
  { type: 'Pysa', action: /^facebook\/pysa-action$/ },
  { type: 'Qodana', action: /^JetBrains\/qodana-action$/ },
  { type: 'Hadolint', action: /^hadolint\/hadolint-action$/ },
];

const unseen = 'Scorecard does not recognise this SAST tool';

/** Tools Scorecard misses, used without `scorecardCompat`. */
const additionalTools: readonly ToolPattern[] = [
  { type: 'Semgrep', action: /^(returntocorp|semgrep)\/semgrep-action$/, run: /\bsemgrep\s+(ci|scan|--config)\b/, deviation: unseen },
  { type: 'Gosec', action: /^securego\/gosec$/, run: /\bgosec\s/, deviation: unseen },
  { type: 'Bandit', action: /^(PyCQA\/bandit-action|mdegis\/bandit-action)$/, run: /\bbandit\s+(-r|--recursive)\b/, deviation: unseen },
  { type: 'Brakeman', run: /\bbrakeman\b/, deviation: unseen },
];

const sastApps = new Set(['github-advanced-security', 'github-code-scanning', 'lgtm-com', 'sonarcloud', 'sonarqubecloud']);
const allowedConclusions = new Set(['success', 'neutral']);

export async function collectSast(files: RepositoryFiles, platform: FileCheckPlatform, options: { readonly scorecardCompat: boolean }): Promise<SastData> {
  const commits: SastCommit[] = [];
  for (const pull of platform.mergedPullRequests === undefined ? [] : await platform.mergedPullRequests()) {
    const run = pull.checkRuns.find((candidate) => candidate.status === 'completed' && allowedConclusions.has(candidate.conclusion) && sastApps.has(candidate.app));
    commits.push({ compliant: run !== undefined, ...(run === undefined ? {} : { app: run.app }), ...(pull.number === undefined ? {} : { number: pull.number }) });
  }
  const { found, errors } = workflowTools(files, options.scorecardCompat ? scorecardTools : [...scorecardTools, ...additionalTools]);
  const workflows = [...(found.get('CodeQL') ?? []), ...sonarProjects(files)];
  for (const [type, list] of found) if (type !== 'CodeQL') workflows.push(...list);
  return { workflows, commits, errors };
}

/** Per tool, one entry per matching step, in file and step order. */
function workflowTools(files: RepositoryFiles, tools: readonly ToolPattern[]): { found: Map<SastToolType, SastWorkflow[]>; errors: SastData['errors'][number][] } {
  const found = new Map<SastToolType, SastWorkflow[]>(tools.map((tool) => [tool.type, []]));
  const errors: SastData['errors'][number][] = [];
  for (const reading of workflowsOf(files)) {
    if (!reading.ok) {
      errors.push({ path: reading.path, ...(reading.line === undefined ? {} : { line: reading.line }), message: reading.message });
      continue;
    }
    for (const step of reading.workflow.jobs.flatMap((job) => job.steps)) {
      const action = step.uses?.value.replace(/^actions:\/\//, '').split('@')[0];
      for (const tool of tools) {
        const byAction = action !== undefined && tool.action?.test(action) === true;
        const byRun = step.uses === undefined && step.run !== undefined && tool.run?.test(step.run.value) === true;
        if (!byAction && !byRun) continue;
        const evidence = byAction ? step.uses : step.run;
        found.get(tool.type)?.push({
          type: tool.type,
          path: reading.workflow.path,
          line: evidence?.line ?? step.line,
          ...(evidence === undefined ? {} : { snippet: evidence.value.split('\n')[0] ?? '' }),
          ...(tool.deviation === undefined ? {} : { deviation: tool.deviation }),
        });
      }
    }
  }
  return { found, errors };
}

/** Go's `\s` and `\S` are ASCII-only. */
const sonarUrl = /<sonar\.host\.url>[\t\n\f\r ]*([^\t\n\f\r ]+)[\t\n\f\r ]*<\/sonar\.host\.url>/;

/** pom.xml files naming a Sonar server, with the lines of its opening and closing tags. */
function sonarProjects(files: RepositoryFiles): SastWorkflow[] {
  const projects: SastWorkflow[] = [];
  for (const path of files.paths) {
    if (path.slice(path.lastIndexOf('/') + 1).toLowerCase() !== 'pom.xml' || isTestDataPath(path)) continue;
    const text = files.readText(path);
    const url = text === undefined ? undefined : sonarUrl.exec(text)?.[1];
    if (text === undefined || url === undefined) continue;
    const lines = text.split('\n');
    const lineOf = (needle: string): number => lines.findIndex((line) => line.includes(needle)) + 1;
    projects.push({ type: 'Sonar', path, line: lineOf('<sonar.host.url>'), endLine: lineOf('</sonar.host.url>'), snippet: url });
  }
  return projects;
}
