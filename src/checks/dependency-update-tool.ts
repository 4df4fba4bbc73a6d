/**
 * Dependency-Update-Tool (risk High): whether a bot keeps the dependencies current. Scorecard's
 * rules (checks/raw/dependency_update_tool.go): a configuration file of Dependabot, Renovate, PyUp
 * or Scala Steward at one of its exact paths (any case); failing that, commits authored by
 * Dependabot, which only the platform's commit search can find (a local folder cannot: no
 * tool). Score: 10 with a tool, 0 without.
 *
 * Without `scorecardCompat` Trustline also accepts Renovate configured in package.json and bots
 * run from a workflow (renovatebot/github-action, scala-steward-action), each with a deviation.
 */
import type { CheckFinding } from '../model/index.js';
import type { Check } from './check.js';
import { fileCheckPlatform, type FileCheckPlatform } from './platform-data.js';
import type { RepositoryFiles } from './repository.js';
import { dependabotConfig, repositoryEcosystems } from './repository-profile.js';
import { type Evaluation, logged, resultOf } from './scorecard-evaluation.js';
import { workflowsOf } from './workflows.js';

export type UpdateToolName = 'Dependabot' | 'RenovateBot' | 'PyUp' | 'Scala Steward';

export interface UpdateTool {
  readonly name: UpdateToolName;
  /** The configuration file; absent when the tool was found by its commits. */
  readonly file?: string;
  readonly line?: number;
  readonly deviation?: string;
}

const renovateFiles = ['renovate.json', 'renovate.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.gitlab/renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5'];
const scalaStewardFiles = ['', '.github/', '.config/'].flatMap((folder) => [`${folder}.scala-steward.conf`, `${folder}scala-steward.conf`]);

const toolByPath = new Map<string, UpdateToolName>([
  ['.github/dependabot.yml', 'Dependabot'],
  ['.github/dependabot.yaml', 'Dependabot'],
  ...renovateFiles.map((path): [string, UpdateToolName] => [path, 'RenovateBot']),
  ['.pyup.yml', 'PyUp'],
  ...scalaStewardFiles.map((path): [string, UpdateToolName] => [path, 'Scala Steward']),
]);

/** The tool a path configures, by Scorecard's exact (case-insensitive) paths. */
export function updateToolOfPath(path: string): UpdateToolName | undefined {
  return toolByPath.get(path.toLowerCase());
}

/** GitHub's account id of dependabot[bot]. */
const dependabotId = 49699333;

/** Scorecard's raw data: every configured tool, else Dependabot found by its commits. */
export async function collectUpdateTools(files: RepositoryFiles, platform: FileCheckPlatform, options: { readonly scorecardCompat: boolean }): Promise<UpdateTool[]> {
  const tools: UpdateTool[] = [];
  for (const path of files.paths) {
    const name = updateToolOfPath(path);
    if (name !== undefined) tools.push({ name, file: path });
  }
  if (!options.scorecardCompat) tools.push(...undeclaredTools(files));
  if (tools.length > 0 || platform.committerIdsOfCommitsBy === undefined) return tools;
  const committers = await platform.committerIdsOfCommitsBy('dependabot[bot]');
  return committers.includes(dependabotId) ? [{ name: 'Dependabot' }] : [];
}

const workflowBots: readonly (readonly [string, UpdateToolName])[] = [
  ['renovatebot/github-action@', 'RenovateBot'],
  ['scala-steward-org/scala-steward-action@', 'Scala Steward'],
];

/** Bots Scorecard does not see: Renovate in package.json, bots run by a workflow. */
function undeclaredTools(files: RepositoryFiles): UpdateTool[] {
  const tools: UpdateTool[] = [];
  const manifest = files.paths.includes('package.json') ? files.readText('package.json') : undefined;
  if (manifest !== undefined && /^\s{0,4}"renovate"\s*:/m.test(manifest)) {
    tools.push({ name: 'RenovateBot', file: 'package.json', deviation: 'Renovate is configured in package.json, a location Scorecard does not read' });
  }
  for (const reading of workflowsOf(files)) {
    if (!reading.ok) continue;
    for (const step of reading.workflow.jobs.flatMap((job) => job.steps)) {
      const bot = workflowBots.find(([prefix]) => step.uses?.value.startsWith(prefix) === true);
      if (bot !== undefined && step.uses !== undefined) {
        tools.push({ name: bot[1], file: reading.workflow.path, line: step.uses.line, deviation: `${bot[1]} runs from a workflow; Scorecard only looks for its configuration file` });
      }
    }
  }
  return tools;
}

/** Scorecard's evaluation: any tool is enough. */
export function evaluateUpdateTools(tools: readonly UpdateTool[], files: RepositoryFiles): Evaluation {
  if (tools.length === 0) {
    const config = dependabotConfig(repositoryEcosystems(files));
    const finding: CheckFinding = { outcome: 'fail', message: 'no dependency update tool detected', remediation: `Add .github/dependabot.yml (or a Renovate configuration, renovate.json):\n\n${config}` };
    return { score: 0, reason: 'no update tool detected', entries: [logged(finding, 'warn')] };
  }
  const entries = tools.map((tool) =>
    logged(
      {
        outcome: 'pass',
        message: `detected update tool: ${tool.name}${tool.file === undefined ? ' (by its commits)' : ''}`,
        ...(tool.file === undefined ? {} : { file: tool.file }),
        ...(tool.line === undefined ? {} : { line: tool.line }),
        ...(tool.deviation === undefined ? {} : { deviation: tool.deviation }),
      },
      'info',
    ),
  );
  return { score: 10, reason: 'update tool detected', entries };
}

export const dependencyUpdateTool: Check = {
  name: 'Dependency-Update-Tool',
  risk: 'High',
  short: 'a dependency update bot (Dependabot, Renovate, PyUp, Scala Steward) configured for the repository',
  source: 'files',
  async run(context) {
    const tools = await collectUpdateTools(context.files, fileCheckPlatform(context), { scorecardCompat: context.scorecardCompat });
    return resultOf(dependencyUpdateTool, evaluateUpdateTools(tools, context.files));
  },
};
