/**
 * The Pinned-Dependencies check: unit tests on small inline repositories, then every Scorecard
 * corpus case of the check, all scopes, in compat mode (shared/corpus/scorecard/cases.json), each
 * scope running the collector it names.
 */
import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import type { ScorecardCase } from '../../test/scorecard-corpus.js';
import { describeShared } from '../../test/shared.js';
import { centralPackageManagement, lockedModes, postProcessNuget } from './nuget-projects.js';
import { collectActions } from './pinned-actions.js';
import { collectPinningData, pinnedDependencies, pinningLogCounts } from './pinned-dependencies.js';
import type { PinnedDependency, PinningData } from './pinned-dependency.js';
import { collectDockerImages, collectDockerRuns } from './pinned-docker.js';
import { weightedScore } from './pinned-score.js';
import { collectShellScripts, firstLineOf, isSupportedShellScript } from './pinned-shell-scripts.js';
import { collectWorkflowRuns } from './pinned-workflow-runs.js';
import type { CheckResult } from '../model/index.js';
import type { RepositoryFiles } from './repository.js';
import { memoryRepository } from './repository.js';
import { stepShells } from './workflow-shells.js';
import { workflowsOf } from './workflows.js';

const compat = { scorecardCompat: true };

interface Expected {
  readonly unpinned?: number;
  readonly processingErrors?: number;
  readonly mustInclude?: readonly Record<string, unknown>[];
  readonly error?: boolean;
}

/** The facts a collector scope reports, keyed as cases.json keys them. */
function collectorFacts(data: PinningData, expected: Expected): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if ('unpinned' in expected) facts['unpinned'] = data.dependencies.filter((dependency) => !dependency.pinned).length;
  if ('processingErrors' in expected) facts['processingErrors'] = data.processingErrors.length;
  if ('error' in expected) facts['error'] = data.fatalErrors.length > 0;
  if (expected.mustInclude !== undefined) facts['mustInclude'] = expected.mustInclude.map((wanted) => data.dependencies.map(asCorpus).find((found) => Object.entries(wanted).every(([key, value]) => found[key] === value)) ?? { missing: wanted });
  return facts;
}

function asCorpus(dependency: PinnedDependency): Record<string, unknown> {
  return { snippet: dependency.snippet, startLine: dependency.line, endLine: dependency.endLine, type: dependency.type, pinned: dependency.pinned };
}

/** The one file of a single-file case. */
function onlyText(files: RepositoryFiles): { path: string; text: string } {
  const [path] = files.paths;
  if (path === undefined) throw new Error('the case has no file');
  return { path, text: files.readText(path) ?? '' };
}

function factsOf(testCase: ScorecardCase, files: RepositoryFiles): Record<string, unknown> {
  const expected = testCase.expected as Expected;
  switch (testCase.scope) {
    case 'workflow-uses': return collectorFacts(collectActions(files), expected);
    case 'workflow-run': return collectorFacts(collectWorkflowRuns(files, compat), expected);
    case 'dockerfile-from': return collectorFacts(collectDockerImages(files, compat), expected);
    case 'dockerfile-run': return collectorFacts(collectDockerRuns(files, compat), expected);
    case 'shell-script': return collectorFacts(collectShellScripts(files, compat), expected);
    case 'workflow-shells': {
      const [reading] = workflowsOf(files);
      if (reading === undefined || !reading.ok) throw new Error('the case has no readable workflow');
      return { stepShells: stepShells(reading.workflow) };
    }
    case 'shell-detection': {
      const { path, text } = onlyText(files);
      return { isSupportedShellScript: isSupportedShellScript(path, firstLineOf(text)) };
    }
    case 'csproj-locked-mode': return { unlockedProjects: lockedModes(files).filter((project) => !project.locked).length };
    case 'nuget-cpm': {
      const central = centralPackageManagement(onlyText(files).text);
      return {
        centralPackageManagement: central?.enabled ?? false,
        fixedVersions: central?.packages.filter((item) => item.fixed).length ?? 0,
        unfixedVersions: central?.packages.filter((item) => !item.fixed).length ?? 0,
      };
    }
    case 'nuget-postprocess': {
      const input = testCase.input as { nugetCommandDependencies: { pinned: boolean }[] };
      const dependencies: PinnedDependency[] = input.nugetCommandDependencies.map((given, index) => ({ type: 'nugetCommand', pinned: given.pinned, file: 'build.sh', line: index + 1, endLine: index + 1, snippet: 'dotnet add package Some.Package' }));
      postProcessNuget(files, dependencies);
      return { pinnedAfter: dependencies.map((dependency) => dependency.pinned), remediationMentions: dependencies.map((dependency) => dependency.remediationNote ?? '') };
    }
    case 'score-formula': {
      const { score, error } = weightedScore((testCase.input as { groups: { success: number; total: number; weight: number }[] }).groups);
      return { score, error: error !== undefined };
    }
    case 'check': {
      const data = collectPinningData(files, compat);
      return { score: pinnedDependencies.run({ files, scorecardCompat: true, now: new Date(0) }), logCounts: pinningLogCounts(data) };
    }
    default: throw new Error(`unknown scope ${testCase.scope}`);
  }
}

const sha = 'a81bbbf8298c0fa03ea29cdc473d45769f953675';
const digest = 'b'.repeat(64);

async function run(files: Record<string, string>, scorecardCompat = true): Promise<CheckResult> {
  return pinnedDependencies.run({ files: memoryRepository(files), scorecardCompat, now: new Date(0) });
}

describe('Pinned-Dependencies check', () => {
  it('reports every dependency, pinned or not, with its kind, and a fix for the unpinned ones', async () => {
    const result = await run({
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${sha}\n      - uses: acme/x@v1\n      - run: npm ci\n`,
      'Dockerfile': `FROM node:20@sha256:${digest}\nRUN pip install flask\n`,
    });
    expect(result).toMatchObject({ name: 'Pinned-Dependencies', risk: 'Medium', score: 5, reason: 'dependency not pinned by hash detected -- score normalized to 5' });
    expect(result.findings.map((finding) => [finding.outcome, finding.dependencyType, finding.pinned, finding.file, finding.line, finding.snippet])).toEqual([
      ['pass', 'GitHubAction', true, '.github/workflows/ci.yml', 6, `actions/checkout@${sha}`],
      ['fail', 'GitHubAction', false, '.github/workflows/ci.yml', 7, 'acme/x@v1'],
      ['pass', 'containerImage', true, 'Dockerfile', 1, `FROM node:20@sha256:${digest}`],
      ['fail', 'pipCommand', false, 'Dockerfile', 2, 'pip install flask'],
      ['pass', 'npmCommand', true, '.github/workflows/ci.yml', 9, 'npm ci'],
    ]);
    expect(result.findings[1]).toMatchObject({ message: 'third-party GitHubAction not pinned by hash', remediation: expect.stringContaining('uses: acme/x@<40-hex commit SHA> # v1') as unknown });
    expect(result.findings[3]?.remediation).toContain('pip install --require-hashes -r requirements.txt');
    expect(result.findings.filter((finding) => finding.pinned === true).every((finding) => finding.remediation === undefined)).toBe(true);
  });

  it('scores 10 when everything is pinned and -1 when there is nothing to judge', async () => {
    expect(await run({ 'Dockerfile': `FROM node@sha256:${digest}\n` })).toMatchObject({ score: 10, reason: 'all dependencies are pinned' });
    expect(await run({ 'README.md': '# hi\n' })).toMatchObject({ score: -1, reason: 'no dependencies found' });
  });

  it('fails as Scorecard does on a file its parsers reject in compat mode, and skips it otherwise', async () => {
    const files = { 'Dockerfile': 'FROM scratch\nRUN []\n', 'build.sh': 'npm install\n' };
    const compat = await run(files);
    expect(compat).toMatchObject({ score: -1, reason: expect.stringContaining('internal error: Dockerfile') as unknown });
    const improved = await run(files, false);
    expect(improved.score).toBe(0);
    expect(improved.findings.find((finding) => finding.outcome === 'error')).toMatchObject({ file: 'Dockerfile', line: 2, deviation: expect.stringContaining('Scorecard stops') as unknown });
  });

  it('marks checksum-verified downloads as pinned with a deviation, only outside compat mode', async () => {
    const script = `#!/bin/sh\ncurl -fsSLo i.sh https://e.com/i.sh\necho "${digest}  i.sh" | sha256sum -c -\nsh i.sh\n`;
    expect((await run({ 'install.sh': script })).score).toBe(-1);
    const improved = await run({ 'install.sh': script }, false);
    expect(improved).toMatchObject({ score: 10 });
    expect(improved.findings).toMatchObject([{ outcome: 'pass', dependencyType: 'downloadThenRun', pinned: true, line: 4, deviation: expect.stringContaining('checksum') as unknown }]);
  });

  it('reports shell it cannot parse as incomplete results', async () => {
    const result = await run({ 'a.sh': 'if then\n', 'b.sh': 'npm ci\n' });
    expect(result.findings[0]).toMatchObject({ outcome: 'error', file: 'a.sh', line: 1, message: expect.stringContaining('Possibly incomplete results') as unknown });
    expect(pinningLogCounts(collectPinningData(memoryRepository({ 'a.sh': 'if then\n', 'b.sh': 'npm ci\n' }), { scorecardCompat: true }))).toEqual({ warn: 0, info: 2, debug: 0 });
  });

  it('appends Scorecard\'s note on partly locked .NET projects to the remediation', async () => {
    const locked = '<Project><PropertyGroup><RestoreLockedMode>true</RestoreLockedMode></PropertyGroup></Project>';
    const result = await run({ 'build.sh': 'dotnet add package X\n', 'A.csproj': locked, 'B.csproj': '<Project></Project>' });
    expect(result.findings[0]?.remediation).toMatch(/--version <version>.*: some of your csproj files set the RestoreLockedMode property to true, while other do not set it: B.csproj$/s);
  });
});

describeShared('Pinned-Dependencies: Scorecard corpus (compat)', ['corpus', 'scorecard'], (corpus) => {
  const cases = scorecardCases(corpus, 'Pinned-Dependencies');
  it('has cases for every scope', () => {
    expect(new Set(cases.map((testCase) => testCase.scope))).toEqual(new Set(['workflow-uses', 'workflow-run', 'workflow-shells', 'dockerfile-from', 'dockerfile-run', 'shell-script', 'shell-detection', 'csproj-locked-mode', 'nuget-cpm', 'nuget-postprocess', 'score-formula', 'check']));
  });
  for (const testCase of cases) {
    it(testCase.id, async () => {
      const files = caseRepository(corpus, testCase);
      const facts = factsOf(testCase, files);
      if (testCase.scope === 'check') facts['score'] = (await (facts['score'] as ReturnType<typeof pinnedDependencies.run>)).score;
      for (const [key, value] of Object.entries(testCase.expected)) {
        if (key === 'mustInclude') {
          expect(facts[key]).toEqual((value as Record<string, unknown>[]).map((wanted): unknown => expect.objectContaining(wanted)));
        } else if (key === 'remediationMentions') {
          (value as string[]).forEach((mention, index) => {
            expect((facts[key] as string[])[index]).toContain(mention);
          });
        } else {
          expect(facts[key], key).toEqual(value);
        }
      }
    });
  }
  // `derived` facts are read off Scorecard's rules, not asserted by its tests: compared apart.
  for (const testCase of cases.filter((item) => item.derived !== undefined)) {
    it(`${testCase.id} (derived)`, () => {
      const facts = factsOf(testCase, caseRepository(corpus, testCase));
      for (const [key, value] of Object.entries(testCase.derived ?? {})) expect(facts[key], key).toEqual(value);
    });
  }
});
