import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { EnvHttpProxyAgent, errors as undiciErrors, interceptors, request } from 'undici';
import type { Dispatcher } from 'undici';
import { EnvironmentError } from '../errors.js';
import { isRetryableStatus, retryDelayMs } from './backoff.js';
import { HttpCache } from './http-cache.js';

/** Error codes raised by the HTTP client. */
export type NetErrorCode = 'http-failed' | 'http-status' | 'http-too-large' | 'http-offline';

/** Proxy settings, usually from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (read by the CLI). */
export interface ProxySettings {
  readonly httpsProxy?: string | undefined;
  readonly httpProxy?: string | undefined;
  readonly noProxy?: string | undefined;
}

export interface HttpClientOptions {
  /** Sent as User-Agent on every request. */
  readonly userAgent: string;
  /** Directory of the on-disk cache; no caching without it. */
  readonly cacheDir?: string | undefined;
  /** Serve only from the cache, never touch the network. */
  readonly offline?: boolean | undefined;
  readonly proxy?: ProxySettings | undefined;
  /** Time allowed for the response headers, and between body chunks. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Retries after the first attempt on 429, 5xx and connection failures. Default 3. */
  readonly retries?: number | undefined;
  /** First backoff step; it doubles each retry. Default 500 ms. */
  readonly backoffBaseMs?: number | undefined;
  /** Longest single wait, including a server's Retry-After. Default 30 s. */
  readonly backoffMaxMs?: number | undefined;
  /** Default response size limit (after decompression). Default 256 MiB. */
  readonly maxBytes?: number | undefined;
}

export interface GetOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Overrides the client's size limit for this request. */
  readonly maxBytes?: number;
  /** Statuses returned to the caller instead of raising (e.g. 404 for "no such package"). */
  readonly allowStatus?: readonly number[];
  /** Use the on-disk cache for this request (default true when the client has a cache). */
  readonly cache?: boolean;
  /**
   * Called as the body arrives, with the bytes received so far and the total when the server
   * sent a Content-Length for an unencoded body (for progress bars).
   */
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** True when the body came from the cache (a 304 revalidation, or offline mode). */
  readonly fromCache: boolean;
}

export interface HttpClient {
  /** GET with retries, size limit, and cache revalidation (ETag / If-Modified-Since). */
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * The one HTTP client of Trustline. Every network source (OSV, GitHub, registries) goes through
 * it, so timeouts, retries, proxying, the user agent, size limits and caching behave the same
 * everywhere.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const backoffBaseMs = options.backoffBaseMs ?? 500;
  const backoffMaxMs = options.backoffMaxMs ?? 30_000;
  const defaultMaxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const cache = options.cacheDir === undefined ? undefined : new HttpCache(options.cacheDir);

  let dispatcher: Dispatcher | undefined;
  const getDispatcher = (): Dispatcher => {
    dispatcher ??= new EnvHttpProxyAgent({
      httpProxy: options.proxy?.httpProxy,
      httpsProxy: options.proxy?.httpsProxy,
      noProxy: options.proxy?.noProxy,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: Math.min(timeoutMs, 10_000),
    }).compose(interceptors.redirect({ maxRedirections: 5 }));
    return dispatcher;
  };

  async function get(url: string, getOptions: GetOptions = {}): Promise<HttpResponse> {
    const useCache = cache !== undefined && getOptions.cache !== false;
    const cached = useCache ? cache.read(url) : undefined;
    if (options.offline === true) {
      if (cached === undefined) {
        throw new EnvironmentError('http-offline' satisfies NetErrorCode, `offline, and ${url} is not in the cache`);
      }
      return { url, status: 200, headers: cachedHeaders(cached), body: cached.body, fromCache: true };
    }

    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      ...getOptions.headers,
    };
    if (cached?.etag !== undefined) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified !== undefined) headers['if-modified-since'] = cached.lastModified;
    const maxBytes = getOptions.maxBytes ?? defaultMaxBytes;

    for (let attempt = 0; ; attempt++) {
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, { method: 'GET', headers, dispatcher: getDispatcher() });
      } catch (error) {
        if (attempt < retries && isRetryableError(error)) {
          await sleep(retryDelayMs(attempt + 1, undefined, backoffBaseMs, backoffMaxMs));
          continue;
        }
        throw new EnvironmentError('http-failed' satisfies NetErrorCode, `cannot fetch ${url}: ${describe(error)}`, { cause: error });
      }

      const responseHeaders = flattenHeaders(response.headers);
      if (isRetryableStatus(response.statusCode) && attempt < retries) {
        await response.body.dump();
        await sleep(retryDelayMs(attempt + 1, responseHeaders['retry-after'], backoffBaseMs, backoffMaxMs));
        continue;
      }
      if (response.statusCode === 304 && cached !== undefined) {
        await response.body.dump();
        return { url, status: 200, headers: { ...cachedHeaders(cached), ...responseHeaders }, body: cached.body, fromCache: true };
      }
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      if (!ok && getOptions.allowStatus?.includes(response.statusCode) !== true) {
        await response.body.dump();
        throw new EnvironmentError('http-status' satisfies NetErrorCode, `${url} answered HTTP ${response.statusCode}`);
      }

      const encoding = responseHeaders['content-encoding'];
      const length = Number(responseHeaders['content-length']);
      const total = encoding === undefined && Number.isSafeInteger(length) && length > 0 ? length : undefined;
      const onChunk = getOptions.onProgress === undefined ? undefined : (received: number) => getOptions.onProgress?.(received, total);
      const body = await readLimited(decoded(response.body, encoding), maxBytes, url, onChunk);
      if (ok && useCache && response.statusCode === 200) {
        cache.write({
          url,
          etag: responseHeaders['etag'],
          lastModified: responseHeaders['last-modified'],
          contentType: responseHeaders['content-type'],
          body,
        });
      }
      return { url, status: response.statusCode, headers: responseHeaders, body, fromCache: false };
    }
  }

  return {
    get,
    async close() {
      await dispatcher?.close();
    },
  };
}

/**
 * The body decoded per Content-Encoding. Decoding here, as a stream, lets the size limit apply to
 * the decoded bytes, so a small compressed bomb cannot fill memory.
 */
function decoded(body: Readable, encoding: string | undefined): Readable {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return pipeline(body, createGunzip(), ignoreError);
    case 'deflate':
      return pipeline(body, createInflate(), ignoreError);
    case 'br':
      return pipeline(body, createBrotliDecompress(), ignoreError);
    default:
      return body;
  }
}

/** Reads a body, stopping as soon as it passes `maxBytes` so a huge response never fills memory. */
async function readLimited(body: Readable, maxBytes: number, url: string, onChunk?: (received: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        body.destroy();
        throw new EnvironmentError('http-too-large' satisfies NetErrorCode, `${url} sent more than the ${maxBytes}-byte limit`);
      }
      chunks.push(chunk);
      onChunk?.(size);
    }
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError('http-failed' satisfies NetErrorCode, `cannot read the response from ${url}: ${describe(error)}`, { cause: error });
  }
  return Buffer.concat(chunks, size);
}

/** Errors surface through the readable end of the pipeline, where readLimited reports them. */
function ignoreError(): void {}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function cachedHeaders(cached: { etag: string | undefined; lastModified: string | undefined; contentType: string | undefined }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached.etag !== undefined) headers['etag'] = cached.etag;
  if (cached.lastModified !== undefined) headers['last-modified'] = cached.lastModified;
  if (cached.contentType !== undefined) headers['content-type'] = cached.contentType;
  return headers;
}

/** Connection-level failures worth another try: resets, refusals, timeouts. */
function isRetryableError(error: unknown): boolean {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) return true;
  if (error instanceof undiciErrors.ConnectTimeoutError || error instanceof undiciErrors.SocketError) return true;
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
