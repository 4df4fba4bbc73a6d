/**
 * Reading JSON and JSONC documents as position-carrying trees (jsonc-parser), shared by every
 * JSON lockfile extractor and the JSON SBOM readers: each needs the line of each key and a bound
 * on hostile nesting.
 */
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';

/** A parsed document, or why it could not be read (with the line of the parse error when known). */
export type JsonDocument = { readonly root: Node; readonly line: (offset: number) => number } | { readonly problem: { readonly line?: number; readonly message: string } };

export interface JsonReadOptions {
  /** The file kind named in messages (`package-lock.json`). */
  readonly label: string;
  /** JSONC: comments and trailing commas allowed (bun.lock). */
  readonly jsonc: boolean;
  /** The deepest nesting accepted; jsonc-parser recurses once per level, so hostile depth is refused first. */
  readonly maxDepth: number;
}

/** Parses a whole document whose top level must be an object; any syntax error fails the file. */
export function readJsonObject(rawText: string, options: JsonReadOptions): JsonDocument {
  // npm and Node strip a byte order mark before parsing; editors on Windows write one.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const line = lineLocator(text);
  if (jsonDepth(text) > options.maxDepth) return { problem: { message: `${options.label} nests deeper than ${options.maxDepth} levels` } };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !options.jsonc, allowTrailingComma: options.jsonc });
  const [error] = errors;
  if (error !== undefined) {
    return { problem: { line: line(error.offset), message: `could not extract: ${options.label} is not valid ${options.jsonc ? 'JSONC' : 'JSON'} (${printParseErrorCode(error.error)})` } };
  }
  if (root?.type !== 'object') return { problem: { message: `could not extract: ${options.label} is not a JSON object (decoded ${root?.type ?? 'nothing'})` } };
  return { root, line };
}

/** One `"key": value` of an object, with the offset of the key (its line is the entry's line). */
export interface JsonEntry {
  readonly key: string;
  readonly value: Node | undefined;
  readonly offset: number;
}

/** The entries of an object node in file order; nothing for any other node. */
export function objectEntries(node: Node | undefined): JsonEntry[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((pair) => {
    const [keyNode, value] = pair.children ?? [];
    return typeof keyNode?.value === 'string' ? [{ key: keyNode.value, value, offset: pair.offset }] : [];
  });
}

/** The value of `key` in an object node (the first, when a key repeats). */
export function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  // A loop, not objectEntries(): lookups run once per key of every package entry, and building
  // the entry list each time dominated the time of reading a large lockfile.
  for (const pair of node.children ?? []) {
    const keyNode = pair.children?.[0];
    if (keyNode?.value === key) return pair.children?.[1];
  }
  return undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The string at `key` of an object node, when it is one. */
export function stringProperty(node: Node | undefined, key: string): string | undefined {
  return stringValue(property(node, key));
}

/** The items of an array node, whatever their type; nothing for any other node. */
export function arrayItems(node: Node | undefined): readonly Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function isTrue(node: Node | undefined): boolean {
  return node?.type === 'boolean' && node.value === true;
}

/** The strings of an array node (other items skipped); nothing for any other node. */
export function stringArray(node: Node | undefined): string[] {
  if (node?.type !== 'array') return [];
  const value: unknown = getNodeValue(node);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The keys of an object node whose values are strings: the names of a dependency map. */
export function stringMap(node: Node | undefined): { readonly name: string; readonly spec: string; readonly offset: number }[] {
  return objectEntries(node).flatMap((entry) => {
    const spec = stringValue(entry.value);
    return spec === undefined ? [] : [{ name: entry.key, spec, offset: entry.offset }];
  });
}

/**
 * The deepest nesting of arrays and objects, counted outside strings and comments, so the
 * recursive parser is never handed a hostile depth.
 */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      for (index += 1; index < text.length && text[index] !== '"'; index += 1) if (text[index] === '\\') index += 1;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth -= 1;
  }
  return deepest;
}

/** Offset → 1-based line, by binary search over the line starts. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
