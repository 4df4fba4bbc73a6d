import { describe, expect, it } from 'vitest';
import { arrayTableLines, parseToml, tomlLineLocator } from './toml-file.js';

describe('parseToml', () => {
  it('gives the table, or one problem at the parser line', () => {
    expect(parseToml({ path: 'x.toml', text: 'a = 1\n', readRelated: () => undefined }, 'x.toml')).toEqual({ table: { a: 1 } });
    const failed = parseToml({ path: 'x.toml', text: 'a = 1\nb = \n', readRelated: () => undefined }, 'x.toml');
    expect('failure' in failed && failed.failure.problems.map((p) => [p.file, p.line])).toEqual([['x.toml', 2]]);
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
