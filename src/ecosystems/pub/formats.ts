/**
 * The Pub input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Pub';

export const pubspecLockFormat: InputFormat = {
  format: 'pubspec-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'pubspec.lock',
  definition: {
    short: 'pubspec.lock (Dart and Flutter): hosted, git, path and sdk packages, with direct and dev dependencies',
    fileNames: ['pubspec.lock'],
  },
};
