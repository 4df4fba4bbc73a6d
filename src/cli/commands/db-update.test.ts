import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.js';
import { startHttpFixture } from '../../../test/http-fixture.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-db-update-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const record = (id: string) => ({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'RubyGems', name: 'rack' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.8' }] }] }] });

describe('trustline db update', () => {
  it('fetches the named ecosystems, then refreshes what it fetched before with conditional requests', async () => {
    const zip = Buffer.from(zipSync({ 'GHSA-1.json': strToU8(JSON.stringify(record('GHSA-1'))) }));
    const server = await startHttpFixture((request, response) => {
      if (request.url !== '/RubyGems/all.zip') {
        response.statusCode = 404;
        response.end();
      } else if (request.headers['if-none-match'] === '"a"') {
        response.statusCode = 304;
        response.end();
      } else {
        response.setHeader('etag', '"a"');
        response.end(zip);
      }
    });
    try {
      const env = { TRUSTLINE_OSV_EXPORT_URL: server.url };
      const dataDir = join(root, 'data');
      const first = await runCli(['db', 'update', '--ecosystem', 'RubyGems', '--data-dir', dataDir, '--format', 'json'], { cwd: root, env });
      expect(first.exitCode).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual([{ source: `${server.url}/RubyGems/all.zip`, status: 'updated', read: 1, added: 1, updated: 0, unchanged: 0, skipped: 0, warnings: 0 }]);
      const again = await runCli(['db', 'update', '--data-dir', dataDir], { cwd: root, env });
      expect(again).toMatchObject({ exitCode: 0, stdout: `${server.url}/RubyGems/all.zip: unchanged since the last update\n` });
      const byFlag = await runCli(['db', 'update', '--ecosystem', 'RubyGems', '--osv-export-url', server.url, '--data-dir', dataDir], { cwd: root });
      expect(byFlag).toMatchObject({ exitCode: 0, stdout: `${server.url}/RubyGems/all.zip: unchanged since the last update\n` });
      const missing = await runCli(['db', 'update', '--ecosystem', 'Pub', '--data-dir', dataDir], { cwd: root, env });
      expect(missing.exitCode).toBe(2);
      expect(missing.stdout).toContain('not found (no export for that ecosystem)');
    } finally {
      await server.close();
    }
  });

  it('refuses to run offline, with nothing to update, or for an unknown ecosystem (exit 2)', async () => {
    const dataDir = join(root, 'empty');
    expect((await runCli(['db', 'update', '--offline', '--ecosystem', 'npm', '--data-dir', dataDir], { cwd: root })).exitCode).toBe(2);
    const nothing = await runCli(['db', 'update', '--data-dir', dataDir], { cwd: root });
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toContain('--ecosystem NAME');
    expect((await runCli(['db', 'update', '--ecosystem', 'Nope', '--data-dir', dataDir], { cwd: root })).exitCode).toBe(2);
  });
});
