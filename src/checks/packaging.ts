/**
 * Packaging (risk Medium): whether the project publishes packages from CI, where the build is
 * reproducible and can be attested. Scorecard's rules (checks/raw/github/packaging.go,
 * checks/raw/gitlab/packaging.go, probe packagedWithAutomatedWorkflow): a GitHub workflow with a
 * publishing job (./packaging-detection.ts) that has successful runs, or a GitLab CI file with a
 * publishing command. Score: 10 when found; -1 (inconclusive) when not, since a project may
 * publish by other means.
 *
 * Local mode: a folder has no workflow runs to list, and Scorecard's local mode judges both
 * GitHub and GitLab files; as the corpus at Scorecard's commit records (localModeScore 10), a
 * publishing workflow then counts on the file alone. With the platform, a workflow without a
 * successful run does not count. A workflow that cannot be parsed makes Scorecard's whole check
 * fail (-1); without `scorecardCompat` Trustline reports that file and judges the others.
 */
import { basename } from 'node:path';
import type { CheckFinding } from '../model/index.js';
import type { Check } from './check.js';
import { additionalMatchers, gitlabPackagingLine, isGitLabCiPath, packagingMatch, scorecardMatchers } from './packaging-detection.js';
import { fileCheckPlatform, type FileCheckPlatform } from './platform-data.js';
import type { RepositoryFiles } from './repository.js';
import { repositoryEcosystems } from './repository-profile.js';
import { type Evaluation, logged, type LoggedFinding, resultOf } from './scorecard-evaluation.js';
import { workflowsOf } from './workflows.js';

export interface PackagingWorkflow {
  readonly path: string;
  readonly line: number;
  readonly snippet?: string;
  readonly description: string;
  /** Whether it ran successfully: `unknown` without the platform (it then counts). */
  readonly runs: 'succeeded' | 'never' | 'unknown';
  readonly deviation?: string;
}

export interface PackagingData {
  readonly workflows: readonly PackagingWorkflow[];
  /** Files Scorecard could not parse: with `scorecardCompat` they make the check inconclusive. */
  readonly errors: readonly { readonly path: string; readonly line?: number; readonly message: string }[];
}

/** Scorecard's raw data: the publishing GitHub workflows and GitLab CI files. */
export async function collectPackaging(files: RepositoryFiles, platform: FileCheckPlatform, options: { readonly scorecardCompat: boolean }): Promise<PackagingData> {
  const matchers = options.scorecardCompat ? scorecardMatchers : [...scorecardMatchers, ...additionalMatchers];
  const workflows: PackagingWorkflow[] = [];
  const errors: PackagingData['errors'][number][] = [];
  for (const reading of workflowsOf(files)) {
    if (!reading.ok) {
      errors.push({ path: reading.path, ...(reading.line === undefined ? {} : { line: reading.line }), message: reading.message });
      continue;
    }
    const match = packagingMatch(reading.workflow, matchers);
    if (match === undefined) continue;
    const evidence = match.step?.run ?? match.step?.uses ?? match.job.uses;
    let runs: PackagingWorkflow['runs'] = 'unknown';
    if (platform.successfulWorkflowRuns !== undefined) runs = (await platform.successfulWorkflowRuns(basename(reading.workflow.path))).length > 0 ? 'succeeded' : 'never';
    workflows.push({
      path: reading.workflow.path,
      line: evidence?.line ?? match.job.line,
      ...(evidence === undefined ? {} : { snippet: evidence.value.split('\n')[0] ?? '' }),
      description: match.matcher.description,
      runs,
      ...(match.matcher.deviation === undefined ? {} : { deviation: match.matcher.deviation }),
    });
  }
  for (const path of files.paths.filter(isGitLabCiPath)) {
    const found = gitlabPackagingLine(files.readText(path) ?? '', options.scorecardCompat);
    if (found !== undefined) workflows.push({ path, line: found.line, snippet: found.snippet, description: 'GitLab CI publishing job', runs: 'unknown', ...(found.deviation === undefined ? {} : { deviation: found.deviation }) });
  }
  return { workflows, errors };
}

/** Scorecard's evaluation: any publishing workflow that ran (or may have) gives 10, none -1. */
export function evaluatePackaging(data: PackagingData, files: RepositoryFiles, options: { readonly scorecardCompat: boolean }): Evaluation {
  const errors = data.errors.map((error) =>
    logged({ outcome: 'error', message: `workflow could not be read: ${error.message}`, file: error.path, ...(error.line === undefined ? {} : { line: error.line }), ...(options.scorecardCompat ? {} : { deviation: 'Scorecard stops the whole check at an unreadable workflow' }) }, 'warn'),
  );
  if (options.scorecardCompat && errors.length > 0) return { score: -1, reason: 'internal error: a workflow could not be parsed', entries: errors };
  const entries: LoggedFinding[] = [...errors];
  const published = data.workflows.filter((workflow) => workflow.runs !== 'never');
  for (const workflow of data.workflows) {
    const finding: CheckFinding = {
      outcome: workflow.runs === 'never' ? 'fail' : 'pass',
      message: workflow.runs === 'never' ? `${workflow.description} has no successful run` : `project is published by a ${workflow.description}${workflow.runs === 'unknown' && !isGitLabCiPath(workflow.path) ? ' (its runs need the GitHub API; the file alone counts)' : ''}`,
      file: workflow.path,
      line: workflow.line,
      ...(workflow.snippet === undefined ? {} : { snippet: workflow.snippet }),
      ...(workflow.runs === 'never' ? { remediation: `Run ${workflow.path} successfully (for example on the next release) so the package is published from CI.` } : {}),
      ...(workflow.deviation === undefined ? {} : { deviation: workflow.deviation }),
    };
    entries.push(logged(finding, workflow.runs === 'never' ? 'debug' : 'info'));
  }
  if (published.length > 0) return { score: 10, reason: 'packaging workflow detected', entries };
  entries.push(logged({ outcome: 'fail', message: 'no GitHub/GitLab publishing workflow detected', remediation: publishingRemediation(files) }, 'warn'));
  return { score: -1, reason: 'packaging workflow not detected', entries };
}

const publishSteps: Readonly<Record<string, readonly string[]>> = {
  npm: ['      - uses: actions/setup-node@v4', '        with:', '          node-version: 22', '          registry-url: https://registry.npmjs.org', '      - run: npm ci', '      - run: npm publish --provenance --access public', '        env:', '          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}'],
  pip: ['      - uses: actions/setup-python@v5', '      - run: python -m pip install build && python -m build', '      - uses: pypa/gh-action-pypi-publish@release/v1'],
  gomod: ['      - uses: actions/setup-go@v5', '      - uses: goreleaser/goreleaser-action@v6', '        with:', '          args: release --clean', '        env:', '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
  cargo: ['      - run: cargo publish', '        env:', '          CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}'],
  maven: ['      - uses: actions/setup-java@v4', '        with:', '          distribution: temurin', '          java-version: 21', '      - run: mvn --batch-mode deploy'],
  docker: ['      - uses: docker/build-push-action@v6', '        with:', '          push: true', '          tags: ghcr.io/${{ github.repository }}:${{ github.ref_name }}'],
};

/** A release workflow for the repository's first publishable ecosystem. */
function publishingRemediation(files: RepositoryFiles): string {
  const ecosystem = repositoryEcosystems(files).find((candidate) => publishSteps[candidate.name] !== undefined)?.name ?? 'docker';
  const workflow = ['name: Publish', 'on:', '  release:', '    types: [published]', 'permissions:', '  contents: read', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    permissions:', '      contents: read', '      id-token: write', '      packages: write', '    steps:', '      - uses: actions/checkout@v4', ...(publishSteps[ecosystem] ?? [])];
  return `Publish releases from CI: add .github/workflows/publish.yml (pin each action to a full commit SHA), for example:\n\n${workflow.join('\n')}\n`;
}

export const packaging: Check = {
  name: 'Packaging',
  risk: 'Medium',
  short: 'packages published from a CI workflow (npm, PyPI, Maven, Docker, goreleaser, ...)',
  source: 'files',
  async run(context) {
    const options = { scorecardCompat: context.scorecardCompat };
    const data = await collectPackaging(context.files, fileCheckPlatform(context), options);
    return resultOf(packaging, evaluatePackaging(data, context.files, options));
  },
};
