import { z } from 'zod';

/**
 * The keys of `trustline.yaml`. Unknown keys are errors, so a typo is reported with its line
 * instead of being silently ignored. Each later capability adds its own keys here, with docs in
 * docs/config.md.
 */
/** `YYYY-MM-DD`, a real calendar date. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'not a calendar date');

/** An exception for one advisory (any id of its alias group), with the reason and an optional expiry. */
export const ignoreRuleSchema = z.strictObject({
  id: z.string().min(1),
  reason: z.string().trim().min(1, 'a reason is required'),
  /** A package name or purl: the exception covers only that package (a purl with a version, only that version). */
  package: z.string().min(1).optional(),
  /** The last day the exception applies (inclusive); after it the finding is reported again. */
  until: isoDate.optional(),
});

export const configSchema = z.strictObject({
  /** The version of this file's format; only 1 exists. */
  version: z.literal(1).optional(),
  /** Work from local data only, as `--offline` does, unless a flag says otherwise. */
  offline: z.boolean().optional(),
  /** Glob patterns of paths to skip when looking for lockfiles, manifests and SBOMs (added to --exclude). */
  exclude: z.array(z.string().min(1)).optional(),
  /** Where advisory data comes from. */
  advisories: z
    .strictObject({
      /** A mirror of OSV.dev's exports (`<base>/<Ecosystem>/all.zip`), as --osv-export-url and TRUSTLINE_OSV_EXPORT_URL. */
      exportUrl: z.url({ protocol: /^https?$/ }).optional(),
    })
    .optional(),
  /** `trustline check` settings. */
  checks: z
    .strictObject({
      /** Glob patterns of paths the file checks leave out (vendored code, fixtures); ignored with --scorecard-compat. */
      exclude: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /** Advisories accepted for a reason, until a date: reported as ignored, not failing the scan. */
  ignore: z.array(ignoreRuleSchema).optional(),
});



export type TrustlineConfig = z.infer<typeof configSchema>;
