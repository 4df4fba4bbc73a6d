import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../model/index.js';
import { ratingOf, severityOf } from './severity.js';

const base = { id: 'X', modified: '2024-01-01T00:00:00Z' };

describe('severity', () => {
  it('scores CVSS v3.1, v3.0, v2 and v4 vectors', () => {
    expect(severityOf({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] })).toEqual({
      rating: 'critical',
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    });
    expect(severityOf({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N' }] })).toMatchObject({ rating: 'low', score: 3.1 });
    expect(severityOf({ ...base, severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }] })).toMatchObject({ rating: 'high', score: 7.5 });
    expect(severityOf({ ...base, severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] })).toMatchObject({ rating: 'critical', score: 9.3 });
  });

  it('lets the highest CVSS version win, whether on the record or the package', () => {
    const record: OsvRecord = {
      ...base,
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [{ severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N' }] }],
    };
    expect(severityOf(record, record.affected?.[0]).vector).toMatch(/^CVSS:4\.0\//);
    expect(severityOf(record).vector).toMatch(/^CVSS:3\.1\//);
  });

  it("falls back to the database's rating, then to unknown; ignores malformed vectors", () => {
    expect(severityOf({ ...base, database_specific: { severity: 'MODERATE' } })).toEqual({ rating: 'medium', score: null, vector: null });
    expect(severityOf({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/garbage' }], database_specific: { severity: 'HIGH' } })).toMatchObject({ rating: 'high' });
    expect(severityOf(base)).toEqual({ rating: 'unknown', score: null, vector: null });
  });

  it('uses the CVSS rating bands', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map((score) => ratingOf(score))).toEqual(['none', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect([3.9, 4, 7].map((score) => ratingOf(score, true))).toEqual(['low', 'medium', 'high']);
  });
});
