/** The result of comparing two versions: a before b, equal in the ordering, a after b. */
export type Ordering = -1 | 0 | 1;

/** Turns any signed number into an {@link Ordering}. */
export function toOrdering(n: number): Ordering {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
