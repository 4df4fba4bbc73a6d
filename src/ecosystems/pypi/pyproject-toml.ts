/**
 * pyproject.toml as a manifest: the project's direct dependencies as declared ranges, not
 * installed versions (`unpinned`, `versionRange`, and as `version` the range's lower bound or "").
 *
 * - PEP 621 `[project] dependencies` (production) and `optional-dependencies` (group = the extra,
 *   scope optional), https://packaging.python.org/en/latest/specifications/pyproject-toml/;
 * - PEP 735 `[dependency-groups]` (group = the group, scope dev), with `{include-group = "..."}`
 *   expanded, https://peps.python.org/pep-0735/;
 * - Poetry's `[tool.poetry.dependencies]`, `[tool.poetry.group.<name>.dependencies]` and the older
 *   `[tool.poetry.dev-dependencies]`, https://python-poetry.org/docs/pyproject/. `python` is not a
 *   package; an `optional` dependency belongs to the `[tool.poetry.extras]` naming it. When PEP
 *   621 already declares the production dependencies (Poetry 2), `[tool.poetry.dependencies]` only
 *   enriches them, so the names it repeats are not declared twice.
 *
 * Local path dependencies (`file:` URLs, Poetry `path`) are left out: they are not from PyPI. A
 * package declared twice with the same range is one component, production winning.
 */
import type { Component, DependencyScope, Extraction, InventoryProblem } from '../../model/index.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { pyprojectTomlFormat } from '../formats.js';
import { readToml, stringOf, tableOf, tomlLineLocator } from '../toml-file.js';
import type { TomlTable } from '../toml-file.js';
import { normalizePypiName } from './index.js';
import { commitOf, pypiComponent, unitedGroups, widerScope } from './locked-package.js';
import { parsePep508 } from './pep508.js';
import { poetryLowerBound } from './poetry-constraint.js';
import { pep440LowerBound } from './specifiers.js';

/** pyproject.toml nests inline tables a few levels (`foo = { git = "...", extras = [...] }`); far deeper is hostile. */
const maxDepth = 16;

export const pyprojectTomlExtractor: Extractor = { ...pyprojectTomlFormat, extract: extractPyproject };

interface Declaration {
  readonly name: string;
  readonly versionRange: string;
  readonly version: string;
  readonly groups: readonly string[];
  readonly scope: DependencyScope;
  readonly line: number | undefined;
  readonly resolved?: string;
  readonly commit?: string;
  /** The PEP 508 text, for PEP 621 and PEP 735 entries. */
  readonly requirement?: string;
}

interface Reader {
  readonly declarations: Declaration[];
  readonly report: (line: number | undefined, message: string) => void;
  readonly locate: ReturnType<typeof tomlLineLocator>;
}

function extractPyproject(file: SourceFile): Extraction {
  const parsed = readToml(file.text, { label: 'pyproject.toml', maxDepth });
  if ('problem' in parsed) return { components: [], edges: [], problems: [{ file: file.path, ...parsed.problem }] };
  const problems: InventoryProblem[] = [];
  const reported = new Set<string>();
  const reader: Reader = {
    declarations: [],
    locate: tomlLineLocator(file.text),
    report: (line, message) => {
      // An entry of an included dependency group is read once per group including it.
      const key = `${line ?? ''} ${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message });
    },
  };
  readProject(tableOf(parsed.table['project']), reader);
  const declaredByProject = new Set(reader.declarations.filter((declaration) => declaration.scope === 'prod').map((declaration) => normalizePypiName(declaration.name)));
  readDependencyGroups(tableOf(parsed.table['dependency-groups']), reader);
  readPoetry(tableOf(tableOf(parsed.table['tool'])?.['poetry']), reader, declaredByProject);

  const components: Component[] = [];
  for (const declaration of merged(reader.declarations)) {
    const { name, version, versionRange, groups, scope, line, resolved, commit, requirement } = declaration;
    const component = pypiComponent({
      name,
      version,
      groups,
      scope,
      direct: true,
      unpinned: true,
      versionRange,
      location: { file: file.path, ...(line === undefined ? {} : { line }) },
      ...(resolved === undefined ? {} : { resolved }),
      ...(commit === undefined ? {} : { commit }),
      ...(requirement === undefined ? {} : { meta: { requirement } }),
    });
    if (typeof component === 'string') reader.report(line, component);
    else components.push(component);
  }
  return { components, edges: [], problems };
}

function readProject(project: TomlTable | undefined, reader: Reader): void {
  if (project === undefined) return;
  readPep508List(project['dependencies'], ['project'], 'dependencies', [], 'prod', reader);
  const extras = project['optional-dependencies'];
  if (extras === undefined) return;
  const table = tableOf(extras);
  if (table === undefined) {
    reader.report(reader.locate(['project'], 'optional-dependencies'), '[project] optional-dependencies is not a table');
    return;
  }
  for (const [extra, list] of Object.entries(table)) readPep508List(list, ['project', 'optional-dependencies'], extra, [extra], 'optional', reader);
}

function readPep508List(list: unknown, table: readonly string[], key: string, groups: readonly string[], scope: DependencyScope, reader: Reader): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    reader.report(reader.locate(table, key), `[${table.join('.')}] ${key} is not an array of requirements`);
    return;
  }
  for (const item of list) {
    if (typeof item !== 'string') reader.report(reader.locate(table, key), `[${table.join('.')}] ${key} holds a value that is not a requirement string`);
    else declarePep508(item, groups, scope, reader.locate(table, key, item), reader);
  }
}

function declarePep508(text: string, groups: readonly string[], scope: DependencyScope, line: number | undefined, reader: Reader): void {
  const requirement = parsePep508(text);
  if (requirement === undefined) {
    reader.report(line, `"${text}" is not a PEP 508 requirement`);
    return;
  }
  const { name, url, specifier } = requirement;
  const base = { name, groups, scope, line, requirement: text };
  if (url !== undefined) {
    if (/^file:/i.test(url)) return;
    const commit = commitOf(gitReference(url));
    reader.declarations.push({ ...base, versionRange: '', version: '', resolved: url, ...(commit === undefined ? {} : { commit }) });
    return;
  }
  try {
    reader.declarations.push({ ...base, versionRange: specifier, version: pep440LowerBound(specifier) });
  } catch (error) {
    reader.report(line, error instanceof Error ? error.message : String(error));
  }
}

/** The `@ref` of a pip VCS URL (`git+https://host/o/r.git@<ref>#fragment`), after the last path segment's `@`. */
function gitReference(url: string): string | undefined {
  const path = url.split('#')[0] ?? url;
  const at = path.lastIndexOf('@');
  return at > path.lastIndexOf('/') ? path.slice(at + 1) : undefined;
}

/** PEP 735: each group's requirements, and those of the groups it includes (names compare PEP 503-normalized). */
function readDependencyGroups(groups: TomlTable | undefined, reader: Reader): void {
  if (groups === undefined) return;
  const byNormalizedName = new Map(Object.keys(groups).map((group) => [normalizePypiName(group), group]));
  const expand = (group: string, declaredAs: string, visiting: ReadonlySet<string>): void => {
    const list = groups[group];
    if (!Array.isArray(list)) {
      reader.report(reader.locate(['dependency-groups'], group), `dependency group "${group}" is not an array`);
      return;
    }
    for (const item of list) {
      const line = (value?: string): number | undefined => reader.locate(['dependency-groups'], group, value);
      if (typeof item === 'string') {
        declarePep508(item, [declaredAs], 'dev', line(item), reader);
        continue;
      }
      const included = stringOf(tableOf(item)?.['include-group']);
      const target = included === undefined ? undefined : byNormalizedName.get(normalizePypiName(included));
      if (included === undefined) reader.report(line(), `dependency group "${group}" holds an entry that is neither a requirement nor an include-group`);
      else if (target === undefined) reader.report(line(), `dependency group "${group}" includes the unknown group "${included}"`);
      else if (visiting.has(target)) reader.report(line(), `dependency group "${group}" includes "${included}" in a cycle`);
      else expand(target, declaredAs, new Set([...visiting, target]));
    }
  };
  for (const group of Object.keys(groups)) expand(group, group, new Set([group]));
}

function readPoetry(poetry: TomlTable | undefined, reader: Reader, declaredByProject: ReadonlySet<string>): void {
  if (poetry === undefined) return;
  const extras = new Map<string, string[]>();
  for (const [extra, names] of Object.entries(tableOf(poetry['extras']) ?? {})) {
    for (const name of Array.isArray(names) ? names : []) {
      if (typeof name === 'string') extras.set(normalizePypiName(name), [...(extras.get(normalizePypiName(name)) ?? []), extra]);
    }
  }
  const readTable = (value: unknown, table: readonly string[], group: string | undefined): void => {
    for (const [name, constraint] of Object.entries(tableOf(value) ?? {})) {
      const normalized = normalizePypiName(name);
      if (normalized === 'python' || (group === undefined && declaredByProject.has(normalized))) continue;
      const line = reader.locate(table, name);
      for (const single of Array.isArray(constraint) ? (constraint as unknown[]) : [constraint]) {
        const declaration = poetryDeclaration(name, single, group, line, extras.get(normalized));
        if (typeof declaration === 'string') reader.report(line, declaration);
        else if (declaration !== undefined) reader.declarations.push(declaration);
      }
    }
  };
  readTable(poetry['dependencies'], ['tool', 'poetry', 'dependencies'], undefined);
  readTable(poetry['dev-dependencies'], ['tool', 'poetry', 'dev-dependencies'], 'dev');
  for (const [group, table] of Object.entries(tableOf(poetry['group']) ?? {})) {
    readTable(tableOf(table)?.['dependencies'], ['tool', 'poetry', 'group', group, 'dependencies'], group);
  }
}

/** `name = "^1.2"` or `name = { version = "^1.2", optional = true, git = "...", rev = "..." }`; group undefined is main. */
function poetryDeclaration(name: string, constraint: unknown, group: string | undefined, line: number | undefined, extras: readonly string[] | undefined): Declaration | string | undefined {
  const table = tableOf(constraint);
  if (typeof constraint !== 'string' && table === undefined) return `${name}: the constraint is neither a string nor a table`;
  if (table?.['path'] !== undefined) return undefined;
  const versionRange = stringOf(constraint) ?? stringOf(table?.['version']) ?? '';
  const resolved = stringOf(table?.['git']) ?? stringOf(table?.['url']);
  const commit = commitOf(stringOf(table?.['rev']));
  const optional = group === undefined && table?.['optional'] === true;
  const groups = group !== undefined ? [group] : optional ? (extras ?? ['optional']) : [];
  const scope: DependencyScope = group !== undefined ? 'dev' : optional ? 'optional' : 'prod';
  return {
    name,
    versionRange,
    version: poetryLowerBound(versionRange),
    groups,
    scope,
    line,
    ...(resolved === undefined ? {} : { resolved }),
    ...(commit === undefined ? {} : { commit }),
  };
}

/** One declaration per normalized name, range and source: groups united (production winning), the widest scope, the first line. */
function merged(declarations: readonly Declaration[]): Declaration[] {
  const byKey = new Map<string, Declaration>();
  for (const declaration of declarations) {
    const key = `${normalizePypiName(declaration.name)}\u0000${declaration.versionRange}\u0000${declaration.resolved ?? ''}`;
    const earlier = byKey.get(key);
    byKey.set(
      key,
      earlier === undefined
        ? declaration
        : { ...earlier, groups: unitedGroups(earlier.groups, declaration.groups), scope: widerScope(earlier.scope, declaration.scope) ?? earlier.scope },
    );
  }
  return [...byKey.values()];
}
