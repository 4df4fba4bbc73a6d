/**
 * Reading a large JSON document with the engine's own parser (JSON.parse), for the readers that
 * need only the line of each key of one top-level object (the `packages` map of package-lock.json).
 * A position-carrying tree (json-tree.ts) of a lockfile of a few thousand packages costs tens of
 * milliseconds of allocation and garbage collection; JSON.parse and one scan of the text cost a
 * few. The result must read exactly as the tree would, so anything the two could read differently
 * gives `undefined` and the caller reads the tree instead: a syntax error (the tree locates it),
 * a repeated key (the tree keeps every member, JSON.parse only the last), an integer-like key
 * (JSON.parse puts those first, the tree keeps the file's order), or nesting beyond the bound.
 */

/** One key of the chosen object, in file order, with the 1-based line where it starts. */
export interface JsonMember {
  readonly key: string;
  readonly line: number;
}

/** The value of the chosen top-level object and its keys with their lines. */
export interface JsonValueDocument {
  readonly section: Readonly<Record<string, unknown>>;
  readonly members: readonly JsonMember[];
}

export interface JsonValueOptions {
  /** The top-level key whose object's members are located (`packages`). */
  readonly section: string;
  /** The deepest nesting accepted, as json-tree.ts counts it. */
  readonly maxDepth: number;
}

/**
 * The document when it is a JSON object whose `section` is an object and that reads the same as
 * its json-tree.ts tree; `undefined` otherwise (see the file comment).
 */
export function readJsonSection(rawText: string, options: JsonValueOptions): JsonValueDocument | undefined {
  // npm and Node strip a byte order mark before parsing, as readJsonObject does.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(root)) return undefined;
  const section = root[options.section];
  if (!isJsonObject(section)) return undefined;
  const scan = scanKeys(text, options.section);
  if (scan === undefined || scan.deepest > options.maxDepth || scan.keys !== memberCount(root)) return undefined;
  return { section, members: scan.members };
}

/** A JSON object (not an array, not null), as JSON.parse returns it. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface KeyScan {
  /** The deepest nesting of arrays and objects. */
  readonly deepest: number;
  /** How many keys the text writes, repeated ones included. */
  readonly keys: number;
  readonly members: JsonMember[];
}

const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;
const newline = 0x0a;
const space = 0x20;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/**
 * One pass over text that JSON.parse accepted (so every string is closed and a `:` outside strings
 * always follows a key): the nesting depth, the number of keys, and the keys of the top-level
 * object `section` with their lines. String contents are skipped with indexOf, which is where most
 * of a lockfile's bytes are. Undefined when a key is integer-like (see the file comment).
 */
function scanKeys(text: string, section: string): KeyScan | undefined {
  const members: JsonMember[] = [];
  let depth = 0;
  let deepest = 0;
  let keys = 0;
  let line = 1;
  let inSection = false;
  // The last string seen (a `:` makes it a key) and the last key of the root object.
  let stringStart = 0;
  let stringEnd = 0;
  let stringLine = 0;
  let topKey = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    // Whitespace first: after string contents, it is most of what the loop sees (indentation).
    if (char <= space) {
      if (char === newline) line += 1;
    } else if (char === quote) {
      let end = text.indexOf('"', index + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return undefined;
      stringStart = index;
      stringEnd = end;
      stringLine = line;
      index = end;
    } else if (char === colon) {
      keys += 1;
      const first = text.charCodeAt(stringStart + 1);
      // Only a key starting with a digit or an escape can be integer-like; decoding the others is not needed.
      const key = (first >= 0x30 && first <= 0x39) || first === backslash || depth === 1 || (depth === 2 && inSection) ? keyText(text, stringStart, stringEnd) : '';
      if (key !== '' && isArrayIndex(key)) return undefined;
      if (depth === 1) topKey = key;
      else if (depth === 2 && inSection) members.push({ key, line: stringLine });
    } else if (char === openBrace || char === openBracket) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (depth === 2) inSection = char === openBrace && topKey === section;
    } else if (char === closeBrace || char === closeBracket) {
      depth -= 1;
    }
  }
  return { deepest, keys, members };
}

/** Whether the quote at `index` is escaped: an odd run of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let before = index - 1;
  while (text.charCodeAt(before) === backslash) before -= 1;
  return (index - 1 - before) % 2 === 1;
}

/** The decoded text of the string token from `start` (its opening quote) to `end` (its closing quote). */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end + 1)) as string) : raw;
}

const arrayIndexDigits = /^(?:0|[1-9]\d{0,9})$/;

/** An array index (ECMA-262 §6.1.7): a property key that JavaScript objects list before all others. */
function isArrayIndex(key: string): boolean {
  return arrayIndexDigits.test(key) && Number(key) < 2 ** 32 - 1;
}

/** How many members the objects of a parsed value hold, all levels together. */
function memberCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) count += memberCount(item);
    return count;
  }
  // for...in rather than Object.keys: no array per object (measured twice as fast here). JSON.parse
  // gives plain objects, whose only enumerable properties are their own (and were Object.prototype
  // given enumerable ones, the counts would differ and the tree would be read: the safe side).
  for (const key in value) count += 1 + memberCount((value as Record<string, unknown>)[key]);
  return count;
}
