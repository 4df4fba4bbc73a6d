import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { pylockExtractor } from './pylock.js';

const extract = (text: string) => pylockExtractor.extract({ path: 'pylock.toml', text, readRelated: () => undefined });

const lockfile = `lock-version = '1.0'
created-by = 'mousebender'

[[packages]]
name = 'attrs'
version = '25.1.0'
wheels = [
  {name = 'attrs-25.1.0-py3-none-any.whl', upload-time = 2025-01-25T11:30:10.164985+00:00, url = 'https://example.org/attrs.whl', hashes = {sha256 = '00'}},
]
[[packages.attestation-identities]]
kind = 'GitHub'
name = 'not-a-package'

[[packages]]
name = 'cattrs'
version = '24.1.2'
dependencies = [
  {name = 'attrs'},
]

[[packages]]
name = 'mleroc'
version = '0.1.0'
vcs = { type = "git", url = "https://github.com/Veggente/mleroc.git", commit-id = "735093f03c4d8be70bfaaae44074ac92d7419b6d" }

[[packages]]
name = 'the-project'
directory = { path = '.', editable = true }
`;

describe('pylockExtractor', () => {
  it('matches pylock.toml and pylock.<name>.toml', () => {
    expect(pylockExtractor.matches('pylock.toml')).toBe(true);
    expect(pylockExtractor.matches('app/pylock.dev.toml')).toBe(true);
    expect(pylockExtractor.matches('pylock.a.b.toml')).toBe(false);
    expect(pylockExtractor.matches('mypylock.toml')).toBe(false);
  });

  it('reports every package but directories, at the line of its name, with VCS commits', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.purl, c.groups, c.location.line, c.commit])).toEqual([
      ['attrs', '25.1.0', 'pkg:pypi/attrs@25.1.0', [], 5, undefined],
      ['cattrs', '24.1.2', 'pkg:pypi/cattrs@24.1.2', [], 15, undefined],
      ['mleroc', '0.1.0', 'pkg:pypi/mleroc@0.1.0', [], 22, '735093f03c4d8be70bfaaae44074ac92d7419b6d'],
    ]);
    expect(result.components[2]?.resolved).toBe('https://github.com/Veggente/mleroc.git');
  });

  it('builds edges from the dependency tables', () => {
    expect(extract(lockfile).edges).toEqual([{ from: 'pkg:pypi/cattrs@24.1.2', to: 'pkg:pypi/attrs@25.1.0' }]);
  });

  it('reads packages written as an inline array, without lines', () => {
    const result = extract('lock-version = "1.0"\npackages = [\n  { name = "six", version = "1.16.0" },\n]\n');
    expect(result.components.map((c) => [c.name, c.version, c.location.line])).toEqual([['six', '1.16.0', undefined]]);
  });

  it('reports a malformed file with the parser line and no components', () => {
    const result = extract("lock-version = '1.0'\n[[packages]\n");
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(2);
  });

  it('reports an entry without a name at its line and keeps the others', () => {
    const result = extract("[[packages]]\nversion = '1.0'\n\n[[packages]]\nname = 'b'\nversion = '1.0.0'\n");
    expect(result.problems).toEqual([{ file: 'pylock.toml', line: 1, message: 'a [[packages]] entry has no name' }]);
    expect(result.components.map((c) => c.name)).toEqual(['b']);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pylockExtractor, { characters: '[]{}="\'#,. \nab1-packagesdirectoryvcs' }, { path: 'pylock.toml' });
  });
});

describeShared('pylock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'pylock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, pylockExtractor)).toEqual([]);
    });
  }
});
