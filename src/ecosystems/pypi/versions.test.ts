import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../test/shared.js';
import { readVersionCases } from '../../../test/version-corpus.js';
import { compareText } from '../ecosystem.js';
import { comparePypi, parsePypi, pypiScheme } from './versions.js';
import type { PypiVersion } from './versions.js';

const compare = (a: string, b: string): number => compareText(pypiScheme, a, b);

describe('PyPI versions (PEP 440)', () => {
  it('orders pre-, dev- and post-releases around the release', () => {
    const sorted = ['1.0.dev0', '1.0a0', '1.0a1.dev1', '1.0a1', '1.0b1', '1.0rc1', '1.0', '1.0.post1.dev1', '1.0.post1', '1.1'];
    for (let index = 1; index < sorted.length; index++) {
      expect(compare(sorted[index - 1]!, sorted[index]!), `${sorted[index - 1]} < ${sorted[index]}`).toBe(-1);
    }
  });

  it('normalizes spellings: alpha = a, c = pre = preview = rc, rev = r = post, 1.0-1 = 1.0.post1', () => {
    expect(compare('1.0alpha1', '1.0a1')).toBe(0);
    expect(compare('1.0c1', '1.0rc1')).toBe(0);
    expect(compare('1.0preview1', '1.0rc1')).toBe(0);
    expect(compare('1.0-r2', '1.0.post2')).toBe(0);
    expect(compare('1.0-1', '1.0.post1')).toBe(0);
    expect(compare('1.0a', '1.0a0')).toBe(0);
    expect(compare('V1.0', '1.0')).toBe(0);
    expect(compare(' 1.0 ', '1.0')).toBe(0);
  });

  it('ignores trailing zeros of the release and orders epochs first', () => {
    expect(compare('1.0', '1.0.0.0')).toBe(0);
    expect(compare('1!0.1', '2.0')).toBe(1);
  });

  it('orders local versions: absent first, numbers above letters, longer above shorter', () => {
    expect(compare('1.0', '1.0+abc')).toBe(-1);
    expect(compare('1.0+abc', '1.0+1')).toBe(-1);
    expect(compare('1.0+1', '1.0+1.0')).toBe(-1);
    expect(compare('1.0+ABC', '1.0+abc')).toBe(0);
  });

  it('keeps numbers exact beyond 2^53', () => {
    expect(compare('9007199254740993', '9007199254740992')).toBe(1);
  });

  it('reads strings PEP 440 rejects as legacy versions, below every PEP 440 version', () => {
    expect(parsePypi('0.1-bulbasaur').kind).toBe('legacy');
    expect(compare('0.1-bulbasaur', '0.1-charmander')).toBe(-1);
    expect(compare('2013-01-01', '0.0.1')).toBe(-1);
    expect(compare('1.0-dev-r1', '1.0-r1')).toBe(-1);
  });

  it('parses the empty string and sorts it lowest, even below legacy versions', () => {
    expect(compare('', '')).toBe(0);
    expect(compare('', 'a')).toBe(-1);
    expect(compare('', '0')).toBe(-1);
  });
});

function runCorpus(dir: string, file: string, lineCount: number): void {
  it(`passes every line of ${file}, both ways, parsed and raw`, () => {
    const cases = readVersionCases(join(dir, file));
    expect(cases).toHaveLength(lineCount);
    const failures: string[] = [];
    for (const { a, b, expected, line } of cases) {
      const left = pypiScheme.parse(a);
      const right = pypiScheme.parse(b);
      const orders = [
        comparePypi(left, right),
        -comparePypi(right, left),
        comparePypi(left, pypiScheme.parse(b)),
        -comparePypi(right, pypiScheme.parse(a)),
      ];
      if (orders.some((order) => order !== expected)) failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
}

describeShared('PyPI version corpus', ['corpus', 'versions'], (dir) => {
  runCorpus(dir, 'pypi-versions.txt', 37);
  runCorpus(dir, 'pypi-versions-generated.txt', 12375);
});

const n = fc.nat({ max: 12 }).map(String);
const pep440Text = fc
  .record({
    epoch: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
    release: fc.array(n, { minLength: 1, maxLength: 4 }),
    pre: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc', 'alpha', 'c', '.pre'), fc.option(n, { nil: '' })), { nil: undefined }),
    post: fc.option(fc.oneof(n.map((x) => `.post${x}`), n.map((x) => `-${x}`)), { nil: undefined }),
    dev: fc.option(n.map((x) => `.dev${x}`), { nil: undefined }),
    local: fc.option(fc.array(fc.oneof(n, fc.constantFrom('abc', 'ubuntu', 'x')), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map(
    ({ epoch, release, pre, post, dev, local }) =>
      `${epoch === undefined ? '' : `${epoch}!`}${release.join('.')}${pre === undefined ? '' : pre.join('')}${post ?? ''}${dev ?? ''}${local === undefined ? '' : `+${local.join('.')}`}`,
  );
const legacyText = fc
  .array(fc.oneof(n, fc.constantFrom('a', 'dev', 'pre', 'rc', 'final', '-', '.', '_', 'x')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

describe('PyPI ordering properties', () => {
  const version = fc.oneof(pep440Text, legacyText, fc.constant('')).map(parsePypi);
  const sort = (values: PypiVersion[]): PypiVersion[] => [...values].sort(comparePypi);

  it('is reflexive', () => {
    fc.assert(fc.property(version, (a) => comparePypi(a, a) === 0));
  });

  it('is antisymmetric', () => {
    fc.assert(fc.property(version, version, (a, b) => comparePypi(a, b) === -comparePypi(b, a)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const [x, y, z] = sort([a, b, c]) as [PypiVersion, PypiVersion, PypiVersion];
        const xy = comparePypi(x, y);
        const yz = comparePypi(y, z);
        const xz = comparePypi(x, z);
        return xy <= 0 && yz <= 0 && xz <= 0 && (xy === 0 && yz === 0 ? xz === 0 : xz === -1);
      }),
      { numRuns: 500 },
    );
  });
});
