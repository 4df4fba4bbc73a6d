/**
 * Trustline's library API. Everything the CLI does is available here, typed; the CLI is a thin
 * layer over these functions.
 *
 * @packageDocumentation
 */
export { EnvironmentError, ExitCode, InputError, InternalError, TrustlineError, UsageError, exitCodeOf, worstExitCode } from './errors.js';
export type { TrustlineErrorOptions } from './errors.js';

export type * from './model/index.js';
export { eventOf, toOrdering } from './model/index.js';

export { compareVersions, isAffected, normalizePackageName } from './ecosystems/versions.js';
export { formatPurl, parsePurl } from './ecosystems/purl.js';
export type { PurlParts } from './ecosystems/purl.js';
export { ecosystems, findEcosystem, osvPackageOf } from './ecosystems/registry.js';
export type { Ecosystem, EcosystemDefinition, EcosystemErrorCode, VersionScheme } from './ecosystems/ecosystem.js';

export { configFileName, configSchema, findConfigFile, loadConfig } from './config/index.js';
export type { ConfigErrorCode, LoadedConfig, TrustlineConfig } from './config/index.js';

export { defaultDataDir, openStore, sqlitePath, storeStatus } from './store/index.js';
export type { AdvisorySourceStatus, Database, OpenStoreOptions, Store, StoreDialect, StoreErrorCode, StoreStatus } from './store/index.js';

export { HttpCache, createHttpClient } from './net/index.js';
export type { CachedResponse, GetOptions, HttpClient, HttpClientOptions, HttpResponse, NetErrorCode, ProxySettings } from './net/index.js';

export { scanInventory } from './advisories/scan.js';
export type { ScanOptions } from './advisories/scan.js';
export { extractInventory, mergeInventories } from './inventory/index.js';
export type { InventoryOptions } from './inventory/index.js';
export { checkRepository } from './checks/run.js';
export type { CheckError, CheckRepositoryOptions } from './checks/run.js';
export { checks } from './checks/registry.js';
export type { Check, CheckContext } from './checks/check.js';
