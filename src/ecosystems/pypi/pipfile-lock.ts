/**
 * Pipfile.lock (https://pipenv.pypa.io/en/latest/pipfile.html#pipfile-lock): `default` holds the
 * production packages (groups `[]`), `develop` the development ones (group `dev`), and any other
 * top-level object a pipenv package category (group named after it). Versions are written `==X`.
 * Entries without a version (git, path and editable ones) yield nothing, as in the corpus. A
 * package in several sections is reported once, production winning.
 */
import type { Node } from 'jsonc-parser';
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pipfileLockFormat } from '../formats.js';
import { objectEntries, property, readJsonObject, stringValue } from '../json-tree.js';
import type { JsonEntry } from '../json-tree.js';
import { pypiComponent, unitedGroups } from './locked-package.js';
import { normalizePypiName } from './index.js';

/** Pipfile.lock nests four levels (section → package → hashes); far deeper is hostile. */
const maxDepth = 64;

export const pipfileLockExtractor: Extractor = { ...pipfileLockFormat, extract: extractPipfileLock };

function extractPipfileLock(file: SourceFile): Extraction {
  // An empty file is an empty lock, as in the corpus.
  if (file.text.trim() === '') return { components: [], edges: [], problems: [] };
  const document = readJsonObject(file.text, { label: 'Pipfile.lock', jsonc: false, maxDepth });
  if ('problem' in document) return { components: [], edges: [], problems: [{ file: file.path, ...document.problem }] };
  const { root, line: lines } = document;

  const problems: InventoryProblem[] = [];
  const byKey = new Map<string, Component>();
  for (const [section, packages] of sections(root)) {
    if (packages.type !== 'object') {
      problems.push({ file: file.path, line: lines(packages.offset), message: `"${section}" is not an object` });
      continue;
    }
    for (const entry of objectEntries(packages)) {
      const component = componentOf(entry, section, file.path, lines(entry.offset));
      if (component === undefined) continue;
      if (typeof component === 'string') {
        problems.push({ file: file.path, line: lines(entry.offset), message: component });
        continue;
      }
      const key = `${normalizePypiName(component.name)}@${component.version}`;
      const earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, component);
      else byKey.set(key, merged(earlier, component));
    }
  }
  return { components: [...byKey.values()], edges: [], problems };
}

/** `default` first, then `develop`, then the other categories in file order; `_meta` is not a section. */
function sections(root: Node): [string, Node][] {
  const found = objectEntries(root).flatMap(({ key, value }): [string, Node][] => (key !== '_meta' && value !== undefined ? [[key, value]] : []));
  const rank = (name: string): number => (name === 'default' ? 0 : name === 'develop' ? 1 : 2);
  return found.sort((a, b) => rank(a[0]) - rank(b[0]));
}

function componentOf({ key: name, value: entry }: JsonEntry, section: string, path: string, line: number): Component | string | undefined {
  if (entry?.type !== 'object') return `${name}: the package entry is not an object`;
  const written = stringValue(property(entry, 'version'));
  if (written === undefined) return undefined;
  const version = written.replace(/^===?/, '');
  const groups = section === 'default' ? [] : section === 'develop' ? ['dev'] : [section];
  const scope: DependencyScope | undefined = section === 'default' ? 'prod' : section === 'develop' ? 'dev' : undefined;
  return pypiComponent({ name, version, groups, ...(scope === undefined ? {} : { scope }), location: { file: path, line } });
}

function merged(earlier: Component, later: Component): Component {
  const groups = unitedGroups(earlier.groups, later.groups);
  const { scope: _scope, ...rest } = earlier;
  return groups.length === 0 ? { ...rest, groups, scope: 'prod' } : { ...earlier, groups };
}
