/**
 * The RubyGems input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'RubyGems';

export const gemfileLockFormat: InputFormat = {
  format: 'gemfile-lock',
  ecosystem,
  matches: (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name === 'Gemfile.lock' || name === 'gems.locked';
  },
  definition: {
    short: 'Gemfile.lock and gems.locked (Bundler): GEM, GIT, PATH and PLUGIN SOURCE specs, with direct dependencies and the graph',
    fileNames: ['Gemfile.lock', 'gems.locked'],
  },
};

const gemfileNames = ['Gemfile', 'gems.rb'];

export const gemfileFormat: InputFormat = {
  format: 'gemfile',
  ecosystem,
  matches: (path) => gemfileNames.includes(path.slice(path.lastIndexOf('/') + 1)),
  definition: {
    short: 'Gemfile and gems.rb (Bundler manifest, read without running Ruby): gem requirements, groups, git and path sources',
    fileNames: gemfileNames,
  },
};
