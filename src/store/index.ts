export { defaultDataDir, sqlitePath } from './data-dir.js';
export { openStore } from './open.js';
export type { OpenStoreOptions } from './open.js';
export { storeStatus } from './status.js';
export type { AdvisorySourceStatus, StoreStatus } from './status.js';
export type { Store, StoreDialect, StoreErrorCode } from './store.js';
export type { Database } from './schema.js';
