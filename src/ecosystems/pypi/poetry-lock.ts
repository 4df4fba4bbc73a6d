/**
 * poetry.lock (https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock): every
 * `[[package]]` is a component. Groups as OSV-SCALIBR gives them: `optional = true` gives
 * `optional`; Poetry 2 `groups` give their names, except that `main` makes the package a production
 * one (`[]`); Poetry 1 files without `groups` give `dev` for `category = "dev"`. A git source's
 * `resolved_reference` is the commit, and `[package.dependencies]` gives the edges.
 */
import type { DependencyScope } from '../../model/index.js';
import type { Extractor } from '../extractor.js';
import { poetryLockFormat } from '../formats.js';
import { stringOf, stringsOf, tableOf } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { pypiComponent } from './locked-package.js';
import type { DependencyReference, LockedPackage } from './locked-package.js';
import { extractTomlLock } from './toml-lock.js';

export const poetryLockExtractor: Extractor = { ...poetryLockFormat, extract: (file) => extractTomlLock(file, { label: 'poetry.lock', table: 'package' }, lockedPackage) };

function lockedPackage(entry: TomlTable | undefined, path: string, line: number | undefined): LockedPackage | string {
  if (entry === undefined) return 'a [[package]] entry is not a table';
  const name = stringOf(entry['name']);
  const version = stringOf(entry['version']);
  if (name === undefined || name === '' || version === undefined) return 'a [[package]] entry has no name or version';
  const source = tableOf(entry['source']);
  const url = stringOf(source?.['url']);
  const commit = stringOf(source?.['type']) === 'git' ? stringOf(source?.['resolved_reference']) : undefined;
  const groups = groupsOf(entry);
  const component = pypiComponent({
    name,
    version,
    groups,
    scope: scopeOf(entry, groups),
    location: { file: path, ...(line === undefined ? {} : { line }) },
    ...(commit === undefined || commit === '' ? {} : { commit }),
    ...(url === undefined ? {} : { resolved: url }),
  });
  if (typeof component === 'string') return component;
  return { component, dependencies: dependenciesOf(tableOf(entry['dependencies'])) };
}

function groupsOf(entry: TomlTable): readonly string[] {
  // An optional package cannot be in another group, or it would be required.
  if (entry['optional'] === true) return ['optional'];
  if (Array.isArray(entry['groups'])) {
    const groups = stringsOf(entry['groups']);
    return groups.includes('main') ? [] : groups;
  }
  return entry['category'] === 'dev' ? ['dev'] : [];
}

function scopeOf(entry: TomlTable, groups: readonly string[]): DependencyScope {
  if (entry['optional'] === true) return 'optional';
  return groups.length === 0 ? 'prod' : 'dev';
}

/** `name = "spec"`, `name = { version = "spec", ... }`, or an array of such tables (one per marker). */
function dependenciesOf(table: TomlTable | undefined): DependencyReference[] {
  if (table === undefined) return [];
  return Object.entries(table).flatMap(([name, value]): DependencyReference[] => {
    const constraints: unknown[] = Array.isArray(value) ? value : [value];
    return constraints.map((constraint) => {
      const specifier = stringOf(constraint) ?? stringOf(tableOf(constraint)?.['version']);
      return specifier === undefined ? { name } : { name, specifier };
    });
  });
}
