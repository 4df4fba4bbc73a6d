/**
 * The line of each dependency in a Cargo.toml. smol-toml gives no positions, so the text is read
 * line by line: a table header is parsed by smol-toml on its own (quoting and spacing then mean
 * what TOML says), and inside a dependency table the first key of a line names the dependency
 * (`serde = "1"`, `serde.workspace = true`); a `[dependencies.serde]` header names it too.
 * Lines inside multi-line strings or arrays can mislead this; such a dependency then simply has
 * no line.
 */
import { parse } from 'smol-toml';

export const dependencyTables = new Set(['dependencies', 'dev-dependencies', 'dev_dependencies', 'build-dependencies', 'build_dependencies']);

/** A key for one dependency of one table, the table given by its path (`["target", "cfg(unix)", "dependencies"]`). */
export function dependencyKey(tablePath: readonly string[], name: string): string {
  return JSON.stringify([...tablePath, name]);
}

export function dependencyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const record = (key: string, line: number): void => {
    if (!lines.has(key)) lines.set(key, line);
  };
  let table: string[] | undefined;
  for (const [index, lineText] of text.split(/\r?\n/).entries()) {
    const trimmed = lineText.trim();
    if (trimmed.startsWith('[')) {
      const path = headerPath(trimmed);
      table = undefined;
      if (path === undefined) continue;
      const last = path[path.length - 1] ?? '';
      const parent = path[path.length - 2] ?? '';
      if (dependencyTables.has(last)) table = path;
      else if (dependencyTables.has(parent)) record(dependencyKey(path.slice(0, -1), last), index + 1);
      continue;
    }
    if (table === undefined) continue;
    const name = firstKey(trimmed);
    if (name !== undefined) record(dependencyKey(table, name), index + 1);
  }
  return lines;
}

/** The path of a `[table]` header; undefined for arrays of tables and what does not parse. */
function headerPath(line: string): string[] | undefined {
  if (line.startsWith('[[')) return undefined;
  let node: unknown;
  try {
    node = parse(line, { maxDepth: 16 });
  } catch {
    return undefined;
  }
  const path: string[] = [];
  while (typeof node === 'object' && node !== null) {
    const keys = Object.keys(node);
    const [key] = keys;
    if (keys.length !== 1 || key === undefined) break;
    path.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return path.length > 0 ? path : undefined;
}

/** The first key of a `key = value` or `key.sub = value` line, unquoted. */
function firstKey(line: string): string | undefined {
  const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]/.exec(line);
  const key = match?.[1];
  if (key === undefined) return undefined;
  if (key.startsWith("'")) return key.slice(1, -1);
  if (!key.startsWith('"')) return key;
  try {
    const parsed: unknown = JSON.parse(key);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
