/**
 * The Alpine input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Alpine';

export const apkInstalledFormat: InputFormat = {
  format: 'apk-installed',
  ecosystem,
  matches: (path) => /(^|\/)apk\/db\/installed$/.test(path),
  definition: {
    short: 'the apk database (lib/apk/db/installed): installed Alpine packages under their origin, with the dependency graph',
    fileNames: ['lib/apk/db/installed'],
  },
};
