/**
 * yarn.lock, yarn 1 (https://classic.yarnpkg.com/en/docs/yarn-lock) and yarn 2+ "berry"
 * (https://yarnpkg.com/advanced/lockfile): each entry resolves one or more descriptors
 * (`name@range`) to a `version`. An alias (`alias@npm:real@^1`) installs `real`; a patch
 * (`patch:real@npm%3A1.0.0#...`) is the same version as the package it patches, so the two
 * entries are one component. git, GitHub and codeload resolutions carry `commit`. The root
 * workspace (`name@workspace:.`) is the project itself, not a component; other workspaces are.
 * Edges follow each entry's `dependencies` and `optionalDependencies` to the entry listing the
 * same descriptor. Only berry records what the project declares (the dependencies of the workspace
 * entries), so only berry sets `direct`; neither flavour records dev or optional: no groups, no scope.
 */
import type { Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { yarnLockFormat } from '../formats.js';
import { gitCommit } from './git-commit.js';
import type { InstallEdge, InstalledPackage } from './locked-packages.js';
import { mergeInstalledPackages } from './locked-packages.js';
import type { YarnEntry } from './yarn-entries.js';
import { readYarnEntries } from './yarn-entries.js';

interface Dependency {
  readonly name: string;
  readonly range: string;
}

export const yarnLockExtractor: Extractor = { ...yarnLockFormat, extract: extractYarnLock };

function extractYarnLock(file: SourceFile): Extraction {
  const reading = readYarnEntries(file.text);
  const berry = reading.flavour === 'berry';
  const problems: InventoryProblem[] = reading.problems.map((problem) => ({ file: file.path, ...problem }));
  const installed: InstalledPackage[] = [];
  const pathOfDescriptor = new Map<string, string>();
  const dependencyLists: { readonly from: string; readonly dependencies: readonly Dependency[] }[] = [];
  // What the workspaces (the root project among them) declare; undefined without any workspace entry.
  let declared: Dependency[] | undefined;

  for (const entry of reading.entries) {
    const path = entry.descriptors.join(', ');
    const resolution = stringField(entry, berry ? 'resolution' : 'resolved');
    const dependencies = entryDependencies(entry);
    const references = [resolution ?? '', ...entry.descriptors];
    const workspace = berry && references.some((reference) => reference.includes('@workspace:'));
    if (workspace) (declared ??= []).push(...dependencies);
    if (workspace && references.some((reference) => reference.endsWith('@workspace:.'))) continue;

    const locator = berry && resolution !== undefined ? splitLocator(resolution) : undefined;
    const name = locator?.name ?? descriptorName(entry.descriptors[0] ?? '');
    const version = stringField(entry, 'version');
    if (name === '' || version === undefined || version === '') {
      problems.push({ file: file.path, line: entry.line, message: `${path}: the entry has no name or version` });
      continue;
    }
    const commit = resolution === undefined ? undefined : gitCommit(resolution);
    const integrity = stringField(entry, berry ? 'checksum' : 'integrity');
    // berry's resolution is a locator (`name@npm:1.0.0`, `name@https://...git#commit=...`): its reference says where from.
    const resolved = berry ? locator?.reference : resolution;
    installed.push({ path, name, version, commit, groups: [], line: entry.line, integrity, resolved });
    for (const descriptor of entry.descriptors) if (!pathOfDescriptor.has(descriptor)) pathOfDescriptor.set(descriptor, path);
    dependencyLists.push({ from: path, dependencies });
  }

  // berry writes `ms: 2.1.2` for the descriptor `ms@npm:2.1.2` in lockfiles before version 6 (npm is its default protocol).
  const target = ({ name, range }: Dependency): string | undefined => pathOfDescriptor.get(`${name}@${range}`) ?? (berry ? pathOfDescriptor.get(`${name}@npm:${range}`) : undefined);
  const edges: InstallEdge[] = dependencyLists.flatMap(({ from, dependencies }) =>
    dependencies.flatMap((dependency) => {
      const to = target(dependency);
      return to === undefined ? [] : [{ from, to }];
    }),
  );
  const direct = declared === undefined ? undefined : new Set(declared.map(target));
  const merged = mergeInstalledPackages(file.path, direct === undefined ? installed : installed.map((entry) => ({ ...entry, direct: direct.has(entry.path) })), edges);
  return { components: merged.components, edges: merged.edges, problems: [...problems, ...merged.problems] };
}

function stringField(entry: YarnEntry, field: string): string | undefined {
  const value = entry.fields.get(field);
  return typeof value === 'string' ? value : undefined;
}

function entryDependencies(entry: YarnEntry): Dependency[] {
  return ['dependencies', 'optionalDependencies'].flatMap((field) => {
    const block = entry.fields.get(field);
    if (!(block instanceof Map)) return [];
    return [...(block as Map<unknown, unknown>).entries()].flatMap(([name, range]) => (typeof name === 'string' && typeof range === 'string' ? [{ name, range }] : []));
  });
}

/** A berry locator `name@reference`: the name ends at the first `@` after a scope's. */
function splitLocator(locator: string): { readonly name: string; readonly reference: string } | undefined {
  const at = locator.indexOf('@', 1);
  return at === -1 ? undefined : { name: locator.slice(0, at), reference: locator.slice(at + 1) };
}

/** The package a descriptor installs: `name@range`, or the real name of an alias `alias@npm:real@range`. */
function descriptorName(descriptor: string): string {
  let current = descriptor;
  for (;;) {
    const at = current.indexOf('@', 1);
    if (at === -1) return current;
    const range = current.slice(at + 1);
    if (!range.startsWith('npm:') || range.indexOf('@', 'npm:'.length + 1) === -1) return current.slice(0, at);
    current = range.slice('npm:'.length);
  }
}
