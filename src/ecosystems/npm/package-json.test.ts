import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import semver from 'semver';
import { readSpecifier } from './dependency-specifier.js';
import { packageJsonExtractor } from './package-json.js';

const extract = (text: string) => packageJsonExtractor.extract({ path: 'package.json', text, readRelated: () => undefined });
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

const manifest = `{
  "name": "app",
  "version": "1.0.0",
  "dependencies": {
    "a": "^1.2.3",
    "x-alias": "npm:@s/real@~2.0.0"
  },
  "devDependencies": {
    "d": ">=3 <4",
    "a": "^1.2.3"
  },
  "optionalDependencies": { "o": "1.x" },
  "peerDependencies": { "p": "^4 || ^5", "d": "^3.1.0" }
}`;

describe('packageJsonExtractor', () => {
  it('matches package.json outside node_modules only', () => {
    expect(packageJsonExtractor.matches('package.json')).toBe(true);
    expect(packageJsonExtractor.matches('packages/app/package.json')).toBe(true);
    expect(packageJsonExtractor.matches('node_modules/a/package.json')).toBe(false);
    expect(packageJsonExtractor.matches('app/node_modules/@s/a/package.json')).toBe(false);
    expect(packageJsonExtractor.matches('package-lock.json')).toBe(false);
  });

  it('reports each declared dependency unpinned, at the lowest version of its range, with its section as group and scope', () => {
    const result = extract(manifest);
    expect(result.problems).toEqual([]);
    expect(result.edges).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.versionRange, c.purl, c.groups, c.scope, c.location.line])).toEqual([
      // Declared in dependencies and devDependencies alike: production wins.
      ['a', '1.2.3', '^1.2.3', 'pkg:npm/a@1.2.3', [], 'prod', lineOf(manifest, '"a"')],
      ['@s/real', '2.0.0', '~2.0.0', 'pkg:npm/%40s/real@2.0.0', [], 'prod', lineOf(manifest, '"x-alias"')],
      ['d', '3.0.0', '>=3 <4', 'pkg:npm/d@3.0.0', ['dev'], 'dev', lineOf(manifest, '"d"')],
      ['o', '1.0.0', '1.x', 'pkg:npm/o@1.0.0', ['optional'], 'optional', lineOf(manifest, '"o"')],
      ['p', '4.0.0', '^4 || ^5', 'pkg:npm/p@4.0.0', ['peer'], 'peer', lineOf(manifest, '"p"')],
      ['d', '3.1.0', '^3.1.0', 'pkg:npm/d@3.1.0', ['peer'], 'peer', lineOf(manifest, '"d": "^3.1.0"')],
    ]);
    expect(result.components.every((c) => c.unpinned === true && c.direct === true && c.ecosystem === 'npm')).toBe(true);
  });

  it('reports a section that is not an object and a value that is not a string, with their lines', () => {
    const text = '{\n  "dependencies": [],\n  "devDependencies": {\n    "bad": 1,\n    "good": "2.0.0"\n  }\n}';
    const result = extract(text);
    expect(result.components.map((c) => [c.name, c.version])).toEqual([['good', '2.0.0']]);
    expect(result.problems).toEqual([
      { file: 'package.json', line: 2, message: '"dependencies" is not an object' },
      { file: 'package.json', line: 4, message: 'devDependencies: "bad" does not map to a version string' },
    ]);
  });

  it('reads a file that starts with a byte order mark, as npm does', () => {
    const result = extract('\uFEFF{\n  "dependencies": { "a": "1.0.0" }\n}');
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.location.line])).toEqual([['a', '1.0.0', 2]]);
  });

  it('reports a malformed file as one problem with its line', () => {
    const result = extract('{\n  "dependencies": {\n    "a": ^1\n  }\n}');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(3);
  });

  it('never throws, whatever the text or the dependency values', () => {
    assertExtractsAnyText(packageJsonExtractor, { characters: '{}[]":,. \nab1@/#^~<>=|*', tokens: ['"dependencies"', 'npm:', 'git+', 'file:'] }, { path: 'package.json' });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (dependencies) => Array.isArray(extract(JSON.stringify({ dependencies, peerDependencies: dependencies })).components)),
    );
  });
});

describe('readSpecifier', () => {
  it.each([
    ['a', '^1.2.3', { name: 'a', version: '1.2.3', versionRange: '^1.2.3' }],
    ['a', '>1.2.3', { name: 'a', version: '1.2.4', versionRange: '>1.2.3' }],
    ['a', '*', { name: 'a', version: '0.0.0', versionRange: '*' }],
    ['a', 'latest', { name: 'a', version: '', versionRange: 'latest' }],
    // An alias reports the package it installs, with the range after its name.
    ['b', 'npm:real@^2.1.0', { name: 'real', version: '2.1.0', versionRange: '^2.1.0' }],
    ['b', 'npm:@s/real@1.0.0', { name: '@s/real', version: '1.0.0', versionRange: '1.0.0' }],
    ['b', 'npm:@s/real@next', { name: '@s/real', version: '', versionRange: 'next' }],
    // Git, tarballs and local folders name no registry version; a hash after # is the commit.
    ['g', 'github:o/g#0123abc', { name: 'g', version: '', versionRange: 'github:o/g#0123abc', resolved: 'github:o/g#0123abc', commit: '0123abc' }],
    ['g', 'o/g#main', { name: 'g', version: '', versionRange: 'o/g#main', resolved: 'o/g#main' }],
    ['g', 'git+ssh://git@example.com/o/g.git#semver:^1.0.0', { name: 'g', version: '', versionRange: 'git+ssh://git@example.com/o/g.git#semver:^1.0.0', resolved: 'git+ssh://git@example.com/o/g.git#semver:^1.0.0' }],
    ['g', 'https://github.com/o/g', { name: 'g', version: '', versionRange: 'https://github.com/o/g', resolved: 'https://github.com/o/g' }],
    ['t', 'https://example.com/t-1.0.0.tgz', { name: 't', version: '', versionRange: 'https://example.com/t-1.0.0.tgz', resolved: 'https://example.com/t-1.0.0.tgz' }],
    ['l', 'file:../l', { name: 'l', version: '', versionRange: 'file:../l', resolved: 'file:../l' }],
    ['l', '../l', { name: 'l', version: '', versionRange: '../l', resolved: '../l' }],
    ['w', 'workspace:^1.0.0', { name: 'w', version: '', versionRange: 'workspace:^1.0.0', resolved: 'workspace:^1.0.0' }],
  ])('%s: %s', (key, value, expected) => {
    expect(readSpecifier(key, value)).toEqual(expected);
  });

  it('reads plain versions and caret and tilde ranges as semver does', () => {
    const number = fc.oneof(fc.constantFrom('0', '1', '01', '999999999999999', '9999999999999999'), fc.nat(99).map(String));
    const spec = fc.tuple(fc.constantFrom('', '^', '~', '=', 'v', ' '), number, number, number, fc.constantFrom('', ' ', '-beta.1', '+build', '.4')).map(([prefix, major, minor, patch, suffix]) => `${prefix}${major}.${minor}.${patch}${suffix}`);
    fc.assert(
      fc.property(spec, (value) => {
        const range = semver.validRange(value.trim(), { loose: true }) === null ? undefined : value;
        const lowest = range === undefined ? undefined : (semver.minVersion(range, { loose: true })?.version ?? '');
        const read = readSpecifier('a', value);
        if (lowest === undefined) expect(read.version).toBe('');
        else expect(read).toEqual({ name: 'a', version: lowest, versionRange: value });
      }),
      { numRuns: 3000 },
    );
  });
});
