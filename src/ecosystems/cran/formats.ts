/**
 * The CRAN input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'CRAN';

export const renvLockFormat: InputFormat = {
  format: 'renv-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'renv.lock',
  definition: {
    short: 'renv.lock (R): packages installed from CRAN, with the dependency graph',
    fileNames: ['renv.lock'],
  },
};
