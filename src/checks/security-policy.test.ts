import { describe, expect, it } from 'vitest';
import { caseRepository, scorecardCases } from '../../test/scorecard-corpus.js';
import { describeShared } from '../../test/shared.js';
import { memoryRepository } from './repository.js';
import { logCounts } from './scorecard-evaluation.js';
import { collectSecurityPolicy, evaluateSecurityPolicy, policyHits, securityPolicy } from './security-policy.js';

const run = (files: Record<string, string>) => securityPolicy.run({ files: memoryRepository(files), scorecardCompat: true, now: new Date(0) });

describe('security policy content', () => {
  it('finds URLs, emails and disclosure hints per line', () => {
    expect(policyHits('Mail security@example.com or see https://example.com/sec.\r\nWe disclose vulnerabilities within 90 days.')).toEqual([
      { kind: 'link', match: 'https://example.com/sec.', line: 1 },
      { kind: 'email', match: 'security@example.com', line: 1 },
      { kind: 'text', match: 'disclos', line: 2 },
      { kind: 'text', match: 'vuln', line: 2 },
      { kind: 'text', match: '90', line: 2 },
    ]);
  });

  it('counts a number of five digits by its last four, as Go does', () => {
    expect(policyHits('12345').map((hit) => hit.match)).toEqual(['2345']);
  });
});

describe('Security-Policy', () => {
  it('scores 0 without a policy and gives a SECURITY.md to write', async () => {
    const result = await run({ 'README.md': 'hello' });
    expect(result.score).toBe(0);
    expect(result.findings[0]?.remediation).toContain('# Security Policy');
    expect(result.findings[0]?.remediation).toContain('within 90 days');
  });

  it('finds the policy in .github/ or docs/, in any case, and scores its content', async () => {
    const result = await run({ '.github/SECURITY.md': 'Report vulnerabilities to security@example.com; we disclose fixes within 30 days.\n' });
    expect(result.score).toBe(10);
    expect(result.findings.every((finding) => finding.outcome === 'pass')).toBe(true);
    expect(result.findings[1]).toMatchObject({ file: '.github/SECURITY.md', line: 1, snippet: 'security@example.com' });
  });

  it('names what a thin policy lacks', async () => {
    const result = await run({ 'SECURITY.md': 'https://example.com/security\n' });
    expect(result.score).toBe(6);
    const failures = result.findings.filter((finding) => finding.outcome === 'fail');
    expect(failures.map((finding) => finding.message)).toEqual(['the security policy lacks text that explains the process, beyond the links', expect.stringContaining('how vulnerabilities are disclosed') as unknown]);
    expect(failures[0]?.remediation).toContain('Add to SECURITY.md');
  });

  it('ignores files that are not at a policy location', () => {
    expect(collectSecurityPolicy(memoryRepository({ 'src/SECURITY.md': 'x', 'SECURITY.txt': 'x' }))).toBeUndefined();
  });
});

describeShared('Security-Policy: Scorecard corpus', ['corpus', 'scorecard'], (corpus) => {
  for (const testCase of scorecardCases(corpus, 'Security-Policy', 'check')) {
    it(`${testCase.id}: expected`, () => {
      const evaluation = evaluateSecurityPolicy(collectSecurityPolicy(caseRepository(corpus, testCase)));
      expect({ score: evaluation.score, logCounts: logCounts(evaluation.entries) }).toEqual(testCase.expected);
    });
  }
});
