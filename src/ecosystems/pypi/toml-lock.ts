/**
 * What the Python TOML lockfiles (poetry.lock, pdm.lock, uv.lock, pylock.toml) share: each is one
 * array of tables (`[[package]]`, PEP 751 `[[packages]]`) read with a bounded depth, whose entries
 * become locked packages, merged and linked as locked-package.ts does for every Python lockfile;
 * uv.lock and pylock.toml also write an entry's dependencies the same way, as tables.
 */
import type { Extraction, InventoryProblem } from '../../model/index.js';
import type { SourceFile } from '../extractor.js';
import { arrayTableEntries, readToml, stringOf, tableOf } from '../toml-file.js';
import type { TomlEntry, TomlTable } from '../toml-file.js';
import { dependencyEdges, mergeLocked } from './locked-package.js';
import type { DependencyReference, LockedPackage } from './locked-package.js';

/** These files nest inline values a few levels (`wheels = [{ hashes = { sha256 = ... } }]`); far deeper is hostile. */
const maxDepth = 16;

export interface TomlLock {
  /** The file kind named in messages (`poetry.lock`). */
  readonly label: string;
  /** The array of tables that holds the packages. */
  readonly table: 'package' | 'packages';
}

/** The entries of the lock, or the failed extraction: one problem, at the parser's line when it gives one. */
export function lockEntries(file: SourceFile, lock: TomlLock): { readonly entries: readonly TomlEntry[] } | { readonly failure: Extraction } {
  const document = readToml(file.text, { label: lock.label, maxDepth });
  if ('problem' in document) return { failure: { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] } };
  const read = arrayTableEntries(document.table, file.text, lock.table);
  if ('problem' in read) return { failure: { components: [], edges: [], problems: [{ file: file.path, message: read.problem }] } };
  return read;
}

/** The locked package of an entry, undefined when the entry is not reported, or why it is unusable. */
export type ReadEntry = (entry: TomlTable | undefined, path: string, line: number | undefined) => LockedPackage | string | undefined;

/** A lock whose every entry is read on its own. */
export function extractTomlLock(file: SourceFile, lock: TomlLock, readEntry: ReadEntry): Extraction {
  const read = lockEntries(file, lock);
  if ('failure' in read) return read.failure;
  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  for (const { table, line } of read.entries) {
    const entry = readEntry(table, file.path, line);
    if (typeof entry === 'string') problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: entry });
    else if (entry !== undefined) locked.push(entry);
  }
  const packages = mergeLocked(locked);
  return { components: packages.map((entry) => entry.component), edges: dependencyEdges(packages), problems };
}

/**
 * Dependencies written as tables naming a locked package (uv.lock `dependencies`, PEP 751
 * `packages.dependencies`): `[{ name = "x" }, { name = "y", version = "1.0", marker = "..." }]`.
 * The version, given when several versions are locked, picks one; other keys are not needed.
 */
export function referencesOf(value: unknown): DependencyReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): DependencyReference[] => {
    const table = tableOf(item);
    const name = stringOf(table?.['name']);
    const version = stringOf(table?.['version']);
    if (name === undefined) return [];
    return [version === undefined ? { name } : { name, version }];
  });
}
