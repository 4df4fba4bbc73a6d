/**
 * The entries of a yarn.lock, each with the descriptors (`name@range`) it resolves and the line
 * of its header, in either flavour:
 * - v1 (yarn classic), written by yarn 1's own serializer: a header `a@^1, "b@npm:c@^2":` at
 *   column 0, fields indented by two spaces (`version "1.0.0"`, `integrity sha512-...`), and
 *   `dependencies:` / `optionalDependencies:` blocks indented by four. Quoted values are JSON
 *   strings. It is read line by line here: `@yarnpkg/lockfile` loops forever on a file whose last
 *   line is a comment without a newline, and builds an unbounded string for an unclosed quote.
 * - berry (yarn 2 and later): YAML with a `__metadata` entry, headers `"a@npm:^1, a@npm:^1.2"`.
 */
import type { InventoryProblem } from '../../model/index.js';
import { readYamlLockfile } from '../yaml-lockfile.js';

export interface YarnEntry {
  readonly descriptors: readonly string[];
  readonly line: number;
  /** Field values: strings, or mappings of strings (`dependencies`). */
  readonly fields: ReadonlyMap<string, unknown>;
}

export interface YarnReading {
  readonly flavour: 'v1' | 'berry';
  readonly entries: readonly YarnEntry[];
  readonly problems: readonly Omit<InventoryProblem, 'file'>[];
}

/** Past this many bad lines the file is not a yarn.lock with a few damaged entries; the rest are not listed. */
const maxProblems = 20;

/** yarn berry writes `__metadata` first; yarn 1 never writes it. */
export function readYarnEntries(text: string): YarnReading {
  return /^"?__metadata"?:/m.test(text) ? readBerry(text) : readV1(text);
}

function readBerry(text: string): YarnReading {
  const reading = readYamlLockfile(text, 'yarn.lock');
  if (!reading.ok) return { flavour: 'berry', entries: [], problems: [{ ...(reading.line === undefined ? {} : { line: reading.line }), message: reading.message }] };
  const lines = reading.keyLines([]);
  const entries: YarnEntry[] = [];
  const problems: Omit<InventoryProblem, 'file'>[] = [];
  for (const [key, value] of reading.root ?? []) {
    if (key === '__metadata') continue;
    const line = lines.get(key) ?? 1;
    if (!(value instanceof Map)) {
      problems.push({ line, message: `${key}: the entry is not a mapping` });
      continue;
    }
    // yarn berry splits a header the same way (MULTIPLE_KEYS_REGEXP in its Project).
    entries.push({ descriptors: key.split(',').map((descriptor) => descriptor.trim()), line, fields: value as ReadonlyMap<string, unknown> });
  }
  return { flavour: 'berry', entries, problems };
}

interface OpenEntry {
  readonly descriptors: readonly string[];
  readonly line: number;
  readonly fields: Map<string, unknown>;
  block?: Map<string, string>;
}

function readV1(text: string): YarnReading {
  const entries: OpenEntry[] = [];
  const problems: Omit<InventoryProblem, 'file'>[] = [];
  let skipped = 0;
  const report = (line: number, message: string): void => {
    if (problems.length < maxProblems) problems.push({ line, message });
    else skipped += 1;
  };
  let current: OpenEntry | undefined;
  let inBadEntry = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    if (indent === 0) {
      const descriptors = content.endsWith(':') ? readHeader(content.slice(0, -1)) : undefined;
      current = descriptors === undefined ? undefined : { descriptors, line, fields: new Map() };
      inBadEntry = current === undefined;
      if (current === undefined) report(line, `not an entry header: ${preview(content)}`);
      else entries.push(current);
      continue;
    }
    // The fields of a header that could not be read are not reported again.
    if (current === undefined) {
      if (!inBadEntry) report(line, 'a field outside any entry');
      continue;
    }
    const field = /^ +$/.test(raw.slice(0, indent)) ? readField(content) : undefined;
    if (field === undefined) {
      report(line, `not a "key value" field: ${preview(content)}`);
    } else if (indent === 2) {
      current.block = field.value === undefined ? new Map<string, string>() : undefined;
      current.fields.set(field.key, field.value ?? current.block);
    } else if (indent === 4 && current.block !== undefined && field.value !== undefined) {
      current.block.set(field.key, field.value);
    } else {
      report(line, `unexpected indentation: ${preview(content)}`);
    }
  }
  if (skipped > 0) problems.push({ message: `${skipped} more lines could not be read` });
  return { flavour: 'v1', entries, problems };
}

/** `a@^1, "b@npm:c@^2"`: comma-separated descriptors, each bare or a JSON string. */
function readHeader(text: string): string[] | undefined {
  const descriptors: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const token = readToken(rest, /,/);
    const value = token?.value.trim();
    if (token === undefined || value === undefined || value === '') return undefined;
    descriptors.push(value);
    rest = token.rest.trimStart();
    if (rest === '') break;
    if (!rest.startsWith(',')) return undefined;
    rest = rest.slice(1).trimStart();
    if (rest === '') return undefined;
  }
  return descriptors.length === 0 ? undefined : descriptors;
}

/** `key value`, `"key" "value"` or `key:` (a block follows: no value). */
function readField(text: string): { key: string; value?: string } | undefined {
  const key = readToken(text, /[\s:]/);
  if (key === undefined || key.value === '') return undefined;
  const rest = key.rest.trim();
  if (rest === ':') return { key: key.value };
  if (rest === '' || !/^\s/.test(key.rest)) return undefined;
  // yarn writes a bare value (`integrity sha512-...`, `true`) as one word.
  if (!rest.startsWith('"')) return /\s/.test(rest) ? undefined : { key: key.value, value: rest };
  const value = readToken(rest, /\s/);
  return value === undefined || value.rest.trim() !== '' ? undefined : { key: key.value, value: value.value };
}

/** A JSON string, or a bare word up to `end`. */
function readToken(text: string, end: RegExp): { value: string; rest: string } | undefined {
  if (!text.startsWith('"')) {
    const stop = text.search(end);
    return stop === -1 ? { value: text, rest: '' } : { value: text.slice(0, stop), rest: text.slice(stop) };
  }
  for (let index = 1; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\') index += 1;
    else if (char === '"') {
      try {
        const value: unknown = JSON.parse(text.slice(0, index + 1));
        return typeof value === 'string' ? { value, rest: text.slice(index + 1) } : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}
