/**
 * Version comparison speed per ecosystem over the version corpus (shared/corpus/versions):
 * `compareVersions` on raw strings (parse both sides, then compare), and `compare` on values
 * parsed once, as range evaluation does.
 */
import { join } from 'node:path';
import { ecosystemFor } from '../src/ecosystems/registry.js';
import { compareVersions } from '../src/ecosystems/versions.js';
import { sharedPath } from '../test/shared.js';
import { readVersionCases } from '../test/version-corpus.js';
import { report } from './measure.js';

const files: Record<string, readonly string[]> = {
  npm: ['semver-versions.txt'],
  PyPI: ['pypi-versions.txt', 'pypi-versions-generated.txt'],
  Maven: ['maven-versions.txt', 'maven-versions-generated.txt'],
  NuGet: ['nuget-versions.txt'],
  RubyGems: ['rubygems-versions.txt', 'rubygems-versions-generated.txt'],
  Packagist: ['packagist-versions.txt', 'packagist-versions-generated.txt'],
  Pub: ['pub-versions.txt'],
  Debian: ['debian-versions.txt', 'debian-versions-generated.txt'],
  Alpine: ['alpine-versions.txt', 'alpine-versions-generated.txt'],
  'Red Hat': ['redhat-versions.txt'],
  CRAN: ['cran-versions.txt', 'cran-versions-generated.txt'],
  Hackage: ['hackage-versions.txt'],
};

/** Runs `work` over the pairs until at least `minMs` has passed; returns operations per second. */
function perSecond(pairs: number, work: () => void, minMs = 300): number {
  let rounds = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    work();
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (rounds * pairs) / (elapsed / 1000);
}

export function run(): Promise<void> {
  const dir = sharedPath('corpus', 'versions');
  if (dir === undefined) {
    console.log('versions: skipped (shared/corpus/versions not found; set TRUSTLINE_SHARED)');
    return Promise.resolve();
  }
  for (const [ecosystem, names] of Object.entries(files)) {
    const cases = names.flatMap((name) => readVersionCases(join(dir, name)));
    const { scheme } = ecosystemFor(ecosystem);
    const parsed = cases.map(({ a, b }) => [scheme.parse(a), scheme.parse(b)] as const);
    const raw = perSecond(cases.length, () => {
      for (const { a, b } of cases) compareVersions(ecosystem, a, b);
    });
    const preParsed = perSecond(parsed.length, () => {
      for (const [a, b] of parsed) scheme.compare(a, b);
    });
    const key = ecosystem.toLowerCase().replace(/ /g, '-');
    report(`versions.${key}.compare-raw`, raw / 1e6, 'M compares/s');
    report(`versions.${key}.compare-parsed`, preParsed / 1e6, 'M compares/s');
  }
  return Promise.resolve();
}
