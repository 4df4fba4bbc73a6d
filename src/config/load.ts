import { readFileSync, statSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { configSchema } from './schema.js';
import type { TrustlineConfig } from './schema.js';

/** Error codes raised while reading configuration. */
export type ConfigErrorCode = 'config-invalid' | 'config-unreadable';

/** A config file is small; anything larger is not one we wrote. */
const maxConfigBytes = 1024 * 1024;

export interface LoadedConfig {
  /** The file the settings came from. */
  readonly file: string;
  readonly config: TrustlineConfig;
}

/**
 * Reads and validates a `trustline.yaml`. Every problem becomes one {@link InputError} naming the
 * file, the line and the key, e.g. `trustline.yaml:4: offline: expected boolean, received string`.
 */
export function loadConfig(file: string): LoadedConfig {
  const text = readConfigText(file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new InputError('config-invalid' satisfies ConfigErrorCode, `invalid YAML: ${firstLine(syntaxError.message)}`, { file, line });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // yaml refuses alias expansion past the limit (a "billion laughs" document).
    throw new InputError('config-invalid' satisfies ConfigErrorCode, `invalid YAML: ${firstLine((error as Error).message)}`, { file, cause: error });
  }
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue !== undefined) throw issueError(file, document, lineCounter, issue);
  }
  return { file, config: result.data ?? {} };
}

function readConfigText(file: string): string {
  try {
    if (statSync(file).size > maxConfigBytes) {
      throw new InputError('config-invalid' satisfies ConfigErrorCode, `larger than ${maxConfigBytes} bytes`, { file });
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError('config-unreadable' satisfies ConfigErrorCode, `cannot read the config file: ${reason}`, { file, cause: error });
  }
}

/** Turns a schema issue into an error located at the YAML node it concerns. */
function issueError(file: string, document: Document, lineCounter: LineCounter, issue: z.core.$ZodIssue): InputError {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  let node = nodeAt(document, path);
  let key = path.join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0] ?? '';
    node = keyNodeAt(document, path, unknown) ?? node;
    key = [...path, unknown].join('.');
    message = 'unknown key';
  }
  const line = node?.range === undefined || node.range === null ? undefined : lineCounter.linePos(node.range[0]).line;
  return new InputError('config-invalid' satisfies ConfigErrorCode, `${key === '' ? '(top level)' : key}: ${message}`, {
    file,
    ...(line === undefined ? {} : { line }),
  });
}

/** The deepest node that exists along `path` (the parent when a key is missing). */
function nodeAt(document: Document, path: readonly (string | number)[]): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    if (node !== undefined && node !== null && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return undefined;
}

/** The key node of `key` in the mapping at `path`, to point at an unknown key itself. */
function keyNodeAt(document: Document, path: readonly (string | number)[], key: string): Node | undefined {
  const map = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.key;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
