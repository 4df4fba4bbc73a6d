/**
 * pylock.toml and pylock.<name>.toml (PEP 751, https://packaging.python.org/en/latest/specifications/pylock-toml/):
 * every `[[packages]]` entry is a component, except `directory` entries (a local source tree,
 * usually the project itself). `vcs.commit-id` is the commit; `dependencies` (tables naming a
 * locked package) give the edges. The corpus records no groups for this format: PEP 751 says
 * which extras and dependency groups need a package only inside its `marker` expression.
 */
import type { Extractor } from '../extractor.js';
import { pylockFormat } from '../formats.js';
import { stringOf, tableOf } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { pypiComponent } from './locked-package.js';
import type { LockedPackage } from './locked-package.js';
import { extractTomlLock, referencesOf } from './toml-lock.js';

export const pylockExtractor: Extractor = { ...pylockFormat, extract: (file) => extractTomlLock(file, { label: 'pylock.toml', table: 'packages' }, lockedPackage) };

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
