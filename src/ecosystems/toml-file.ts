/**
 * Reading TOML lockfiles and manifests (Cargo.lock, Cargo.toml, poetry.lock, pdm.lock, uv.lock,
 * pylock.toml, pyproject.toml) with smol-toml: parsing with a bounded depth into one problem on
 * failure, and the lines of entries, keys and values, which smol-toml does not report.
 */
import { parse } from 'smol-toml';
import { firstLine } from './error-message.js';

export type TomlTable = Readonly<Record<string, unknown>>;

/** A parsed document, or why it could not be read (with the parser's line when it gives one). */
export type TomlDocument = { readonly table: TomlTable } | { readonly problem: { readonly line?: number; readonly message: string } };

export interface TomlReadOptions {
  /** The file kind named in messages (`Cargo.lock`). */
  readonly label: string;
  /** The deepest inline nesting accepted (smol-toml refuses deeper text instead of recursing into it). */
  readonly maxDepth: number;
}

export function readToml(text: string, options: TomlReadOptions): TomlDocument {
  try {
    return { table: parse(text, { maxDepth: options.maxDepth }) };
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'line' in error && typeof error.line === 'number' ? error.line : undefined;
    return { problem: { ...(line === undefined ? {} : { line }), message: `could not parse ${options.label} as TOML: ${firstLine(error)}` } };
  }
}

/** One `[[name]]` entry: its table (undefined when the entry is not a table) and its line when it can be placed. */
export interface TomlEntry {
  readonly table: TomlTable | undefined;
  readonly line: number | undefined;
}

/**
 * The entries of the array of tables `name` (`[[package]]`) in file order, each with its line
 * (see {@link arrayTableLines}); none when the document has no such key, and the problem when
 * the key holds something other than an array.
 */
export function arrayTableEntries(document: TomlTable, text: string, name: string): { readonly entries: readonly TomlEntry[] } | { readonly problem: string } {
  const tables = document[name];
  if (tables === undefined) return { entries: [] };
  if (!Array.isArray(tables)) return { problem: `"${name}" is not an array of tables` };
  const lines = arrayTableLines(text, name, tables.length);
  return { entries: (tables as unknown[]).map((value, index) => ({ table: tableOf(value), line: lines[index] })) };
}

/** A table value, else undefined (arrays, dates and scalars are not tables). */
export function tableOf(value: unknown): TomlTable | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The strings of an array (other items skipped); nothing for any other value. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The 1-based line of each `[[name]]` entry, in file order: the line of its `name` key, else of
 * its header. TOML keeps array-of-tables entries in file order, so the n-th header is the n-th
 * entry; a `name` line inside a sub-table (`[package.tool]`) or a comment does not count. When the
 * count disagrees (a header inside a multi-line string, or entries written as an inline array),
 * no lines are given rather than wrong ones.
 */
export function arrayTableLines(text: string, tableName: string, count: number): readonly (number | undefined)[] {
  const header = new RegExp(`^\\s*\\[\\[\\s*${escapeRegExp(tableName)}\\s*\\]\\]\\s*(#.*)?$`);
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
  const escaped = escapeRegExp(key);
  return `(?:${escaped}|"${escaped}"|'${escaped}')`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
