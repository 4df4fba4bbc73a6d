import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { gemfileExtractor, readRequirements } from './gemfile.js';

const extract = (text: string) => gemfileExtractor.extract({ path: 'Gemfile', text, readRelated: () => undefined });

const gemfile = `source "https://rubygems.org"
git_source(:github) { |repo| "https://github.com/#{repo}.git" }
ruby "3.2.2"

gem "rails", "~> 7.0.4", ">= 7.0.4.3"
gem 'pg', '1.5.3' # exact
gem "bootsnap", require: false
gem "tzinfo-data", platforms: %i[ mingw mswin jruby ]

group :development, :test do
  gem "debug", platforms: %i[ mri mingw ]
  gem 'rspec-rails',
    '~> 6.0'
end

group :development do
  gem "web-console"
  if ENV["PROFILE"]
    gem 'rack-mini-profiler'
  end
end

gem 'sidekiq', group: [:test, :production]
gem 'rubocop', :group => :development, :require => false
`;

describe('gemfileExtractor', () => {
  it('matches Gemfile and gems.rb only', () => {
    expect(gemfileExtractor.matches('app/Gemfile')).toBe(true);
    expect(gemfileExtractor.matches('gems.rb')).toBe(true);
    expect(gemfileExtractor.matches('Gemfile.lock')).toBe(false);
  });

  it('reads gem lines with requirements, lower bounds and lines', () => {
    const result = extract(gemfile);
    expect(result.problems).toEqual([]);
    expect(result.components[0]).toEqual({
      name: 'rails',
      version: '7.0.4.3',
      ecosystem: 'RubyGems',
      purl: 'pkg:gem/rails@7.0.4.3',
      groups: [],
      scope: 'prod',
      direct: true,
      unpinned: true,
      versionRange: '~> 7.0.4, >= 7.0.4.3',
      location: { file: 'Gemfile', line: 5 },
    });
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange, c.location.line])).toEqual([
      ['rails', '7.0.4.3', true, '~> 7.0.4, >= 7.0.4.3', 5],
      ['pg', '1.5.3', undefined, undefined, 6],
      ['bootsnap', '', true, '>= 0', 7],
      ['tzinfo-data', '', true, '>= 0', 8],
      ['debug', '', true, '>= 0', 11],
      ['rspec-rails', '6.0', true, '~> 6.0', 12],
      ['web-console', '', true, '>= 0', 17],
      ['rack-mini-profiler', '', true, '>= 0', 19],
      ['sidekiq', '', true, '>= 0', 23],
      ['rubocop', '', true, '>= 0', 24],
    ]);
  });

  it('takes groups from blocks and options; development and test only give scope dev', () => {
    expect(extract(gemfile).components.map((c) => [c.name, c.groups, c.scope])).toEqual([
      ['rails', [], 'prod'],
      ['pg', [], 'prod'],
      ['bootsnap', [], 'prod'],
      ['tzinfo-data', [], 'prod'],
      ['debug', ['development', 'test'], 'dev'],
      ['rspec-rails', ['development', 'test'], 'dev'],
      ['web-console', ['development'], 'dev'],
      ['rack-mini-profiler', ['development'], 'dev'],
      ['sidekiq', ['test', 'production'], 'prod'],
      ['rubocop', ['development'], 'dev'],
    ]);
  });

  it('records platforms in meta', () => {
    expect(extract(gemfile).components.find((c) => c.name === 'tzinfo-data')?.meta).toEqual({ platforms: ['mingw', 'mswin', 'jruby'] });
  });

  it('gives git, github and path gems no version, with their source, in options and blocks', () => {
    const result = extract(`gem 'rack', github: 'rack/rack', ref: '0123456789abcdef0123456789abcdef01234567'
gem 'local', path: '../local'
git 'https://example.com/tools.git', branch: 'main' do
  gem 'tool-a', '~> 1.0'
end
gem "after"
`);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange, c.resolved, c.commit, c.meta])).toEqual([
      [
        'rack',
        '',
        undefined,
        undefined,
        'https://github.com/rack/rack.git',
        '0123456789abcdef0123456789abcdef01234567',
        { git: 'https://github.com/rack/rack.git', ref: '0123456789abcdef0123456789abcdef01234567' },
      ],
      ['local', '', undefined, undefined, undefined, undefined, { path: '../local' }],
      ['tool-a', '', true, '~> 1.0', 'https://example.com/tools.git', undefined, { git: 'https://example.com/tools.git', branch: 'main' }],
      ['after', '', true, '>= 0', undefined, undefined, undefined],
    ]);
  });

  it('reports gems whose name is dynamic Ruby, and keeps a gem whose version is', () => {
    const result = extract(`%w[a b].each do |name|
  gem name
end
gem "versioned", ENV.fetch("V", "1.0")
gem "interpolated", "~> #{major}.0"
=begin
gem "commented-out"
=end
`);
    expect(result.problems).toEqual([{ file: 'Gemfile', line: 2, message: 'the gem name is not a literal string (dynamic Ruby is not evaluated)' }]);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange])).toEqual([
      ['versioned', '', true, undefined],
      ['interpolated', '', true, undefined],
    ]);
  });

  it('reads requirements as RubyGems does', () => {
    expect(readRequirements([])).toEqual({ version: '', range: '>= 0', pinned: false });
    expect(readRequirements(['= 2.0'])).toEqual({ version: '2.0', range: '= 2.0', pinned: true });
    expect(readRequirements(['~> 2.1', '>= 2.1.4', '!= 2.1.5'])).toEqual({ version: '2.1.4', range: '~> 2.1, >= 2.1.4, != 2.1.5', pinned: false });
    expect(readRequirements(['< 3'])).toEqual({ version: '', range: '< 3', pinned: false });
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(gemfileExtractor, { characters: '\'":,()[]{}#\\ \nab1.=>~', tokens: ['gem ', 'group ', ' do', 'end', 'git:', '%w['] }, { path: 'Gemfile', maxLength: 200 });
  });
});
