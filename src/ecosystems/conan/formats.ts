/**
 * The Conan input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'ConanCenter';

export const conanLockFormat: InputFormat = {
  format: 'conan-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'conan.lock',
  definition: {
    short: 'conan.lock (Conan 1 graph locks up to version 0.4, Conan 2 locks 0.5): locked recipes, with groups (Conan 2) or the graph (Conan 1)',
    fileNames: ['conan.lock'],
  },
};
