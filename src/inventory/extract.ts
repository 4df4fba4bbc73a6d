import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Extractor } from '../ecosystems/extractor.js';
import { InputError, UsageError } from '../errors.js';
import type { Component, DependencyEdge, Inventory, InventoryProblem, InventoryProject } from '../model/index.js';
import { extractorForFormat, extractorsForPath, formatNames, manifestFormats } from './formats.js';
import { sniffFormat } from './sniff.js';
import { SourceFiles, defaultMaxFileBytes } from './source-files.js';
import { walk } from './walk.js';

/** Error codes raised by the inventory. */
export type InventoryErrorCode = 'path-not-found' | 'unknown-format' | 'parse-as-needs-file';

export interface InventoryOptions {
  /** Descend into subfolders (default true). */
  readonly recursive?: boolean;
  /** Glob patterns of paths to skip, relative to the scanned folder. */
  readonly exclude?: readonly string[];
  /** Read a single file as this format, whatever its name (`npm-package-lock`, `cyclonedx-json`, ...). */
  readonly parseAs?: string;
  /** Size limit of one input file in bytes (default 64 MiB). */
  readonly maxFileBytes?: number;
}

/**
 * Every package under `path` (a folder, a lockfile, a manifest or an SBOM), with the dependency
 * graph. A bad file never stops the run: its problems are in `errors` and the rest is read.
 * Throws an InputError `path-not-found` for a path that does not exist.
 */
export function extractInventory(path: string, options: InventoryOptions = {}): Inventory {
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
  const inputs: { path: string; extractor: Extractor }[] = [];

  if (isFolder) {
    const walked = walk(root, {
      recursive: options.recursive ?? true,
      exclude: options.exclude ?? [],
      wants: (file) => extractorsForPath(file).length > 0,
    });
    problems.push(...walked.problems);
    for (const file of walked.files) for (const extractor of extractorsForPath(file)) inputs.push({ path: file, extractor });
  } else {
    const file = basename(path);
    const chosen = options.parseAs === undefined ? extractorsForPath(file)[0] ?? sniffed(sources, file) : extractorForFormat(options.parseAs);
    if (chosen === undefined) problems.push({ file, message: 'not a supported lockfile, manifest or SBOM (use --parse-as FORMAT to name its format)' });
    else inputs.push({ path: file, extractor: chosen });
  }

  const extracted: { path: string; extractor: Extractor; components: readonly Component[]; edges: readonly DependencyEdge[] }[] = [];
  for (const input of inputs) {
    const outcome = sources.read(input.path);
    if (!outcome.ok) {
      problems.push({ file: input.path, message: outcome.message });
      continue;
    }
    const extraction = input.extractor.extract(outcome.file);
    problems.push(...extraction.problems);
    extracted.push({ ...input, components: extraction.components, edges: extraction.edges });
  }

  const kept = withoutShadowedManifests(extracted);
  return {
    root: path,
    projects: projectsOf(kept.map((input) => input.path)),
    components: kept.flatMap((input) => input.components),
    edges: uniqueEdges(kept.flatMap((input) => input.edges)),
    errors: problems,
  };
}

/** The format of a file with an unknown name, from its first bytes (SBOMs only). */
function sniffed(sources: SourceFiles, file: string): Extractor | undefined {
  const outcome = sources.read(file);
  if (!outcome.ok) return undefined;
  const format = sniffFormat(outcome.file.text);
  return format === undefined ? undefined : extractorForFormat(format);
}

/**
 * A manifest says what a project asks for; its lockfile says what it got. Where a folder has a
 * lockfile of the same ecosystem, the manifest's unpinned ranges would only add noise.
 */
function withoutShadowedManifests<T extends { path: string; extractor: Extractor }>(inputs: readonly T[]): T[] {
  const locked = new Set(
    inputs.filter((input) => !manifestFormats.has(input.extractor.format)).map((input) => `${dirname(input.path)}|${input.extractor.ecosystem}`),
  );
  return inputs.filter((input) => !manifestFormats.has(input.extractor.format) || !locked.has(`${dirname(input.path)}|${input.extractor.ecosystem}`));
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
