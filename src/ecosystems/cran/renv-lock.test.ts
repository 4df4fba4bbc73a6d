import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { renvLockExtractor } from './renv-lock.js';

const extract = (text: string) => renvLockExtractor.extract({ path: 'renv.lock', text, readRelated: () => undefined });

const lockfile = `{
  "R": { "Version": "4.3.1", "Repositories": [{ "Name": "CRAN", "URL": "https://cloud.r-project.org" }] },
  "Packages": {
    "markdown": {
      "Package": "markdown",
      "Version": "1.0",
      "Source": "Repository",
      "Repository": "CRAN",
      "Requirements": ["mime", "tools", "xfun"]
    },
    "mime": {
      "Package": "mime",
      "Version": "0.12",
      "Source": "Repository",
      "Repository": "CRAN"
    },
    "xfun": {
      "Package": "xfun",
      "Version": "0.40",
      "Source": "GitHub",
      "RemoteSha": "1763e0dcb72fb58d97bab97bb834fc71f1e012bc"
    },
    "BSgenome": { "Package": "BSgenome", "Version": "1.60.0", "Source": "Bioconductor" }
  }
}`;

describe('renvLockExtractor', () => {
  it('matches renv.lock only', () => {
    expect(renvLockExtractor.matches('analysis/renv.lock')).toBe(true);
    expect(renvLockExtractor.matches('renv.json')).toBe(false);
  });

  it('reports only CRAN packages, at the line of their key', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      { name: 'markdown', version: '1.0', ecosystem: 'CRAN', purl: 'pkg:cran/markdown@1.0', groups: [], location: { file: 'renv.lock', line: 4 } },
      { name: 'mime', version: '0.12', ecosystem: 'CRAN', purl: 'pkg:cran/mime@0.12', groups: [], location: { file: 'renv.lock', line: 11 } },
    ]);
  });

  it('builds edges from Requirements to reported packages', () => {
    expect(extract(lockfile).edges).toEqual([{ from: 'pkg:cran/markdown@1.0', to: 'pkg:cran/mime@0.12' }]);
  });

  it('reads a lockfile without packages', () => {
    expect(extract('{}')).toEqual({ components: [], edges: [], problems: [] });
  });

  it('reports malformed JSON with its line, and a CRAN entry without a version with its line', () => {
    expect(extract('{\n  "Packages": {\n    "a": }\n}').problems).toEqual([{ file: 'renv.lock', line: 3, message: 'could not extract: renv.lock is not valid JSON (ValueExpected)' }]);
    const result = extract('{\n  "Packages": {\n    "a": { "Repository": "CRAN" },\n    "b": { "Version": "1.0", "Repository": "CRAN" }\n  }\n}');
    expect(result.problems).toEqual([{ file: 'renv.lock', line: 3, message: 'a: the package entry has no name or version' }]);
    expect(result.components.map((c) => [c.name, c.version])).toEqual([['b', '1.0']]);
  });

  it('refuses hostile nesting', () => {
    expect(extract(`{"a": ${'['.repeat(100000)}}`).problems).toEqual([{ file: 'renv.lock', message: 'renv.lock nests deeper than 64 levels' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(renvLockExtractor, { characters: '{}[]:",\\ \nab1PackagesVersionRepositoryCRAN' });
  });
});

describeShared('renv-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'renv-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, renvLockExtractor)).toEqual([]);
    });
  }
});
