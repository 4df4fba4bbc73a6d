export { createHttpClient } from './http-client.js';
export type { GetOptions, HttpClient, HttpClientOptions, HttpResponse, NetErrorCode, ProxySettings } from './http-client.js';
export { HttpCache } from './http-cache.js';
export type { CachedResponse } from './http-cache.js';
