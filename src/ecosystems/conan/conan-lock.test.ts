import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { conanLockExtractor } from './conan-lock.js';

const extract = (text: string) => conanLockExtractor.extract({ path: 'conan.lock', text, readRelated: () => undefined });

const v1 = `{
 "graph_lock": {
  "nodes": {
   "0": { "ref": "app/1.0", "path": "conanfile.py", "requires": ["1"], "build_requires": ["3"] },
   "1": { "ref": "freetype/2.12.1#7e1b67634f54f38a979bbad44fd09a2c", "requires": ["2"] },
   "2": { "ref": "zlib/1.2.13@user/stable#13c96f538b52e1600c40b88994de240f" },
   "3": { "ref": "ninja/1.11.1" },
   "4": { "ref": "1.2.3#ffa77daf83a57094149707928bdce823" }
  },
  "revisions_enabled": true
 },
 "version": "0.4"
}`;

describe('conanLockExtractor', () => {
  it('matches conan.lock only', () => {
    expect(conanLockExtractor.matches('build/conan.lock')).toBe(true);
    expect(conanLockExtractor.matches('conanfile.txt')).toBe(false);
  });

  it('reads Conan 1 graph locks without groups, skipping the consumer and nameless nodes, with direct and edges', () => {
    const result = extract(v1);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'freetype',
        version: '2.12.1',
        ecosystem: 'ConanCenter',
        purl: 'pkg:conan/freetype@2.12.1',
        groups: [],
        location: { file: 'conan.lock', line: 5 },
        meta: { recipeRevision: '7e1b67634f54f38a979bbad44fd09a2c' },
        direct: true,
      },
      {
        name: 'zlib',
        version: '1.2.13',
        ecosystem: 'ConanCenter',
        purl: 'pkg:conan/zlib@1.2.13',
        groups: [],
        location: { file: 'conan.lock', line: 6 },
        meta: { user: 'user', channel: 'stable', recipeRevision: '13c96f538b52e1600c40b88994de240f' },
        direct: false,
      },
      { name: 'ninja', version: '1.11.1', ecosystem: 'ConanCenter', purl: 'pkg:conan/ninja@1.11.1', groups: [], location: { file: 'conan.lock', line: 7 }, direct: true },
    ]);
    expect(result.edges).toEqual([{ from: 'pkg:conan/freetype@2.12.1', to: 'pkg:conan/zlib@1.2.13' }]);
  });

  it('reads the old pref layout with requires as a map', () => {
    const result = extract(`{
 "graph_lock": { "nodes": {
  "a": { "pref": null, "requires": { "zlib/1.2.11#5f49": "b" } },
  "b": { "pref": "zlib/1.2.11#5f49:19729b9559f3ae196cad45cb2b97468ccb75dcd1#5884" }
 } }
}`);
    expect(result.components.map((c) => [c.name, c.version, c.direct, c.location.line])).toEqual([['zlib', '1.2.11', true, 4]]);
  });

  it('reads Conan 2 locks with their groups and the line of each reference', () => {
    const result = extract(`{
    "version": "0.5",
    "requires": [
        "zlib/1.2.13#13c96f538b52e1600c40b88994de240f%1667396813.733",
        "1.2.3#ffa77daf83a57094149707928bdce823%1667396813.184"
    ],
    "build_requires": ["ninja/1.11.1#a2f0%1667050636.338", "zlib/1.2.13"],
    "python_requires": ["pyreq/0.1"]
}`);
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.groups, c.scope, c.location.line])).toEqual([
      ['zlib', '1.2.13', ['requires', 'build-requires'], 'prod', 4],
      ['ninja', '1.11.1', ['build-requires'], 'dev', 7],
      ['pyreq', '0.1', ['python-requires'], 'dev', 8],
    ]);
    expect(result.edges).toEqual([]);
  });

  it('reports malformed JSON with its line, and null', () => {
    expect(extract('{\n "requires": [\n  "a/1",\n ]\n}').problems).toEqual([{ file: 'conan.lock', line: 4, message: 'could not extract: conan.lock is not valid JSON (ValueExpected)' }]);
    expect(extract('null').problems).toEqual([{ file: 'conan.lock', message: 'could not extract: conan.lock is not a JSON object (decoded null)' }]);
  });

  it('refuses hostile nesting', () => {
    expect(extract(`{"a": ${'{"b":'.repeat(100000)}`).problems).toEqual([{ file: 'conan.lock', message: 'conan.lock nests deeper than 64 levels' }]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(conanLockExtractor, { characters: '{}[]:",#@%/\\ \nab1requiresgraph_locknodes' });
  });
});

describeShared('conan-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'conan-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, conanLockExtractor)).toEqual([]);
    });
  }
});
