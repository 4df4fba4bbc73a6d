import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { casePlatform } from '../../test/scorecard-file-platform.js';
import { describeShared } from '../../test/shared.js';
import { memoryRepository } from './repository.js';
import { evaluateSast, sast } from './sast.js';
import { collectSast } from './sast-tools.js';
import { logCounts } from './scorecard-evaluation.js';

const compat = { scorecardCompat: true };
const run = (files: Record<string, string>, scorecardCompat = true) => sast.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });
const workflow = (...steps: string[]) => ['on: [push, pull_request]', 'jobs:', '  scan:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', ...steps.map((step) => `      ${step}`), ''].join('\n');
const codeql = workflow('- uses: github/codeql-action/init@v3', '- uses: github/codeql-action/analyze@v3');
const merged = (compliant: boolean) => ({ checkRuns: compliant ? [{ app: 'github-code-scanning', status: 'completed', conclusion: 'success' }] : [] });

describe('SAST', () => {
  it('scores 10 locally with CodeQL, pointing at the analyze step', async () => {
    const result = await run({ '.github/workflows/codeql.yml': codeql });
    expect(result.score).toBe(10);
    expect(result.findings.find((finding) => finding.outcome === 'pass')).toMatchObject({ file: '.github/workflows/codeql.yml', line: 8, snippet: 'github/codeql-action/analyze@v3' });
  });

  it('scores 0 locally without a tool, with a CodeQL workflow for the languages found', async () => {
    const result = await run({ 'src/main.py': 'print(1)', 'web/app.ts': 'x', '.github/workflows/ci.yml': workflow('- run: make') });
    expect(result.score).toBe(0);
    expect(result.findings.at(-1)?.remediation).toContain('language: [actions, javascript-typescript, python]');
  });

  it('finds Sonar in a pom.xml, with the lines of the URL', async () => {
    const pom = '<project>\n  <properties>\n    <sonar.host.url>\n      https://sonarcloud.io\n    </sonar.host.url>\n  </properties>\n</project>\n';
    const data = await collectSast(memoryRepository({ 'pom.xml': pom, 'testdata/pom.xml': pom }), {}, compat);
    expect(data.workflows).toEqual([{ type: 'Sonar', path: 'pom.xml', line: 3, endLine: 5, snippet: 'https://sonarcloud.io' }]);
  });

  it('blends the share of checked pull requests with CodeQL', async () => {
    const files = memoryRepository({ '.github/workflows/codeql.yml': codeql });
    const data = await collectSast(files, { mergedPullRequests: () => Promise.resolve([merged(true), merged(false), merged(false), merged(false)]) }, compat);
    const evaluation = evaluateSast(data, files, compat);
    // 10 * 1/4 = 2; (2 * 3 + 10 * 7) / 10 = 7.6, rounded down.
    expect(evaluation.score).toBe(7);
    expect(evaluation.reason).toBe('SAST tool detected but not run on all commits');
  });

  it('scores the share alone without CodeQL', async () => {
    const files = memoryRepository({});
    const data = await collectSast(files, { mergedPullRequests: () => Promise.resolve([merged(true), merged(false)]) }, compat);
    expect(evaluateSast(data, files, compat)).toMatchObject({ score: 5, reason: 'SAST tool is not run on all commits -- score normalized to 5' });
  });

  it('is inconclusive at an unreadable workflow in compat mode only', async () => {
    const files = { '.github/workflows/bad.yml': 'jobs: [\n', '.github/workflows/codeql.yml': codeql };
    expect((await run(files)).score).toBe(-1);
    expect((await run(files, false)).score).toBe(10);
  });

  it('recognises Semgrep without scorecardCompat, saying so', async () => {
    const files = { '.github/workflows/semgrep.yml': workflow('- run: semgrep ci') };
    expect((await run(files)).score).toBe(0);
    const result = await run(files, false);
    expect(result.score).toBe(10);
    expect(result.findings.find((finding) => finding.outcome === 'pass')?.deviation).toContain('Scorecard does not recognise');
  });
});

describeShared('SAST: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'SAST', 'raw')) {
    it(`${testCase.id}: expected`, async () => {
      const data = await collectSast(caseRepository(corpus, testCase), casePlatform(testCase.api), compat);
      const workflows = data.workflows.map((workflow) => (workflow.type === 'Sonar' ? { type: workflow.type, path: workflow.path, line: workflow.line, endLine: workflow.endLine } : { type: workflow.type, path: workflow.path }));
      expect({ workflows, analyzedCommits: data.commits.map((commit) => ({ compliant: commit.compliant })) }).toEqual(testCase.expected);
    });
  }
  for (const testCase of scorecardCases(corpus, 'SAST', 'check')) {
    it(`${testCase.id}: expected`, async () => {
      const files = caseRepository(corpus, testCase);
      const evaluation = evaluateSast(await collectSast(files, casePlatform(testCase.api), compat), files, compat);
      expect({ score: evaluation.score, logCounts: logCounts(evaluation.entries) }).toEqual(testCase.expected);
    });
  }
});
