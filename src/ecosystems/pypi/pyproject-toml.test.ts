import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { pyprojectTomlExtractor } from './pyproject-toml.js';

const extract = (text: string) => pyprojectTomlExtractor.extract({ path: 'pyproject.toml', text, readRelated: () => undefined });
const summary = (text: string) =>
  extract(text).components.map((c) => [c.name, c.version, c.versionRange, c.groups, c.scope, c.location.line]);

const pep621 = `[build-system]
requires = ["hatchling"]

[project]
name = "app"
requires-python = ">=3.10"
dependencies = [
    "requests[socks]>=2.31,<3",
    "Django ~= 4.2.1",
    "attrs",
    "rich<14",
    'tomli>=1.1.0; python_version < "3.11"',
    "mylib @ git+https://github.com/o/mylib.git@0123456789abcdef0123456789abcdef01234567",
    "local @ file:///home/me/local",
]

[project.optional-dependencies]
cli = ["click>=8"]
test = ["pytest>=8", "requests>=2.31,<3"]

[dependency-groups]
lint = ["ruff==0.4.4"]
dev = [{include-group = "Lint"}, "mypy>1"]
`;

describe('pyprojectTomlExtractor', () => {
  it('matches pyproject.toml only', () => {
    expect(pyprojectTomlExtractor.matches('pkg/pyproject.toml')).toBe(true);
    expect(pyprojectTomlExtractor.matches('pyproject.toml.bak')).toBe(false);
  });

  it('declares PEP 621, extra and PEP 735 dependencies as direct, unpinned ranges with their lower bound', () => {
    const result = extract(pep621);
    expect(result.problems).toEqual([]);
    expect(summary(pep621)).toEqual([
      ['requests', '2.31', '>=2.31,<3', [], 'prod', 8],
      ['Django', '4.2.1', '~= 4.2.1', [], 'prod', 9],
      ['attrs', '', '', [], 'prod', 10],
      ['rich', '', '<14', [], 'prod', 11],
      ['tomli', '1.1.0', '>=1.1.0', [], 'prod', 12],
      ['mylib', '', '', [], 'prod', 13],
      ['click', '8', '>=8', ['cli'], 'optional', 18],
      ['pytest', '8', '>=8', ['test'], 'optional', 19],
      ['ruff', '0.4.4', '==0.4.4', ['lint', 'dev'], 'dev', 22],
      ['mypy', '', '>1', ['dev'], 'dev', 23],
    ]);
    expect(result.components.every((c) => c.direct === true && c.unpinned === true)).toBe(true);
  });

  it('keeps the URL and commit of a direct reference, and the requirement text', () => {
    const mylib = extract(pep621).components.find((c) => c.name === 'mylib');
    expect(mylib?.resolved).toBe('git+https://github.com/o/mylib.git@0123456789abcdef0123456789abcdef01234567');
    expect(mylib?.commit).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(mylib?.purl).toBe('pkg:pypi/mylib');
    expect(extract(pep621).components[0]?.meta).toEqual({ requirement: 'requests[socks]>=2.31,<3' });
  });

  it('reads Poetry dependencies, groups and extras, skipping python and path dependencies', () => {
    const text = `[tool.poetry]
name = "app"

[tool.poetry.dependencies]
python = "^3.10"
requests = "^2.31"
"zope.interface" = ">=5.0,<6 || ^7.1"
pendulum = { version = "~2.1", optional = true }
redis = { version = "*", optional = true }
ike = { git = "https://github.com/dzshn/ike", rev = "cd66602cd29f61a2d2e7fb995fef1e61708c034d" }
mine = { path = "../mine" }
numpy = [
    { version = "^1.24", python = ">=3.9" },
    { version = "^1.21", python = "<3.9" },
]

[tool.poetry.extras]
dates = ["pendulum"]

[tool.poetry.group.test.dependencies]
pytest = "8.0.0"

[tool.poetry.dev-dependencies]
black = ">=23"
`;
    expect(extract(text).problems).toEqual([]);
    expect(summary(text)).toEqual([
      ['requests', '2.31', '^2.31', [], 'prod', 6],
      ['zope.interface', '5.0', '>=5.0,<6 || ^7.1', [], 'prod', 7],
      ['pendulum', '2.1', '~2.1', ['dates'], 'optional', 8],
      ['redis', '', '*', ['optional'], 'optional', 9],
      ['ike', '', '', [], 'prod', 10],
      ['numpy', '1.24', '^1.24', [], 'prod', 12],
      ['numpy', '1.21', '^1.21', [], 'prod', 12],
      ['black', '23', '>=23', ['dev'], 'dev', 24],
      ['pytest', '8.0.0', '8.0.0', ['test'], 'dev', 21],
    ]);
    expect(extract(text).components.find((c) => c.name === 'ike')?.commit).toBe('cd66602cd29f61a2d2e7fb995fef1e61708c034d');
  });

  it('lets Poetry 2 enrich the PEP 621 dependencies without declaring them twice', () => {
    const text = '[project]\nname = "app"\ndependencies = ["requests>=2"]\n\n[tool.poetry.dependencies]\nrequests = { source = "private" }\nrich = "^13"\n';
    expect(summary(text)).toEqual([
      ['requests', '2', '>=2', [], 'prod', 3],
      ['rich', '13', '^13', [], 'prod', 7],
    ]);
  });

  it('reports bad entries at their line and keeps the others', () => {
    const text = '[project]\ndependencies = [\n  "ok>=1",\n  "bad>=1.0.*",\n  "-nope",\n]\n\n[dependency-groups]\ndev = [{include-group = "missing"}, {include-group = "dev"}]\n';
    const result = extract(text);
    expect(result.components.map((c) => c.name)).toEqual(['ok']);
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'invalid PEP 440 specifier ">=1.0.*": ".*" only goes with == and != (>=1.0.*)'],
      [5, '"-nope" is not a PEP 508 requirement'],
      [9, 'dependency group "dev" includes the unknown group "missing"'],
      [9, 'dependency group "dev" includes "dev" in a cycle'],
    ]);
  });

  it('reports a malformed file with the parser line and no components', () => {
    const result = extract('[project]\ndependencies = ["a"\n');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pyprojectTomlExtractor, { characters: '[]{}="\'#,. \n>=<~^*projectdependencies-groupstoolpoetry' }, { path: 'pyproject.toml' });
  });
});
