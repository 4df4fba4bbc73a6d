/**
 * Every input format of every ecosystem folder: the light definitions of the folders' formats.ts,
 * gathered. The extractors import their own definition through this module rather than from their
 * folder, so that the CLI bundle keeps all definitions in one chunk instead of one per folder
 * (each shared by the registry and that folder's parsers): a dozen fewer module loads, ~4 ms of
 * a `trustline sbom` run (measured).
 */
export * from './alpine/formats.js';
export * from './conan/formats.js';
export * from './cran/formats.js';
export * from './crates-io/formats.js';
export * from './debian/formats.js';
export * from './go/formats.js';
export * from './hex/formats.js';
export * from './maven/formats.js';
export * from './npm/formats.js';
export * from './nuget/formats.js';
export * from './packagist/formats.js';
export * from './pub/formats.js';
export * from './pypi/formats.js';
export * from './rubygems/formats.js';
