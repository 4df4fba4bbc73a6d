import type { Extraction } from '../model/index.js';

/**
 * One input file handed to an extractor. The inventory core owns all IO: it walks, applies size
 * limits, reads each file once, and serves related files (go.sum beside go.mod, `-r` includes,
 * parent POMs) through `readRelated`, which never leaves the scanned tree.
 */
export interface SourceFile {
  /** The path relative to the scanned root, with `/` separators. */
  readonly path: string;
  readonly text: string;
  /**
   * Another file, by a path relative to this file's directory. Undefined when it does not exist,
   * is too large, or would leave the scanned tree.
   */
  readRelated(relativePath: string): SourceFile | undefined;
}

/** What an extractor documents about the format it reads. */
export interface ExtractorDefinition {
  /** One line: which file and format versions it reads. */
  readonly short: string;
  /** The real-world file names it matches. */
  readonly fileNames: readonly string[];
}

/**
 * What the inventory knows of a format before it reads a file of it: its name, its ecosystem and
 * its file-name rule. It carries no parser, so that knowing every format costs nothing; the
 * parser is the {@link Extractor}, loaded only for a file that is read (see {@link LazyExtractor}).
 */
export interface InputFormat {
  /** The format name (the folder names of shared/corpus/lockfiles: `npm-package-lock`, `poetry-lock`, ...). */
  readonly format: string;
  /** The OSV ecosystem of the components it yields. */
  readonly ecosystem: string;
  /** Whether a file is of this format, by its name only (the path's last segment and folders). */
  matches(path: string): boolean;
  readonly definition: ExtractorDefinition;
}

/**
 * A parser of one lockfile, manifest or package-database format. Extractors are pure: they
 * receive the text and never touch the file system themselves.
 */
export interface Extractor extends InputFormat {
  /**
   * Reads one file. Never throws on bad input: a bad entry becomes a problem with its line and
   * the other entries are still returned; an unreadable file becomes one problem and no components.
   */
  extract(file: SourceFile): Extraction;
}

/**
 * A format whose parser is imported on first use: a run that reads one package-lock.json never
 * loads the YAML, XML and TOML parsers of the other formats.
 */
export interface LazyExtractor extends InputFormat {
  /** The format's extractor; its module is imported once, on the first call. */
  load(): Promise<Extractor>;
}

/** A {@link LazyExtractor} for `format` whose parser `importExtractor` imports (`() => import('./x.js').then(...)`). */
export function lazyExtractor(format: InputFormat, importExtractor: () => Promise<Extractor>): LazyExtractor {
  let loading: Promise<Extractor> | undefined;
  return {
    ...format,
    load: () => (loading ??= importExtractor()),
  };
}
