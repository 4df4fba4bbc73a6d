import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LazyExtractor } from '../ecosystems/extractor.js';
import { InputError, UsageError } from '../errors.js';
import type { DependencyEdge, Extraction, Inventory, InventoryProblem, InventoryProject } from '../model/index.js';
import { extractorForFormat, extractorsForPath, formatNames, manifestFormats } from './formats.js';
import { sniffFormat } from './sniff.js';
import { SourceFiles, defaultMaxFileBytes } from './source-files.js';
import { listedFiles, walk } from './walk.js';

/** Error codes raised by the inventory. */
export type InventoryErrorCode = 'path-not-found' | 'unknown-format' | 'parse-as-needs-file';

/** A file to read and the extractor it is read with. */
interface Input {
  readonly path: string;
  readonly extractor: LazyExtractor;
}

/** What reading one input gave: its problems, and its extraction unless the file could not be read. */
interface Reading {
  readonly problems: readonly InventoryProblem[];
  readonly extraction?: Extraction;
}

export interface InventoryOptions {
  /** Descend into subfolders (default true). */
  readonly recursive?: boolean;
  /** Glob patterns of paths to skip, relative to the scanned folder. */
  readonly exclude?: readonly string[];
  /** Read a single file as this format, whatever its name (`npm-package-lock`, `cyclonedx-json`, ...). */
  readonly parseAs?: string;
  /** Size limit of one input file in bytes (default 64 MiB). */
  readonly maxFileBytes?: number;
  /**
   * The folder's files, relative to it with `/` separators, when the caller has listed it already
   * (the repository checks have): they are taken by the walk's rules instead of walking the folder
   * again, which cost ~150 ms of a check of 50,000 files (measured).
   */
  readonly files?: readonly string[];
}

/**
 * Every package under `path` (a folder, a lockfile, a manifest or an SBOM), with the dependency
 * graph. A bad file never stops the run: its problems are in `errors` and the rest is read.
 * Rejects with an InputError `path-not-found` for a path that does not exist. Only the parsers of
 * the formats found are loaded.
 */
export async function extractInventory(path: string, options: InventoryOptions = {}): Promise<Inventory> {
  if (!existsSync(path)) throw new InputError('path-not-found' satisfies InventoryErrorCode, 'no such file or folder', { file: path });
  const isFolder = statSync(path).isDirectory();
  if (options.parseAs !== undefined) {
    if (isFolder) throw new UsageError('parse-as-needs-file' satisfies InventoryErrorCode, '--parse-as reads one file; give a file, not a folder', { file: path });
    if (extractorForFormat(options.parseAs) === undefined) {
      throw new UsageError('unknown-format' satisfies InventoryErrorCode, `unknown format "${options.parseAs}" for --parse-as; known: ${formatNames().join(', ')}`);
    }
  }

  const root = isFolder ? path : dirname(path);
  const sources = new SourceFiles(root, options.maxFileBytes ?? defaultMaxFileBytes);
  const problems: InventoryProblem[] = [];
  const inputs: Input[] = [];

  if (isFolder) {
    const rules = { recursive: options.recursive ?? true, exclude: options.exclude ?? [], wants: (file: string) => extractorsForPath(file).length > 0 };
    const walked = options.files === undefined ? walk(root, rules) : listedFiles(options.files, rules);
    problems.push(...walked.problems);
    for (const file of walked.files) for (const extractor of extractorsForPath(file)) inputs.push({ path: file, extractor });
  } else {
    const file = basename(path);
    const chosen = options.parseAs === undefined ? extractorsForPath(file)[0] ?? sniffed(sources, file) : extractorForFormat(options.parseAs);
    if (chosen === undefined) problems.push({ file, message: 'not a supported lockfile, manifest or SBOM (use --parse-as FORMAT to name its format)' });
    else inputs.push({ path: file, extractor: chosen });
  }

  const readings = await readInputs(sources, inputs);
  const extracted: { path: string; extraction: Extraction }[] = [];
  // In the order of the inputs, whatever order they were read in: components, projects and
  // problems come out in walk order.
  for (const input of inputs) {
    const reading = readings.get(input);
    if (reading === undefined) continue;
    problems.push(...reading.problems);
    if (reading.extraction !== undefined) extracted.push({ path: input.path, extraction: reading.extraction });
  }
  return {
    root: path,
    projects: projectsOf(extracted.map((input) => input.path)),
    components: extracted.flatMap((input) => input.extraction.components),
    edges: uniqueEdges(extracted.flatMap((input) => input.extraction.edges)),
    errors: problems,
  };
}

/** The format of a file with an unknown name, from its first bytes (SBOMs only). */
function sniffed(sources: SourceFiles, file: string): LazyExtractor | undefined {
  const outcome = sources.read(file);
  if (!outcome.ok) return undefined;
  const format = sniffFormat(outcome.file.text);
  return format === undefined ? undefined : extractorForFormat(format);
}

/**
 * Reads and extracts the inputs, lockfiles first. A manifest says what a project asks for; its
 * lockfile says what it got. Where a folder has a lockfile of the same ecosystem, the manifest's
 * unpinned ranges would only add noise, so such a manifest is skipped before it is read: neither
 * the file nor its parser is loaded. A lockfile that could not be read (too large, a dangling
 * link) shadows nothing. Skipped inputs have no reading.
 */
async function readInputs(sources: SourceFiles, inputs: readonly Input[]): Promise<Map<Input, Reading>> {
  const readings = new Map<Input, Reading>();
  const locked = new Set<string>();
  for (const input of inputs.filter((candidate) => !isManifest(candidate))) {
    const reading = await readInput(sources, input);
    readings.set(input, reading);
    if (reading.extraction !== undefined) locked.add(shadowKey(input));
  }
  for (const input of inputs.filter(isManifest)) {
    if (!locked.has(shadowKey(input))) readings.set(input, await readInput(sources, input));
  }
  return readings;
}

/** One input read once and handed to its extractor, which is loaded on the first file of its format. */
async function readInput(sources: SourceFiles, input: Input): Promise<Reading> {
  const outcome = sources.read(input.path);
  if (!outcome.ok) return { problems: [{ file: input.path, message: outcome.message }] };
  const extraction = (await input.extractor.load()).extract(outcome.file);
  return { problems: extraction.problems, extraction };
}

function isManifest(input: Input): boolean {
  return manifestFormats.has(input.extractor.format);
}

/** A lockfile shadows the manifests of its own ecosystem in its own folder. */
function shadowKey(input: Input): string {
  return `${dirname(input.path)}|${input.extractor.ecosystem}`;
}

function projectsOf(files: readonly string[]): InventoryProject[] {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = dirname(file);
    const list = byFolder.get(folder) ?? [];
    if (!list.includes(file)) list.push(file);
    byFolder.set(folder, list);
  }
  return [...byFolder.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folder, list]) => ({ path: folder, files: list }));
}

function uniqueEdges(edges: readonly DependencyEdge[]): DependencyEdge[] {
  // Targets by source rather than one joined key per edge: the purls are already hashed, a joined
  // string of each of thousands of edges is not.
  const seen = new Map<string, Set<string>>();
  const unique: DependencyEdge[] = [];
  for (const edge of edges) {
    let targets = seen.get(edge.from);
    if (targets === undefined) seen.set(edge.from, (targets = new Set()));
    else if (targets.has(edge.to)) continue;
    targets.add(edge.to);
    unique.push(edge);
  }
  return unique;
}
