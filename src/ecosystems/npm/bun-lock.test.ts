import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { bunLockExtractor } from './bun-lock.js';

const extract = (text: string) => bunLockExtractor.extract({ path: 'bun.lock', text, readRelated: () => undefined });
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

const lockfile = `{
  "lockfileVersion": 1,
  // bun writes no comments, but JSONC allows them
  "workspaces": {
    "": {
      "name": "root",
      "dependencies": { "a": "^1.0.0", "app": "workspace:*", "@s/g": "github:s/g" },
      "devDependencies": { "b": "^2.0.0" },
      "optionalDependencies": { "o": "^1.0.0" },
    },
    "packages/app": {
      "name": "app",
      "version": "0.2.0",
      "dependencies": { "a": "^2.0.0" },
    },
  },
  "packages": {
    "a": ["a@1.0.0", "", { "dependencies": { "c": "^1.0.0" } }, "sha512-a1"],
    "app": ["app@workspace:packages/app"],
    "app/a": ["a@2.0.0", "", {}, "sha512-a2"],
    "b": ["b@2.0.0", "https://registry.example.com/", { "dependencies": { "c": "^2.0.0" } }, "sha512-b"],
    "b/c": ["c@2.0.0", "", {}, "sha512-c2"],
    "c": ["c@1.0.0", "", {}, "sha512-c1"],
    "o": ["o@1.0.0", "", { "dependencies": { "c": "^1.0.0" } }, "sha512-o"],
    "@s/g": ["@s/g@github:s/g#abc1234", { "peerDependencies": { "a": "*" } }, "s-g-abc1234"],
    "local": ["local@file:../local", {}],
    "tar": ["tar@https://example.com/tar-1.0.0.tgz", {}],
    "root": ["root@root:", { "bin": "x" }],
  },
}`;

describe('bunLockExtractor', () => {
  it('matches bun.lock outside node_modules only', () => {
    expect(bunLockExtractor.matches('web/bun.lock')).toBe(true);
    expect(bunLockExtractor.matches('bun.lockb')).toBe(false);
    expect(bunLockExtractor.matches('node_modules/x/bun.lock')).toBe(false);
  });

  it('reads every package tuple at the line of its key, with the corpus groups []', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.commit, c.location.line, c.groups])).toEqual([
      ['a', '1.0.0', undefined, lineOf(lockfile, '"a": ['), []],
      ['app', '0.2.0', undefined, lineOf(lockfile, '"app": ['), []],
      ['a', '2.0.0', undefined, lineOf(lockfile, '"app/a"'), []],
      ['b', '2.0.0', undefined, lineOf(lockfile, '"b": ['), []],
      ['c', '2.0.0', undefined, lineOf(lockfile, '"b/c"'), []],
      ['c', '1.0.0', undefined, lineOf(lockfile, '"c": ['), []],
      ['o', '1.0.0', undefined, lineOf(lockfile, '"o": ['), []],
      ['@s/g', '', 'abc1234', lineOf(lockfile, '"@s/g": ['), []],
      ['local', '', undefined, lineOf(lockfile, '"local"'), []],
      ['tar', '', undefined, lineOf(lockfile, '"tar"'), []],
    ]);
  });

  it('keeps integrity, the registry and the source of git and tarball packages', () => {
    const byKey = new Map(extract(lockfile).components.map((c) => [`${c.name}@${c.version}${c.commit ?? ''}`, c]));
    expect(byKey.get('a@1.0.0')?.integrity).toBe('sha512-a1');
    expect(byKey.get('b@2.0.0')?.resolved).toBe('https://registry.example.com/');
    expect(byKey.get('@s/g@abc1234')?.resolved).toBe('github:s/g#abc1234');
    expect(byKey.get('@s/g@abc1234')?.integrity).toBeUndefined();
    expect(byKey.get('tar@')?.resolved).toBe('https://example.com/tar-1.0.0.tgz');
  });

  it('tells direct dependencies from the workspaces and scopes from the graph', () => {
    expect(extract(lockfile).components.map((c) => [c.name, c.version, c.direct, c.scope])).toEqual([
      ['a', '1.0.0', true, 'prod'],
      ['app', '0.2.0', true, 'prod'],
      ['a', '2.0.0', true, 'prod'],
      ['b', '2.0.0', true, 'dev'],
      ['c', '2.0.0', false, 'dev'],
      ['c', '1.0.0', false, 'prod'],
      ['o', '1.0.0', true, 'optional'],
      ['@s/g', '', true, 'prod'],
      ['local', '', false, undefined],
      ['tar', '', false, undefined],
    ]);
  });

  it('resolves edges through the nested keys: own key first, then up', () => {
    expect(extract(lockfile).edges).toEqual([
      { from: 'pkg:npm/a@1.0.0', to: 'pkg:npm/c@1.0.0' },
      { from: 'pkg:npm/app@0.2.0', to: 'pkg:npm/a@2.0.0' },
      { from: 'pkg:npm/b@2.0.0', to: 'pkg:npm/c@2.0.0' },
      { from: 'pkg:npm/o@1.0.0', to: 'pkg:npm/c@1.0.0' },
      { from: 'pkg:npm/%40s/g', to: 'pkg:npm/a@1.0.0' },
    ]);
  });

  it('reports a malformed tuple naming its key and line, and keeps the other packages', () => {
    const text = '{\n  "packages": {\n    "bad": [123],\n    "empty": [],\n    "plain": ["no-separator"],\n    "ok": ["ok@1.0.0", "", {}, "sha512-x"],\n  },\n}';
    const result = extract(text);
    expect(result.components.map((c) => c.name)).toEqual(['ok']);
    expect(result.problems).toEqual([
      { file: 'bun.lock', line: 3, message: "could not extract 'bad': first element of package tuple is not a string" },
      { file: 'bun.lock', line: 4, message: "could not extract 'empty': empty package tuple" },
      { file: 'bun.lock', line: 5, message: `could not extract 'plain': "no-separator" is not name@resolution` },
    ]);
  });

  it('reads a file without packages as empty, and a malformed file as one problem', () => {
    expect(extract('{ "lockfileVersion": 1, "workspaces": { "": {} }, }')).toEqual({ components: [], edges: [], problems: [] });
    const malformed = extract('{\n  "packages": {\n    "a": ["a@1.0.0",\n');
    expect(malformed.components).toEqual([]);
    expect(malformed.problems).toHaveLength(1);
    expect(extract('[]').problems).toHaveLength(1);
  });

  it('refuses hostile nesting before parsing', () => {
    const result = extract(`{"packages": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(bunLockExtractor, { characters: '{}[]":,. \nab1@/#', tokens: ['"packages"', '"workspaces"', 'workspace:', '//', '/*'] }, { path: 'bun.lock' });
  });

  it('never throws on any JSON in packages or workspaces', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 4 }), (packages, workspaces) => {
        const result = extract(JSON.stringify({ lockfileVersion: 1, workspaces, packages }));
        return Array.isArray(result.components);
      }),
    );
  });
});

describeShared('bun-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'bun-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, bunLockExtractor)).toEqual([]);
    });
  }
});
