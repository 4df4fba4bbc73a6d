/**
 * pylock.toml and pylock.<name>.toml (PEP 751, https://packaging.python.org/en/latest/specifications/pylock-toml/):
 * every `[[packages]]` entry is a component, except `directory` entries (a local source tree,
 * usually the project itself). `vcs.commit-id` is the commit; `dependencies` (tables naming a
 * locked package) give the edges. The corpus records no groups for this format: PEP 751 says
 * which extras and dependency groups need a package only inside its `marker` expression.
 */
import type { Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { dependencyEdges, ecosystem, mergeLocked, pypiComponent } from './locked-package.js';
import type { DependencyReference, LockedPackage } from './locked-package.js';
import { arrayTableLines, parseToml, stringOf, tableOf } from './toml-file.js';
import type { TomlTable } from './toml-file.js';

export const pylockExtractor: Extractor = {
  format: 'pylock',
  ecosystem,
  // PEP 751 "File Name": pylock.toml, or pylock.<name>.toml where the name has no dot.
  matches: (path) => /^pylock\.(?:[^.]+\.)?toml$/.test(path.slice(path.lastIndexOf('/') + 1)),
  extract: extractPylock,
  definition: {
    short: 'pylock.toml and pylock.<name>.toml (PEP 751): every locked package, with VCS commits and the dependency graph',
    fileNames: ['pylock.toml', 'pylock.<name>.toml'],
  },
};

function extractPylock(file: SourceFile): Extraction {
  const parsed = parseToml(file, 'pylock.toml');
  if ('failure' in parsed) return parsed.failure;
  const tables = parsed.table['packages'];
  if (tables === undefined) return { components: [], edges: [], problems: [] };
  if (!Array.isArray(tables)) return { components: [], edges: [], problems: [{ file: file.path, message: '"packages" is not an array of tables' }] };

  const lines = arrayTableLines(file.text, 'packages', tables.length);
  const problems: InventoryProblem[] = [];
  const locked: LockedPackage[] = [];
  tables.forEach((value: unknown, index) => {
    const line = lines[index];
    const entry = lockedPackage(tableOf(value), file.path, line);
    if (typeof entry === 'string') problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: entry });
    else if (entry !== undefined) locked.push(entry);
  });
  const packages = mergeLocked(locked);
  return { components: packages.map((entry) => entry.component), edges: dependencyEdges(packages), problems };
}

function lockedPackage(entry: TomlTable | undefined, path: string, line: number | undefined): LockedPackage | string | undefined {
  if (entry === undefined) return 'a [[packages]] entry is not a table';
  const name = stringOf(entry['name']);
  if (name === undefined || name === '') return 'a [[packages]] entry has no name';
  if (entry['directory'] !== undefined) return undefined;
  // PEP 751 requires a version for packages from an index; a VCS or archive one may omit it.
  const version = stringOf(entry['version']) ?? '';
  const vcs = tableOf(entry['vcs']);
  const commit = stringOf(vcs?.['commit-id']);
  const resolved = stringOf(vcs?.['url']) ?? stringOf(tableOf(entry['archive'])?.['url']);
  const component = pypiComponent({
    name,
    version,
    groups: [],
    location: { file: path, ...(line === undefined ? {} : { line }) },
    ...(commit === undefined || commit === '' ? {} : { commit }),
    ...(resolved === undefined ? {} : { resolved }),
  });
  if (typeof component === 'string') return component;
  return { component, dependencies: referencesOf(entry['dependencies']) };
}

/** PEP 751 `packages.dependencies`: tables with enough keys (name, and version or more) to pick one locked package. */
function referencesOf(value: unknown): DependencyReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): DependencyReference[] => {
    const table = tableOf(item);
    const name = stringOf(table?.['name']);
    const version = stringOf(table?.['version']);
    if (name === undefined) return [];
    return [version === undefined ? { name } : { name, version }];
  });
}
