import type { ScanReport } from '../model/index.js';

/** The version of the `--format json` shape (docs/commands/scan.md); raised on any breaking change. */
export const scanJsonSchemaVersion = 1;

/**
 * The scan as stable, documented JSON: the {@link ScanReport} fields, after `schemaVersion`.
 * Fields are only ever added within a schema version.
 */
export function scanJson(report: ScanReport): string {
  return JSON.stringify({ schemaVersion: scanJsonSchemaVersion, ...report }, null, 2);
}
