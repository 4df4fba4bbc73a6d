import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { mixLockExtractor } from './mix-lock.js';

const extract = (text: string) => mixLockExtractor.extract({ path: 'mix.lock', text, readRelated: () => undefined });

const lockfile = `%{
  "plug": {:hex, :plug, "1.11.1", "f2992bac66fdae679453c9e86134a4201f6f43a687d8ff1cd1b2862d53c80259", [:mix], [{:mime, "~> 1.0", [hex: :mime, repo: "hexpm", optional: false]}, {:jason, "~> 1.0", [hex: :jason, repo: "hexpm", optional: true]}], "hexpm", "23524e4fefbb587c11f0833b3910bfb414bf2e25"},
  # a comment, and a "#{not interpolated}" string below
  "mime": {:hex, :mime, "1.5.0", "203ef35ef3389aae6d361918bf3f952fa17a09e8e43b5aa592b93eba05d0fb8d", [:mix], [], "hexpm", "#{System.cmd}"},
  "foo": {:git, "https://github.com/my-org/foo.git", "fc94cce7830fa4dc455024bc2a83720afe244531", [branch: "feat/my-improvement"]},
  "certifi": {:hex, },
  "local" => {:path, "../local", []},
}
`;

describe('mixLockExtractor', () => {
  it('matches mix.lock only', () => {
    expect(mixLockExtractor.matches('apps/web/mix.lock')).toBe(true);
    expect(mixLockExtractor.matches('mix.exs')).toBe(false);
  });

  it('reads Hex entries with their checksum and git entries with their commit, at the line of their key', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'plug',
        version: '1.11.1',
        ecosystem: 'Hex',
        purl: 'pkg:hex/plug@1.11.1',
        groups: [],
        location: { file: 'mix.lock', line: 2 },
        meta: { checksum: 'f2992bac66fdae679453c9e86134a4201f6f43a687d8ff1cd1b2862d53c80259' },
      },
      {
        name: 'mime',
        version: '1.5.0',
        ecosystem: 'Hex',
        purl: 'pkg:hex/mime@1.5.0',
        groups: [],
        location: { file: 'mix.lock', line: 4 },
        meta: { checksum: '203ef35ef3389aae6d361918bf3f952fa17a09e8e43b5aa592b93eba05d0fb8d' },
      },
      {
        name: 'foo',
        version: '',
        ecosystem: 'Hex',
        purl: 'pkg:hex/foo',
        groups: [],
        location: { file: 'mix.lock', line: 5 },
        commit: 'fc94cce7830fa4dc455024bc2a83720afe244531',
        resolved: 'https://github.com/my-org/foo.git',
      },
    ]);
  });

  it('builds edges from the dependencies of Hex entries to locked apps', () => {
    expect(extract(lockfile).edges).toEqual([{ from: 'pkg:hex/plug@1.11.1', to: 'pkg:hex/mime@1.5.0' }]);
  });

  it('names a Hex entry by its package, not its app key', () => {
    const result = extract('%{"my_app": {:hex, :real_package, "1.0.0", "abc", [:mix], [], "hexpm", "def"}}');
    expect(result.components.map((c) => [c.name, c.version])).toEqual([['real_package', '1.0.0']]);
  });

  it('reads an empty map', () => {
    expect(extract('%{}\n')).toEqual({ components: [], edges: [], problems: [] });
    expect(extract('%{\n}\n')).toEqual({ components: [], edges: [], problems: [] });
  });

  it('reports a syntax error with its line and no components', () => {
    expect(extract('%{\n  "a": {:hex, :a, "1.0.0"},\n  "b": {:hex, :b, "1.0.0" ]\n}')).toEqual({
      components: [],
      edges: [],
      problems: [{ file: 'mix.lock', line: 3, message: 'could not read mix.lock: expected "," or "}"' }],
    });
    expect(extract('%{"a": "unterminated}').problems).toEqual([{ file: 'mix.lock', line: 1, message: 'could not read mix.lock: unterminated string' }]);
    expect(extract('[]').problems).toEqual([{ file: 'mix.lock', line: 1, message: 'mix.lock is not a map' }]);
  });

  it('refuses hostile nesting', () => {
    const result = extract(`%{"a": ${'['.repeat(10000)}${']'.repeat(10000)}}`);
    expect(result.components).toEqual([]);
    expect(result.problems).toEqual([{ file: 'mix.lock', line: 1, message: 'could not read mix.lock: terms nest deeper than 32 levels' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(mixLockExtractor, { characters: '%{}[]:",=>#\\ \nab1hexgit' });
  });
});

describeShared('mix-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'mix-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, mixLockExtractor)).toEqual([]);
    });
  }
});
