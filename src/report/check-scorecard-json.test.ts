import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacySchemaValidator } from '../../test/json-schema.js';
import { describeShared } from '../../test/shared.js';
import type { CheckFinding, CheckReport } from '../model/index.js';
import { checkScorecardJson, detailOf, repositoryName, scorecardDate } from './check-scorecard-json.js';

const options = { toolVersion: '1.2.3' };

const report: CheckReport = {
  repository: { path: '/src/app', url: 'https://github.com/acme/app', commit: '68bc59901773ab4c051dfcea0cc4201a1567ab32' },
  date: '2025-01-02T03:04:05.678Z',
  score: 4.25,
  scorecardCompat: true,
  checks: [
    {
      name: 'Pinned-Dependencies',
      score: 3,
      reason: 'dependency not pinned by hash detected -- score normalized to 3',
      risk: 'Medium',
      findings: [
        { outcome: 'fail', message: 'GitHub-owned GitHubAction not pinned by hash', file: '.github/workflows/ci.yml', line: 12, snippet: 'uses: actions/checkout@v4', remediation: 'uses: actions/checkout@8f4b # v4' },
        { outcome: 'pass', message: 'third-party GitHubAction pinned by hash.', file: '.github/workflows/ci.yml', line: 20 },
        { outcome: 'fail', message: 'pipCommand not pinned by hash', file: 'Dockerfile', line: 4, endLine: 6 },
      ],
      documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies',
    },
    {
      name: 'Security-Policy',
      score: 0,
      reason: 'security policy file not detected',
      risk: 'Medium',
      findings: [{ outcome: 'fail', message: 'security policy file not detected' }],
      documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#security-policy',
    },
    { name: 'Branch-Protection', score: -1, reason: 'internal error: no GitHub token', risk: 'High', findings: [], documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#branch-protection' },
  ],
};

/** The keys of a JSON value, in order, with the type of each leaf: arrays by the shape of their items. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [...new Set(value.map((item) => JSON.stringify(shape(item))))].map((item) => JSON.parse(item) as unknown);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([key, item]) => [key, shape(item)]);
  return typeof value;
}

describeShared('Scorecard JSON v2 format', ['corpus', 'scorecard', 'files', 'pkg', 'scorecard'], (folder) => {
  const errorsOf = legacySchemaValidator(join(folder, 'json.v2.schema'));
  const sample = JSON.parse(readFileSync(join(folder, 'testdata', 'check3.json'), 'utf8')) as unknown;

  it('is valid against json.v2.schema, also for a report without checks or findings', () => {
    expect(errorsOf(checkScorecardJson(report, options))).toEqual([]);
    expect(errorsOf(checkScorecardJson({ ...report, score: -1, checks: [] }, options))).toEqual([]);
    expect(errorsOf(sample)).toEqual([]);
  });

  it('rejects a fractional check score, so the validator does check', () => {
    const document = JSON.parse(JSON.stringify(checkScorecardJson(report, options))) as { checks: { score: number }[] };
    document.checks[0]!.score = 2.5;
    expect(errorsOf(document)).toEqual(['/checks/0/score must be integer']);
  });

  it('has the keys of Scorecard’s own sample, in its order, with the same types', () => {
    // The sample has details in every check: an empty list would add an item shape of its own.
    const withDetails = { ...report, checks: report.checks.filter((check) => check.findings.length > 0) };
    expect(shape(checkScorecardJson(withDetails, options))).toEqual(shape(sample));
  });
});

describe('checkScorecardJson', () => {
  it('writes Scorecard’s result: repository, tool, aggregate, one detail per finding and the documentation', () => {
    expect(checkScorecardJson(report, { ...options, shortDescriptions: { 'Pinned-Dependencies': 'Determines if the project has declared and pinned its dependencies.' } })).toEqual({
      date: '2025-01-02T03:04:05Z',
      repo: { name: 'github.com/acme/app', commit: '68bc59901773ab4c051dfcea0cc4201a1567ab32' },
      scorecard: { version: 'trustline-1.2.3', commit: 'unknown' },
      score: 4.3,
      checks: [
        {
          details: [
            'Warn: GitHub-owned GitHubAction not pinned by hash: .github/workflows/ci.yml:12',
            'Info: third-party GitHubAction pinned by hash: .github/workflows/ci.yml:20',
            'Warn: pipCommand not pinned by hash: Dockerfile:4-6',
          ],
          score: 3,
          reason: 'dependency not pinned by hash detected -- score normalized to 3',
          name: 'Pinned-Dependencies',
          documentation: { url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies', short: 'Determines if the project has declared and pinned its dependencies.' },
        },
        {
          details: ['Warn: security policy file not detected'],
          score: 0,
          reason: 'security policy file not detected',
          name: 'Security-Policy',
          documentation: { url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#security-policy', short: 'Security-Policy' },
        },
        {
          details: [],
          score: -1,
          reason: 'internal error: no GitHub token',
          name: 'Branch-Protection',
          documentation: { url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#branch-protection', short: 'Branch-Protection' },
        },
      ],
      metadata: [],
    });
  });

  it('names a local repository by its path, and its commit unknown', () => {
    const local = checkScorecardJson({ ...report, repository: { path: '/src/app' }, score: -1 }, options);
    expect([local.repo, local.score]).toEqual([{ name: '/src/app', commit: 'unknown' }, -1]);
  });

  it('writes each outcome as Scorecard’s detail type and file:line as it does', () => {
    const detail = (finding: Omit<CheckFinding, 'message'>): string => detailOf({ message: 'text', ...finding });
    expect([detail({ outcome: 'fail' }), detail({ outcome: 'error' }), detail({ outcome: 'pass' }), detail({ outcome: 'not-applicable' })]).toEqual(['Warn: text', 'Warn: text', 'Info: text', 'Info: text']);
    expect([detail({ outcome: 'fail', file: 'bin/binary.elf' }), detail({ outcome: 'fail', file: 'a.sh', line: 3, endLine: 3 }), detail({ outcome: 'fail', line: 3 })]).toEqual([
      'Warn: text: bin/binary.elf',
      'Warn: text: a.sh:3',
      'Warn: text',
    ]);
    expect(detailOf({ outcome: 'fail', message: 'two\n  lines.' })).toBe('Warn: two lines');
  });

  it('names a repository the way Scorecard does', () => {
    expect(
      [
        'https://github.com/acme/app',
        'https://github.com/acme/app.git',
        'https://www.GitHub.com/acme/app/tree/main/src',
        'github.com/acme/app',
        'https://gitlab.com/group/sub/project.git',
        'git@github.com:acme/app.git',
      ].map((url) => repositoryName({ url, path: '/ignored' })),
    ).toEqual(['github.com/acme/app', 'github.com/acme/app', 'github.com/acme/app', 'github.com/acme/app', 'gitlab.com/group/sub/project', 'git@github.com:acme/app.git']);
    expect(repositoryName({})).toBe('unknown');
  });

  it('writes the date as Go’s RFC 3339: whole seconds, Z for UTC, an offset as given', () => {
    expect(
      ['2023-03-02T10:30:43-06:00', '2025-01-02T03:04:05.678Z', '2025-01-02T03:04:05+00:00', '2025-01-02T03:04:05', '2025-01-02', 'yesterday'].map(scorecardDate),
    ).toEqual(['2023-03-02T10:30:43-06:00', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', '2025-01-02T00:00:00Z', 'yesterday']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(checkScorecardJson(report, options))).toBe(JSON.stringify(checkScorecardJson(structuredClone(report), options)));
  });
});
