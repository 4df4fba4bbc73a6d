/**
 * The OSV record format (OSV schema 1.7, ../shared/data/osv-schema/schema.md), as the types the
 * rest of Trustline reads. Only the fields Trustline uses are typed precisely; the rest pass
 * through untouched.
 */

export type OsvEventType = 'introduced' | 'fixed' | 'last_affected' | 'limit';

/** One event of a range: exactly one of the four keys is present. */
export type OsvEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string };

export type OsvRangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

export interface OsvRange {
  readonly type: OsvRangeType;
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
  readonly database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly purl?: string;
}

export interface OsvSeverity {
  readonly type: 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu' | (string & {});
  readonly score: string;
}

/** One entry of `affected[]`. */
export interface OsvAffected {
  readonly package?: OsvPackage;
  readonly severity?: readonly OsvSeverity[];
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly ecosystem_specific?: Record<string, unknown>;
  readonly database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  readonly type: string;
  readonly url: string;
}

/** One OSV record. */
export interface OsvRecord {
  readonly schema_version?: string;
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly aliases?: readonly string[];
  readonly related?: readonly string[];
  readonly upstream?: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity?: readonly OsvSeverity[];
  readonly affected?: readonly OsvAffected[];
  readonly references?: readonly OsvReference[];
  readonly database_specific?: Record<string, unknown>;
}

/** The event's type and version, whatever its key. */
export function eventOf(event: OsvEvent): { readonly type: OsvEventType; readonly version: string } {
  if ('introduced' in event) return { type: 'introduced', version: event.introduced };
  if ('fixed' in event) return { type: 'fixed', version: event.fixed };
  if ('last_affected' in event) return { type: 'last_affected', version: event.last_affected };
  return { type: 'limit', version: event.limit };
}
