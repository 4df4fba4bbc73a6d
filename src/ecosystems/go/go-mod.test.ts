import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import type { SourceFile } from '../extractor.js';
import { goModExtractor } from './go-mod.js';

function sourceFile(path: string, text: string, related: Record<string, string> = {}): SourceFile {
  return {
    path,
    text,
    readRelated: (relativePath) => {
      const relatedText = related[relativePath];
      return relatedText === undefined ? undefined : sourceFile(relativePath, relatedText);
    },
  };
}

const extract = (text: string, related: Record<string, string> = {}) => goModExtractor.extract(sourceFile('go.mod', text, related));

describe('goModExtractor', () => {
  it('matches go.mod only', () => {
    expect(goModExtractor.matches('a/b/go.mod')).toBe(true);
    expect(goModExtractor.matches('go.sum')).toBe(false);
    expect(goModExtractor.matches('x.go.mod.bak')).toBe(false);
  });

  it('reads single and block requires, marks // indirect, removes the v and keeps it in the purl', () => {
    const result = extract(`module example.com/app

go 1.21

require github.com/a/b v1.2.3

require (
\tgolang.org/x/sys v0.0.0-20210630005230-0f9fa26af87c // indirect
\t"example.com/quoted" v2.0.0+incompatible
)
`);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      { name: 'github.com/a/b', version: '1.2.3', ecosystem: 'Go', purl: 'pkg:golang/github.com/a/b@v1.2.3', groups: [], direct: true, location: { file: 'go.mod', line: 5 } },
      {
        name: 'golang.org/x/sys',
        version: '0.0.0-20210630005230-0f9fa26af87c',
        ecosystem: 'Go',
        purl: 'pkg:golang/golang.org/x/sys@v0.0.0-20210630005230-0f9fa26af87c',
        groups: [],
        direct: false,
        location: { file: 'go.mod', line: 8 },
      },
      { name: 'example.com/quoted', version: '2.0.0+incompatible', ecosystem: 'Go', purl: 'pkg:golang/example.com/quoted@v2.0.0+incompatible', groups: [], direct: true, location: { file: 'go.mod', line: 9 } },
      { name: 'stdlib', version: '1.21', ecosystem: 'Go', purl: 'pkg:golang/stdlib@v1.21', groups: [], location: { file: 'go.mod', line: 3 } },
    ]);
  });

  it('prefers the toolchain directive and cuts its suffix', () => {
    const result = extract('go 1.22\ntoolchain go1.23.6-custom\n');
    expect(result.components.map((c) => [c.name, c.version, c.location.line, c.purl])).toEqual([['stdlib', '1.23.6', 2, 'pkg:golang/stdlib@v1.23.6']]);
  });

  it('applies replace with and without an old version, ignores a replace of an unrequired version, and gives local paths no version', () => {
    const result = extract(`require (
  golang.org/x/net v1.2.3
  golang.org/x/net v0.5.6
  example.com/old v1.0.0
  example.com/kept v1.0.0
)
replace golang.org/x/net v1.2.3 => example.com/fork/net v1.4.5
replace example.com/old => ../old
replace example.com/kept v9.9.9 => example.com/other v1.0.0
`);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.location.line, c.purl])).toEqual([
      ['example.com/fork/net', '1.4.5', 7, 'pkg:golang/example.com/fork/net@v1.4.5'],
      ['golang.org/x/net', '0.5.6', 3, 'pkg:golang/golang.org/x/net@v0.5.6'],
      // As upstream (modfile), a directory replacement is named by its path.
      ['../old', '', 8, 'pkg:golang/../old'],
      ['example.com/kept', '1.0.0', 5, 'pkg:golang/example.com/kept@v1.0.0'],
    ]);
  });

  it('replaces every version when the old version is omitted, and merges the results', () => {
    const result = extract('require (\n  a.com/x v1.0.0\n  a.com/x v2.0.0\n)\nreplace a.com/x => b.com/y v3.0.0\n');
    expect(result.components.map((c) => [c.name, c.version, c.location.line])).toEqual([['b.com/y', '3.0.0', 5]]);
  });

  it('does not report excluded versions', () => {
    const result = extract('require (\n  a.com/x v1.0.0\n  a.com/y v1.0.0\n)\nexclude a.com/x v1.0.0\n');
    expect(result.components.map((c) => c.name)).toEqual(['a.com/y']);
  });

  it('reads go.sum below go 1.17, skipping /go.mod lines and known modules, located in go.sum', () => {
    const sum = [
      'a.com/direct v1.0.0 h1:x=',
      'a.com/direct v1.0.0/go.mod h1:y=',
      'b.com/only-mod v0.1.0/go.mod h1:z=',
      'c.com/indirect v2.0.0 h1:w=',
    ].join('\n');
    const result = extract('go 1.16\nrequire a.com/direct v1.0.0\n', { 'go.sum': sum });
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.direct, c.location])).toEqual([
      ['a.com/direct', '1.0.0', true, { file: 'go.mod', line: 2 }],
      ['c.com/indirect', '2.0.0', false, { file: 'go.sum', line: 4 }],
      ['stdlib', '1.16', undefined, { file: 'go.mod', line: 1 }],
    ]);
  });

  it('ignores go.sum from go 1.17 on, and reports malformed go.sum lines with their line', () => {
    expect(extract('go 1.17\n', { 'go.sum': 'bad line' }).problems).toEqual([]);
    expect(extract('go 1.15\n', { 'go.sum': 'a.com/x v1.0.0 h1:x=\nbad line' }).problems).toEqual([{ file: 'go.sum', line: 2, message: 'go.sum: expected "module version hash"' }]);
  });

  it('reports unknown directives and bad requirements with their lines, keeping the other entries', () => {
    const result = extract('module m\nthis is not go.mod\nrequire (\n  a.com/x\n  a.com/y v1.0.0\n)\n');
    expect(result.problems).toEqual([
      { file: 'go.mod', line: 2, message: 'unknown directive: this' },
      { file: 'go.mod', line: 4, message: 'require: expected a module path and a version' },
    ]);
    expect(result.components.map((c) => c.name)).toEqual(['a.com/y']);
  });

  it('reports a module path that names nothing instead of failing', () => {
    const result = extract('require (\n  a.com/ v1.0.0\n  b.com/y v1.0.0\n)\n');
    expect(result.problems).toEqual([{ file: 'go.mod', line: 2, message: 'a.com/ is not a module path' }]);
    expect(result.components.map((c) => c.name)).toEqual(['b.com/y']);
  });

  it('reports an unclosed block', () => {
    expect(extract('require (\n  a.com/x v1.0.0\n').problems).toEqual([{ file: 'go.mod', line: 1, message: 'require block is not closed' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(goModExtractor, { characters: '%{}[]()"`=>,/ \n\tav1.-_' });
  });
});

describeShared('go-mod corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'go-mod')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, goModExtractor)).toEqual([]);
    });
  }
});
