/**
 * The Hex input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Hex';

export const mixLockFormat: InputFormat = {
  format: 'mix-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'mix.lock',
  definition: {
    short: 'mix.lock (Elixir, Erlang): Hex packages with their checksums, git dependencies with their commits, and the dependency graph',
    fileNames: ['mix.lock'],
  },
};
