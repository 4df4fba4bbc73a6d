/**
 * The crates.io input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'crates.io';

export const cargoLockFormat: InputFormat = {
  format: 'cargo-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'Cargo.lock',
  definition: {
    short: 'Cargo.lock (versions 1 to 4): every locked crate, with the dependency graph',
    fileNames: ['Cargo.lock'],
  },
};

export const cargoTomlFormat: InputFormat = {
  format: 'cargo-toml',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'Cargo.toml',
  definition: {
    short: 'Cargo.toml (manifest): direct, dev, build and target-specific dependencies with their requirements, workspace inheritance resolved',
    fileNames: ['Cargo.toml'],
  },
};
