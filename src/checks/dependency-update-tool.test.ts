import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { casePlatform } from '../../test/scorecard-file-platform.js';
import { describeShared } from '../../test/shared.js';
import { collectUpdateTools, dependencyUpdateTool, evaluateUpdateTools, updateToolOfPath } from './dependency-update-tool.js';
import { memoryRepository } from './repository.js';
import { dependabotConfig, repositoryEcosystems } from './repository-profile.js';
import { logCounts } from './scorecard-evaluation.js';

const compat = { scorecardCompat: true };
const run = (files: Record<string, string>, scorecardCompat = true) => dependencyUpdateTool.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });

describe('Dependency-Update-Tool', () => {
  it('finds each tool by its exact path, in any case', () => {
    expect(updateToolOfPath('.github/Dependabot.YML')).toBe('Dependabot');
    expect(updateToolOfPath('.renovaterc.json5')).toBe('RenovateBot');
    expect(updateToolOfPath('.pyup.yml')).toBe('PyUp');
    expect(updateToolOfPath('.config/scala-steward.conf')).toBe('Scala Steward');
    expect(updateToolOfPath('sub/renovate.json')).toBeUndefined();
  });

  it('scores 10 with a configuration file', async () => {
    const result = await run({ 'renovate.json': '{}' });
    expect(result.score).toBe(10);
    expect(result.findings).toEqual([{ outcome: 'pass', message: 'detected update tool: RenovateBot', file: 'renovate.json' }]);
  });

  it('scores 0 without one and writes a dependabot.yml for the ecosystems found', async () => {
    const result = await run({ 'package.json': '{}', 'web/package.json': '{}', 'go.mod': 'module x', '.github/workflows/ci.yml': 'on: push', 'node_modules/x/package.json': '{}' });
    expect(result.score).toBe(0);
    expect(result.findings[0]?.remediation).toContain(
      ['  - package-ecosystem: "github-actions"', '    directory: "/"', '    schedule:', '      interval: "weekly"', '  - package-ecosystem: "gomod"', '    directory: "/"', '    schedule:', '      interval: "weekly"', '  - package-ecosystem: "npm"', '    directories:', '      - "/"', '      - "/web"'].join('\n'),
    );
  });

  it('suggests github-actions updates for a repository without manifests', () => {
    expect(dependabotConfig(repositoryEcosystems(memoryRepository({ 'README.md': '' })))).toContain('package-ecosystem: "github-actions"');
  });

  it('finds Dependabot by its commits when the platform can search them', async () => {
    const files = memoryRepository({ 'README.md': '' });
    expect(await collectUpdateTools(files, { committerIdsOfCommitsBy: () => Promise.resolve([1, 49699333]) }, compat)).toEqual([{ name: 'Dependabot' }]);
    expect(await collectUpdateTools(files, {}, compat)).toEqual([]);
  });

  it('accepts Renovate in package.json and bots run by a workflow only without scorecardCompat', async () => {
    const files = { 'package.json': '{\n  "name": "x",\n  "renovate": { "extends": ["config:recommended"] }\n}\n', '.github/workflows/steward.yml': 'on: schedule\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: scala-steward-org/scala-steward-action@v2\n' };
    expect((await run(files)).score).toBe(0);
    const result = await run(files, false);
    expect(result.score).toBe(10);
    expect(result.findings.map((finding) => [finding.file, finding.line, Boolean(finding.deviation)])).toEqual([
      ['package.json', undefined, true],
      ['.github/workflows/steward.yml', 6, true],
    ]);
  });
});

describeShared('Dependency-Update-Tool: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'Dependency-Update-Tool', 'filename-detection')) {
    it(`${testCase.id}: expected`, () => {
      const paths = Object.keys(testCase.layout);
      const detected = paths.filter((path) => updateToolOfPath(path) !== undefined);
      if (testCase.expected['detected'] !== undefined) expect(detected).toEqual(testCase.expected['detected']);
      if (testCase.expected['notDetected'] !== undefined) expect(paths.filter((path) => !detected.includes(path))).toEqual(testCase.expected['notDetected']);
    });
  }
  for (const testCase of scorecardCases(corpus, 'Dependency-Update-Tool', 'check')) {
    const evaluate = async () => {
      const files = caseRepository(corpus, testCase);
      return evaluateUpdateTools(await collectUpdateTools(files, casePlatform(testCase.api), compat), files);
    };
    it(`${testCase.id}: expected`, async () => {
      const evaluation = await evaluate();
      const actual: Record<string, unknown> = { score: evaluation.score, logCounts: logCounts(evaluation.entries), runtimeError: evaluation.score < 0 };
      expect(Object.fromEntries(Object.keys(testCase.expected).map((key) => [key, actual[key]]))).toEqual(testCase.expected);
    });
    if (testCase.derived !== undefined) {
      it(`${testCase.id}: derived`, async () => {
        expect({ score: (await evaluate()).score }).toEqual(testCase.derived);
      });
    }
  }
});
