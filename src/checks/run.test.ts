import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpFixture } from '../../test/http-fixture.js';
import { InputError } from '../errors.js';
import { createHttpClient } from '../net/index.js';
import { fakeGitHub } from './__fixtures__/fake-github.js';
import { checkRepository } from './run.js';

const root = mkdtempSync(join(tmpdir(), 'trustline-run-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('checkRepository', () => {
  it('checks a local folder: every check, the aggregate, no errors', async () => {
    const dir = join(root, 'local');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'SECURITY.md'), '# Security\n\nPlease report vulnerabilities privately to security@example.com; we reply within 7 days and disclose after a fix.\n');
    const report = await checkRepository(dir, { only: ['Security-Policy', 'License'] });
    expect(report.checks.map((check) => [check.name, check.score >= 0])).toEqual([
      ['Security-Policy', true],
      ['License', true],
    ]);
    expect(report.errors).toEqual([]);
    expect(report.repository).toEqual({ path: dir });
  });

  it('checks a GitHub URL with its files downloaded, and removes them afterwards', async () => {
    const source = join(root, 'archive');
    mkdirSync(join(source, 'o-r-1234567'), { recursive: true });
    writeFileSync(join(source, 'o-r-1234567', 'LICENSE'), 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n');
    const chunks: Buffer[] = [];
    for await (const chunk of create({ gzip: true, cwd: source, portable: true }, ['o-r-1234567']) as AsyncIterable<Buffer>) chunks.push(chunk);
    const archive = Buffer.concat(chunks);
    const server = await startHttpFixture((_request, response) => {
      response.end(archive);
    });
    const http = createHttpClient({ userAgent: 'test', retries: 0 });
    try {
      const report = await checkRepository('https://github.com/o/r', { only: ['License'], github: fakeGitHub(), http, githubApiUrl: server.url });
      expect(report.repository).toEqual({ url: 'https://github.com/o/r' });
      expect(report.checks[0]).toMatchObject({ name: 'License', score: 10 });
      expect(server.requests.map((request) => request.url)).toEqual(['/repos/o/r/tarball']);
    } finally {
      await http.close();
      await server.close();
    }
  });

  it('refuses an unknown check name and a path that does not exist', async () => {
    await expect(checkRepository(root, { only: ['Nope'] })).rejects.toThrow(InputError);
    await expect(checkRepository(join(root, 'missing'))).rejects.toThrow(InputError);
  });
});
