import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { SourceFile } from '../ecosystems/extractor.js';

/** The default size limit of one input file (`--max-file-size` raises it). */
export const defaultMaxFileBytes = 64 * 1024 * 1024;

export type ReadOutcome =
  | { readonly ok: true; readonly file: SourceFile }
  | { readonly ok: false; readonly message: string };

/**
 * Reads input files under one root, each at most once, within the size limit, and never outside
 * the root: `readRelated` of a file resolves beside it and refuses `..` escapes and symbolic links
 * that point out of the tree.
 */
export class SourceFiles {
  private readonly cache = new Map<string, ReadOutcome>();
  private readonly realRoot: string;

  constructor(
    private readonly root: string,
    private readonly maxFileBytes: number = defaultMaxFileBytes,
  ) {
    this.realRoot = realpathSync(root);
  }

  /** Reads a file by its path relative to the root (`/` separators). */
  read(path: string): ReadOutcome {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const outcome = this.load(path);
    this.cache.set(path, outcome);
    return outcome;
  }

  private load(path: string): ReadOutcome {
    const full = join(this.root, path);
    try {
      const inside = relative(this.realRoot, realpathSync(full));
      if (inside.startsWith('..') || isAbsolute(inside)) return { ok: false, message: 'points outside the scanned folder' };
      const stat = statSync(full);
      if (!stat.isFile()) return { ok: false, message: 'not a file' };
      if (stat.size > this.maxFileBytes) {
        return { ok: false, message: `larger than the ${this.maxFileBytes}-byte limit (raise it with --max-file-size)` };
      }
      let text = readFileSync(full, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { ok: true, file: { path, text, readRelated: (other) => this.related(path, other) } };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, message: code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}` };
    }
  }

  private related(from: string, relativePath: string): SourceFile | undefined {
    if (isAbsolute(relativePath)) return undefined;
    const target = relative(this.root, join(this.root, dirname(from), relativePath)).split(sep).join('/');
    if (target.startsWith('..') || target === '') return undefined;
    const outcome = this.read(target);
    return outcome.ok ? outcome.file : undefined;
  }
}
