import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/index.js';
import { distinctFindings } from './distinct-findings.js';

function finding(id: string, aliases: readonly string[], purl = 'pkg:npm/a@1.0.0', file = 'package-lock.json'): Finding {
  return { id, aliases, kind: 'vulnerability', severity: { rating: 'high', score: null, vector: null }, name: 'a', version: '1.0.0', ecosystem: 'npm', purl, locations: [{ file }], fixed: [], paths: [], references: [] };
}

describe('distinctFindings', () => {
  it('keeps one finding per alias group and package version, the first, with every location', () => {
    const first = finding('GHSA-1', ['CVE-1']);
    const sameGroup = finding('CVE-1', ['GHSA-1'], 'pkg:npm/a@1.0.0', 'app/package-lock.json');
    const linkedByAnotherId = finding('OSV-9', ['GHSA-1', 'OSV-8'], 'pkg:npm/a@1.0.0', 'web/package-lock.json');
    const otherVersion = finding('GHSA-1', ['CVE-1'], 'pkg:npm/a@2.0.0');
    const otherGroup = finding('GHSA-2', []);
    expect(distinctFindings([first, sameGroup, otherVersion, linkedByAnotherId, otherGroup])).toEqual([
      { ...first, locations: [{ file: 'package-lock.json' }, { file: 'app/package-lock.json' }, { file: 'web/package-lock.json' }] },
      otherVersion,
      otherGroup,
    ]);
  });

  it('returns distinct findings unchanged', () => {
    const findings = [finding('GHSA-1', []), finding('GHSA-2', [])];
    expect(distinctFindings(findings)).toEqual(findings);
  });
});
