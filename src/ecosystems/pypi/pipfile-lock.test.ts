import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { pipfileLockExtractor } from './pipfile-lock.js';

const extract = (text: string) => pipfileLockExtractor.extract({ path: 'Pipfile.lock', text, readRelated: () => undefined });

const lockfile = `{
  "_meta": { "pipfile-spec": 6, "sources": [] },
  "develop": {
    "pytest": { "hashes": [], "version": "==8.0.0" },
    "Requests": { "version": "==2.31.0" }
  },
  "default": {
    "requests": { "hashes": ["sha256:00"], "markers": "python_version >= '3.7'", "version": "==2.31.0" },
    "mylib": { "editable": true, "git": "https://github.com/o/mylib", "ref": "b36054111bc1e8bbadb5d0d60158feb72926f467" }
  },
  "docs": {
    "sphinx": { "version": "==7.2.6" }
  }
}`;

describe('pipfileLockExtractor', () => {
  it('matches Pipfile.lock only', () => {
    expect(pipfileLockExtractor.matches('app/Pipfile.lock')).toBe(true);
    expect(pipfileLockExtractor.matches('Pipfile')).toBe(false);
  });

  it('reads default, develop (dev) and other categories, production winning over a duplicate, at the line of each key', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.purl, c.groups, c.scope, c.location.line])).toEqual([
      ['requests', '2.31.0', 'pkg:pypi/requests@2.31.0', [], 'prod', 8],
      ['pytest', '8.0.0', 'pkg:pypi/pytest@8.0.0', ['dev'], 'dev', 4],
      ['sphinx', '7.2.6', 'pkg:pypi/sphinx@7.2.6', ['docs'], undefined, 12],
    ]);
  });

  it('treats an empty file as an empty lock', () => {
    expect(extract('  \n')).toEqual({ components: [], edges: [], problems: [] });
  });

  it('reports text that is not JSON with its line and no components', () => {
    const result = extract('{\n  "default": {\n    "a": \n}');
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(4);
  });

  it('reports an entry that is not an object and keeps the others', () => {
    const result = extract('{"default": {\n"a": 1,\n"b": {"version": "==1.0"}}}');
    expect(result.problems).toEqual([{ file: 'Pipfile.lock', line: 2, message: 'a: the package entry is not an object' }]);
    expect(result.components.map((c) => c.name)).toEqual(['b']);
  });

  it('refuses deeply nested JSON', () => {
    const result = extract(`{"default": ${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pipfileLockExtractor, { characters: '{}[]:,"= \nadefultvrsion1' }, { path: 'Pipfile.lock', maxLength: 200 });
  });
});

describeShared('pipfile-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'pipfile-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, pipfileLockExtractor)).toEqual([]);
    });
  }
});
