/**
 * What the TOML files of Python tools (poetry.lock, pdm.lock, uv.lock, pylock.toml,
 * pyproject.toml) share: parsing with a bounded depth into one problem on failure, and the lines
 * of entries, keys and values, which smol-toml does not report.
 */
import { parse } from 'smol-toml';
import type { Extraction } from '../../model/index.js';
import type { SourceFile } from '../extractor.js';

/** These files nest inline values a few levels (`wheels = [{ hashes = { sha256 = ... } }]`); far deeper is hostile. */
const maxDepth = 16;

export type TomlTable = Readonly<Record<string, unknown>>;

/** The document, or the failed extraction: one problem, at the parser's line when it gives one. */
export function parseToml(file: SourceFile, label: string): { readonly table: TomlTable } | { readonly failure: Extraction } {
  try {
    return { table: parse(file.text, { maxDepth }) };
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'line' in error && typeof error.line === 'number' ? error.line : undefined;
    const message = `could not parse ${label} as TOML: ${firstLine(error)}`;
    return { failure: { components: [], edges: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message }] } };
  }
}

/** A table value, else undefined (arrays and scalars are not tables). */
export function tableOf(value: unknown): TomlTable | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The 1-based line of each `[[name]]` entry, in file order: the line of its `name` key, else of
 * its header. TOML keeps array-of-tables entries in file order, so the n-th header is the n-th
 * entry; a `name` line inside a sub-table (`[package.tool]`) or a comment does not count. When the
 * count disagrees (a header inside a multi-line string, or entries written as an inline array),
 * no lines are given rather than wrong ones.
 *
 * src/ecosystems/crates-io/cargo-lock.ts has the same logic for `[[package]]`.
 */
export function arrayTableLines(text: string, tableName: string, count: number): readonly (number | undefined)[] {
  const header = new RegExp(`^\\s*\\[\\[\\s*${tableName}\\s*\\]\\]\\s*(#.*)?$`);
  const found: { header: number; name?: number }[] = [];
  let current: { header: number; name?: number } | undefined;
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (header.test(lineText)) {
      current = { header: index + 1 };
      found.push(current);
    } else if (/^\s*\[/.test(lineText)) {
      current = undefined;
    } else if (current !== undefined && current.name === undefined && /^\s*name\s*=/.test(lineText)) {
      current.name = index + 1;
    }
  });
  return found.length === count ? found.map((entry) => entry.name ?? entry.header) : [];
}

/**
 * The 1-based line of a key in a table written with a `[header]` (`[tool.poetry.dependencies]`,
 * `[project]`), or of a string value under that key (`dependencies = ["a>=1", "b"]` across
 * lines; the key's line when the value is written with escapes). Undefined when the table has
 * no header of its own (an inline or dotted table), rather than a guess.
 */
export function tomlLineLocator(text: string): (table: readonly string[], key: string, value?: string) => number | undefined {
  const lines = text.split(/\r?\n/);
  const isHeader = (line: string): boolean => /^\s*\[/.test(line);
  return (table, key, value) => {
    const header = new RegExp(`^\\s*\\[\\s*${table.map(keyPattern).join('\\s*\\.\\s*')}\\s*\\]\\s*(#.*)?$`);
    const start = lines.findIndex((line) => header.test(line));
    if (start === -1) return undefined;
    const keyLine = new RegExp(`^\\s*${keyPattern(key)}\\s*=`);
    let index = start + 1;
    while (index < lines.length && !isHeader(lines[index] ?? '') && !keyLine.test(lines[index] ?? '')) index += 1;
    if (index >= lines.length || isHeader(lines[index] ?? '')) return undefined;
    if (value === undefined) return index + 1;
    const quoted = [`"${value}"`, `'${value}'`];
    for (let line = index; line < lines.length && (line === index || !isHeader(lines[line] ?? '')); line += 1) {
      if (quoted.some((candidate) => (lines[line] ?? '').includes(candidate))) return line + 1;
    }
    // The value is written with escapes: it is still under this key.
    return index + 1;
  };
}

/** A bare or quoted TOML key. */
function keyPattern(key: string): string {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `(?:${escaped}|"${escaped}"|'${escaped}')`;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
