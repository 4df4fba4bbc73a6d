/**
 * The Go input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'Go';

export const goModFormat: InputFormat = {
  format: 'go-mod',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'go.mod',
  definition: {
    short: 'go.mod (require, replace, exclude, go and toolchain directives), plus go.sum below go 1.17',
    fileNames: ['go.mod'],
  },
};
