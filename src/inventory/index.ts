export { extractInventory } from './extract.js';
export type { InventoryErrorCode, InventoryOptions } from './extract.js';
export { allExtractors, extractorForFormat, formatNames } from './formats.js';
export { dependencyPaths, parsePackageQuery } from './why.js';
export type { PackageQuery } from './why.js';
export { defaultMaxFileBytes } from './source-files.js';
export { mergeInventories } from './merge.js';
