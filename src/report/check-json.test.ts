import { describe, expect, it } from 'vitest';
import type { CheckFinding, CheckReport } from '../model/index.js';
import { checkJson } from './check-json.js';

const unpinned: CheckFinding = {
  outcome: 'fail',
  message: 'GitHub-owned GitHubAction not pinned by hash',
  file: '.github/workflows/ci.yml',
  line: 12,
  endLine: 13,
  snippet: 'uses: actions/checkout@v4',
  remediation: 'uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1',
  dependencyType: 'GitHubAction',
  pinned: false,
  deviation: 'Scorecard ignores composite actions',
};

const report: CheckReport = {
  repository: { path: '/src/app', url: 'https://github.com/acme/app', commit: '68bc59901773ab4c051dfcea0cc4201a1567ab32' },
  date: '2025-01-02T03:04:05.000Z',
  score: 4.5,
  scorecardCompat: false,
  checks: [
    {
      name: 'Pinned-Dependencies',
      score: 3,
      reason: 'dependency not pinned by hash detected -- score normalized to 3',
      risk: 'Medium',
      findings: [unpinned, { outcome: 'not-applicable', message: 'no Dockerfiles found' }],
      documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies',
    },
    { name: 'Branch-Protection', score: -1, reason: 'no GitHub token', risk: 'High', findings: [], documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#branch-protection' },
  ],
};

describe('checkJson', () => {
  it('writes the stable shape, every known field of every finding in a fixed order', () => {
    const document = checkJson(report);
    expect(JSON.stringify(document, null, 2)).toBe(
      JSON.stringify(
        {
          schemaVersion: 1,
          repository: { path: '/src/app', url: 'https://github.com/acme/app', commit: '68bc59901773ab4c051dfcea0cc4201a1567ab32' },
          date: '2025-01-02T03:04:05.000Z',
          score: 4.5,
          scorecardCompat: false,
          checks: [
            {
              name: 'Pinned-Dependencies',
              score: 3,
              reason: 'dependency not pinned by hash detected -- score normalized to 3',
              risk: 'Medium',
              documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies',
              findings: [
                {
                  outcome: 'fail',
                  message: 'GitHub-owned GitHubAction not pinned by hash',
                  file: '.github/workflows/ci.yml',
                  line: 12,
                  endLine: 13,
                  snippet: 'uses: actions/checkout@v4',
                  remediation: 'uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1',
                  dependencyType: 'GitHubAction',
                  pinned: false,
                  deviation: 'Scorecard ignores composite actions',
                },
                { outcome: 'not-applicable', message: 'no Dockerfiles found' },
              ],
            },
            { name: 'Branch-Protection', score: -1, reason: 'no GitHub token', risk: 'High', documentation: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#branch-protection', findings: [] },
          ],
        },
        null,
        2,
      ),
    );
  });

  it('leaves unknown fields out instead of writing undefined, even when the report holds them as undefined', () => {
    const sparse: CheckReport = {
      ...report,
      repository: { path: '.', url: undefined },
      checks: [{ ...report.checks[1]!, findings: [{ outcome: 'error', message: 'could not read', file: undefined, line: undefined, pinned: undefined }] }],
    };
    const document = checkJson(sparse);
    expect(document.repository).toStrictEqual({ path: '.' });
    expect(document.checks[0]?.findings[0]).toStrictEqual({ outcome: 'error', message: 'could not read' });
    expect(JSON.stringify(document)).not.toContain('undefined');
    expect(checkJson({ ...report, repository: {} }).repository).toStrictEqual({});
  });

  it('keeps false and 0, which are known values', () => {
    const document = checkJson({ ...report, score: 0, scorecardCompat: true, checks: [{ ...report.checks[0]!, score: 0, findings: [{ outcome: 'fail', message: 'm', line: 0, pinned: false }] }] });
    expect([document.score, document.scorecardCompat, document.checks[0]?.score]).toEqual([0, true, 0]);
    expect(document.checks[0]?.findings[0]).toStrictEqual({ outcome: 'fail', message: 'm', line: 0, pinned: false });
  });

  it('copies only the documented fields: anything else on the report stays out', () => {
    // Structural typing lets a caller pass more than a CheckReport holds.
    const extra = { ...report, internal: 'x', checks: [{ ...report.checks[1]!, cache: 1 }] };
    expect(Object.keys(checkJson(extra))).toEqual(['schemaVersion', 'repository', 'date', 'score', 'scorecardCompat', 'checks']);
    expect(Object.keys(checkJson(extra).checks[0]!)).toEqual(['name', 'score', 'reason', 'risk', 'documentation', 'findings']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(checkJson(report))).toBe(JSON.stringify(checkJson(structuredClone(report))));
  });
});
