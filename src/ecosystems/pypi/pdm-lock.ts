/**
 * pdm.lock (https://pdm-project.org/en/latest/usage/lockfile/): every `[[package]]` is a component.
 * Groups as OSV-SCALIBR gives them: `default` is production (`[]`), `dev` gives `dev`, and a
 * package in neither is `optional` (its groups are optional-dependency groups); a package in both
 * `default` and `dev` is production, as a merged npm package is in the corpus. A git package's
 * `revision` is the commit, and the PEP 508 `dependencies` give the edges. pdm locks a package once
 * more per extra it is used with; those entries are merged.
 */
import type { DependencyScope } from '../../model/index.js';
import type { Extractor } from '../extractor.js';
import { pdmLockFormat } from '../formats.js';
import { stringOf, stringsOf } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { pypiComponent } from './locked-package.js';
import type { DependencyReference, LockedPackage } from './locked-package.js';
import { parsePep508 } from './pep508.js';
import { extractTomlLock } from './toml-lock.js';

export const pdmLockExtractor: Extractor = { ...pdmLockFormat, extract: (file) => extractTomlLock(file, { label: 'pdm.lock', table: 'package' }, lockedPackage) };

function lockedPackage(entry: TomlTable | undefined, path: string, line: number | undefined): LockedPackage | string {
  if (entry === undefined) return 'a [[package]] entry is not a table';
  const name = stringOf(entry['name']);
  const version = stringOf(entry['version']);
  if (name === undefined || name === '' || version === undefined) return 'a [[package]] entry has no name or version';
  const revision = stringOf(entry['revision']);
  const git = stringOf(entry['git']);
  const [groups, scope] = groupsOf(entry);
  const component = pypiComponent({
    name,
    version,
    groups,
    ...(scope === undefined ? {} : { scope }),
    location: { file: path, ...(line === undefined ? {} : { line }) },
    ...(revision === undefined || revision === '' ? {} : { commit: revision }),
    ...(git === undefined ? {} : { resolved: git }),
  });
  if (typeof component === 'string') return component;
  const dependencies = stringsOf(entry['dependencies']).flatMap((text): DependencyReference[] => {
    const requirement = parsePep508(text);
    return requirement === undefined ? [] : [{ name: requirement.name, specifier: requirement.specifier }];
  });
  return { component, dependencies };
}

/** A lock without `groups` (pdm before 2.8 wrote none) cannot tell, so it gives `[]` and no scope. */
function groupsOf(entry: TomlTable): [readonly string[], DependencyScope | undefined] {
  if (!Array.isArray(entry['groups'])) return [[], undefined];
  const groups = stringsOf(entry['groups']);
  if (groups.includes('default')) return [[], 'prod'];
  if (groups.includes('dev')) return [['dev'], 'dev'];
  return [['optional'], 'optional'];
}
