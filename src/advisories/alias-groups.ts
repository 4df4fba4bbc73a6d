import type { OsvRecord } from '../model/index.js';

/**
 * Splits records into alias groups: two records are in one group when one names the other (or a
 * shared id) in `aliases`, directly or through a chain. One group is one finding, however many
 * databases describe it (GHSA, PYSEC, CVE, ...).
 */
export function groupByAliases(records: readonly OsvRecord[]): OsvRecord[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps later look-ups short.
    let node = id;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  for (const record of records) {
    union(record.id, record.id);
    for (const alias of record.aliases ?? []) union(record.id, alias);
  }
  const groups = new Map<string, OsvRecord[]>();
  for (const record of records) {
    const root = find(record.id);
    const group = groups.get(root) ?? [];
    group.push(record);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** Id prefixes in the order a finding's `id` is chosen (docs/commands/scan.md). */
const preference = ['MAL-', 'GHSA-'];

/**
 * The id a finding shows: a malicious-package id first, then a GitHub advisory, then any other
 * database's own id (PYSEC, RUSTSEC, GO, ...), CVE last; alphabetical within each rank, so the
 * choice is stable.
 */
export function preferredId(ids: readonly string[]): string {
  const rank = (id: string): number => {
    const index = preference.findIndex((prefix) => id.startsWith(prefix));
    if (index !== -1) return index;
    return id.startsWith('CVE-') ? preference.length + 1 : preference.length;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? '';
}

/** Every id of a group: the records' ids and all their aliases, without repeats, sorted. */
export function groupIds(group: readonly OsvRecord[]): string[] {
  return [...new Set(group.flatMap((record) => [record.id, ...(record.aliases ?? [])]))].sort();
}
