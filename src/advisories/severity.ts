import cvss from 'ae-cvss-calculator';
import type { OsvAffected, OsvRecord, OsvSeverity, Severity, SeverityRating } from '../model/index.js';

/** Ratings from most to least severe; `unknown` last. */
export const severityOrder: readonly SeverityRating[] = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];

const unknown: Severity = { rating: 'unknown', score: null, vector: null };

/** CVSS versions in preference order: the highest version present wins. */
const versions = [
  { type: 'CVSS_V4', prefix: 'CVSS:4.0/', make: (vector: string) => new cvss.Cvss4P0(vector), v2: false },
  { type: 'CVSS_V3', prefix: 'CVSS:3.1/', make: (vector: string) => new cvss.Cvss3P1(vector), v2: false },
  { type: 'CVSS_V3', prefix: 'CVSS:3.0/', make: (vector: string) => new cvss.Cvss3P0(vector), v2: false },
  { type: 'CVSS_V2', prefix: '', make: (vector: string) => new cvss.Cvss2(vector), v2: true },
] as const;

/**
 * The severity of a record for one affected package: from the highest CVSS version among the
 * record's and the package's `severity` entries (v4 over v3.x over v2), scored with
 * ae-cvss-calculator; else the database's own rating (`database_specific.severity`, as GitHub
 * writes it); else unknown.
 */
export function severityOf(record: OsvRecord, affected?: OsvAffected): Severity {
  const entries: readonly OsvSeverity[] = [...(affected?.severity ?? []), ...(record.severity ?? [])];
  for (const version of versions) {
    for (const entry of entries) {
      if (entry.type !== version.type || !entry.score.startsWith(version.prefix)) continue;
      const scored = score(entry.score, version);
      if (scored !== undefined) return scored;
    }
  }
  return databaseRating(record.database_specific?.['severity']) ?? databaseRating(affected?.database_specific?.['severity']) ?? unknown;
}

function score(vector: string, version: (typeof versions)[number]): Severity | undefined {
  try {
    const value = version.make(vector).calculateScores().overall;
    if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
    return { rating: ratingOf(value, version.v2), score: value, vector };
  } catch {
    // A malformed vector is ignored; another entry or the database rating may still tell.
    return undefined;
  }
}

/** CVSS qualitative ratings: v3 and v4 (FIRST specification, section 5), v2 (NVD's bands). */
export function ratingOf(score: number, v2 = false): SeverityRating {
  if (v2) return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

function databaseRating(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const rating = { critical: 'critical', high: 'high', moderate: 'medium', medium: 'medium', low: 'low' }[value.toLowerCase()] as SeverityRating | undefined;
  return rating === undefined ? undefined : { rating, score: null, vector: null };
}
