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
  const isExcluded = exclusion(options.exclude);
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

/**
 * The wanted files of a tree listed already (the repository checks list a folder once, through
 * git or a walk), by the rules of {@link walk}: skipped folders, `recursive`, `exclude` (a folder
 * excluded leaves out what it holds), in the walk's order. Files only: the listing's maker has
 * already kept symbolic links to the inside of the tree alone.
 */
export function listedFiles(paths: readonly string[], options: Omit<WalkOptions, 'maxEntries'>): WalkResult {
  const recursive = options.recursive ?? true;
  const skipFolders = options.skipFolders ?? skippedFolders;
  const isExcluded = exclusion(options.exclude);
  const files = paths.filter((path) => {
    const segments = path.split('/');
    if (!recursive && segments.length > 1) return false;
    for (let depth = 1; depth < segments.length; depth += 1) {
      if (skipFolders.has(segments[depth - 1] ?? '') || isExcluded(segments.slice(0, depth).join('/'))) return false;
    }
    return !isExcluded(path) && options.wants(path);
  });
  return { files: files.sort(byWalkOrder), problems: [] };
}

/** The walk's order: folder by folder, each folder's entries by name (`a/z` before `a-b`, which a plain sort puts first). */
function byWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] ?? '';
    const y = right[index] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Whether a path (or its base name) matches one of the exclude patterns. */
function exclusion(patterns: readonly string[] | undefined): (path: string) => boolean {
  if (patterns === undefined || patterns.length === 0) return () => false;
  const excluded = picomatch()([...patterns], { dot: true });
  return (path) => excluded(path) || excluded(path.slice(path.lastIndexOf('/') + 1));
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
