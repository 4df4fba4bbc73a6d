import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { describeShared } from '../../test/shared.js';
import { gitlabPackagingLine, packagingMatch, scorecardMatchers } from './packaging-detection.js';
import { collectPackaging, evaluatePackaging, packaging } from './packaging.js';
import { memoryRepository } from './repository.js';
import { readWorkflow, workflowsOf } from './workflows.js';

const run = (files: Record<string, string>, scorecardCompat = true) => packaging.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });
const workflow = (steps: string[], extra = '') => ['on: release', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', extra, '    steps:', ...steps.map((step) => `      ${step}`), ''].filter((line) => line !== '').join('\n');
const npmWorkflow = workflow(['- uses: actions/setup-node@v4', '  with:', '    registry-url: https://registry.npmjs.org', '- run: npm publish']);

describe('publishing workflow detection', () => {
  const match = (text: string) => {
    const reading = readWorkflow('.github/workflows/x.yml', text);
    if (!reading.ok) throw new Error(reading.message);
    return packagingMatch(reading.workflow, scorecardMatchers);
  };

  it('needs every step of a matcher, with exact `with:` values', () => {
    expect(match(npmWorkflow)?.matcher.description).toBe('node publishing workflow using npm');
    expect(match(npmWorkflow.replace('npmjs.org', 'npmjs.org/'))).toBeUndefined();
    expect(match(workflow(['- run: npm publish']))).toBeUndefined();
  });

  it('reads steps as actionlint does: inputs ignore case, a step with `uses:` has no `run:`', () => {
    expect(match(npmWorkflow.replace('registry-url:', 'Registry-URL:'))).toBeDefined();
    expect(match(workflow(['- uses: actions/setup-java@v4', '- uses: some/action@v1', '  run: mvn deploy']))).toBeUndefined();
  });

  it('matches `run:` after removing line continuations', () => {
    expect(match(workflow(['- uses: actions/setup-java@v4', '- run: |', '    mvn \\', '      deploy']))?.step?.run?.line).toBe(7);
  });

  it('accepts a job that calls a reusable workflow a matcher names', () => {
    const text = ['on: release', 'jobs:', '  publish:', '    uses: pypa/gh-action-pypi-publish@release/v1', ''].join('\n');
    expect(match(text)?.job.id).toBe('publish');
  });

  it('finds the first publishing line of a GitLab CI file, missing line 1 as Scorecard does', () => {
    expect(gitlabPackagingLine('build:\n  script:\n    - twine upload dist/*\n', true)).toEqual({ line: 3, snippet: '- twine upload dist/*' });
    expect(gitlabPackagingLine('docker push x\n', true)).toBeUndefined();
    expect(gitlabPackagingLine('docker push x\n', false)?.deviation).toContain('first line');
  });
});

describe('Packaging', () => {
  it('scores 10 for a publishing workflow locally, pointing at the publishing step', async () => {
    const result = await run({ '.github/workflows/release.yml': npmWorkflow });
    expect(result.score).toBe(10);
    expect(result.findings[0]).toMatchObject({ outcome: 'pass', file: '.github/workflows/release.yml', line: 9, snippet: 'npm publish' });
  });

  it('is inconclusive without one, with a release workflow for the ecosystem', async () => {
    const result = await run({ 'pyproject.toml': '', '.github/workflows/ci.yml': workflow(['- run: pytest']) });
    expect(result.score).toBe(-1);
    expect(result.findings[0]?.remediation).toContain('pypa/gh-action-pypi-publish');
  });

  it('needs a successful run when the platform lists them', async () => {
    const files = memoryRepository({ '.github/workflows/release.yml': npmWorkflow });
    const data = await collectPackaging(files, { successfulWorkflowRuns: () => Promise.resolve([]) }, { scorecardCompat: true });
    expect(evaluatePackaging(data, files, { scorecardCompat: true }).score).toBe(-1);
    expect(data.workflows[0]?.runs).toBe('never');
  });

  it('counts GitLab CI files', async () => {
    expect((await run({ '.gitlab-ci.yml': 'publish:\n  script:\n    - poetry publish --build\n' })).score).toBe(10);
  });

  it('makes the check inconclusive at an unreadable workflow in compat mode only', async () => {
    const files = { '.github/workflows/bad.yml': 'on: [push\n', '.github/workflows/release.yml': npmWorkflow };
    const strict = await run(files);
    expect(strict.score).toBe(-1);
    expect(strict.findings[0]).toMatchObject({ outcome: 'error', file: '.github/workflows/bad.yml' });
    const lenient = await run(files, false);
    expect(lenient.score).toBe(10);
    expect(lenient.findings[0]?.deviation).toContain('stops the whole check');
  });

  it('recognises more publishers without scorecardCompat', async () => {
    const files = { '.github/workflows/release.yml': workflow(['- uses: actions/setup-node@v4', '- run: pnpm publish --provenance']) };
    expect((await run(files)).score).toBe(-1);
    const result = await run(files, false);
    expect(result.score).toBe(10);
    expect(result.findings[0]?.deviation).toContain('registry-url');
  });
});

describeShared('Packaging: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'Packaging', 'workflow-detection')) {
    it(`${testCase.id}: expected`, () => {
      const [reading] = workflowsOf(caseRepository(corpus, testCase));
      if (reading?.ok !== true) throw new Error('the workflow does not parse');
      expect({ isPackagingWorkflow: packagingMatch(reading.workflow, scorecardMatchers) !== undefined }).toEqual(testCase.expected);
    });
    it(`${testCase.id}: derived`, async () => {
      const files = caseRepository(corpus, testCase);
      const evaluation = evaluatePackaging(await collectPackaging(files, {}, { scorecardCompat: true }), files, { scorecardCompat: true });
      expect({ localModeScore: evaluation.score }).toEqual(testCase.derived);
    });
  }
  for (const testCase of scorecardCases(corpus, 'Packaging', 'gitlab-detection')) {
    it(`${testCase.id}: expected`, () => {
      const files = caseRepository(corpus, testCase);
      const found = gitlabPackagingLine(files.readText('.gitlab-ci.yml') ?? '', true);
      expect({ isPackaging: found !== undefined, line: found?.line }).toEqual(testCase.expected);
    });
  }
});
