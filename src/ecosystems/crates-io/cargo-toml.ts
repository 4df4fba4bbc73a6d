/**
 * Cargo.toml without a Cargo.lock (https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html):
 * the direct dependencies of `[dependencies]`, `[dev-dependencies]` (group and scope `dev`),
 * `[build-dependencies]` (group `build`) and their `[target.<cfg>.*]` forms (`meta.target`).
 *
 * - A requirement is a range: `1.2.3` means `^1.2.3` (Cargo's caret default), so every registry
 *   dependency is `unpinned` with the requirement as written and its lower bound as version
 *   (`""` when none can be read: `*`, `1.*`, `<2`); only `=1.2.3` names one version.
 * - `package = "real-name"` renames: the component is the real crate, the key goes to `meta.alias`.
 * - `workspace = true` takes the declaration from `[workspace.dependencies]` of the workspace root,
 *   the nearest Cargo.toml with a `[workspace]` table (this file, then the folders above);
 *   `meta.workspace` says so. The root's own `[workspace.dependencies]` are not reported: they
 *   only become dependencies where a member uses them.
 * - Path and git dependencies do not come from crates.io: version `""`, with `meta.path` or
 *   `meta.git` (`resolved`, and `commit` when `rev` is a full hash).
 * - `[patch]` and `[replace]` sections are not read.
 */
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import { componentPurl } from '../component-purl.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { cargoTomlFormat } from '../formats.js';
import { readToml, tableOf } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { dependencyKey, dependencyLines, dependencyTables } from './cargo-toml-lines.js';

/** As the format's definition names it. */
const { ecosystem } = cargoTomlFormat;
/** Cargo.toml nests a few levels (target → cfg → dependencies → crate → features). */
const maxDepth = 16;

export const cargoTomlExtractor: Extractor = { ...cargoTomlFormat, extract: extractCargoToml };

function extractCargoToml(file: SourceFile): Extraction {
  const document = readToml(file.text, { label: 'Cargo.toml', maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const lines = dependencyLines(file.text);
  const problems: InventoryProblem[] = [];
  const components: Component[] = [];
  // The workspace root is looked for once, and only when a dependency inherits from it.
  let workspace: { readonly found: TomlTable | undefined } | undefined;
  const workspaceDependencies = (): TomlTable | undefined => {
    workspace ??= { found: findWorkspace(file, document.table) };
    return tableOf(workspace.found?.['dependencies']);
  };
  for (const [path, target] of dependencySections(document.table)) {
    const kind = path[path.length - 1] ?? '';
    for (const [key, declared] of Object.entries(tableOf(readPath(document.table, path)) ?? {})) {
      const line = lines.get(dependencyKey(path, key));
      const component = toComponent(key, declared, { kind, target, line, file: file.path, workspaceDependencies });
      if (typeof component === 'string') problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: component });
      else components.push(component);
    }
  }
  return { components, edges: [], problems };
}

interface Context {
  readonly kind: string;
  readonly target: string | undefined;
  readonly line: number | undefined;
  readonly file: string;
  readonly workspaceDependencies: () => TomlTable | undefined;
}

function toComponent(key: string, declared: unknown, context: Context): Component | string {
  let spec = typeof declared === 'string' ? { version: declared } : tableOf(declared);
  if (spec === undefined) return `the declaration of ${key} is neither a version nor a table`;
  const inherited = spec['workspace'] === true;
  if (inherited) {
    const root = context.workspaceDependencies()?.[key];
    const rootSpec = typeof root === 'string' ? { version: root } : tableOf(root);
    if (rootSpec === undefined) return `${key} uses workspace = true, but no workspace root on disk declares it`;
    // The member adds features and `optional`; everything else comes from the root.
    spec = { ...rootSpec, ...(spec['optional'] === undefined ? {} : { optional: spec['optional'] }) };
  }
  const name = typeof spec['package'] === 'string' ? spec['package'] : key;
  const requirement = typeof spec['version'] === 'string' ? spec['version'].trim() : undefined;
  const git = typeof spec['git'] === 'string' ? spec['git'] : undefined;
  const path = typeof spec['path'] === 'string' ? spec['path'] : undefined;
  const local = git !== undefined || path !== undefined;
  const read = requirement === undefined ? undefined : readRequirement(requirement);
  const version = local ? '' : (read?.version ?? '');
  let purl: string;
  try {
    purl = componentPurl('cargo', name, version);
  } catch {
    return `${name} ${version} cannot be written as a Package URL`;
  }
  const optional = spec['optional'] === true;
  const groups = [...(context.kind.startsWith('dev') ? ['dev'] : context.kind.startsWith('build') ? ['build'] : []), ...(optional ? ['optional'] : [])];
  const rev = typeof spec['rev'] === 'string' ? spec['rev'] : undefined;
  const meta = {
    ...(context.target === undefined ? {} : { target: context.target }),
    ...(name === key ? {} : { alias: key }),
    ...(inherited ? { workspace: true } : {}),
    ...(path === undefined ? {} : { path }),
    ...(git === undefined ? {} : { git }),
    ...pick(spec, ['branch', 'tag', 'rev', 'registry']),
  };
  return {
    name,
    version,
    ecosystem,
    purl,
    groups,
    scope: scopeOf(context.kind, optional),
    direct: true,
    ...(read === undefined || (read.pinned && !local) ? {} : { unpinned: true, versionRange: requirement }),
    location: { file: context.file, ...(context.line === undefined ? {} : { line: context.line }) },
    ...(git === undefined ? {} : { resolved: git }),
    ...(rev !== undefined && /^[0-9a-f]{40}$/i.test(rev) ? { commit: rev } : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

/**
 * The lower bound of a requirement (https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#version-requirement-syntax):
 * the first comparator that has one (`^v`, `~v`, `>=v`, `=v`, bare `v`); wildcards, `>`, `<` and
 * `<=` have none. Only a lone `=major.minor.patch` is pinned.
 */
export function readRequirement(requirement: string): { version: string; pinned: boolean } {
  const comparators = requirement.split(',').map((part) => part.trim());
  const [first] = comparators;
  const exact = comparators.length === 1 && first !== undefined ? /^=\s*(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/.exec(first) : null;
  if (exact !== null) return { version: exact[1] ?? '', pinned: true };
  for (const comparator of comparators) {
    const match = /^(\^|~|>=|=)?\s*(\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.+-]*)?)$/.exec(comparator);
    if (match?.[2] !== undefined) return { version: match[2], pinned: false };
  }
  return { version: '', pinned: false };
}

function scopeOf(kind: string, optional: boolean): DependencyScope {
  if (kind.startsWith('dev')) return 'dev';
  return optional ? 'optional' : 'prod';
}

/** Every dependency table: top level, then per target, with the target's cfg or triple. */
function dependencySections(document: TomlTable): [string[], string | undefined][] {
  const sections: [string[], string | undefined][] = [];
  for (const kind of dependencyTables) if (tableOf(document[kind]) !== undefined) sections.push([[kind], undefined]);
  for (const [target, body] of Object.entries(tableOf(document['target']) ?? {})) {
    for (const kind of dependencyTables) if (tableOf(tableOf(body)?.[kind]) !== undefined) sections.push([['target', target, kind], target]);
  }
  return sections;
}

/** The `[workspace]` table of this manifest or of the nearest Cargo.toml above it that has one. */
function findWorkspace(file: SourceFile, document: TomlTable): TomlTable | undefined {
  const own = tableOf(document['workspace']);
  if (own !== undefined) return own;
  const levels = file.path.split('/').length;
  for (let up = 1; up < levels; up += 1) {
    const candidate = file.readRelated(`${'../'.repeat(up)}Cargo.toml`);
    if (candidate === undefined) continue;
    const parsed = readToml(candidate.text, { label: 'Cargo.toml', maxDepth });
    const workspace = 'problem' in parsed ? undefined : tableOf(parsed.table['workspace']);
    if (workspace !== undefined) return workspace;
  }
  return undefined;
}

function readPath(document: TomlTable, path: readonly string[]): unknown {
  let node: unknown = document;
  for (const key of path) node = tableOf(node)?.[key];
  return node;
}

function pick(spec: TomlTable, keys: readonly string[]): TomlTable {
  return Object.fromEntries(keys.flatMap((key) => (typeof spec[key] === 'string' ? [[key, spec[key]]] : [])));
}
