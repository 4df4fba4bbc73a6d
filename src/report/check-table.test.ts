import { describe, expect, it } from 'vitest';
import type { CheckFinding, CheckReport, CheckResult } from '../model/index.js';
import { checkTable, remediationPreviewLines } from './check-table.js';
import type { TextStyle } from './text-style.js';

function check(overrides: Partial<CheckResult> & Pick<CheckResult, 'name'>): CheckResult {
  return {
    score: 10,
    reason: 'fine',
    risk: 'Medium',
    findings: [],
    documentation: `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${overrides.name.toLowerCase()}`,
    ...overrides,
  };
}

function reportOf(checks: readonly CheckResult[], overrides: Partial<CheckReport> = {}): CheckReport {
  return { repository: { path: '/src/app' }, date: '2025-01-02T03:04:05.000Z', score: 7.3, scorecardCompat: false, checks, ...overrides };
}

const checkoutUnpinned: CheckFinding = {
  outcome: 'fail',
  message: 'GitHub-owned GitHubAction not pinned by hash',
  file: '.github/workflows/ci.yml',
  line: 12,
  snippet: 'uses: actions/checkout@v4',
  remediation: 'uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1',
  dependencyType: 'GitHubAction',
  pinned: false,
};

const pipUnpinned: CheckFinding = {
  outcome: 'fail',
  message: 'pipCommand not pinned by hash',
  file: 'Dockerfile',
  line: 4,
  endLine: 6,
  snippet: 'pip install \\\n  requests',
  remediation: 'pip install --require-hashes -r requirements.txt',
  dependencyType: 'pipCommand',
  pinned: false,
  deviation: 'Scorecard reports the first line only',
};

const patchedWorkflow = Array.from({ length: 12 }, (_, index) => (index === 0 ? 'permissions:' : `  step-${index}: read`)).join('\n');

const pinnedDependencies = check({
  name: 'Pinned-Dependencies',
  score: 3,
  reason: 'dependency not pinned by hash detected -- score normalized to 3',
  findings: [
    checkoutUnpinned,
    { outcome: 'pass', message: 'third-party GitHubAction pinned by hash', file: '.github/workflows/ci.yml', line: 20, dependencyType: 'GitHubAction', pinned: true },
    pipUnpinned,
  ],
});

const tokenPermissions = check({
  name: 'Token-Permissions',
  risk: 'High',
  score: 0,
  reason: 'detected GitHub workflow tokens with excessive permissions',
  findings: [{ outcome: 'fail', message: 'no topLevel permission defined', file: '.github/workflows/release.yml', remediation: `\n${patchedWorkflow}\n` }],
});

const securityPolicy = check({
  name: 'Security-Policy',
  score: 0,
  reason: 'security policy file not detected',
  findings: [{ outcome: 'fail', message: 'security policy file not detected', remediation: 'Add SECURITY.md:\n  # Security\n  Report to security@example.com' }],
});

const branchProtection = check({ name: 'Branch-Protection', risk: 'High', score: -1, reason: 'internal error: no GitHub token' });
const binaryArtifacts = check({ name: 'Binary-Artifacts', risk: 'High', score: 9, reason: 'binaries present in source code' });
const license = check({ name: 'License', risk: 'Low', score: 6, reason: 'license file detected\nwithout an FSF or OSI recognized license' });

/** Shows where each colour goes: `<red>text</red>`. */
const tagged: TextStyle = {
  bold: (text) => `<b>${text}</b>`,
  dim: (text) => `<dim>${text}</dim>`,
  red: (text) => `<red>${text}</red>`,
  yellow: (text) => `<yellow>${text}</yellow>`,
  green: (text) => `<green>${text}</green>`,
};

describe('checkTable', () => {
  it('shows the aggregate, one row per check in the given order, and each failing finding with its evidence and fix', () => {
    const report = reportOf([pinnedDependencies, branchProtection, binaryArtifacts, tokenPermissions, license, securityPolicy], {
      repository: { path: '/src/app', url: 'https://github.com/acme/app', commit: '68bc59901773ab4c051dfcea0cc4201a1567ab32' },
    });
    expect(checkTable(report)).toBe(
      [
        'Aggregate score: 7.3 / 10',
        'https://github.com/acme/app at 68bc59901773',
        '',
        'SCORE   NAME                 REASON',
        '3 / 10  Pinned-Dependencies  dependency not pinned by hash detected -- score normalized to 3',
        '? / 10  Branch-Protection    internal error: no GitHub token',
        '9 / 10  Binary-Artifacts     binaries present in source code',
        '0 / 10  Token-Permissions    detected GitHub workflow tokens with excessive permissions',
        '6 / 10  License              license file detected without an FSF or OSI recognized license',
        '0 / 10  Security-Policy      security policy file not detected',
        '',
        'Pinned-Dependencies: 2 findings to fix',
        '  .github/workflows/ci.yml:12  GitHub-owned GitHubAction not pinned by hash',
        '    > uses: actions/checkout@v4',
        '    fix: uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1',
        '  Dockerfile:4-6  pipCommand not pinned by hash (differs from Scorecard: Scorecard reports the first line only)',
        '    > pip install \\',
        '    >   requests',
        '    fix: pip install --require-hashes -r requirements.txt',
        '',
        'Token-Permissions: 1 finding to fix',
        '  .github/workflows/release.yml  no topLevel permission defined',
        '    fix:',
        '      permissions:',
        '        step-1: read',
        '        step-2: read',
        '        step-3: read',
        '        step-4: read',
        '        step-5: read',
        '        step-6: read',
        '        step-7: read',
        '      (4 more lines; --format json has all)',
        '',
        'Security-Policy: 1 finding to fix',
        '  security policy file not detected',
        '    fix:',
        '      Add SECURITY.md:',
        '        # Security',
        '        Report to security@example.com',
      ].join('\n'),
    );
  });

  it('shows a long remediation up to the preview length, and one line more than that is cut with a singular note', () => {
    const lines = (count: number): string[] => Array.from({ length: count }, (_, index) => `line ${index + 1}`);
    const render = (count: number): string =>
      checkTable(reportOf([check({ name: 'Token-Permissions', score: 0, findings: [{ outcome: 'fail', message: 'm', remediation: lines(count).join('\n') }] })]));
    expect(render(remediationPreviewLines)).toContain(`      line ${remediationPreviewLines}\n`.trimEnd());
    expect(render(remediationPreviewLines)).not.toContain('more line');
    expect(render(remediationPreviewLines + 1).split('\n').slice(-2)).toEqual([`      line ${remediationPreviewLines}`, '      (1 more line; --format json has all)']);
  });

  it('writes ? for an aggregate of -1, says when Scorecard is reproduced exactly, and has no table for no checks', () => {
    expect(checkTable(reportOf([], { score: -1, repository: {}, scorecardCompat: true }))).toBe("Aggregate score: ? / 10\n(--scorecard-compat: Scorecard's results exactly)");
    expect(checkTable(reportOf([], { score: 10, repository: {} }))).toBe('Aggregate score: 10.0 / 10');
  });

  it('colours scores red below 5, yellow below 8 and green from 8, and leaves ? uncoloured', () => {
    const scores = [0, 4, 5, 7, 8, 10, -1];
    const output = checkTable(reportOf(scores.map((score, index) => check({ name: `C${index}`, score }))), tagged);
    const rows = output.split('\n').filter((line) => /^(<\w+>)?[?\d]+ \/ 10/.test(line));
    expect(rows.map((row) => /^(?:<(\w+)>)?([?\d]+) \/ 10/.exec(row)?.slice(1, 3))).toEqual([
      ['red', '0'],
      ['red', '4'],
      ['yellow', '5'],
      ['yellow', '7'],
      ['green', '8'],
      ['green', '10'],
      [undefined, '?'],
    ]);
    expect(output.split('\n')[0]).toBe('<b><yellow>Aggregate score: 7.3 / 10</yellow></b>');
    expect(checkTable(reportOf([], { score: 4.9 }), tagged).split('\n')[0]).toBe('<b><red>Aggregate score: 4.9 / 10</red></b>');
    expect(checkTable(reportOf([], { score: 8 }), tagged).split('\n')[0]).toBe('<b><green>Aggregate score: 8.0 / 10</green></b>');
  });

  it('keeps colour escapes out of column widths', () => {
    const ansi: TextStyle = { bold: (text) => `\u001b[1m${text}\u001b[22m`, dim: (text) => text, red: (text) => `\u001b[31m${text}\u001b[39m`, yellow: (text) => text, green: (text) => text };
    // eslint-disable-next-line no-control-regex
    const rows = checkTable(reportOf([check({ name: 'A', score: 0 }), check({ name: 'B', score: 10 })]), ansi).replace(/\u001b\[\d+m/g, '').split('\n');
    expect(rows.slice(3, 6)).toEqual(['SCORE    NAME  REASON', '0 / 10   A     fine', '10 / 10  B     fine']);
  });

  it('marks a deviation and the fix in colour, and dims the snippet', () => {
    const output = checkTable(reportOf([check({ name: 'Pinned-Dependencies', score: 3, findings: [pipUnpinned] })], { repository: {} }), tagged);
    expect(output.split('\n').slice(-4)).toEqual([
      '  <b>Dockerfile:4-6</b>  pipCommand not pinned by hash <yellow>(differs from Scorecard: Scorecard reports the first line only)</yellow>',
      '<dim>    > pip install \\</dim>',
      '<dim>    >   requests</dim>',
      '    <green>fix:</green> pip install --require-hashes -r requirements.txt',
    ]);
  });

  it('lists no section for a check whose findings all pass or could not be judged', () => {
    const output = checkTable(
      reportOf([check({ name: 'Pinned-Dependencies', findings: [{ outcome: 'pass', message: 'pinned' }, { outcome: 'error', message: 'could not parse', file: 'a.yml' }, { outcome: 'not-applicable', message: 'n/a' }] })]),
    );
    expect(output).not.toContain('to fix');
  });

  it('writes control characters and bidirectional overrides from the repository as escapes, so a snippet cannot drive the terminal', () => {
    const hostile: CheckFinding = { outcome: 'fail', message: 'bad\u001b[2J', file: 'a\u202e.yml', line: 1, snippet: 'run: echo \u001b]0;owned\u0007', remediation: 'x\u009by' };
    const output = checkTable(reportOf([check({ name: 'Dangerous-Workflow', score: 0, findings: [hostile] })], { repository: {} }));
    expect(output.split('\n').slice(-3)).toEqual(['  a\\u202e.yml:1  bad\\u001b[2J', '    > run: echo \\u001b]0;owned\\u0007', '    fix: x\\u009by']);
    // eslint-disable-next-line no-control-regex
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it('is deterministic', () => {
    const report = reportOf([pinnedDependencies, tokenPermissions, securityPolicy]);
    expect(checkTable(report, tagged)).toBe(checkTable(structuredClone(report), tagged));
  });
});
