import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type picomatchType from 'picomatch';
import type { InventoryProblem } from '../model/index.js';

/**
 * picomatch, required only for a walk with exclude patterns: most runs have none, and bundled it
 * is ~70 KB that every inventory run would load and compile. Required rather than imported so
 * that the CLI bundle leaves it out (as purl.ts does with packageurl-js).
 */
const requireFromHere = createRequire(import.meta.url);
function picomatch(): typeof picomatchType {
  return requireFromHere('picomatch') as typeof picomatchType;
}

/** Folders never descended into: installed dependencies and VCS metadata, not declarations. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', '__pycache__']);

export interface WalkOptions {
  /** Descend into subfolders (default true). */
  readonly recursive?: boolean;
  /** Glob patterns, matched against paths relative to the root (and their base names); matches are skipped. */
  readonly exclude?: readonly string[];
  /** A file is wanted when this says so (by path only; the walk never reads contents). */
  readonly wants: (relativePath: string) => boolean;
  /** An upper bound on files visited, against pathological trees (default 1,000,000). */
  readonly maxEntries?: number;
  /** Folder names never descended into (default {@link skippedFolders}; repository checks skip only `.git`). */
  readonly skipFolders?: ReadonlySet<string>;
}

export interface WalkResult {
  /** Wanted files, relative to the root with `/` separators, in a stable (sorted) order. */
  readonly files: readonly string[];
  readonly problems: readonly InventoryProblem[];
}

/**
 * Lists the wanted files under `root`. Symbolic links to folders are not followed (no loops, no
 * leaving the tree); a symbolic link to a file is kept only when its target is inside the tree.
 */
export function walk(root: string, options: WalkOptions): WalkResult {
  const recursive = options.recursive ?? true;
  const skipFolders = options.skipFolders ?? skippedFolders;
  const maxEntries = options.maxEntries ?? 1_000_000;
  const excluded = options.exclude !== undefined && options.exclude.length > 0 ? picomatch()([...options.exclude], { dot: true }) : undefined;
  const isExcluded = (path: string): boolean =>
    excluded !== undefined && (excluded(path) || excluded(path.slice(path.lastIndexOf('/') + 1)));
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const problems: InventoryProblem[] = [];
  let visited = 0;

  const visit = (dir: string, relativeDir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: relativeDir === '' ? '.' : relativeDir, message: `cannot read the folder: ${(error as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++visited > maxEntries) {
        if (visited === maxEntries + 1) problems.push({ file: relativeDir === '' ? '.' : relativeDir, message: `more than ${maxEntries} entries; the rest is skipped` });
        return;
      }
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (isExcluded(path)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (recursive && !skipFolders.has(entry.name)) visit(full, path);
      } else if (entry.isFile()) {
        if (options.wants(path)) files.push(path);
      } else if (entry.isSymbolicLink() && options.wants(path) && isFileInside(full, realRoot)) {
        files.push(path);
      }
    }
  };

  if (statSync(root).isDirectory()) visit(root, '');
  return { files, problems };
}

/** Whether a symbolic link points at a file inside the tree (so reading it never leaves the tree). */
export function isFileInside(link: string, realRoot: string): boolean {
  try {
    const target = realpathSync(link);
    const inside = relative(realRoot, target);
    return !inside.startsWith('..') && !inside.startsWith(sep) && lstatSync(target).isFile();
  } catch {
    return false;
  }
}
