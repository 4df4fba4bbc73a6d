/**
 * SAST (risk Medium): whether static analysis checks the code. Scorecard's rules
 * (checks/evaluation/sast.go, probes sastToolConfigured and sastToolRunsOnAllCommits): a
 * configured tool other than CodeQL (Sonar, Snyk, Pysa, Qodana, Hadolint) scores 10; otherwise
 * the share of merged pull requests that a SAST app checked decides, blended with CodeQL
 * (3 parts commits, 7 parts CodeQL) when CodeQL is configured.
 *
 * Local mode: the commits need the platform, which a folder does not have ("unsupported"), so
 * Scorecard's commit share is inconclusive and the score is 10 with a configured tool and 0
 * without. CodeQL's default setup (enabled in the repository settings, with no workflow) is
 * invisible there. An unparsable workflow makes Scorecard's check fail (-1); without
 * `scorecardCompat` Trustline reports that file, judges the others, and recognises Semgrep,
 * gosec, Bandit and Brakeman too.
 */
import type { CheckFinding } from '../model/index.js';
import { type Check, maxScore, minScore, proportionalScore } from './check.js';
import { fileCheckPlatform } from './platform-data.js';
import type { RepositoryFiles } from './repository.js';
import { repositoryLanguages } from './repository-profile.js';
import { collectSast, type SastData, type SastWorkflow } from './sast-tools.js';
import { type Evaluation, logged, type LoggedFinding, resultOf } from './scorecard-evaluation.js';

const inconclusive = -1;

/** Scorecard's evaluation of the two probes. */
export function evaluateSast(data: SastData, files: RepositoryFiles, options: { readonly scorecardCompat: boolean }): Evaluation {
  const errors = data.errors.map((error) =>
    logged({ outcome: 'error', message: `workflow could not be read: ${error.message}`, file: error.path, ...(error.line === undefined ? {} : { line: error.line }), ...(options.scorecardCompat ? {} : { deviation: 'Scorecard stops the whole check at an unreadable workflow' }) }, 'warn'),
  );
  if (options.scorecardCompat && errors.length > 0) return { score: inconclusive, reason: 'internal error: a workflow could not be parsed', entries: errors };
  const entries: LoggedFinding[] = [...errors];

  for (const commit of data.commits) {
    if (commit.app !== undefined) entries.push(logged({ outcome: 'pass', message: `tool detected: ${commit.app}${commit.number === undefined ? '' : ` on pull request #${commit.number}`}` }, 'debug'));
  }
  const analyzed = data.commits.filter((commit) => commit.compliant).length;
  const total = data.commits.length;
  let commitScore = inconclusive;
  if (total === 0) {
    entries.push(logged({ outcome: 'not-applicable', message: 'no pull requests merged into dev branch (listing them needs the GitHub API)' }, 'warn'));
  } else {
    commitScore = proportionalScore(analyzed, total);
    const all = analyzed === total;
    const finding: CheckFinding = all
      ? { outcome: 'pass', message: `all commits (${total}) are checked with a SAST tool` }
      : { outcome: 'fail', message: `${analyzed} commits out of ${total} are checked with a SAST tool`, remediation: 'Run the SAST tool on every pull request (on: pull_request) and require its check before merging.' };
    entries.push(logged(finding, all ? 'info' : 'warn'));
  }

  let codeQlScore = minScore;
  let otherScore = minScore;
  for (const workflow of data.workflows) {
    entries.push(logged(toolFinding(workflow), 'info'));
    if (workflow.type === 'CodeQL') codeQlScore = maxScore;
    else otherScore = maxScore;
  }
  if (data.workflows.length === 0) entries.push(logged({ outcome: 'fail', message: 'no SAST tool configured', remediation: codeQlRemediation(files) }));

  if (otherScore === maxScore) return { score: maxScore, reason: 'SAST tool detected', entries };
  if (commitScore === inconclusive) {
    return codeQlScore === maxScore ? { score: maxScore, reason: 'SAST tool detected', entries } : { score: minScore, reason: 'no SAST tool detected', entries };
  }
  if (commitScore === maxScore) return { score: maxScore, reason: 'SAST tool is run on all commits', entries };
  if (codeQlScore === minScore) return { score: commitScore, reason: `SAST tool is not run on all commits -- score normalized to ${commitScore}`, entries };
  // CodeQL configured, some commits checked: Scorecard's weighted mean, rounded down.
  return { score: Math.floor((commitScore * 3 + codeQlScore * 7) / 10), reason: 'SAST tool detected but not run on all commits', entries };
}

function toolFinding(workflow: SastWorkflow): CheckFinding {
  return {
    outcome: 'pass',
    message: `SAST configuration detected: ${workflow.type}`,
    file: workflow.path,
    ...(workflow.line === undefined ? {} : { line: workflow.line }),
    ...(workflow.endLine === undefined ? {} : { endLine: workflow.endLine }),
    ...(workflow.snippet === undefined ? {} : { snippet: workflow.snippet }),
    ...(workflow.deviation === undefined ? {} : { deviation: workflow.deviation }),
  };
}

const codeQlLanguages: Readonly<Record<string, string>> = {
  javascript: 'javascript-typescript', typescript: 'javascript-typescript', python: 'python', go: 'go', java: 'java-kotlin', kotlin: 'java-kotlin',
  c: 'c-cpp', 'c++': 'c-cpp', 'c#': 'csharp', ruby: 'ruby', swift: 'swift',
};

/** A CodeQL workflow for the languages the repository's files show. */
function codeQlRemediation(files: RepositoryFiles): string {
  const languages = new Set(repositoryLanguages(files).flatMap((language) => codeQlLanguages[language.name] ?? []));
  if (files.paths.some((path) => path.startsWith('.github/workflows/'))) languages.add('actions');
  if (languages.size === 0) languages.add('javascript-typescript');
  const workflow = [
    'name: CodeQL',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    '  schedule:',
    "    - cron: '30 4 * * 1'",
    'permissions:',
    '  contents: read',
    'jobs:',
    '  analyze:',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      security-events: write',
    '    strategy:',
    '      matrix:',
    `        language: [${[...languages].sort().join(', ')}]`,
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: github/codeql-action/init@v3',
    '        with:',
    '          languages: ${{ matrix.language }}',
    '      - uses: github/codeql-action/analyze@v3',
  ];
  return `Add a static analysis workflow, for example .github/workflows/codeql.yml (pin each action to a full commit SHA):\n\n${workflow.join('\n')}\n`;
}

export const sast: Check = {
  name: 'SAST',
  risk: 'Medium',
  short: 'static analysis (CodeQL, Sonar, Snyk, ...) configured and run on the changes',
  source: 'files',
  async run(context) {
    const options = { scorecardCompat: context.scorecardCompat };
    const data = await collectSast(context.files, fileCheckPlatform(context), options);
    return resultOf(sast, evaluateSast(data, context.files, options));
  },
};
