import { resolve } from 'node:path';
import { ExitCode, UsageError, worstExitCode } from '../../errors.js';
import type { CheckReport } from '../../model/index.js';
import type { CliContext } from '../context.js';

export const checkFormats = ['table', 'json', 'scorecard-json', 'sarif'] as const;
export type CheckFormat = (typeof checkFormats)[number];

export interface CheckCommandOptions {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly scorecardCompat?: boolean;
  readonly minScore?: number;
  /** `NAME` or `NAME=MIN` (default 10). */
  readonly require: readonly string[];
  readonly check: readonly string[];
  readonly githubApiUrl?: string;
}

/**
 * `trustline check [PATH | https://github.com/OWNER/REPO]`: Scorecard-compatible checks with the
 * evidence and the fix of every finding. Exit 1 when the aggregate is below --min-score or a
 * --require'd check below its threshold (a required check that cannot run fails it too); 3 when
 * the network or the API failed.
 */
export async function checkCommand(context: CliContext, target: string, options: CheckCommandOptions): Promise<ExitCode> {
  const requirements = options.require.map(parseRequirement);
  const isUrl = /^(https?:\/\/|git@)/i.test(target);
  const path = isUrl ? target : resolve(context.io.cwd, target);
  const config = isUrl ? undefined : await context.config(path);
  const token = context.io.env['GITHUB_TOKEN'] ?? context.io.env['GH_TOKEN'];
  const offline = await context.offline(isUrl ? context.io.cwd : path);
  const { checkRepository } = await import('../../checks/run.js');
  if (offline && isUrl) throw new UsageError('offline', 'checking a URL needs the GitHub API: drop --offline, or check a local clone');
  const store = await context.openStore();
  const http = offline ? undefined : await context.httpClient(false);
  let report: Awaited<ReturnType<typeof checkRepository>>;
  try {
    report = await checkRepository(path, {
      scorecardCompat: options.scorecardCompat === true,
      exclude: config?.config.checks?.exclude ?? [],
      only: options.check,
      ...(offline || token === undefined || token === '' ? {} : { githubToken: token }),
      ...(options.githubApiUrl === undefined ? {} : { githubApiUrl: options.githubApiUrl }),
      ...(http === undefined ? {} : { http }),
      store,
    });
  } finally {
    // Keep-alive sockets would hold the process open for seconds after the report.
    await http?.close();
    await store.close();
  }
  const shown = isUrl ? report : { ...report, repository: { ...report.repository, path: target } };
  context.output(await render(context, shown, options.format), options.output);

  let exitCode: ExitCode = ExitCode.ok;
  for (const error of report.errors) context.io.stderr.write(`trustline: ${error.check}: ${error.message}\n`);
  if (report.errors.some((error) => error.environment)) exitCode = worstExitCode(exitCode, ExitCode.environment);
  if (options.minScore !== undefined && report.score < options.minScore) {
    context.note(`trustline: the aggregate score ${report.score < 0 ? '?' : report.score} is below --min-score ${options.minScore}`);
    exitCode = worstExitCode(exitCode, ExitCode.policyFailed);
  }
  for (const { name, minimum } of requirements) {
    const result = report.checks.find((check) => check.name.toLowerCase() === name.toLowerCase());
    if (result === undefined || result.score < minimum) {
      context.note(`trustline: ${result?.name ?? name} scored ${result === undefined || result.score < 0 ? '?' : result.score}, below the required ${minimum}`);
      exitCode = worstExitCode(exitCode, ExitCode.policyFailed);
    }
  }
  return exitCode;
}

/** `Pinned-Dependencies` (must score 10) or `Pinned-Dependencies=8`. */
export function parseRequirement(text: string): { name: string; minimum: number } {
  const match = /^([A-Za-z-]+)(?:[=:](\d+))?$/.exec(text.trim());
  if (match?.[1] === undefined) throw new UsageError('invalid-require', `--require ${text}: expected CHECK or CHECK=MIN (e.g. Pinned-Dependencies=8)`);
  const minimum = match[2] === undefined ? 10 : Number(match[2]);
  if (minimum > 10) throw new UsageError('invalid-require', `--require ${text}: a check scores 0 to 10`);
  return { name: match[1], minimum };
}

async function render(context: CliContext, report: CheckReport, format: CheckFormat): Promise<string> {
  const { trustlineVersion } = await import('../version.js');
  const { checks } = await import('../../checks/registry.js');
  const shortDescriptions = Object.fromEntries(checks.map((check) => [check.name, check.short]));
  switch (format) {
    case 'json': {
      const { checkJson } = await import('../../report/check-json.js');
      return JSON.stringify(checkJson(report), null, 2);
    }
    case 'scorecard-json': {
      const { checkScorecardJson } = await import('../../report/check-scorecard-json.js');
      return JSON.stringify(checkScorecardJson(report, { toolVersion: trustlineVersion(), shortDescriptions }), null, 2);
    }
    case 'sarif': {
      const { checkSarif } = await import('../../report/check-sarif.js');
      return JSON.stringify(checkSarif(report, { toolVersion: trustlineVersion(), shortDescriptions }), null, 2);
    }
    case 'table': {
      const { checkTable } = await import('../../report/check-table.js');
      return checkTable(report, context.style);
    }
  }
}
