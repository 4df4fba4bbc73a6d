import { z } from 'zod';
import type { OsvRecord } from '../model/index.js';

/**
 * The OSV schema (1.7, ossf/osv-schema validation/schema.json) as far as matching depends on it,
 * written with zod so the check needs no copy of the JSON schema at run time. A test checks it
 * against the official schema's verdicts on the schema's own examples and on the real records of
 * the shared data set.
 */
const event = z
  .object({ introduced: z.string(), fixed: z.string(), last_affected: z.string(), limit: z.string() })
  .partial()
  .refine((value) => Object.keys(value).filter((key) => ['introduced', 'fixed', 'last_affected', 'limit'].includes(key)).length === 1, {
    message: 'an event has exactly one of introduced, fixed, last_affected, limit',
  });

const range = z.object({
  type: z.enum(['GIT', 'SEMVER', 'ECOSYSTEM']),
  repo: z.string().optional(),
  events: z.array(event).min(1),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

const affected = z.object({
  package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }).optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
  ranges: z.array(range).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i, 'not an RFC 3339 UTC timestamp');

const record = z.looseObject({
  id: z.string().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'not a valid OSV id'),
  modified: timestamp,
  published: timestamp.optional(),
  withdrawn: timestamp.optional(),
  aliases: z.array(z.string()).nullish(),
  related: z.array(z.string()).nullish(),
  upstream: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
  affected: z.array(affected).nullish(),
});

export interface RecordVerdict {
  /** The record, when it can be used for matching (possibly with warnings). */
  readonly record: OsvRecord | undefined;
  /** Why the record cannot be used; empty when it can. */
  readonly errors: readonly string[];
  /** Defects that do not affect matching, e.g. an abbreviated GIT hash. */
  readonly warnings: readonly string[];
}

const fullHash = /^(0|[a-f0-9]{40}|[a-f0-9]{64})$/;

/**
 * Sorts a parsed JSON value into usable (with warnings) or unusable (with reasons). A record is
 * unusable when matching would misread it: a missing id or `modified`, a malformed `affected`
 * entry, a SEMVER or ECOSYSTEM range without an `introduced` event, or one that mixes `fixed` and
 * `last_affected`. Defects only of GIT ranges (which are not evaluated offline) are warnings.
 */
export function validateOsvRecord(value: unknown): RecordVerdict {
  const parsed = record.safeParse(value);
  if (!parsed.success) {
    return { record: undefined, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`), warnings: [] };
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  (parsed.data.affected ?? []).forEach((entry, index) => {
    (entry.ranges ?? []).forEach((item, rangeIndex) => {
      const where = `affected.${index}.ranges.${rangeIndex}`;
      const kinds = item.events.map((e) => Object.keys(e)[0]);
      const problems: string[] = [];
      if (!kinds.includes('introduced')) problems.push(`${where}: no introduced event`);
      if (kinds.includes('fixed') && kinds.includes('last_affected')) problems.push(`${where}: fixed and last_affected together`);
      if (item.type === 'GIT') {
        if (item.repo === undefined) problems.push(`${where}: a GIT range without repo`);
        for (const e of item.events) {
          const version = Object.values(e)[0] ?? '';
          if (!fullHash.test(version)) problems.push(`${where}: GIT event "${version}" is not a full commit hash`);
        }
        // GIT ranges are kept but not evaluated offline: their defects never block matching.
        warnings.push(...problems);
      } else {
        errors.push(...problems);
      }
    });
    if (entry.package === undefined && (entry.ranges ?? []).some((item) => item.type !== 'GIT')) {
      errors.push(`affected.${index}: SEMVER or ECOSYSTEM ranges without a package`);
    }
  });
  return errors.length > 0 ? { record: undefined, errors, warnings } : { record: parsed.data as unknown as OsvRecord, errors, warnings };
}
