/**
 * Maven versions, ordered like maven-artifact's `ComparableVersion` 3.8.6, the release the OSV
 * corpus was generated with, including its fixes MNG-5568, MNG-6572 and MNG-6964
 * (`org/apache/maven/artifact/versioning/ComparableVersion.java`; the "Version Order
 * Specification" of the Maven POM reference).
 *
 * Parsing (`parseVersion`): the lower-cased string is cut at `.` and `-` and at every switch
 * between digits and non-digits. A run of digits is a number, anything else a string item
 * (a qualifier). A `-`, and a switch between digits and letters, opens a nested list, so
 * `1-alpha-1` is `[1, [alpha, [1]]]`. An empty part is `0`. Qualifiers `a`, `b`, `m` directly
 * followed by a digit mean `alpha`, `beta`, `milestone`; `cr` means `rc`; `ga`, `final` and
 * `release` mean the empty qualifier. Then every list drops its trailing "null" items (`0`, the
 * empty qualifier, an empty list) — the trailing-zero trimming that makes `1 = 1.0 = 1-0`.
 *
 * Ordering (`Item.compareTo`): numbers compare numerically with no size limit (MNG-6572: ints,
 * longs and big integers compare with each other by value); known qualifiers order
 * `alpha < beta < milestone < rc < snapshot < "" < sp`, unknown ones after them alphabetically;
 * a number beats a list, which beats a qualifier (`1.1 > 1-1 > 1-sp`); a missing item is
 * compared as "null" (`0` for numbers, the empty qualifier, an empty list), so `1-rc < 1 < 1-sp`.
 *
 * Later Maven releases read `1.0.0.X` like `1.0.0-X` (MNG-7644, Maven 3.9); 3.8.6 and the corpus
 * do not, and neither does this module.
 *
 * Every string parses, as in Maven. The empty string sorts below everything (Maven would make
 * it equal to `0`). Digits are ASCII digits (Java's `Character.isDigit` also takes other Unicode
 * digits). One rule follows the POM reference rather than the code; see `parseMaven`.
 */
import type { Ordering } from '../../model/index.js';
import type { VersionScheme } from '../ecosystem.js';

export type MavenItem =
  | { readonly type: 'number'; readonly value: bigint }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'list'; readonly items: MavenItem[] };

export interface MavenVersion {
  readonly original: string;
  readonly empty: boolean;
  readonly items: Extract<MavenItem, { type: 'list' }>;
}

/** `StringItem.QUALIFIERS`: the known qualifiers in their order. */
const qualifiers = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'] as const;
const releaseIndex = String(qualifiers.indexOf(''));
const aliases: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const shortQualifiers: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function stringItem(text: string, followedByDigit: boolean): MavenItem {
  const expanded = followedByDigit ? (shortQualifiers[text] ?? text) : text;
  return { type: 'string', value: aliases[expanded] ?? expanded };
}

function parseItem(digits: boolean, text: string): MavenItem {
  return digits ? { type: 'number', value: BigInt(text) } : stringItem(text, false);
}

/** `StringItem.comparableQualifier`: a string whose lexical order is the qualifier order. */
function comparableQualifier(qualifier: string): string {
  const index = (qualifiers as readonly string[]).indexOf(qualifier);
  return index === -1 ? `${qualifiers.length}-${qualifier}` : String(index);
}

function isNull(item: MavenItem): boolean {
  switch (item.type) {
    case 'number':
      return item.value === 0n;
    case 'string':
      return comparableQualifier(item.value) === releaseIndex;
    case 'list':
      return item.items.length === 0;
  }
}

/** `ListItem.normalize`: drop trailing null items, looking through trailing sub-lists. */
function normalize(list: MavenItem[]): void {
  for (let index = list.length - 1; index >= 0; index--) {
    const item = list[index] as MavenItem;
    if (isNull(item)) list.splice(index, 1);
    else if (item.type !== 'list') break;
  }
}

export function parseMaven(text: string): MavenVersion {
  const root: MavenItem[] = [];
  const version: MavenVersion = { original: text, empty: text === '', items: { type: 'list', items: root } };
  if (text === '') return version;
  // Java's toLowerCase(Locale.ENGLISH).
  const lower = text.toLowerCase();
  let list = root;
  const stack: MavenItem[][] = [root];
  const openList = (): void => {
    const next: MavenItem[] = [];
    list.push({ type: 'list', items: next });
    list = next;
    stack.push(next);
  };
  let digits = false;
  let start = 0;
  for (let index = 0; index < lower.length; index++) {
    const char = lower.charAt(index);
    if (char === '.' || char === '-') {
      list.push(index === start ? { type: 'number', value: 0n } : parseItem(digits, lower.slice(start, index)));
      start = index + 1;
      if (char === '-') openList();
    } else if (isDigit(char)) {
      if (!digits && index > start) {
        list.push(stringItem(lower.slice(start, index), true));
        start = index;
        openList();
      }
      digits = true;
    } else {
      if (digits && index > start) {
        list.push(parseItem(true, lower.slice(start, index)));
        start = index;
        openList();
      }
      digits = false;
    }
  }
  if (lower.length > start) list.push(parseItem(digits, lower.slice(start)));
  for (let index = stack.length - 1; index >= 0; index--) {
    const items = stack[index] as MavenItem[];
    normalize(items);
    // The one deliberate departure from ComparableVersion: a nested list left holding only a list
    // that starts with a number (`1-ga-1` → [1, [[1]]]) takes that list's items, so
    // `1-ga-1 = 1-0-1 = 1-1`. This follows the POM reference ("trailing null values are trimmed
    // ... repeated at each remaining hyphen"), OSV-SCALIBR and the corpus (maven-versions.txt);
    // Maven 3.8 and 3.9 order `1-ga-1 < 1-1`. Lists starting with a qualifier are left as Maven
    // leaves them (`2-final-snapshot > 2-finalfinal`).
    const only = items[0];
    if (index > 0 && items.length === 1 && only?.type === 'list' && only.items[0]?.type === 'number') {
      items.splice(0, 1, ...only.items);
    }
  }
  return version;
}

function compareStrings(a: string, b: string): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Item.compareTo(null)`: how an item compares with a missing one. */
function compareWithNull(item: MavenItem): Ordering {
  switch (item.type) {
    case 'number':
      return item.value === 0n ? 0 : 1;
    case 'string':
      return compareStrings(comparableQualifier(item.value), releaseIndex);
    case 'list':
      // MNG-6964: every item counts, not only the first.
      for (const child of item.items) {
        const order = compareWithNull(child);
        if (order !== 0) return order;
      }
      return 0;
  }
}

/** `Item.compareTo`: number > list > string between kinds. */
function compareItems(a: MavenItem, b: MavenItem): Ordering {
  if (a.type === 'number') {
    if (b.type !== 'number') return 1;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a.type === 'string') {
    if (b.type !== 'string') return -1;
    return compareStrings(comparableQualifier(a.value), comparableQualifier(b.value));
  }
  if (b.type === 'number') return -1;
  if (b.type === 'string') return 1;
  return compareLists(a.items, b.items);
}

function compareLists(a: readonly MavenItem[], b: readonly MavenItem[]): Ordering {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a[index];
    const right = b[index];
    const order =
      left === undefined
        ? right === undefined
          ? 0
          : ((-compareWithNull(right) || 0) as Ordering)
        : right === undefined
          ? compareWithNull(left)
          : compareItems(left, right);
    if (order !== 0) return order;
  }
  return 0;
}

export function compareMaven(a: MavenVersion, b: MavenVersion): Ordering {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? -1 : 1;
  return compareLists(a.items.items, b.items.items);
}

export const mavenScheme: VersionScheme<MavenVersion> = {
  id: 'maven',
  parse: parseMaven,
  compare: compareMaven,
};
