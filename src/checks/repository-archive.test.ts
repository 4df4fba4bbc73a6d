import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpFixture } from '../../test/http-fixture.js';
import { InputError } from '../errors.js';
import { createHttpClient } from '../net/index.js';
import { downloadRepository, unpack } from './repository-archive.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-archive-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function tarball(cwd: string, entries: string[], preservePaths = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = create({ gzip: true, cwd, portable: true, preservePaths }, entries);
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('repository archives', () => {
  it('downloads the default branch through the API redirect and unpacks it without its top folder', async () => {
    const source = join(root, 'source');
    mkdirSync(join(source, 'o-r-abc1234', '.github', 'workflows'), { recursive: true });
    writeFileSync(join(source, 'o-r-abc1234', 'SECURITY.md'), 'report to security@example.com');
    writeFileSync(join(source, 'o-r-abc1234', '.github', 'workflows', 'ci.yml'), 'on: push\n');
    const archive = await tarball(source, ['o-r-abc1234']);
    const server = await startHttpFixture((request, response) => {
      if (request.url === '/repos/o/r/tarball') {
        response.statusCode = 302;
        response.setHeader('location', '/codeload/o/r/legacy.tar.gz/refs/heads/main');
        response.end();
      } else if (request.url?.startsWith('/codeload/') === true) {
        response.end(archive);
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    const http = createHttpClient({ userAgent: 'test', retries: 0 });
    try {
      const downloaded = await downloadRepository({ owner: 'o', repo: 'r' }, { http, apiUrl: server.url, token: 't0k' });
      expect(readFileSync(join(downloaded.dir, 'SECURITY.md'), 'utf8')).toBe('report to security@example.com');
      expect(existsSync(join(downloaded.dir, '.github', 'workflows', 'ci.yml'))).toBe(true);
      expect(server.requests[0]?.headers.authorization).toBe('Bearer t0k');
      downloaded.remove();
      expect(existsSync(downloaded.dir)).toBe(false);
      await expect(downloadRepository({ owner: 'o', repo: 'missing' }, { http, apiUrl: server.url })).rejects.toThrow(InputError);
    } finally {
      await http.close();
      await server.close();
    }
  });

  it('never writes outside the folder and unpacks no links', async () => {
    const base = join(root, 'hostile');
    mkdirSync(join(base, 'inner', 'top'), { recursive: true });
    writeFileSync(join(base, 'evil.txt'), 'evil');
    writeFileSync(join(base, 'inner', 'top', 'ok.txt'), 'ok');
    symlinkSync('/etc/passwd', join(base, 'inner', 'top', 'link'));
    const archive = await tarball(join(base, 'inner'), ['top', '../evil.txt'], true);
    const target = join(root, 'unpacked', 'here');
    mkdirSync(target, { recursive: true });
    await unpack(archive, target);
    expect(readFileSync(join(target, 'ok.txt'), 'utf8')).toBe('ok');
    expect(existsSync(join(target, 'link'))).toBe(false);
    expect(existsSync(join(root, 'unpacked', 'evil.txt'))).toBe(false);
  });
});
