import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import type { Finding, ScanReport, Severity, SeverityRating } from '../model/index.js';
import { fingerprintKey, scanSarif } from './scan-sarif.js';
import type { SarifResult } from './scan-sarif.js';

const options = { toolVersion: '1.2.3' };

function finding(overrides: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return {
    ids: [overrides.id],
    kind: 'vulnerability',
    severity: { rating: 'unknown', score: null, vector: null },
    package: { name: 'left-pad', version: '1.0.0', ecosystem: 'npm', purl: 'pkg:npm/left-pad@1.0.0', locations: [{ file: 'package-lock.json', line: 10 }] },
    fixedVersions: [],
    references: [`https://osv.dev/vulnerability/${overrides.id}`],
    ...overrides,
  };
}

function reportOf(findings: readonly Finding[]): ScanReport {
  return {
    root: '.',
    projects: [{ path: '.', files: ['package-lock.json'] }],
    database: { advisories: 3, updatedAt: '2025-01-01T00:00:00Z', missingEcosystems: [] },
    summary: { packages: 4, findings: findings.length, malicious: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 }, ignored: 0, unmatched: 0 },
    findings,
    fixes: [],
    unmatched: [],
    ignoreNotices: [],
    problems: [],
  };
}

const malicious = finding({
  id: 'MAL-2024-1',
  kind: 'malicious',
  summary: 'Malicious code in evil-pkg (npm)',
  package: { name: 'evil-pkg', version: '6.6.6', ecosystem: 'npm', purl: 'pkg:npm/evil-pkg@6.6.6', locations: [{ file: 'package-lock.json', line: 40 }] },
});

const lodash = finding({
  id: 'GHSA-p6mc-m468-83gw',
  ids: ['CVE-2020-8203', 'GHSA-p6mc-m468-83gw'],
  summary: 'Prototype Pollution in lodash',
  severity: { rating: 'high', score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H' },
  package: { name: 'lodash', version: '4.17.15', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.15', locations: [{ file: 'package-lock.json', line: 120 }] },
  fixedVersions: ['4.17.19', '4.17.21'],
  references: ['https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw', 'https://github.com/advisories/GHSA-p6mc-m468-83gw'],
  introducedBy: [
    { direct: 'express@4.17.1', path: ['pkg:npm/express@4.17.1', 'pkg:npm/lodash@4.17.15'] },
    { direct: 'express@4.17.1', path: ['pkg:npm/express@4.17.1', 'pkg:npm/body-parser@1.0.0', 'pkg:npm/lodash@4.17.15'] },
  ],
});

const unfixed = finding({ id: 'GHSA-aaaa-bbbb-cccc', summary: 'ReDoS in minimist.', severity: { rating: 'medium', score: null, vector: null } });

/** One package declared in three files: once without a line, twice (nested copies) in one lockfile, Windows separators in one path. */
const spread = finding({
  id: 'PYSEC-2023-1',
  severity: { rating: 'low', score: 3.1, vector: null },
  package: {
    name: 'requests',
    version: '2.0.0',
    ecosystem: 'PyPI',
    purl: 'pkg:pypi/requests@2.0.0',
    locations: [{ file: 'requirements.txt' }, { file: 'app\\poetry.lock', line: 7 }, { file: 'app/poetry.lock', line: 90 }, { file: 'app/poetry.lock' }, { file: 'tools/my dir/uv.lock' }],
  },
  fixedVersions: ['2.31.0'],
  references: [],
});

const ignored = finding({
  id: 'GHSA-ignr-ignr-ignr',
  summary: 'Only reachable from tests',
  severity: { rating: 'critical', score: 9.8, vector: null },
  fixedVersions: ['2.0.0'],
  ignored: { id: 'CVE-2099-1', reason: 'Only in test fixtures', until: '2099-12-31' },
});

const full = reportOf([malicious, lodash, unfixed, spread, ignored]);

function results(report: ScanReport): readonly SarifResult[] {
  return scanSarif(report, options).runs[0].results;
}

describeShared('SARIF 2.1.0 schema', ['schemas', 'sarif-2.1.0.schema.json'], (schemaPath) => {
  // The OASIS schema is draft-04 (`id`, draft-04 `$schema`) and ajv-draft-04 is not installed. It
  // uses no keyword whose meaning changed after draft-04 (no boolean exclusiveMinimum/Maximum), so
  // Ajv's default draft-07 validates it once `id` is spelt `$id` and the meta-schema link is dropped.
  const { $schema: _draft04, id, ...rest } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile({ ...rest, $id: id } as AnySchema);
  const errorsOf = (log: unknown): string[] => (validate(JSON.parse(JSON.stringify(log))) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));

  it('accepts the log of a report with every kind of finding, and of an empty report', () => {
    expect(errorsOf(scanSarif(full, options))).toEqual([]);
    expect(errorsOf(scanSarif(reportOf([]), options))).toEqual([]);
  });

  it('rejects a level SARIF does not define, so the validator does check', () => {
    const log = JSON.parse(JSON.stringify(scanSarif(full, options))) as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(errorsOf(log)).toContain('/runs/0/results/0/level must be equal to one of the allowed values');
  });
});

describe('scanSarif', () => {
  it('writes an empty run for an empty report', () => {
    expect(scanSarif(reportOf([]), options)).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'trustline', informationUri: 'https://github.com/trustline/trustline', version: '1.2.3', rules: [] } }, results: [] }],
    });
  });

  it('describes a vulnerability as a rule with its CVSS score, aliases and references', () => {
    const rule = scanSarif(reportOf([lodash]), options).runs[0].tool.driver.rules[0];
    const description = 'Prototype Pollution in lodash. Also known as CVE-2020-8203. Severity: high (CVSS 7.4, CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H).';
    expect(rule).toEqual({
      id: 'GHSA-p6mc-m468-83gw',
      shortDescription: { text: 'Prototype Pollution in lodash' },
      fullDescription: { text: description },
      helpUri: 'https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw',
      help: {
        text: `${description}\n\nReferences:\nhttps://osv.dev/vulnerability/GHSA-p6mc-m468-83gw\nhttps://github.com/advisories/GHSA-p6mc-m468-83gw`,
        markdown: `${description}\n\n**References**\n\n- <https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw>\n- <https://github.com/advisories/GHSA-p6mc-m468-83gw>`,
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'vulnerability'], 'security-severity': '7.4' },
    });
  });

  it('reports a vulnerability with a fix: message, level, location and fingerprint', () => {
    const [result] = results(reportOf([lodash]));
    expect(result).toEqual({
      ruleId: 'GHSA-p6mc-m468-83gw',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'lodash@4.17.15 is affected by GHSA-p6mc-m468-83gw (CVE-2020-8203): Prototype Pollution in lodash. Upgrade to 4.17.19. Introduced by express@4.17.1.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'package-lock.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 120 } } }],
      partialFingerprints: { 'trustlineFinding/v1': expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
    });
  });

  it('says when no fixed version is known, and does not double the summary full stop', () => {
    expect(results(reportOf([unfixed]))[0]?.message.text).toBe('left-pad@1.0.0 is affected by GHSA-aaaa-bbbb-cccc: ReDoS in minimist. No fixed version is known yet.');
    expect(results(reportOf([finding({ id: 'OSV-1' })]))[0]?.message.text).toBe('left-pad@1.0.0 is affected by OSV-1. No fixed version is known yet.');
  });

  it('tells to remove a malicious package, at error level and critical security severity', () => {
    const log = scanSarif(reportOf([malicious]), options);
    expect(log.runs[0].results[0]?.message.text).toBe('evil-pkg@6.6.6 is reported as malicious by MAL-2024-1: Malicious code in evil-pkg (npm). Remove it.');
    expect(log.runs[0].results[0]?.level).toBe('error');
    expect(log.runs[0].tool.driver.rules[0]?.properties).toEqual({ tags: ['security', 'malicious'], 'security-severity': '9.5' });
    expect(log.runs[0].tool.driver.rules[0]?.fullDescription.text).toBe('Malicious code in evil-pkg (npm). The package is malicious. Severity: unknown.');
  });

  it('gives one result per declaring file, every line of a file in it, with / separators and an encoded URI', () => {
    const spreadResults = results(reportOf([spread]));
    const where = spreadResults.map((result) => result.locations.map((location) => [location.physicalLocation.artifactLocation.uri, location.physicalLocation.region?.startLine]));
    expect(where).toEqual([[['requirements.txt', undefined]], [['app/poetry.lock', 7], ['app/poetry.lock', 90]], [['tools/my%20dir/uv.lock', undefined]]]);
    expect(spreadResults[0]?.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' } } });
    expect(new Set(spreadResults.map((result) => result.partialFingerprints[fingerprintKey])).size).toBe(3);
  });

  it('keeps an ignored finding as a result with an accepted external suppression', () => {
    const [result] = results(reportOf([ignored]));
    expect(result?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Only in test fixtures', properties: { until: '2099-12-31' } }]);
    expect(result?.level).toBe('error');
    const withoutUntil = finding({ id: 'X-1', ignored: { id: 'X-1', reason: 'Accepted risk' } });
    expect(results(reportOf([withoutUntil]))[0]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Accepted risk' }]);
    expect(results(reportOf([lodash]))[0]).not.toHaveProperty('suppressions');
  });

  it('writes one rule per advisory id, in the order of the findings, and points each result at it', () => {
    const lodashEs = finding({ ...lodash, package: { ...lodash.package, name: 'lodash-es', purl: 'pkg:npm/lodash-es@4.17.15' } });
    const log = scanSarif(reportOf([malicious, lodash, lodashEs, unfixed]), options);
    expect(log.runs[0].tool.driver.rules.map((rule) => rule.id)).toEqual(['MAL-2024-1', 'GHSA-p6mc-m468-83gw', 'GHSA-aaaa-bbbb-cccc']);
    expect(log.runs[0].results.map((result) => [result.ruleId, result.ruleIndex])).toEqual([
      ['MAL-2024-1', 0],
      ['GHSA-p6mc-m468-83gw', 1],
      ['GHSA-p6mc-m468-83gw', 1],
      ['GHSA-aaaa-bbbb-cccc', 2],
    ]);
  });

  it('maps each rating to a level and, without a CVSS score, to a security severity in GitHub’s band', () => {
    const table = (['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const satisfies readonly SeverityRating[]).map((rating) => {
      const log = scanSarif(reportOf([finding({ id: 'X-1', severity: { rating, score: null, vector: null } })]), options);
      return [rating, log.runs[0].results[0]?.level, log.runs[0].tool.driver.rules[0]?.properties['security-severity']];
    });
    expect(table).toEqual([
      ['critical', 'error', '9.5'],
      ['high', 'error', '8.0'],
      ['medium', 'warning', '5.5'],
      ['low', 'note', '2.0'],
      ['none', 'note', undefined],
      ['unknown', 'note', undefined],
    ]);
  });

  it('prefers the CVSS score, written with one decimal, and keeps a malicious package at least critical', () => {
    const securitySeverity = (severity: Severity, kind: Finding['kind'] = 'vulnerability'): string | undefined =>
      scanSarif(reportOf([finding({ id: 'X-1', kind, severity })]), options).runs[0].tool.driver.rules[0]?.properties['security-severity'];
    expect(securitySeverity({ rating: 'critical', score: 10, vector: null })).toBe('10.0');
    expect(securitySeverity({ rating: 'none', score: 0, vector: null })).toBe('0.0');
    expect(securitySeverity({ rating: 'medium', score: 4.3, vector: null }, 'malicious')).toBe('9.5');
    expect(securitySeverity({ rating: 'critical', score: 9.8, vector: null }, 'malicious')).toBe('9.8');
  });

  it('is deterministic, and its fingerprints ignore the line but not the file, package or advisory', () => {
    expect(JSON.stringify(scanSarif(full, options))).toBe(JSON.stringify(scanSarif(structuredClone(full), options)));
    const fingerprint = (overrides: Partial<Finding>): string | undefined => results(reportOf([{ ...lodash, ...overrides }]))[0]?.partialFingerprints[fingerprintKey];
    const base = fingerprint({});
    expect(fingerprint({ package: { ...lodash.package, locations: [{ file: 'package-lock.json', line: 999 }] } })).toBe(base);
    expect(fingerprint({ package: { ...lodash.package, locations: [{ file: 'app/package-lock.json', line: 120 }] } })).not.toBe(base);
    expect(fingerprint({ package: { ...lodash.package, purl: 'pkg:npm/lodash@4.17.16' } })).not.toBe(base);
    expect(fingerprint({ id: 'GHSA-other' })).not.toBe(base);
  });
});
