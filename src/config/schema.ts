import { z } from 'zod';

/**
 * The keys of `trustline.yaml`. Unknown keys are errors, so a typo is reported with its line
 * instead of being silently ignored. Each later capability adds its own keys here, with docs in
 * docs/config.md.
 */
export const configSchema = z.strictObject({
  /** The version of this file's format; only 1 exists. */
  version: z.literal(1).optional(),
  /** Work from local data only, as `--offline` does, unless a flag says otherwise. */
  offline: z.boolean().optional(),
  /** Glob patterns of paths to skip when looking for lockfiles, manifests and SBOMs (added to --exclude). */
  exclude: z.array(z.string().min(1)).optional(),
});

export type TrustlineConfig = z.infer<typeof configSchema>;
