/**
 * The files of the repository being checked, listed once and read in bounded pieces.
 * In a git work tree the listing is what git tracks or would track (`git ls-files`: build output,
 * installed dependencies and other ignored files are not the project's, and Scorecard, reading the
 * repository from GitHub, never sees them); elsewhere the folder is walked. Links that leave the
 * folder are never followed (src/inventory/walk.ts). Tests build repositories in memory.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { isFileInside, walk } from '../inventory/walk.js';
import type { InventoryProblem } from '../model/index.js';

/** A file larger than this is not read whole by any check (binaries are recognised by their first bytes). */
export const defaultMaxFileBytes = 10 * 1024 * 1024;

export interface RepositoryFiles {
  /** Every file, relative to the root with `/` separators, sorted; `.git` is never listed. */
  readonly paths: readonly string[];
  /** Folders that could not be read while listing. */
  readonly problems: readonly InventoryProblem[];
  /** The file's text (UTF-8), or undefined when it is missing or larger than the limit. */
  readText(path: string): string | undefined;
  /** At most `limit` bytes from the start of the file, or undefined when it is missing. */
  readHead(path: string, limit: number): Uint8Array | undefined;
  /** The file's size in bytes, or undefined when it is missing. */
  size(path: string): number | undefined;
}

/**
 * Whether Scorecard leaves a path out of its file checks: test data (`testdata/`, `src/test/`)
 * describes other repositories, not this one (fileparser.isTestdataFile).
 */
export function isTestDataPath(path: string): boolean {
  return `/${path}`.includes('/testdata/') || `/${path}`.includes('/src/test/');
}

export interface LocalRepositoryOptions {
  /** Glob patterns of paths to leave out (trustline.yaml `checks.exclude`). */
  readonly exclude?: readonly string[];
  readonly maxFileBytes?: number;
}

/** The files of a local folder. */
export function localRepository(root: string, options: LocalRepositoryOptions = {}): RepositoryFiles {
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const walked = gitListing(root, options.exclude ?? []) ?? walk(root, { exclude: options.exclude ?? [], wants: () => true, skipFolders: new Set(['.git']) });
  const known = new Set(walked.files);
  return {
    paths: walked.files,
    problems: walked.problems,
    size(path) {
      if (!known.has(path)) return undefined;
      try {
        return statSync(join(root, path)).size;
      } catch {
        return undefined;
      }
    },
    // Not cached: a check set over 50,000 files would hold every source file in memory; the
    // collectors that share a file (workflows) cache what they parse instead.
    readText(path) {
      if (!known.has(path)) return undefined;
      const bytes = readPrefix(join(root, path), maxFileBytes + 1);
      return bytes === undefined || bytes.length > maxFileBytes ? undefined : Buffer.from(bytes).toString('utf8');
    },
    readHead(path, limit) {
      return known.has(path) ? readPrefix(join(root, path), limit) : undefined;
    },
  };
}

/** Git's listing of the work tree (tracked, and untracked but not ignored), or undefined outside a work tree. */
function gitListing(root: string, exclude: readonly string[]): { files: string[]; problems: InventoryProblem[] } | undefined {
  let output: string;
  try {
    // A folder git ignores (build output, bench/.work) is not part of the enclosing repository:
    // it is walked like any folder. check-ignore exits 1 for a path it does not ignore.
    const ignored = (() => {
      try {
        execFileSync('git', ['-C', root, 'check-ignore', '-q', '.'], { stdio: 'ignore', timeout: 10_000 });
        return true;
      } catch {
        return false;
      }
    })();
    if (ignored) return undefined;
    output = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
  } catch {
    return undefined;
  }
  const excluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : undefined;
  const realRoot = realpathSync(root);
  const files = [...new Set(output.split('\0').filter((path) => path !== ''))]
    .filter((path) => excluded === undefined || !(excluded(path) || excluded(path.slice(path.lastIndexOf('/') + 1))))
    .filter((path) => {
      try {
        const stats = lstatSync(join(root, path));
        // A deleted tracked file is listed by git but gone; a link counts only when it stays inside.
        return stats.isFile() || (stats.isSymbolicLink() && isFileInside(join(root, path), realRoot));
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems: [] };
}

/** Up to `limit` bytes from the start of a file: one open, one fstat, one read. */
function readPrefix(file: string, limit: number): Uint8Array | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(limit, Math.max(0, fstatSync(descriptor).size)));
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A repository held in memory: path → content (`null` is an empty file). For tests and the corpus layouts. */
export function memoryRepository(files: Readonly<Record<string, string | Uint8Array | null>>): RepositoryFiles {
  const bytes = new Map(Object.entries(files).map(([path, content]) => [path, content === null ? new Uint8Array() : typeof content === 'string' ? new TextEncoder().encode(content) : content]));
  return {
    paths: [...bytes.keys()].sort(),
    problems: [],
    readText: (path) => {
      const content = bytes.get(path);
      return content === undefined ? undefined : Buffer.from(content).toString('utf8');
    },
    readHead: (path, limit) => bytes.get(path)?.subarray(0, limit),
    size: (path) => bytes.get(path)?.length,
  };
}
