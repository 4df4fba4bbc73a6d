import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { composerLockExtractor } from './composer-lock.js';

const extract = (text: string) => composerLockExtractor.extract({ path: 'composer.lock', text, readRelated: () => undefined });

const lockfile = `{
  "packages": [
    {
      "name": "sentry/sdk",
      "version": "2.0.4",
      "dist": { "type": "zip", "reference": "4c115873c86ad5bd0ac6d962db70ca53bf8fb874" },
      "require": { "php": "^7.1", "Sentry/Sentry": "^2.1.3" },
      "license": ["MIT"]
    },
    {
      "name": "sentry/sentry",
      "version": "2.1.3"
    },
    {
      "name": "drupal/tfa",
      "version": "2.0.0-alpha4",
      "dist": { "type": "zip", "reference": "2.0.0-alpha4" }
    }
  ],
  "packages-dev": [
    {
      "name": "theseer/tokenizer",
      "version": "1.1.3",
      "source": { "type": "git", "reference": "11336f6f84e16a720dae9d8e6ed5019efa85a0f9" }
    },
    {
      "name": "sentry/sentry",
      "version": "2.1.3"
    }
  ]
}`;

describe('composerLockExtractor', () => {
  it('matches composer.lock only', () => {
    expect(composerLockExtractor.matches('web/composer.lock')).toBe(true);
    expect(composerLockExtractor.matches('composer.json')).toBe(false);
  });

  it('reads packages and packages-dev (group dev) at the line of their name, with commits and licences', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'sentry/sdk',
        version: '2.0.4',
        ecosystem: 'Packagist',
        purl: 'pkg:composer/sentry/sdk@2.0.4',
        groups: [],
        scope: 'prod',
        location: { file: 'composer.lock', line: 4 },
        commit: '4c115873c86ad5bd0ac6d962db70ca53bf8fb874',
        licenses: ['MIT'],
      },
      { name: 'sentry/sentry', version: '2.1.3', ecosystem: 'Packagist', purl: 'pkg:composer/sentry/sentry@2.1.3', groups: [], scope: 'prod', location: { file: 'composer.lock', line: 11 } },
      { name: 'drupal/tfa', version: '2.0.0-alpha4', ecosystem: 'Packagist', purl: 'pkg:composer/drupal/tfa@2.0.0-alpha4', groups: [], scope: 'prod', location: { file: 'composer.lock', line: 15 } },
      {
        name: 'theseer/tokenizer',
        version: '1.1.3',
        ecosystem: 'Packagist',
        purl: 'pkg:composer/theseer/tokenizer@1.1.3',
        groups: ['dev'],
        scope: 'dev',
        location: { file: 'composer.lock', line: 22 },
        commit: '11336f6f84e16a720dae9d8e6ed5019efa85a0f9',
      },
    ]);
  });

  it('builds edges from require, ignoring platform packages and letter case', () => {
    expect(extract(lockfile).edges).toEqual([{ from: 'pkg:composer/sentry/sdk@2.0.4', to: 'pkg:composer/sentry/sentry@2.1.3' }]);
  });

  it('reports malformed JSON with its line, and a document that is not an object', () => {
    expect(extract('{\n  "packages": [\n    {"name": }\n  ]\n}')).toEqual({
      components: [],
      edges: [],
      problems: [{ file: 'composer.lock', line: 3, message: 'could not extract: composer.lock is not valid JSON (ValueExpected)' }],
    });
    expect(extract('null').problems).toEqual([{ file: 'composer.lock', message: 'could not extract: composer.lock is not a JSON object (decoded null)' }]);
  });

  it('reads a file that starts with a byte order mark, lines unchanged', () => {
    const result = extract('\uFEFF{\n  "packages": [\n    {"name": "a/b", "version": "1.0.0"}\n  ]\n}');
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.location.line])).toEqual([['a/b', 3]]);
  });

  it('reports an entry without a version with its line and keeps the others', () => {
    const result = extract('{\n  "packages": [\n    {"name": "a/b"},\n    {"name": "c/d", "version": "1.0.0"}\n  ]\n}');
    expect(result.problems).toEqual([{ file: 'composer.lock', line: 3, message: 'a package entry has no name or version' }]);
    expect(result.components.map((c) => c.name)).toEqual(['c/d']);
  });

  it('reports a name that makes no package URL with its line', () => {
    const result = extract('{\n  "packages": [\n    {"name": "vendor/", "version": "1.0.0"}\n  ]\n}');
    expect(result.problems).toEqual([{ file: 'composer.lock', line: 3, message: 'vendor/ is not a package name' }]);
  });

  it('refuses hostile nesting without recursing into it', () => {
    const result = extract(`{"x": ${'['.repeat(100000)}${']'.repeat(100000)}}`);
    expect(result.problems).toEqual([{ file: 'composer.lock', message: 'composer.lock nests deeper than 64 levels' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(composerLockExtractor, { characters: '{}[]:",\\ \nab1/packages-dev' });
  });
});

describeShared('composer-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'composer-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, composerLockExtractor)).toEqual([]);
    });
  }
});
