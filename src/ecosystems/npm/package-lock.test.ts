import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import type { SourceFile } from '../extractor.js';
import { gitCommit } from './git-commit.js';
import { packageLockExtractor } from './package-lock.js';

const extract = (text: string, related: Readonly<Record<string, string>> = {}, path = 'package-lock.json') => {
  const file = (filePath: string, fileText: string): SourceFile => ({
    path: filePath,
    text: fileText,
    readRelated: (name) => (related[name] === undefined ? undefined : file(name, related[name])),
  });
  return packageLockExtractor.extract(file(path, text));
};
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

const v3 = `{
  "name": "app",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "app",
      "workspaces": ["packages/lib"],
      "dependencies": { "a": "^1.0.0", "lib": "*" },
      "devDependencies": { "b": "^2.0.0" }
    },
    "node_modules/a": {
      "version": "1.0.0",
      "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz",
      "integrity": "sha512-aaaa",
      "dependencies": { "c": "^1.0.0" }
    },
    "node_modules/a/node_modules/c": { "version": "1.5.0" },
    "node_modules/b": {
      "version": "2.0.0",
      "dev": true,
      "dependencies": { "c": "^2.0.0" },
      "optionalDependencies": { "not-installed": "^1.0.0" }
    },
    "node_modules/c": { "version": "2.0.0", "dev": true },
    "node_modules/lib": { "resolved": "packages/lib", "link": true },
    "packages/lib": { "name": "lib", "version": "0.1.0", "dependencies": { "@s/d": "^3.0.0" } },
    "node_modules/@s/d": {
      "version": "3.0.0",
      "resolved": "git+ssh://git@github.com/s/d.git#0123456789abcdef0123456789abcdef01234567",
      "peer": true
    }
  }
}`;

const v1 = `{
  "name": "app",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "a": {
      "version": "1.0.0",
      "requires": { "c": "^1.0.0" },
      "dependencies": { "c": { "version": "1.5.0" } }
    },
    "b": { "version": "2.0.0", "dev": true, "requires": { "c": "^2.0.0" } },
    "c": { "version": "2.0.0", "dev": true },
    "x-alias": { "version": "npm:@s/real-x@4.0.0", "integrity": "sha512-xxxx" },
    "local": { "version": "file:../local" },
    "g": { "version": "github:o/g#0123456789abcdef0123456789abcdef01234567", "bundled": true, "optional": true }
  }
}`;

describe('packageLockExtractor', () => {
  it('matches package-lock.json and npm-shrinkwrap.json outside node_modules', () => {
    expect(packageLockExtractor.matches('package-lock.json')).toBe(true);
    expect(packageLockExtractor.matches('web/npm-shrinkwrap.json')).toBe(true);
    expect(packageLockExtractor.matches('node_modules/x/npm-shrinkwrap.json')).toBe(false);
    expect(packageLockExtractor.matches('node_modules/.package-lock.json')).toBe(false);
    expect(packageLockExtractor.matches('package.json')).toBe(false);
  });

  it('reads v2/v3 packages by install path: names, versions, lines, integrity; skips the root and links', () => {
    const result = extract(v3);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.purl, c.location.line])).toEqual([
      ['a', '1.0.0', 'pkg:npm/a@1.0.0', lineOf(v3, '"node_modules/a"')],
      ['c', '1.5.0', 'pkg:npm/c@1.5.0', lineOf(v3, '"node_modules/a/node_modules/c"')],
      ['b', '2.0.0', 'pkg:npm/b@2.0.0', lineOf(v3, '"node_modules/b"')],
      ['c', '2.0.0', 'pkg:npm/c@2.0.0', lineOf(v3, '"node_modules/c"')],
      ['lib', '0.1.0', 'pkg:npm/lib@0.1.0', lineOf(v3, '"packages/lib": {')],
      ['@s/d', '3.0.0', 'pkg:npm/%40s/d@3.0.0', lineOf(v3, '"node_modules/@s/d"')],
    ]);
    const [a, , , , , d] = result.components;
    expect(a?.integrity).toBe('sha512-aaaa');
    expect(a?.resolved).toBe('https://registry.npmjs.org/a/-/a-1.0.0.tgz');
    expect(d?.commit).toBe('0123456789abcdef0123456789abcdef01234567');
  });

  it('tells direct dependencies (the root and the project folders declare them) and scopes from the flags', () => {
    expect(extract(v3).components.map((c) => [c.name, c.version, c.direct, c.scope, c.groups])).toEqual([
      ['a', '1.0.0', true, 'prod', []],
      ['c', '1.5.0', false, 'prod', []],
      ['b', '2.0.0', true, 'dev', ['dev']],
      ['c', '2.0.0', false, 'dev', ['dev']],
      ['lib', '0.1.0', true, 'prod', []],
      ['@s/d', '3.0.0', true, 'peer', []],
    ]);
  });

  it('resolves edges the way Node does: nested node_modules first, then up, through links', () => {
    expect(extract(v3).edges).toEqual([
      { from: 'pkg:npm/a@1.0.0', to: 'pkg:npm/c@1.5.0' },
      { from: 'pkg:npm/b@2.0.0', to: 'pkg:npm/c@2.0.0' },
      { from: 'pkg:npm/lib@0.1.0', to: 'pkg:npm/%40s/d@3.0.0' },
    ]);
  });

  it('follows the devDependencies of workspaces but not those of file: folders, which npm does not install', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { workspaces: ['packages/*'], dependencies: { vendored: 'file:vendor/v' } },
        'node_modules/vendored': { resolved: 'vendor/v', link: true },
        'node_modules/ws': { resolved: 'packages/ws', link: true },
        'vendor/v': { name: 'vendored', version: '1.0.0', devDependencies: { t: '1' } },
        'packages/ws': { name: 'ws', version: '2.0.0', devDependencies: { t: '1' } },
        'node_modules/t': { version: '1.0.0', dev: true },
      },
    });
    const result = extract(text);
    expect(result.edges).toEqual([{ from: 'pkg:npm/ws@2.0.0', to: 'pkg:npm/t@1.0.0' }]);
    expect(result.components.map((c) => [c.name, c.direct])).toEqual([
      ['vendored', true],
      ['ws', true],
      ['t', true],
    ]);
  });

  it('merges one name@version installed twice: production wins, direct when any install is', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { y: '1' } },
        'node_modules/x': { version: '1.0.0', dev: true },
        'node_modules/y': { version: '1.0.0', dependencies: { x: '1' } },
        'node_modules/y/node_modules/x': { version: '1.0.0' },
      },
    });
    const result = extract(text);
    expect(result.components.map((c) => [c.name, c.groups, c.scope, c.direct])).toEqual([
      ['x', [], 'prod', false],
      ['y', [], 'prod', true],
    ]);
    expect(result.edges).toEqual([{ from: 'pkg:npm/y@1.0.0', to: 'pkg:npm/x@1.0.0' }]);
  });

  it('keeps the licence npm records for each package, read natively or as a tree', () => {
    const packages = `"packages": {
      "": { "dependencies": { "x": "1", "y": "1", "z": "1" } },
      "node_modules/x": { "version": "1.0.0", "license": "MIT" },
      "node_modules/y": { "version": "1.0.0", "license": "(MIT OR Apache-2.0)" },
      "node_modules/z": { "version": "1.0.0", "license": " " }
    }`;
    // A repeated key makes the reader take the tree instead of JSON.parse (see json-value.ts).
    for (const text of [`{ "lockfileVersion": 3, ${packages} }`, `{ "lockfileVersion": 3, "name": "a", "name": "b", ${packages} }`]) {
      expect(extract(text).components.map((c) => [c.name, c.licenses])).toEqual([
        ['x', ['MIT']],
        ['y', ['(MIT OR Apache-2.0)']],
        ['z', undefined],
      ]);
    }
  });

  it('reads the v1 tree: aliases, file: and git versions, groups, edges', () => {
    const result = extract(v1);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.commit, c.groups, c.scope, c.location.line])).toEqual([
      ['a', '1.0.0', undefined, [], 'prod', lineOf(v1, '"a"')],
      ['c', '1.5.0', undefined, [], 'prod', lineOf(v1, '"dependencies": { "c"')],
      ['b', '2.0.0', undefined, ['dev'], 'dev', lineOf(v1, '"b"')],
      ['c', '2.0.0', undefined, ['dev'], 'dev', lineOf(v1, '"c": { "version": "2.0.0"')],
      ['@s/real-x', '4.0.0', undefined, [], 'prod', lineOf(v1, '"x-alias"')],
      ['local', '', undefined, [], 'prod', lineOf(v1, '"local"')],
      ['g', '', '0123456789abcdef0123456789abcdef01234567', ['bundled', 'optional'], 'optional', lineOf(v1, '"g"')],
    ]);
    expect(result.components[6]?.resolved).toBe('github:o/g#0123456789abcdef0123456789abcdef01234567');
    expect(result.edges).toEqual([
      { from: 'pkg:npm/a@1.0.0', to: 'pkg:npm/c@1.5.0' },
      { from: 'pkg:npm/b@2.0.0', to: 'pkg:npm/c@2.0.0' },
    ]);
  });

  it('tells v1 direct dependencies from the package.json beside it', () => {
    const manifest = JSON.stringify({ dependencies: { a: '^1', 'x-alias': 'npm:@s/real-x@^4' }, devDependencies: { b: '^2' } });
    expect(extract(v1, { 'package.json': manifest }).components.map((c) => [c.name, c.version, c.direct])).toEqual([
      ['a', '1.0.0', true],
      ['c', '1.5.0', false],
      ['b', '2.0.0', true],
      ['c', '2.0.0', false],
      ['@s/real-x', '4.0.0', true],
      ['local', '', false],
      ['g', '', false],
    ]);
  });

  it('without package.json, a v1 top-level entry nothing requires is direct, a required one cannot be told', () => {
    expect(extract(v1).components.map((c) => [c.name, c.version, c.direct])).toEqual([
      ['a', '1.0.0', true],
      ['c', '1.5.0', false],
      ['b', '2.0.0', true],
      ['c', '2.0.0', undefined],
      ['@s/real-x', '4.0.0', true],
      ['local', '', true],
      ['g', '', true],
    ]);
  });

  it('yields nothing for package-lock.json when npm-shrinkwrap.json sits beside it, and reads the shrinkwrap itself', () => {
    expect(extract(v3, { 'npm-shrinkwrap.json': v3 })).toEqual({ components: [], edges: [], problems: [] });
    expect(extract(v3, { 'package-lock.json': v3 }, 'npm-shrinkwrap.json').components).toHaveLength(6);
  });

  it('reports a bad entry with its line and keeps the others', () => {
    const text = '{\n  "lockfileVersion": 2,\n  "packages": {\n    "node_modules/bad": 1,\n    "node_modules/good": { "version": "1.0.0" }\n  }\n}';
    const result = extract(text);
    expect(result.problems).toEqual([{ file: 'package-lock.json', line: 4, message: '"node_modules/bad": the package entry is not an object' }]);
    expect(result.components.map((c) => c.name)).toEqual(['good']);
  });

  it('reports a package whose name makes no purl, with its line', () => {
    const result = extract('{\n"packages": {\n"node_modules/": { "version": "1.0.0" }\n}\n}');
    expect(result.components).toEqual([]);
    expect(result.problems).toEqual([{ file: 'package-lock.json', line: 3, message: 'node_modules/: "" is not an npm package name' }]);
  });

  it('reports malformed, null and non-object documents as one problem', () => {
    const malformed = extract('{\n  "packages": {\n    "x": \n}');
    expect(malformed.components).toEqual([]);
    expect(malformed.problems).toHaveLength(1);
    expect(malformed.problems[0]?.line).toBe(4);
    expect(extract('null').problems).toHaveLength(1);
    expect(extract('{"packages": []}').problems).toEqual([{ file: 'package-lock.json', line: 1, message: '"packages" is not an object' }]);
  });

  it('refuses hostile nesting before parsing', () => {
    const result = extract(`{"dependencies": ${'{"a": {"dependencies": '.repeat(400)}{}${'}}'.repeat(400)}}`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(packageLockExtractor, { characters: '{}[]":,. \nab1@/#', tokens: ['"node_modules/', '"version"', '"link"', 'true'] }, { path: 'package-lock.json' });
  });

  it('never throws on any JSON in packages or dependencies', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const packages = extract(JSON.stringify({ lockfileVersion: 3, packages: value }));
        const dependencies = extract(JSON.stringify({ lockfileVersion: 1, dependencies: value }));
        return Array.isArray(packages.components) && Array.isArray(dependencies.components);
      }),
    );
  });
});

describe('gitCommit', () => {
  it.each([
    ['git+ssh://git@github.com/o/r.git#3b1bb80b302c2e552685dc8a029797ec832ea7c9', '3b1bb80b302c2e552685dc8a029797ec832ea7c9'],
    ['git+https://token@github.com/o/r.git#af885e2', 'af885e2'],
    ['git://github.com/o/r.git#280b560', '280b560'],
    ['https://github.com/o/r.git#d5ac058', 'd5ac058'],
    ['https://codeload.github.com/o/r/tar.gz/0123abc', '0123abc'],
    ['github:o/r#c5a7ba5', 'c5a7ba5'],
    ['https://github.com/o/r#deadbee', 'deadbee'],
    ['https://gitlab.com/o/r?ref=feed123', 'feed123'],
  ])('reads the commit of %s', (resolution, commit) => {
    expect(gitCommit(resolution)).toBe(commit);
  });

  it.each(['https://registry.npmjs.org/a/-/a-1.0.0.tgz', 'https://example.com/x#abc', '1.0.0', 'file:../x', ''])('finds no commit in %s', (resolution) => {
    expect(gitCommit(resolution)).toBeUndefined();
  });

  it('reads hosts the URL parser rewrites: escapes, upper case, credentials, Unicode, tabs', () => {
    for (const resolution of ['https://%67ithub.com/o/r#abc123', 'https://GitHub.COM/o/r#abc123', 'https://u@github.com/o/r#abc123', 'https://ｇｉｔｈｕｂ.com/o/r#abc123', 'https://git\thub.com/o/r#abc123']) {
      expect(gitCommit(resolution), resolution).toBe('abc123');
    }
  });

  it('finds the commit of any URL whose parsed host is a git host, whatever its spelling', () => {
    // The reference: parse every resolution, as gitCommit did before it skipped plain ones.
    const parsedHostCommit = (resolution: string): string | undefined => {
      let url: URL;
      try {
        url = new URL(resolution);
      } catch {
        return undefined;
      }
      if (!['bitbucket.org', 'github.com', 'gitlab.com'].includes(url.host)) return undefined;
      const commit = url.search === '' ? url.hash.slice(1) : (url.searchParams.get('ref') ?? '');
      return commit === '' ? undefined : commit;
    };
    const host = fc.constantFrom('github.com', 'GitHub.com', 'gitlab.com', 'bitbucket.org', '%67ithub.com', 'git%68ub.com', 'ｇｉｔｈｕｂ.com', 'git\thub.com', 'git\nlab.com', 'user@github.com', 'github.com:443', 'github.com.', 'example.com', 'registry.npmjs.org');
    const rest = fc.constantFrom('/o/r', '/o/r#c0ffee', '/o/r?ref=feed', '/o/r?x=1#ab', '', '#ab', '/-/r-1.0.0.tgz');
    const resolution = fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'git+https://', ''), host, rest).map((parts) => parts.join(''));
    fc.assert(
      fc.property(resolution, (text) => {
        const expected = parsedHostCommit(text);
        if (expected !== undefined) expect(gitCommit(text)).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });
});

describeShared('npm-package-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'npm-package-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, packageLockExtractor)).toEqual([]);
    });
  }
});
