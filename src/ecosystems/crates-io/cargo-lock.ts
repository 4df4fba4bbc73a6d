/**
 * Cargo.lock (https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html): every
 * `[[package]]` is a component, local path crates (no `source`) included, and each `dependencies`
 * entry (`name`, `name version` or `name version (source)`) is an edge.
 */
import { parse } from 'smol-toml';
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';

const ecosystem = 'crates.io';
/** Cargo writes no inline nesting deeper than an array of strings; anything deeper is hostile. */
const maxDepth = 16;

interface LockedPackage {
  readonly component: Component;
  readonly dependencies: readonly string[];
}

export const cargoLockExtractor: Extractor = {
  format: 'cargo-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'Cargo.lock',
  extract: extractCargoLock,
  definition: {
    short: 'Cargo.lock (versions 1 to 4): every locked crate, with the dependency graph',
    fileNames: ['Cargo.lock'],
  },
};

function extractCargoLock(file: SourceFile): Extraction {
  let document: Record<string, unknown>;
  try {
    document = parse(file.text, { maxDepth });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'line' in error && typeof error.line === 'number' ? error.line : undefined;
    return { components: [], edges: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message: `could not parse Cargo.lock as TOML: ${firstLine(error)}` }] };
  }
  const tables = document['package'];
  if (tables === undefined) return { components: [], edges: [], problems: [] };
  if (!Array.isArray(tables)) return { components: [], edges: [], problems: [{ file: file.path, message: '"package" is not an array of tables' }] };

  const lines = packageLines(file.text, tables.length);
  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  tables.forEach((table: unknown, index) => {
    const line = lines[index]?.name ?? lines[index]?.header;
    const report = (message: string): void => {
      problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message });
    };
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      report('a [[package]] entry is not a table');
      return;
    }
    const entry = table as Record<string, unknown>;
    const { name, version, source, checksum, dependencies } = entry;
    if (typeof name !== 'string' || name === '' || typeof version !== 'string') {
      report('a [[package]] entry has no name or version');
      return;
    }
    const component: Component = {
      name,
      version,
      ecosystem,
      purl: componentPurl('cargo', name, version),
      groups: [],
      location: { file: file.path, ...(line === undefined ? {} : { line }) },
      ...(typeof source === 'string' ? { resolved: source } : {}),
      ...(typeof checksum === 'string' && /^[0-9a-f]{64}$/.test(checksum) ? { integrity: `sha256-${Buffer.from(checksum, 'hex').toString('base64')}` } : {}),
    };
    const names = Array.isArray(dependencies) ? dependencies.filter((dependency): dependency is string => typeof dependency === 'string') : [];
    locked.push({ component, dependencies: names });
  });
  return { components: locked.map((entry) => entry.component), edges: dependencyEdges(locked), problems };
}

/**
 * A dependency names a crate alone when only one version is locked, else `name version`, and
 * adds `(source)` when the same name and version come from two sources.
 */
function dependencyEdges(locked: readonly LockedPackage[]): DependencyEdge[] {
  const byName = new Map<string, Component[]>();
  for (const { component } of locked) byName.set(component.name, [...(byName.get(component.name) ?? []), component]);
  const edges: DependencyEdge[] = [];
  const seen = new Set<string>();
  for (const { component, dependencies } of locked) {
    for (const dependency of dependencies) {
      const [name = '', version, source] = dependency.split(' ');
      const candidates = (byName.get(name) ?? []).filter(
        (candidate) => (version === undefined || candidate.version === version) && (source === undefined || `(${candidate.resolved ?? ''})` === source),
      );
      const target = candidates[0];
      if (target === undefined) continue;
      const key = `${component.purl} ${target.purl}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: component.purl, to: target.purl });
    }
  }
  return edges;
}

interface PackageLines {
  readonly header: number;
  readonly name?: number;
}

/**
 * The line of each `[[package]]` header and of its `name` key, in file order. smol-toml gives no
 * positions, and TOML keeps array-of-tables entries in file order, so the n-th header is the n-th
 * entry. When the count disagrees (a header inside a multi-line string), no lines are given.
 */
function packageLines(text: string, count: number): PackageLines[] {
  const found: { header: number; name?: number }[] = [];
  let current: { header: number; name?: number } | undefined;
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (/^\s*\[\[\s*package\s*\]\]\s*(#.*)?$/.test(lineText)) {
      current = { header: index + 1 };
      found.push(current);
    } else if (/^\s*\[/.test(lineText)) {
      current = undefined;
    } else if (current !== undefined && current.name === undefined && /^\s*name\s*=/.test(lineText)) {
      current.name = index + 1;
    }
  });
  return found.length === count ? found : [];
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
