import { describe, expect, it } from 'vitest';
import { arrayTableEntries, arrayTableLines, readToml, tomlLineLocator } from './toml-file.js';

describe('readToml', () => {
  it('gives the table, or one problem at the parser line with the first line of its message', () => {
    expect(readToml('a = 1\n', { label: 'x.toml', maxDepth: 4 })).toEqual({ table: { a: 1 } });
    const failed = readToml('a = 1\nb = \n', { label: 'x.toml', maxDepth: 4 });
    expect('problem' in failed && failed.problem.line).toBe(2);
    expect('problem' in failed && failed.problem.message).toMatch(/^could not parse x\.toml as TOML: [^\n]+$/);
  });

  it('refuses inline nesting deeper than the limit', () => {
    expect(readToml('a = [[[1]]]\n', { label: 'x.toml', maxDepth: 2 })).toHaveProperty('problem');
  });
});

describe('arrayTableEntries', () => {
  it('gives each entry with its line, undefined for one that is not a table', () => {
    const text = 'package = [{ name = "a" }, 1]\n';
    expect(arrayTableEntries({ package: [{ name: 'a' }, 1] }, text, 'package')).toEqual({
      entries: [
        { table: { name: 'a' }, line: undefined },
        { table: undefined, line: undefined },
      ],
    });
    expect(arrayTableEntries({ package: [{ name: 'a' }] }, '[[package]]\nname = "a"\n', 'package')).toEqual({ entries: [{ table: { name: 'a' }, line: 2 }] });
  });

  it('gives no entries without the key, and the problem when it is not an array', () => {
    expect(arrayTableEntries({}, '', 'package')).toEqual({ entries: [] });
    expect(arrayTableEntries({ package: 'x' }, 'package = "x"\n', 'package')).toEqual({ problem: '"package" is not an array of tables' });
  });
});

describe('arrayTableLines', () => {
  it('gives the line of each entry name, ignoring comments, other keys and sub-tables', () => {
    const text = '[[packages]]\n# name = "x"\nname_other = "y"\nname = "a"\n\n[packages.tool]\nname = "t"\n\n[[packages]]\nversion = "1"\n[[packages.wheels]]\nname = "w"\n';
    expect(arrayTableLines(text, 'packages', 2)).toEqual([4, 9]);
  });

  it('gives no lines when the count disagrees', () => {
    expect(arrayTableLines('[[package]]\nname = "a"\n', 'package', 2)).toEqual([]);
  });
});

describe('tomlLineLocator', () => {
  const locate = tomlLineLocator('[project]\nname = "p"\ndependencies = [\n  "a>=1",\n  \'b\',\n]\n\n[tool.poetry."group".dev.dependencies]\n"zope.interface" = "^5"\n');

  it('finds keys under a header and string values under a key', () => {
    expect(locate(['project'], 'dependencies')).toBe(3);
    expect(locate(['project'], 'dependencies', 'a>=1')).toBe(4);
    expect(locate(['project'], 'dependencies', 'b')).toBe(5);
    expect(locate(['tool', 'poetry', 'group', 'dev', 'dependencies'], 'zope.interface')).toBe(9);
  });

  it('gives undefined for a table without a header or a key not in it, and the key line for a value it cannot see', () => {
    expect(locate(['tool'], 'poetry')).toBeUndefined();
    expect(locate(['project'], 'version')).toBeUndefined();
    expect(locate(['project'], 'dependencies', 'c "escaped"')).toBe(3);
  });
});
