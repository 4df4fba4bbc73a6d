/**
 * Reads a YAML lockfile (pnpm-lock.yaml, yarn berry's yarn.lock) without trusting it. The failsafe
 * schema keeps every scalar as the string it was written as (`1.10` stays `1.10`, as yarn's own
 * FAILSAFE reading does); mappings become `Map`s, so no key can reach an object prototype; the
 * nesting depth and repeated keys are checked before anything recurses over the tree; aliases are
 * limited; pretty error messages are off, because building one for a long hostile line exhausts
 * memory in `yaml` 2.
 */
import { isCollection, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { firstLine } from './error-message.js';

/** Lockfiles nest five or six levels; anything much deeper is hostile. */
const maxDepth = 32;
/** Lockfiles use no aliases; a few are tolerated, an expansion attack is not. */
const maxAliasCount = 100;

export type YamlMapping = ReadonlyMap<string, unknown>;

export type YamlReading =
  | {
      readonly ok: true;
      /** The top-level mapping; undefined for an empty document. */
      readonly root: YamlMapping | undefined;
      /** The 1-based line of each key of the mapping at `path` (`[]` for the top level). */
      keyLines(path: readonly string[]): ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly message: string; readonly line?: number };

export function readYamlLockfile(text: string, fileName: string): YamlReading {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { ok: false, message: `could not parse ${fileName} as YAML: ${firstLine(error)}` };
  }
  const [error] = document.errors;
  if (error !== undefined) {
    return { ok: false, message: `could not parse ${fileName} as YAML: ${firstLine(error)}`, line: lineCounter.linePos(error.pos[0]).line };
  }
  const problem = treeProblem(document.contents);
  if (problem !== undefined) {
    return { ok: false, message: `${fileName} ${problem.message}`, ...(problem.offset === undefined ? {} : { line: lineCounter.linePos(problem.offset).line }) };
  }
  let value: unknown;
  try {
    value = document.toJS({ mapAsMap: true, maxAliasCount });
  } catch (error) {
    return { ok: false, message: `could not read ${fileName}: ${firstLine(error)}` };
  }
  if (value === null || value === undefined) return { ok: true, root: undefined, keyLines: () => new Map() };
  const root = asMapping(value);
  if (root === undefined) return { ok: false, message: `${fileName} is not a YAML mapping` };
  return { ok: true, root, keyLines: (path) => keyLines(document, lineCounter, path) };
}

/** A mapping with its string keys only (the failsafe schema makes every scalar key a string). */
export function asMapping(value: unknown): YamlMapping | undefined {
  if (!(value instanceof Map)) return undefined;
  const entries = [...(value as Map<unknown, unknown>).entries()].filter((entry): entry is [string, unknown] => typeof entry[0] === 'string');
  return new Map(entries);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function keyLines(document: Document.Parsed, lineCounter: LineCounter, path: readonly string[]): ReadonlyMap<string, number> {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  const lines = new Map<string, number>();
  if (!isCollection(node)) return lines;
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key) || item.key.range === undefined || item.key.range === null) continue;
    const key = String(item.key.value);
    if (!lines.has(key)) lines.set(key, lineCounter.linePos(item.key.range[0]).line);
  }
  return lines;
}

/**
 * Refuses a tree nested deeper than `maxDepth` or a mapping with a repeated key, walking with an
 * explicit stack so that a deep document cannot overflow the call stack here. `yaml`'s own
 * `uniqueKeys` check compares every pair of keys: 14 s for a 20 000-package lockfile.
 */
function treeProblem(root: unknown): { readonly message: string; readonly offset?: number } | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return { message: `nests deeper than ${maxDepth} levels`, ...(node.range ? { offset: node.range[0] } : {}) };
    const keys = new Set<unknown>();
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push([item, depth + 1]);
        continue;
      }
      if (isScalar(item.key)) {
        if (keys.has(item.key.value)) return { message: `repeats the key "${String(item.key.value)}"`, ...(item.key.range ? { offset: item.key.range[0] } : {}) };
        keys.add(item.key.value);
      }
      stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}
