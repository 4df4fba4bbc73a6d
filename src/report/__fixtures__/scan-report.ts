/** Findings and scan reports for the renderer tests: defaults that any test overrides as it needs. */
import type { Finding, ScanReport } from '../../model/index.js';

export function scanFinding(overrides: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return {
    aliases: [],
    kind: 'vulnerability',
    severity: { rating: 'unknown', score: null, vector: null },
    name: 'left-pad',
    version: '1.0.0',
    ecosystem: 'npm',
    purl: 'pkg:npm/left-pad@1.0.0',
    locations: [{ file: 'package-lock.json', line: 10 }],
    fixed: [],
    paths: [],
    references: [`https://osv.dev/vulnerability/${overrides.id}`],
    ...overrides,
  };
}

/** A malicious package found in the lockfile (MAL-2024-1, evil-pkg 6.6.6), with any overrides. */
export function maliciousFinding(overrides: Partial<Finding> = {}): Finding {
  return scanFinding({
    id: 'MAL-2024-1',
    kind: 'malicious',
    summary: 'Malicious code in evil-pkg (npm)',
    name: 'evil-pkg',
    version: '6.6.6',
    purl: 'pkg:npm/evil-pkg@6.6.6',
    locations: [{ file: 'package-lock.json', line: 40 }],
    ...overrides,
  });
}

/** A report of these findings, its summary counted from them as the scan counts it. */
export function scanReportOf(findings: readonly Finding[], overrides: Partial<ScanReport> = {}): ScanReport {
  const active = findings.filter((item) => item.ignored === undefined);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 };
  for (const item of active) if (item.kind === 'vulnerability') bySeverity[item.severity.rating] += 1;
  return {
    root: '.',
    projects: [{ path: '.', files: ['package-lock.json'] }],
    source: { advisories: 5, importedAt: '2025-01-02T03:04:05.000Z', sources: [], ecosystems: [], missingEcosystems: [] },
    summary: { packages: 12, findings: active.length, malicious: active.filter((item) => item.kind === 'malicious').length, bySeverity, ignored: findings.length - active.length, unmatched: 0 },
    findings,
    fixes: [],
    unmatched: [],
    ignoreNotices: [],
    errors: [],
    ...overrides,
  };
}
