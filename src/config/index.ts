export { configFileName, findConfigFile } from './discover.js';
export { loadConfig } from './load.js';
export type { ConfigErrorCode, LoadedConfig } from './load.js';
export { configSchema, ignoreRuleSchema } from './schema.js';
export type { TrustlineConfig } from './schema.js';
