/**
 * The Debian input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Debian';

export const dpkgStatusFormat: InputFormat = {
  format: 'dpkg-status',
  ecosystem,
  matches: (path) => /(^|\/)dpkg\/status$/.test(path),
  definition: {
    short: 'the dpkg database (var/lib/dpkg/status): installed Debian packages under their source package, with the dependency graph',
    fileNames: ['var/lib/dpkg/status'],
  },
};
