/**
 * Cargo.lock (https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html): every
 * `[[package]]` is a component, local path crates (no `source`) included, and each `dependencies`
 * entry (`name`, `name version` or `name version (source)`) is an edge.
 */
import type { Component, DependencyEdge, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { cargoLockFormat } from '../formats.js';
import { arrayTableEntries, readToml, stringsOf } from '../toml-file.js';

/** As the format's definition names it. */
const { ecosystem } = cargoLockFormat;
/** Cargo writes no inline nesting deeper than an array of strings; anything deeper is hostile. */
const maxDepth = 16;

interface LockedPackage {
  readonly component: Component;
  readonly dependencies: readonly string[];
}

export const cargoLockExtractor: Extractor = { ...cargoLockFormat, extract: extractCargoLock };

function extractCargoLock(file: SourceFile): Extraction {
  const document = readToml(file.text, { label: 'Cargo.lock', maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const read = arrayTableEntries(document.table, file.text, 'package');
  if ('problem' in read) return { components: [], edges: [], problems: [{ file: file.path, message: read.problem }] };

  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  for (const { table: entry, line } of read.entries) {
    const report = (message: string): void => {
      problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message });
    };
    if (entry === undefined) {
      report('a [[package]] entry is not a table');
      continue;
    }
    const { name, version, source, checksum, dependencies } = entry;
    if (typeof name !== 'string' || name === '' || typeof version !== 'string') {
      report('a [[package]] entry has no name or version');
      continue;
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
    locked.push({ component, dependencies: stringsOf(dependencies) });
  }
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
