import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { describeShared } from '../../test/shared.js';
import type { CheckResult } from '../model/index.js';
import { memoryRepository } from './repository.js';
import type { RepositoryFiles } from './repository.js';
import { evaluateTokenPermissions } from './token-permissions-evaluation.js';
import type { PermissionsEvaluation } from './token-permissions-evaluation.js';
import { collectTokenPermissions } from './token-permissions-raw.js';
import { tokenPermissions } from './token-permissions.js';

const now = new Date('2026-01-01T00:00:00Z');

function run(files: Record<string, string>, scorecardCompat = true): CheckResult {
  return tokenPermissions.run({ files: memoryRepository(files), scorecardCompat, now }) as CheckResult;
}

function evaluate(files: RepositoryFiles, compat = true): PermissionsEvaluation {
  return evaluateTokenPermissions(collectTokenPermissions(files).permissions, compat);
}

function logCounts(evaluation: PermissionsEvaluation): Record<string, number> {
  const count = (level: string): number => evaluation.logs.filter((log) => log.level === level).length;
  return { warn: count('warn'), info: count('info'), debug: count('debug') };
}

const job = (permissions = '', steps = '      - run: make\n'): string => `  build:\n    runs-on: ubuntu-latest\n${permissions}    steps:\n${steps}`;

describe('Token-Permissions', () => {
  it('is inconclusive without workflows', () => {
    expect(run({ 'README.md': '# hi\n' })).toMatchObject({ score: -1, reason: 'No tokens found' });
  });

  it('gives 10 to a read-only workflow, with its read permission as a pass', () => {
    const result = run({ '.github/workflows/ci.yml': `on: push\npermissions:\n  contents: read\njobs:\n${job()}` });
    expect(result.score).toBe(10);
    expect(result.reason).toBe('GitHub workflow tokens follow principle of least privilege');
    expect(result.findings).toEqual([
      expect.objectContaining({ outcome: 'pass', message: "topLevel 'contents' permission set to 'read'", file: '.github/workflows/ci.yml', line: 3, snippet: 'contents: read' }),
      { outcome: 'pass', message: 'no jobLevel write permissions found' },
    ]);
  });

  it('gives 0 when neither the workflow nor its job declares permissions, and says which block to add', () => {
    const result = run({ '.github/workflows/ci.yml': `on: push\njobs:\n${job()}` });
    expect(result.score).toBe(0);
    const [warning] = result.findings.filter((finding) => finding.outcome === 'fail');
    expect(warning).toMatchObject({ message: 'no topLevel permission defined', line: 2, snippet: 'jobs:' });
    expect(warning?.remediation).toBe('# Add to .github/workflows/ci.yml, above `jobs:`:\npermissions:\n  contents: read');
  });

  it('takes 10 for a top-level contents write, and keeps the write in the releasing job', () => {
    const steps = '      - uses: actions/setup-go@v5\n      - uses: goreleaser/goreleaser-action@v6\n';
    const result = run({ '.github/workflows/release.yml': `on: push\npermissions:\n  contents: write\n  pull-requests: write\njobs:\n${job('', steps)}` });
    expect(result.score).toBe(0);
    const [warning] = result.findings.filter((finding) => finding.outcome === 'fail');
    expect(warning).toMatchObject({ message: "topLevel 'contents' permission set to 'write'", line: 3, snippet: 'contents: write' });
    expect(warning?.remediation).toBe(
      [
        '# Replace the top-level `permissions:` of .github/workflows/release.yml with:',
        'permissions:',
        '  contents: read',
        '  pull-requests: read',
        '# and give the jobs that write their own block (merged into the existing jobs):',
        'jobs:',
        '  build:',
        '    permissions:',
        '      contents: write',
        // goreleaser also publishes packages (Scorecard's packaging list has the same job).
        '      packages: write',
        '      pull-requests: write',
      ].join('\n'),
    );
  });

  it('judges a top-level write-all by the jobs beside it, as Scorecard', () => {
    const undeclaredJob = evaluate(memoryRepository({ '.github/workflows/ci.yml': `on: push\npermissions: write-all\njobs:\n${job()}` }));
    expect(undeclaredJob.score).toBe(0);
    // Scorecard returns at once: no closing "no jobLevel write permissions found" line.
    expect(undeclaredJob.logs.map((log) => log.level)).toEqual(['debug', 'debug', 'debug', 'debug', 'debug', 'warn']);
    const readJob = run({ '.github/workflows/ci.yml': `on: push\npermissions: write-all\njobs:\n${job('    permissions:\n      contents: read\n')}` });
    expect(readJob.score).toBe(9);
    expect(readJob.findings.find((finding) => finding.outcome === 'fail')).toMatchObject({ message: "topLevel permissions set to 'write-all'", line: 2, snippet: 'permissions: write-all' });
  });

  it('warns about job-level writes without lowering the score, and suggests the read-only block', () => {
    const result = run({ '.github/workflows/ci.yml': `on: push\npermissions: read-all\njobs:\n${job('    permissions:\n      packages: write\n')}` });
    expect(result.score).toBe(10);
    const [warning] = result.findings.filter((finding) => finding.outcome === 'fail');
    expect(warning).toMatchObject({ message: "jobLevel 'packages' permission set to 'write'", line: 7 });
    expect(warning?.remediation).toContain('jobs:\n  build:\n    permissions:\n      packages: read');
  });

  it('does not judge the packages write of a publishing job', () => {
    const steps = '      - uses: docker/build-push-action@v6\n';
    expect(run({ '.github/workflows/ci.yml': `on: push\npermissions: read-all\njobs:\n${job('    permissions:\n      packages: write\n', steps)}` }).findings.filter((f) => f.outcome === 'fail')).toEqual([]);
  });

  it('does not penalise a missing top level when every job declares its own, outside compat mode', () => {
    const files = { '.github/workflows/ci.yml': `on: push\njobs:\n${job('    permissions:\n      contents: read\n')}` };
    expect(run(files, true).score).toBe(9);
    const improved = run(files, false);
    expect(improved.score).toBe(10);
    expect(improved.findings.filter((finding) => finding.deviation !== undefined)).toEqual([
      expect.objectContaining({ outcome: 'pass', message: 'no topLevel permission defined', deviation: expect.stringContaining('every job declares its own') as unknown }),
    ]);
  });

  it('warns about a job-level write-all outside compat mode', () => {
    const files = { '.github/workflows/ci.yml': `on: push\npermissions: read-all\njobs:\n${job('    permissions: write-all\n')}` };
    expect(run(files, true).findings.filter((finding) => finding.outcome === 'fail')).toEqual([]);
    const [warning] = run(files, false).findings.filter((finding) => finding.outcome === 'fail');
    expect(warning).toMatchObject({ message: "jobLevel permissions set to 'write-all'", deviation: expect.stringContaining('write-all') as unknown });
    expect(warning?.remediation).toContain('    permissions:\n      contents: read');
  });

  it('reports a malformed workflow as Scorecard does in compat mode, and judges the others otherwise', () => {
    const files = { '.github/workflows/bad.yml': 'on: push\njobs: [\n', '.github/workflows/ok.yml': `on: push\npermissions: read-all\njobs:\n${job()}` };
    expect(run(files, true)).toMatchObject({ score: -1, reason: expect.stringMatching(/^internal error: \.github\/workflows\/bad\.yml:3/) as unknown });
    const improved = run(files, false);
    expect(improved.score).toBe(10);
    expect(improved.findings).toContainEqual(expect.objectContaining({ outcome: 'error', file: '.github/workflows/bad.yml', line: 3 }));
  });
});

describeShared('Token-Permissions Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  describe('check', () => {
    for (const testCase of scorecardCases(corpus, 'Token-Permissions', 'check')) {
      it(testCase.id, () => {
        const files = caseRepository(corpus, testCase);
        const result = tokenPermissions.run({ files, scorecardCompat: true, now }) as CheckResult;
        const evaluation = evaluate(files);
        const warnLines = evaluation.logs.filter((log) => log.level === 'warn').map((log) => log.permission?.line);
        const actual: Record<string, unknown> = { score: result.score, logCounts: logCounts(evaluation), warnLines, runtimeError: result.score === -1 && result.reason.startsWith('internal error') };
        const compared = Object.fromEntries(Object.keys(testCase.expected).map((key) => [key, actual[key]]));
        expect(compared).toEqual(testCase.expected);
        // The findings are the warnings (failures) and info lines (passes) of the evaluation.
        expect(result.findings.filter((finding) => finding.outcome === 'fail')).toHaveLength(logCounts(evaluation)['warn'] ?? 0);
      });
    }
  });
});
