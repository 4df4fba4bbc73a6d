/**
 * The version-ordering conformance suite: every line of every file of shared/corpus/versions,
 * through the public `compareVersions`, for every ecosystem its README assigns the file to, in
 * both directions, once parsed-against-parsed and once parsed-against-raw (the raw side parsed
 * afresh, as the corpus README asks).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../test/shared.js';
import { readVersionCases } from '../../test/version-corpus.js';
import { ecosystemFor } from './registry.js';

/** The README's table: file, the ecosystems that run it, and its count of checked lines. */
const files: readonly (readonly [file: string, ecosystems: readonly string[], lines: number])[] = [
  ['semver-versions.txt', ['npm', 'crates.io', 'Go', 'Hex'], 86],
  ['nuget-versions.txt', ['NuGet'], 35],
  ['maven-versions.txt', ['Maven'], 102],
  ['maven-versions-generated.txt', ['Maven'], 14752],
  ['pypi-versions.txt', ['PyPI'], 37],
  ['pypi-versions-generated.txt', ['PyPI'], 12375],
  ['rubygems-versions.txt', ['RubyGems'], 25],
  ['rubygems-versions-generated.txt', ['RubyGems'], 4098],
  ['packagist-versions.txt', ['Packagist'], 95],
  ['packagist-versions-generated.txt', ['Packagist'], 10630],
  ['debian-versions.txt', ['Debian'], 30],
  ['debian-versions-generated.txt', ['Debian'], 14442],
  ['alpine-versions.txt', ['Alpine'], 778],
  ['alpine-versions-generated.txt', ['Alpine'], 13979],
  ['cran-versions.txt', ['CRAN'], 21],
  ['cran-versions-generated.txt', ['CRAN'], 57],
  ['redhat-versions.txt', ['Red Hat'], 165],
  ['hackage-versions.txt', ['Hackage'], 11],
  ['pub-versions.txt', ['Pub'], 100],
];

describeShared('version corpus (OSV-SCALIBR semantic fixtures)', ['corpus', 'versions'], (dir) => {
  for (const [file, names, lineCount] of files) {
    for (const name of names) {
      it(`${name}: every line of ${file}`, () => {
        const cases = readVersionCases(join(dir, file));
        expect(cases).toHaveLength(lineCount);
        const { scheme } = ecosystemFor(name);
        const failures: string[] = [];
        for (const { a, b, expected, line } of cases) {
          try {
            const left = scheme.parse(a);
            const right = scheme.parse(b);
            const orders = [
              scheme.compare(left, right),
              -scheme.compare(right, left),
              scheme.compare(left, scheme.parse(b)),
              -scheme.compare(right, scheme.parse(a)),
            ];
            if (orders.some((order) => order !== expected)) {
              failures.push(`${file}:${line}: ${a} vs ${b}: expected ${expected}, got ${orders.join(' ')}`);
            }
          } catch (error) {
            failures.push(`${file}:${line}: ${a} vs ${b}: ${String(error)}`);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
