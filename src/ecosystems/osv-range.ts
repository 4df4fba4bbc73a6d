/**
 * OSV `affected[]` evaluation, exactly as the OSV schema's "Evaluation" pseudocode defines it
 * (shared/data/osv-schema/schema.md): a version is affected when it is listed in `versions`, or
 * when any SEMVER or ECOSYSTEM range, walked in version order, leaves it vulnerable and it lies
 * below one of the range's `limit` events (an implicit `limit: "*"` when there is none).
 *
 * Details the pseudocode leaves open, decided as OSV-Scanner does:
 * - `introduced: "0"` sorts below every version; a `limit` containing `*` is infinity.
 * - Events of equal version are applied `introduced` first, so `introduced: X, fixed: X` is empty.
 * - SEMVER ranges use the semver-like order whatever the ecosystem; ECOSYSTEM ranges use the
 *   ecosystem's own order; GIT ranges are never evaluated against a version (they name commits).
 * - `versions` membership is exact string equality, as the pseudocode's `v == version`.
 * - An event whose version the order cannot read is skipped and reported, never guessed at.
 */
import { type OsvAffected, type OsvEvent, type OsvEventType, type OsvRange, eventOf } from '../model/index.js';
import type { VersionScheme } from './ecosystem.js';
import { semverLikeScheme } from './schemes/semver-like.js';

/** A defect found in an `affected[]` entry while evaluating it (a version its order cannot read). */
export type RangeProblemHandler = (message: string) => void;

const lowest = Symbol('introduced 0');
const highest = Symbol('limit *');
type Bound = typeof lowest | typeof highest | { readonly parsed: unknown };

interface PreparedEvent {
  readonly type: OsvEventType;
  readonly version: string;
  readonly bound: Bound;
}

interface PreparedRange {
  /** The events in evaluation order (limits excluded). */
  readonly timeline: readonly PreparedEvent[];
  /** The limit events; empty means the implicit `*`. */
  readonly limits: readonly PreparedEvent[];
}

/** Evaluation order of events at the same version: what opens a range before what closes it. */
const tieOrder: Record<OsvEventType, number> = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 };

/**
 * Ranges prepared once per (range, order): parsing and sorting the events is most of the work,
 * and a scan evaluates the same advisory against many versions.
 */
const preparedCache = new WeakMap<OsvRange, Map<string, PreparedRange>>();

/** The order a range's versions follow: the semver-like order for SEMVER, else the ecosystem's. */
export function rangeScheme(range: OsvRange, ecosystemScheme: VersionScheme): VersionScheme | undefined {
  if (range.type === 'SEMVER') return semverLikeScheme;
  if (range.type === 'ECOSYSTEM') return ecosystemScheme;
  return undefined;
}

/**
 * Whether one `affected[]` entry covers `version` under the ecosystem's order. Throws the
 * scheme's InputError `invalid-version` when `version` itself cannot be read and a range would
 * need it; defects of the entry go to `onProblem` and the rest of the entry is still evaluated.
 */
export function isAffectedBy(scheme: VersionScheme, version: string, affected: OsvAffected, onProblem?: RangeProblemHandler): boolean {
  if (affected.versions?.includes(version) === true) return true;
  const parsedBy = new Map<VersionScheme, unknown>();
  for (const range of affected.ranges ?? []) {
    const order = rangeScheme(range, scheme);
    if (order === undefined) continue;
    if (!parsedBy.has(order)) parsedBy.set(order, order.parse(version));
    if (rangeIncludes(order, prepare(range, order, onProblem), parsedBy.get(order))) return true;
  }
  return false;
}

/** The pseudocode's `BeforeLimits` and event walk, on a prepared range. */
function rangeIncludes(order: VersionScheme, range: PreparedRange, version: unknown): boolean {
  if (range.limits.length > 0 && !range.limits.some((limit) => compareToBound(order, version, limit.bound) < 0)) return false;
  let vulnerable = false;
  for (const event of range.timeline) {
    const position = compareToBound(order, version, event.bound);
    if (event.type === 'introduced' && position >= 0) vulnerable = true;
    else if (event.type === 'fixed' && position >= 0) vulnerable = false;
    else if (event.type === 'last_affected' && position > 0) vulnerable = false;
  }
  return vulnerable;
}

function compareToBound(order: VersionScheme, version: unknown, bound: Bound): number {
  if (bound === lowest) return 1;
  if (bound === highest) return -1;
  return order.compare(version, bound.parsed);
}

function prepare(range: OsvRange, order: VersionScheme, onProblem: RangeProblemHandler | undefined): PreparedRange {
  let byScheme = preparedCache.get(range);
  const cached = byScheme?.get(order.id);
  if (cached !== undefined) return cached;
  const events: PreparedEvent[] = [];
  for (const event of range.events) {
    const prepared = prepareEvent(event, order, onProblem);
    if (prepared !== undefined) events.push(prepared);
  }
  const timeline = events.filter((event) => event.type !== 'limit').sort((a, b) => compareBounds(order, a.bound, b.bound) || tieOrder[a.type] - tieOrder[b.type]);
  const result: PreparedRange = { timeline, limits: events.filter((event) => event.type === 'limit') };
  if (byScheme === undefined) {
    byScheme = new Map();
    preparedCache.set(range, byScheme);
  }
  byScheme.set(order.id, result);
  return result;
}

function prepareEvent(event: OsvEvent, order: VersionScheme, onProblem: RangeProblemHandler | undefined): PreparedEvent | undefined {
  const { type, version } = eventOf(event);
  if (type === 'introduced' && version === '0') return { type, version, bound: lowest };
  if (type === 'limit' && version.includes('*')) return { type, version, bound: highest };
  try {
    return { type, version, bound: { parsed: order.parse(version) } };
  } catch (error) {
    onProblem?.(`${type} version "${version}" is not a ${order.id} version (${error instanceof Error ? error.message : String(error)}); event skipped`);
    return undefined;
  }
}

function compareBounds(order: VersionScheme, a: Bound, b: Bound): number {
  if (a === b) return 0;
  if (a === lowest || b === highest) return -1;
  if (a === highest || b === lowest) return 1;
  return order.compare(a.parsed, b.parsed);
}

/**
 * The `fixed` versions of an entry's SEMVER and ECOSYSTEM ranges, in the entry's order,
 * without duplicates. (GIT `fixed` events are commits, not versions.)
 */
export function fixedVersions(affected: OsvAffected): string[] {
  const fixed: string[] = [];
  for (const range of affected.ranges ?? []) {
    if (range.type === 'GIT') continue;
    for (const event of range.events) {
      if ('fixed' in event && !fixed.includes(event.fixed)) fixed.push(event.fixed);
    }
  }
  return fixed;
}

/** Whether an entry can match a version at all: it lists versions or has a SEMVER or ECOSYSTEM range. */
export function hasVersionData(affected: OsvAffected): boolean {
  return (affected.versions?.length ?? 0) > 0 || (affected.ranges ?? []).some((range) => range.type !== 'GIT');
}
