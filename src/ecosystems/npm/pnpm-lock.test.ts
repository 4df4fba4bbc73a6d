import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { readDependencyPath } from './pnpm-dependency-path.js';
import { pnpmLockExtractor } from './pnpm-lock.js';

const extract = (text: string) => pnpmLockExtractor.extract({ path: 'pnpm-lock.yaml', text, readRelated: () => undefined });
const summary = (text: string) => extract(text).components.map((c) => [c.purl, c.location.line, c.groups, c.scope, c.direct]);

const v5 = `lockfileVersion: 5.4

specifiers:
  '@scope/peer-user': ^1.0.0
  dev-only: ^2.0.0
  opt: ^3.0.0

dependencies:
  '@scope/peer-user': 1.0.0_react@18.2.0

optionalDependencies:
  opt: 3.0.0

devDependencies:
  dev-only: 2.0.0

packages:

  /@scope/peer-user/1.0.0_react@18.2.0:
    resolution: {integrity: sha512-AAAA}
    peerDependencies:
      react: ^18.0.0
    dependencies:
      react: 18.2.0
    dev: false

  /dev-only/2.0.0:
    resolution: {integrity: sha512-BBBB}
    dependencies:
      shared: 1.0.0
    dev: true

  /opt/3.0.0:
    resolution: {integrity: sha512-CCCC}
    dev: false
    optional: true

  /react/18.2.0:
    resolution: {integrity: sha512-DDDD}
    dev: false

  /shared/1.0.0:
    resolution: {integrity: sha512-EEEE}
    dev: true

  registry.example.com/private/1.0.0:
    resolution: {integrity: sha512-FFFF, tarball: https://registry.example.com/private/-/private-1.0.0.tgz}
    dev: false

  github.com/o/gitdep/0123456789abcdef0123456789abcdef01234567:
    resolution: {commit: 0123456789abcdef0123456789abcdef01234567, repo: git+https://github.com/o/gitdep.git, type: git}
    name: gitdep
    version: 1.2.3
    dev: false
`;

const v6 = `lockfileVersion: '6.0'

dependencies:
  '@typescript-eslint/eslint-plugin':
    specifier: ^5.62.0
    version: 5.62.0(@typescript-eslint/parser@5.62.0)(typescript@4.9.5)

packages:

  /@typescript-eslint/eslint-plugin@5.62.0(@typescript-eslint/parser@5.62.0)(typescript@4.9.5):
    resolution: {integrity: sha512-AAAA}
    dependencies:
      '@typescript-eslint/parser': 5.62.0(typescript@4.9.5)
      typescript: 4.9.5
    dev: false

  /@typescript-eslint/parser@5.62.0(typescript@4.9.5):
    resolution: {integrity: sha512-BBBB}
    dependencies:
      typescript: 4.9.5
    dev: false

  /typescript@4.9.5:
    resolution: {integrity: sha512-CCCC}
    dev: false
`;

const v9 = `lockfileVersion: '9.0'

importers:

  .:
    devDependencies:
      tool:
        specifier: ^1.0.0
        version: 1.0.0

  packages/app:
    dependencies:
      lib:
        specifier: workspace:*
        version: link:../lib
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
      strip-cjs:
        specifier: npm:strip-ansi@^6.0.0
        version: strip-ansi@6.0.1

packages:

  react-dom@18.2.0:
    resolution: {integrity: sha512-AAAA}
    peerDependencies:
      react: ^18.2.0

  react@18.2.0:
    resolution: {integrity: sha512-BBBB}

  strip-ansi@6.0.1:
    resolution: {integrity: sha512-CCCC}

  tool@1.0.0:
    resolution: {integrity: sha512-DDDD}

  helper@2.0.0:
    resolution: {integrity: sha512-EEEE}

snapshots:

  react-dom@18.2.0(react@18.2.0):
    dependencies:
      react: 18.2.0

  react@18.2.0: {}

  strip-ansi@6.0.1: {}

  tool@1.0.0:
    dependencies:
      helper: 2.0.0

  helper@2.0.0: {}
`;

describe('pnpmLockExtractor', () => {
  it('matches pnpm-lock.yaml outside node_modules only', () => {
    expect(pnpmLockExtractor.matches('pnpm-lock.yaml')).toBe(true);
    expect(pnpmLockExtractor.matches('apps/web/pnpm-lock.yaml')).toBe(true);
    expect(pnpmLockExtractor.matches('node_modules/x/pnpm-lock.yaml')).toBe(false);
    expect(pnpmLockExtractor.matches('pnpm-workspace.yaml')).toBe(false);
  });

  it('reads 5.x paths with peer suffixes, registry hosts and git packages, at the line of each key', () => {
    expect(extract(v5).problems).toEqual([]);
    expect(summary(v5)).toEqual([
      ['pkg:npm/%40scope/peer-user@1.0.0', 19, [], 'prod', true],
      ['pkg:npm/dev-only@2.0.0', 27, ['dev'], 'dev', true],
      ['pkg:npm/opt@3.0.0', 33, [], 'optional', true],
      ['pkg:npm/react@18.2.0', 38, [], 'prod', false],
      ['pkg:npm/shared@1.0.0', 42, ['dev'], 'dev', false],
      ['pkg:npm/private@1.0.0', 46, [], 'prod', false],
      ['pkg:npm/gitdep@1.2.3', 50, [], 'prod', false],
    ]);
  });

  it('keeps integrity, the tarball or git repository as resolved, and the git commit', () => {
    const components = extract(v5).components;
    expect(components[0]?.integrity).toBe('sha512-AAAA');
    expect(components.find((c) => c.name === 'private')?.resolved).toBe('https://registry.example.com/private/-/private-1.0.0.tgz');
    const gitdep = components.find((c) => c.name === 'gitdep');
    expect([gitdep?.commit, gitdep?.resolved]).toEqual(['0123456789abcdef0123456789abcdef01234567', 'git+https://github.com/o/gitdep.git']);
  });

  it('builds 5.x edges from versions with peer suffixes', () => {
    expect(extract(v5).edges).toEqual([
      { from: 'pkg:npm/%40scope/peer-user@1.0.0', to: 'pkg:npm/react@18.2.0' },
      { from: 'pkg:npm/dev-only@2.0.0', to: 'pkg:npm/shared@1.0.0' },
    ]);
  });

  it('reads 6.0 paths whose peers are scoped packages', () => {
    const result = extract(v6);
    expect(result.problems).toEqual([]);
    expect(summary(v6)).toEqual([
      ['pkg:npm/%40typescript-eslint/eslint-plugin@5.62.0', 10, [], 'prod', true],
      ['pkg:npm/%40typescript-eslint/parser@5.62.0', 17, [], 'prod', false],
      ['pkg:npm/typescript@4.9.5', 23, [], 'prod', false],
    ]);
    expect(result.edges).toEqual([
      { from: 'pkg:npm/%40typescript-eslint/eslint-plugin@5.62.0', to: 'pkg:npm/%40typescript-eslint/parser@5.62.0' },
      { from: 'pkg:npm/%40typescript-eslint/eslint-plugin@5.62.0', to: 'pkg:npm/typescript@4.9.5' },
      { from: 'pkg:npm/%40typescript-eslint/parser@5.62.0', to: 'pkg:npm/typescript@4.9.5' },
    ]);
  });

  it('reads 9.0 importers and snapshots: no group (the corpus expects none), the scope from the graph', () => {
    const result = extract(v9);
    expect(result.problems).toEqual([]);
    expect(summary(v9)).toEqual([
      ['pkg:npm/react-dom@18.2.0', 25, [], 'prod', true],
      ['pkg:npm/react@18.2.0', 30, [], 'prod', false],
      ['pkg:npm/strip-ansi@6.0.1', 33, [], 'prod', true],
      ['pkg:npm/tool@1.0.0', 36, [], 'dev', true],
      ['pkg:npm/helper@2.0.0', 39, [], 'dev', false],
    ]);
    expect(result.edges).toEqual([
      { from: 'pkg:npm/react-dom@18.2.0', to: 'pkg:npm/react@18.2.0' },
      { from: 'pkg:npm/tool@1.0.0', to: 'pkg:npm/helper@2.0.0' },
    ]);
  });

  it('reports an invalid dependency path with its line and keeps the other packages', () => {
    const result = extract('lockfileVersion: 5.3\npackages:\n  invalidpath:\n    dev: false\n  /a/1.0.0:\n    dev: false\n');
    expect(result.components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0']);
    expect(result.problems).toEqual([{ file: 'pnpm-lock.yaml', line: 3, message: 'invalid dependency path: invalidpath' }]);
  });

  it('leaves out a folder package with no name, as OSV-SCALIBR does, and reads a key with no value', () => {
    const result = extract("lockfileVersion: '5.4'\npackages:\n  file:../nameless:\n    version: 1.0.0\n  /bare/1.0.0:\n");
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.purl, c.direct])).toEqual([['pkg:npm/bare@1.0.0', undefined]]);
  });

  it('reports a file that is no lockfile once, with the parser line where known', () => {
    expect(extract('this is not valid yaml!\n').problems).toEqual([{ file: 'pnpm-lock.yaml', message: 'could not extract: pnpm-lock.yaml is not a YAML mapping' }]);
    expect(extract("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n").problems[0]?.line).toBe(5);
    expect(extract("lockfileVersion: '9.0'\npackages: [a]\n").problems).toEqual([{ file: 'pnpm-lock.yaml', message: '"packages" is not a mapping' }]);
    expect(extract('# nothing here\n')).toEqual({ components: [], edges: [], problems: [] });
  });

  it('refuses deep nesting, alias expansion and repeated keys', () => {
    expect(extract(`packages: ${'['.repeat(40)}${']'.repeat(40)}\n`).problems).toHaveLength(1);
    const aliases = `a: &a [x, x]\n${Array.from({ length: 30 }, (_, i) => `b${i}: &b${i} [${Array<string>(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`).join('\n')}\n`;
    expect(extract(aliases).problems).toHaveLength(1);
    expect(extract("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n  a@1.0.0: {}\n").problems).toEqual([
      { file: 'pnpm-lock.yaml', line: 4, message: 'could not extract: pnpm-lock.yaml repeats the key "a@1.0.0"' },
    ]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pnpmLockExtractor, { characters: '/@_()[]{}:,-\'" \n1.0ab', tokens: ['packages:\n', "lockfileVersion: '9.0'\n", 'snapshots:\n', '  ', 'dependencies:\n', 'importers:\n'] }, { path: 'pnpm-lock.yaml', maxLength: 200 });
  });
});

describe('readDependencyPath', () => {
  it.each([
    ['/foo/1.0.0', 'v5', { name: 'foo', version: '1.0.0' }],
    ['/@foo/bar/1.0.0', 'v5', { name: '@foo/bar', version: '1.0.0' }],
    ['/foo/1.4.0_@types+babel__core@7.1.14', 'v5', { name: 'foo', version: '1.4.0' }],
    ['registry.npmjs.org/@foo/bar/1.1.0', 'v5', { name: '@foo/bar', version: '1.1.0' }],
    ['github.com/kevva/is-positive', 'v5', { name: '', version: '' }],
    ['/foo/bar', 'v5', { name: '', version: '' }],
    ['/@foo/bar@1.0.0(@types/node@20.0.0)(react@18.2.0)', 'v5', { name: '@foo/bar', version: '1.0.0' }],
    ['file:../local', 'v5', { name: '', version: '' }],
    ['invalidpath', 'v5', { invalid: true }],
    ['@foo/bar@1.0.0', 'v9', { name: '@foo/bar', version: '1.0.0' }],
    ['foo@1.0.0(bar@2.0.0)', 'v9', { name: 'foo', version: '1.0.0' }],
    ['foo@https://codeload.github.com/o/r/tar.gz/abc', 'v9', { name: 'foo', version: '' }],
    ['foo', 'v9', { invalid: true }],
  ] as const)('reads %s (%s)', (path, syntax, expected) => {
    expect(readDependencyPath(path, syntax)).toEqual(expected);
  });
});

describeShared('pnpm-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'pnpm-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, pnpmLockExtractor)).toEqual([]);
    });
  }
});
