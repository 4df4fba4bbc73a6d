import { describe, expect, it } from 'vitest';
import { legacySchemaValidator } from '../../test/json-schema.js';
import { describeShared } from '../../test/shared.js';
import type { Finding, ScanReport, Severity, SeverityRating } from '../model/index.js';
import { maliciousFinding, scanFinding as finding, scanReportOf as reportOf } from './__fixtures__/scan-report.js';
import { fingerprintKey, scanSarif } from './scan-sarif.js';
import type { SarifResult } from './scan-sarif.js';

const options = { toolVersion: '1.2.3' };

const malicious = maliciousFinding();

const lodash = finding({
  id: 'GHSA-p6mc-m468-83gw',
  aliases: ['CVE-2020-8203'],
  summary: 'Prototype Pollution in lodash',
  severity: { rating: 'high', score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H' },
  name: 'lodash',
  version: '4.17.15',
  purl: 'pkg:npm/lodash@4.17.15',
  locations: [{ file: 'package-lock.json', line: 120 }],
  fixed: ['4.17.19', '4.17.21'],
  upgrade: '4.17.19',
  references: ['https://osv.dev/vulnerability/GHSA-p6mc-m468-83gw', 'https://github.com/advisories/GHSA-p6mc-m468-83gw'],
  direct: false,
  paths: [
    ['pkg:npm/express@4.17.1', 'pkg:npm/lodash@4.17.15'],
    ['pkg:npm/express@4.17.1', 'pkg:npm/body-parser@1.0.0', 'pkg:npm/lodash@4.17.15'],
    ['pkg:npm/%40babel/core@7.0.0', 'pkg:npm/lodash@4.17.15'],
  ],
});

const unfixed = finding({ id: 'GHSA-aaaa-bbbb-cccc', summary: 'ReDoS in minimist.', severity: { rating: 'medium', score: null, vector: null } });

/** One package declared in three files: once without a line, twice (nested copies) in one lockfile, Windows separators in one path. */
const spread = finding({
  id: 'PYSEC-2023-1',
  severity: { rating: 'low', score: 3.1, vector: null },
  name: 'requests',
  version: '2.0.0',
  ecosystem: 'PyPI',
  purl: 'pkg:pypi/requests@2.0.0',
  locations: [{ file: 'requirements.txt' }, { file: 'app\\poetry.lock', line: 7 }, { file: 'app/poetry.lock', line: 90 }, { file: 'app/poetry.lock' }, { file: 'tools/my dir/uv.lock' }],
  fixed: ['2.31.0'],
  upgrade: '2.31.0',
  references: [],
});

const ignored = finding({
  id: 'GHSA-ignr-ignr-ignr',
  summary: 'Only reachable from tests',
  severity: { rating: 'critical', score: 9.8, vector: null },
  fixed: ['2.0.0'],
  upgrade: '2.0.0',
  ignored: { id: 'CVE-2099-1', reason: 'Only in test fixtures', until: '2099-12-31' },
});

const full = reportOf([malicious, lodash, unfixed, spread, ignored]);

function results(report: ScanReport): readonly SarifResult[] {
  return scanSarif(report, options).runs[0].results;
}

describeShared('SARIF 2.1.0 schema', ['schemas', 'sarif-2.1.0.schema.json'], (schemaPath) => {
  const errorsOf = legacySchemaValidator(schemaPath);

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
      message: { text: 'lodash@4.17.15 is affected by GHSA-p6mc-m468-83gw (CVE-2020-8203): Prototype Pollution in lodash. Upgrade to 4.17.19. Introduced by express@4.17.1, @babel/core@7.0.0.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'package-lock.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 120 } } }],
      partialFingerprints: { 'trustlineFinding/v2': expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
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

  it('gives one result per package version with every declaring file and line, / separators and encoded URIs', () => {
    const spreadResults = results(reportOf([spread]));
    expect(spreadResults).toHaveLength(1);
    const where = spreadResults[0]?.locations.map((location) => [location.physicalLocation.artifactLocation.uri, location.physicalLocation.region?.startLine]);
    expect(where).toEqual([['requirements.txt', undefined], ['app/poetry.lock', 7], ['app/poetry.lock', 90], ['tools/my%20dir/uv.lock', undefined]]);
    expect(spreadResults[0]?.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' } } });
  });

  it('names no direct dependency for a package declared directly (its one path is itself)', () => {
    const direct = finding({ ...lodash, direct: true, paths: [[lodash.purl]] });
    expect(results(reportOf([direct]))[0]?.message.text).toBe('lodash@4.17.15 is affected by GHSA-p6mc-m468-83gw (CVE-2020-8203): Prototype Pollution in lodash. Upgrade to 4.17.19.');
  });

  it('never gives two results for one alias group at one package version, whichever id the findings show', () => {
    const again = finding({ ...lodash, id: 'CVE-2020-8203', aliases: ['GHSA-p6mc-m468-83gw'], locations: [{ file: 'app/package-lock.json', line: 5 }] });
    const log = scanSarif(reportOf([lodash, again, { ...lodash }]), options);
    expect(log.runs[0].tool.driver.rules.map((rule) => rule.id)).toEqual(['GHSA-p6mc-m468-83gw']);
    expect(log.runs[0].results).toHaveLength(1);
    expect(log.runs[0].results[0]?.locations.map((location) => location.physicalLocation.artifactLocation.uri)).toEqual(['package-lock.json', 'app/package-lock.json']);
    const otherVersion = finding({ ...lodash, version: '4.17.16', purl: 'pkg:npm/lodash@4.17.16' });
    expect(results(reportOf([lodash, otherVersion])).map((result) => result.partialFingerprints[fingerprintKey])).toHaveLength(2);
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
    const lodashEs = finding({ ...lodash, name: 'lodash-es', purl: 'pkg:npm/lodash-es@4.17.15' });
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

  it('is deterministic, and its fingerprints ignore files and lines but not the package version or advisory', () => {
    expect(JSON.stringify(scanSarif(full, options))).toBe(JSON.stringify(scanSarif(structuredClone(full), options)));
    const fingerprint = (overrides: Partial<Finding>): string | undefined => results(reportOf([{ ...lodash, ...overrides }]))[0]?.partialFingerprints[fingerprintKey];
    const base = fingerprint({});
    expect(fingerprint({ locations: [{ file: 'package-lock.json', line: 999 }] })).toBe(base);
    expect(fingerprint({ locations: [{ file: 'app/package-lock.json', line: 120 }, { file: 'package-lock.json', line: 120 }] })).toBe(base);
    expect(fingerprint({ purl: 'pkg:npm/lodash@4.17.16' })).not.toBe(base);
    expect(fingerprint({ id: 'GHSA-other' })).not.toBe(base);
  });
});
