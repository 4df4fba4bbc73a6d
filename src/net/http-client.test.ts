import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../errors.js';
import { startHttpFixture } from '../../test/http-fixture.js';
import type { HttpFixture } from '../../test/http-fixture.js';
import { createHttpClient } from './http-client.js';
import type { HttpClientOptions } from './http-client.js';

const fixtures: HttpFixture[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fixture(handler: Parameters<typeof startHttpFixture>[0]): Promise<HttpFixture> {
  const started = await startHttpFixture(handler);
  fixtures.push(started);
  return started;
}

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ userAgent: 'trustline-test/1', backoffBaseMs: 1, backoffMaxMs: 20, ...options });
}

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustline-http-'));
  dirs.push(dir);
  return dir;
}

describe('HTTP client', () => {
  it('reports progress with the total from Content-Length', async () => {
    const payload = Buffer.alloc(200_000, 7);
    const server = await fixture((_request, response) => {
      response.setHeader('content-length', String(payload.length));
      response.write(payload.subarray(0, 100_000));
      setTimeout(() => response.end(payload.subarray(100_000)), 5);
    });
    const http = client();
    const seen: [number, number | undefined][] = [];
    await http.get(`${server.url}/big`, { onProgress: (received, total) => seen.push([received, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([200_000, 200_000]);
    expect(seen.every(([, total]) => total === 200_000)).toBe(true);
    await http.close();
  });

  it('sends the user agent and returns the body', async () => {
    const server = await fixture((_request, response) => {
      response.end('hello');
    });
    const http = client();
    const response = await http.get(`${server.url}/a`);
    expect(response.body.toString()).toBe('hello');
    expect(response.status).toBe(200);
    expect(server.requests[0]!.headers['user-agent']).toBe('trustline-test/1');
    await http.close();
  });

  it('retries 503 and 429 with backoff, then succeeds', async () => {
    const server = await fixture((_request, response, index) => {
      if (index === 0) response.writeHead(503).end();
      else if (index === 1) response.writeHead(429, { 'retry-after': '0' }).end();
      else response.end('ok');
    });
    const http = client();
    expect((await http.get(server.url)).body.toString()).toBe('ok');
    expect(server.requests).toHaveLength(3);
    await http.close();
  });

  it('gives up after the configured retries with an environment error', async () => {
    const server = await fixture((_request, response) => {
      response.writeHead(502).end();
    });
    const http = client({ retries: 2 });
    await expect(http.get(server.url)).rejects.toMatchObject({ code: 'http-status' });
    await expect(http.get(server.url)).rejects.toBeInstanceOf(EnvironmentError);
    expect(server.requests).toHaveLength(6);
    await http.close();
  });

  it('does not retry a 404, and returns it when the caller allows that status', async () => {
    const server = await fixture((_request, response) => {
      response.writeHead(404).end('missing');
    });
    const http = client();
    await expect(http.get(server.url)).rejects.toMatchObject({ code: 'http-status' });
    const allowed = await http.get(server.url, { allowStatus: [404] });
    expect(allowed.status).toBe(404);
    expect(server.requests).toHaveLength(2);
    await http.close();
  });

  it('fails on a connection refused after retrying', async () => {
    const server = await fixture(() => {});
    const url = server.url;
    await server.close();
    fixtures.length = 0;
    const http = client({ retries: 1 });
    await expect(http.get(url)).rejects.toMatchObject({ code: 'http-failed' });
    await http.close();
  });

  it('stops reading a body past the size limit', async () => {
    const server = await fixture((_request, response) => {
      response.end(Buffer.alloc(64 * 1024, 'a'));
    });
    const http = client({ maxBytes: 1024 });
    await expect(http.get(server.url)).rejects.toMatchObject({ code: 'http-too-large' });
    expect((await http.get(server.url, { maxBytes: 128 * 1024 })).body).toHaveLength(64 * 1024);
    await http.close();
  });

  it('decompresses gzip and applies the limit to the decompressed size', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    const server = await fixture((request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(request.url === '/small' ? gzipSync('{"ok":true}') : bomb);
    });
    const http = client({ maxBytes: 1024 * 1024 });
    expect((await http.get(`${server.url}/small`)).body.toString()).toBe('{"ok":true}');
    expect(bomb.length).toBeLessThan(16 * 1024);
    await expect(http.get(`${server.url}/bomb`)).rejects.toMatchObject({ code: 'http-too-large' });
    await http.close();
  });

  it('revalidates a cached response with If-None-Match and serves it on 304', async () => {
    const server = await fixture((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"v1"' }).end('body-v1');
    });
    const dir = cacheDir();
    const first = client({ cacheDir: dir });
    expect((await first.get(server.url)).fromCache).toBe(false);
    await first.close();
    const second = client({ cacheDir: dir });
    const response = await second.get(server.url);
    expect(response).toMatchObject({ status: 200, fromCache: true });
    expect(response.body.toString()).toBe('body-v1');
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    await second.close();
  });

  it('revalidates with If-Modified-Since and replaces the entry when the content changed', async () => {
    let version = 1;
    const server = await fixture((request, response) => {
      const lastModified = `Mon, 0${version} Jan 2026 00:00:00 GMT`;
      if (request.headers['if-modified-since'] === lastModified) response.writeHead(304).end();
      else response.writeHead(200, { 'last-modified': lastModified }).end(`v${version}`);
    });
    const http = client({ cacheDir: cacheDir() });
    expect((await http.get(server.url)).body.toString()).toBe('v1');
    expect((await http.get(server.url)).fromCache).toBe(true);
    version = 2;
    const changed = await http.get(server.url);
    expect(changed).toMatchObject({ fromCache: false });
    expect(changed.body.toString()).toBe('v2');
    expect(server.requests.map((request) => request.headers['if-modified-since'])).toEqual([
      undefined,
      'Mon, 01 Jan 2026 00:00:00 GMT',
      'Mon, 01 Jan 2026 00:00:00 GMT',
    ]);
    await http.close();
  });

  it('serves from the cache offline and says so when the URL was never fetched', async () => {
    const server = await fixture((_request, response) => {
      response.end('cached');
    });
    const dir = cacheDir();
    const online = client({ cacheDir: dir });
    await online.get(`${server.url}/known`);
    await online.close();
    const offline = client({ cacheDir: dir, offline: true });
    expect((await offline.get(`${server.url}/known`)).body.toString()).toBe('cached');
    await expect(offline.get(`${server.url}/unknown`)).rejects.toMatchObject({ code: 'http-offline' });
    expect(server.requests).toHaveLength(1);
    await offline.close();
  });

  it('goes through the proxy it is given', async () => {
    const target = await fixture((_request, response) => {
      response.end('via proxy');
    });
    const tunnels: string[] = [];
    const proxy: Server = createServer((_request, response) => {
      response.writeHead(405).end();
    });
    proxy.on('connect', (request, socket, head) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const http = client({ proxy: { httpProxy: proxyUrl, httpsProxy: proxyUrl } });
    expect((await http.get(`${target.url}/x`)).body.toString()).toBe('via proxy');
    expect(tunnels).toEqual([target.url.replace('http://', '')]);
    await http.close();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });
});

describe('HTTP client on a damaged body', () => {
  it('reports a corrupt gzip body as a network failure, not a crash', async () => {
    const server = await fixture((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end('definitely not gzip');
    });
    const http = client();
    await expect(http.get(server.url)).rejects.toMatchObject({ code: 'http-failed' });
    await http.close();
  });
});
