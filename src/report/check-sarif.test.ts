import { describe, expect, it } from 'vitest';
import { legacySchemaValidator } from '../../test/json-schema.js';
import { describeShared } from '../../test/shared.js';
import type { CheckFinding, CheckReport, CheckResult, CheckRisk } from '../model/index.js';
import { checkAutomationId, checkFingerprintKey, checkSarif } from './check-sarif.js';
import type { CheckSarifResult } from './check-sarif.js';

const options = { toolVersion: '1.2.3' };

function check(overrides: Partial<CheckResult> & Pick<CheckResult, 'name'>): CheckResult {
  return {
    score: 0,
    reason: 'reason',
    risk: 'Medium',
    findings: [],
    documentation: `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${overrides.name.toLowerCase()}`,
    ...overrides,
  };
}

function reportOf(checks: readonly CheckResult[]): CheckReport {
  return { repository: { path: '.' }, date: '2025-01-02T03:04:05.000Z', score: 5, scorecardCompat: false, checks };
}

const unpinned: CheckFinding = {
  outcome: 'fail',
  message: 'GitHub-owned GitHubAction not pinned by hash',
  file: '.github/workflows/ci.yml',
  line: 12,
  snippet: 'uses: actions/checkout@v4',
  remediation: 'uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1',
  dependencyType: 'GitHubAction',
  pinned: false,
};

const pinnedDependencies = check({
  name: 'Pinned-Dependencies',
  score: 3,
  findings: [
    unpinned,
    { outcome: 'pass', message: 'third-party GitHubAction pinned by hash', file: '.github/workflows/ci.yml', line: 20, pinned: true },
    { outcome: 'fail', message: 'pipCommand not pinned by hash.', file: 'docker files\\Dockerfile', line: 4, endLine: 6, snippet: 'pip install requests' },
    { outcome: 'fail', message: 'containerImage not pinned by hash', file: 'Dockerfile' },
  ],
});

const securityPolicy = check({ name: 'Security-Policy', findings: [{ outcome: 'fail', message: 'security policy file not detected', remediation: '\nAdd SECURITY.md\nwith a contact' }] });
const dangerousWorkflow = check({ name: 'Dangerous-Workflow', risk: 'Critical', score: 10, findings: [{ outcome: 'pass', message: 'no dangerous workflow patterns detected' }] });
const branchProtection = check({ name: 'Branch-Protection', risk: 'High', score: -1, findings: [{ outcome: 'error', message: 'no GitHub token' }] });

const full = reportOf([pinnedDependencies, securityPolicy, dangerousWorkflow, branchProtection]);

function results(report: CheckReport): readonly CheckSarifResult[] {
  return checkSarif(report, options).runs[0].results;
}

describeShared('check SARIF against the SARIF 2.1.0 schema', ['schemas', 'sarif-2.1.0.schema.json'], (schemaPath) => {
  const errorsOf = legacySchemaValidator(schemaPath);

  it('accepts the log of a report with every kind of finding, and of an empty report', () => {
    expect(errorsOf(checkSarif(full, options))).toEqual([]);
    expect(errorsOf(checkSarif(reportOf([]), options))).toEqual([]);
  });

  it('rejects a start line of 0, so the validator does check', () => {
    const log = JSON.parse(JSON.stringify(checkSarif(full, options))) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(errorsOf(log)).toContain('/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1');
  });
});

describe('checkSarif', () => {
  it('writes an empty run, with its own category, for an empty report', () => {
    expect(checkSarif(reportOf([]), options)).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'trustline', informationUri: 'https://github.com/trustline/trustline', version: '1.2.3', rules: [] } }, automationDetails: { id: 'trustline-check/' }, results: [] }],
    });
    expect(checkAutomationId).toBe('trustline-check/');
  });

  it('describes each check as a rule with its documentation, tags and the security severity of its risk', () => {
    const log = checkSarif(full, { ...options, shortDescriptions: { 'Pinned-Dependencies': 'dependencies pinned by hash' } });
    const url = 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies';
    expect(log.runs[0].tool.driver.rules[0]).toEqual({
      id: 'Pinned-Dependencies',
      shortDescription: { text: 'dependencies pinned by hash' },
      fullDescription: { text: 'Dependencies pinned by hash. Risk: Medium.' },
      helpUri: url,
      help: { text: `Dependencies pinned by hash. Risk: Medium.\n\nDocumentation: ${url}`, markdown: `Dependencies pinned by hash. Risk: Medium.\n\n[Pinned-Dependencies documentation](${url})` },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security', 'supply-chain'], 'security-severity': '5.0' },
    });
    expect(log.runs[0].tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.fullDescription.text])).toEqual([
      ['Pinned-Dependencies', 'dependencies pinned by hash', 'Dependencies pinned by hash. Risk: Medium.'],
      ['Security-Policy', 'Security-Policy', 'Security-Policy. Risk: Medium.'],
      ['Dangerous-Workflow', 'Dangerous-Workflow', 'Dangerous-Workflow. Risk: Critical.'],
      ['Branch-Protection', 'Branch-Protection', 'Branch-Protection. Risk: High.'],
    ]);
  });

  it('leaves out helpUri when the documentation is no URL', () => {
    const rule = checkSarif(reportOf([check({ name: 'X', documentation: '' })]), options).runs[0].tool.driver.rules[0];
    expect(rule).not.toHaveProperty('helpUri');
    expect(rule?.help).toEqual({ text: 'X. Risk: Medium.', markdown: 'X. Risk: Medium.' });
  });

  it('maps each risk to a level and a security severity in GitHub’s band', () => {
    const table = (['Critical', 'High', 'Medium', 'Low'] as const satisfies readonly CheckRisk[]).map((risk) => {
      const log = checkSarif(reportOf([check({ name: 'X', risk, findings: [{ outcome: 'fail', message: 'm' }] })]), options);
      return [risk, log.runs[0].results[0]?.level, log.runs[0].tool.driver.rules[0]?.defaultConfiguration.level, log.runs[0].tool.driver.rules[0]?.properties['security-severity']];
    });
    expect(table).toEqual([
      ['Critical', 'error', 'error', '9.0'],
      ['High', 'error', 'error', '7.0'],
      ['Medium', 'warning', 'warning', '5.0'],
      ['Low', 'note', 'note', '3.0'],
    ]);
  });

  it('gives one result per failing finding: message with the first line of the fix, the file, lines and snippet', () => {
    const [first, second, third, fourth] = results(full);
    expect(first).toEqual({
      ruleId: 'Pinned-Dependencies',
      ruleIndex: 0,
      level: 'warning',
      message: { text: 'GitHub-owned GitHubAction not pinned by hash. Fix: uses: actions/checkout@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v4.1.1' },
      locations: [{ physicalLocation: { artifactLocation: { uri: '.github/workflows/ci.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, snippet: { text: 'uses: actions/checkout@v4' } } } }],
      partialFingerprints: { 'trustlineCheck/v1': expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
    });
    expect([second?.message.text, second?.locations]).toEqual([
      'pipCommand not pinned by hash.',
      [{ physicalLocation: { artifactLocation: { uri: 'docker%20files/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, endLine: 6, snippet: { text: 'pip install requests' } } } }],
    ]);
    expect(third?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' } } }]);
    expect([fourth?.ruleId, fourth?.ruleIndex, fourth?.message.text]).toEqual(['Security-Policy', 1, 'security policy file not detected. Fix: Add SECURITY.md']);
    expect(results(full)).toHaveLength(4);
  });

  it('places a finding without a file where Scorecard does, since GitHub drops a result without a location', () => {
    expect(results(reportOf([securityPolicy]))[0]?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'no%20file%20associated%20with%20this%20alert', uriBaseId: '%SRCROOT%' } } }]);
  });

  it('keeps a fingerprint through line moves, and tells apart identical snippets in one file', () => {
    const fingerprintOf = (findings: readonly CheckFinding[]): (string | undefined)[] => results(reportOf([check({ name: 'Pinned-Dependencies', findings })])).map((result) => result.partialFingerprints[checkFingerprintKey]);
    const [base] = fingerprintOf([unpinned]);
    expect(fingerprintOf([{ ...unpinned, line: 40 }])).toEqual([base]);
    expect(fingerprintOf([{ ...unpinned, file: '.github/workflows/release.yml' }])[0]).not.toBe(base);
    expect(fingerprintOf([{ ...unpinned, snippet: 'uses: actions/checkout@v3' }])[0]).not.toBe(base);
    const twice = fingerprintOf([unpinned, { ...unpinned, line: 30 }]);
    expect(twice[0]).toBe(base);
    expect(new Set(twice).size).toBe(2);
    const otherCheck = results(reportOf([check({ name: 'Other', findings: [unpinned] })]))[0]?.partialFingerprints[checkFingerprintKey];
    expect(otherCheck).not.toBe(base);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(checkSarif(full, options))).toBe(JSON.stringify(checkSarif(structuredClone(full), options)));
  });
});
