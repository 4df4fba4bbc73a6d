/**
 * RubyGems: the Ruby package registry. Gem names are case-sensitive; versions use the order of
 * `Gem::Version`.
 */
import type { Ecosystem } from '../ecosystem.js';
import { rubyGemsScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'RubyGems',
  purlType: 'gem',
  scheme: rubyGemsScheme,
  // rubygems.org keeps gem names as published and `gem install` matches them case-sensitively,
  // so the name is kept as it is.
  normalizeName: (name) => name,
  definition: {
    short: 'RubyGems, the Ruby package registry; versions use the Gem::Version order, where a letter segment marks a pre-release.',
    reference: 'https://guides.rubygems.org/patterns/#semantic-versioning; https://github.com/rubygems/rubygems/blob/master/lib/rubygems/version.rb',
  },
};
