import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { gemfileLockExtractor } from './gemfile-lock.js';

const extract = (text: string) => gemfileLockExtractor.extract({ path: 'Gemfile.lock', text, readRelated: () => undefined });

const lockfile = `GIT
  remote: https://github.com/hanami/utils.git
  revision: 5904fc9a70683b8749aa2861257d0c8c01eae4aa
  branch: unstable
  specs:
    hanami-utils (2.0.0.alpha1)
      concurrent-ruby (~> 1.0)

PATH
  remote: vendor/local
  specs:
    local-gem (0.1.0)
      rack

GEM
  remote: https://rubygems.org/
  specs:
    concurrent-ruby (1.1.9)
    nokogiri (1.13.3-x86_64-linux)
      racc (~> 1.4)
    nokogiri (1.13.3-arm64-darwin)
      racc (~> 1.4)
    no-version
    rack (2.2.3)
    racc (1.6.0)

PLUGIN SOURCE
  remote: https://rubygems.org/
  type: rubygems
  specs:
    bundler-plugin (0.2.0)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  hanami-utils!
  local-gem!
  nokogiri (~> 1.13)

BUNDLED WITH
   2.3.7
`;

describe('gemfileLockExtractor', () => {
  it('matches Gemfile.lock and gems.locked', () => {
    expect(gemfileLockExtractor.matches('app/Gemfile.lock')).toBe(true);
    expect(gemfileLockExtractor.matches('gems.locked')).toBe(true);
    expect(gemfileLockExtractor.matches('Gemfile')).toBe(false);
  });

  it('reads GIT, PATH, GEM and PLUGIN SOURCE specs with their lines, skipping a spec without a version', () => {
    const result = extract(lockfile);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'hanami-utils',
        version: '2.0.0.alpha1',
        ecosystem: 'RubyGems',
        purl: 'pkg:gem/hanami-utils@2.0.0.alpha1',
        groups: [],
        direct: true,
        location: { file: 'Gemfile.lock', line: 6 },
        commit: '5904fc9a70683b8749aa2861257d0c8c01eae4aa',
      },
      { name: 'local-gem', version: '0.1.0', ecosystem: 'RubyGems', purl: 'pkg:gem/local-gem@0.1.0', groups: [], direct: true, location: { file: 'Gemfile.lock', line: 12 } },
      { name: 'concurrent-ruby', version: '1.1.9', ecosystem: 'RubyGems', purl: 'pkg:gem/concurrent-ruby@1.1.9', groups: [], direct: false, location: { file: 'Gemfile.lock', line: 18 } },
      {
        name: 'nokogiri',
        version: '1.13.3',
        ecosystem: 'RubyGems',
        purl: 'pkg:gem/nokogiri@1.13.3',
        groups: [],
        direct: true,
        location: { file: 'Gemfile.lock', line: 19 },
        meta: { platform: 'x86_64-linux' },
      },
      { name: 'rack', version: '2.2.3', ecosystem: 'RubyGems', purl: 'pkg:gem/rack@2.2.3', groups: [], direct: false, location: { file: 'Gemfile.lock', line: 24 } },
      { name: 'racc', version: '1.6.0', ecosystem: 'RubyGems', purl: 'pkg:gem/racc@1.6.0', groups: [], direct: false, location: { file: 'Gemfile.lock', line: 25 } },
      { name: 'bundler-plugin', version: '0.2.0', ecosystem: 'RubyGems', purl: 'pkg:gem/bundler-plugin@0.2.0', groups: [], direct: false, location: { file: 'Gemfile.lock', line: 31 } },
    ]);
  });

  it('builds edges from the dependency lines under each spec', () => {
    expect(extract(lockfile).edges).toEqual([
      { from: 'pkg:gem/hanami-utils@2.0.0.alpha1', to: 'pkg:gem/concurrent-ruby@1.1.9' },
      { from: 'pkg:gem/local-gem@0.1.0', to: 'pkg:gem/rack@2.2.3' },
      { from: 'pkg:gem/nokogiri@1.13.3', to: 'pkg:gem/racc@1.6.0' },
    ]);
  });

  it('leaves direct unset without a DEPENDENCIES section, and reads a source section placed last', () => {
    const result = extract('PLATFORMS\n  ruby\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    ast (2.4.2)\n');
    expect(result.components).toEqual([{ name: 'ast', version: '2.4.2', ecosystem: 'RubyGems', purl: 'pkg:gem/ast@2.4.2', groups: [], location: { file: 'Gemfile.lock', line: 7 } }]);
  });

  it('reads Windows line endings', () => {
    const result = extract('GEM\r\n  specs:\r\n    ast (2.4.2)\r\n');
    expect(result.components.map((c) => [c.name, c.version, c.location.line])).toEqual([['ast', '2.4.2', 3]]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(gemfileLockExtractor, { characters: 'GEMITPAHDNSC:()!-. \nab1' });
  });
});

describeShared('gemfile-lock corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'gemfile-lock')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, gemfileLockExtractor)).toEqual([]);
    });
  }
});
