/**
 * The Packagist input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Packagist';

export const composerLockFormat: InputFormat = {
  format: 'composer-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'composer.lock',
  definition: {
    short: 'composer.lock: packages and packages-dev (group dev), with commits, licences and the dependency graph',
    fileNames: ['composer.lock'],
  },
};
