import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpFixture } from '../../test/http-fixture.js';
import type { HttpFixture } from '../../test/http-fixture.js';
import { createHttpClient } from '../net/index.js';
import { openStore, storeStatus } from '../store/index.js';
import { osvExportUrl, updateFromUrl } from './update.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const record = (id: string) => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }] }],
});
const zip = Buffer.from(zipSync({ 'GHSA-1.json': strToU8(JSON.stringify(record('GHSA-1'))), 'GHSA-2.json': strToU8(JSON.stringify(record('GHSA-2'))) }));

async function setup(): Promise<{ server: HttpFixture; store: Awaited<ReturnType<typeof openStore>>; http: ReturnType<typeof createHttpClient> }> {
  const server = await startHttpFixture((request, response) => {
    if (request.url === '/Nowhere/all.zip') {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    if (request.headers['if-none-match'] === '"v1"') {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader('etag', '"v1"');
    response.setHeader('content-type', 'application/zip');
    response.end(zip);
  });
  const dir = mkdtempSync(join(tmpdir(), 'trustline-update-'));
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  const http = createHttpClient({ userAgent: 'trustline-test', retries: 0 });
  cleanups.push(() => { rmSync(dir, { recursive: true, force: true }); }, () => store.close(), () => server.close(), () => http.close());
  return { server, store, http };
}

describe('updateFromUrl', () => {
  it('imports an export zip, then asks conditionally and skips an unchanged one', async () => {
    const { server, store, http } = await setup();
    const url = osvExportUrl('npm', server.url);
    expect(url).toBe(`${server.url}/npm/all.zip`);

    const first = await updateFromUrl(store, http, url);
    expect(first.status).toBe('updated');
    expect(first.summary).toMatchObject({ read: 2, added: 2 });
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();

    const second = await updateFromUrl(store, http, url);
    expect(second).toEqual({ url, status: 'unchanged' });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect((await storeStatus(store)).advisories).toBe(2);
    expect(await updateFromUrl(store, http, osvExportUrl('Nowhere', server.url))).toEqual({ url: osvExportUrl('Nowhere', server.url), status: 'not-found' });
  });

  it('encodes ecosystem names with spaces and colons', () => {
    expect(osvExportUrl('Rocky Linux', 'https://x.test/')).toBe('https://x.test/Rocky%20Linux/all.zip');
  });
});
