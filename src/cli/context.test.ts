import { describe, expect, it } from 'vitest';
import { colorEnabled, httpClientOptions } from './context.js';
import type { CliIo } from './io.js';

function io(env: NodeJS.ProcessEnv, tty: boolean): CliIo {
  const stream = { write: () => true, isTTY: tty };
  return { stdout: stream, stderr: stream, env, cwd: '/' };
}

describe('CLI context', () => {
  it('turns colour on for a terminal only, and off with NO_COLOR or --no-color', () => {
    expect(colorEnabled({}, io({}, true))).toBe(true);
    expect(colorEnabled({}, io({}, false))).toBe(false);
    expect(colorEnabled({}, io({ NO_COLOR: '1' }, true))).toBe(false);
    expect(colorEnabled({}, io({ NO_COLOR: '' }, true))).toBe(true);
    expect(colorEnabled({ color: false }, io({}, true))).toBe(false);
  });

  it('gives the HTTP client the proxy settings, a user agent and the cache in the data directory', () => {
    const options = httpClientOptions(io({ HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'localhost' }, false), '/data', true);
    expect(options).toMatchObject({
      cacheDir: '/data/http-cache',
      offline: true,
      proxy: { httpsProxy: 'http://proxy:3128', httpProxy: undefined, noProxy: 'localhost' },
    });
    expect(options.userAgent).toMatch(/^trustline\/\d+\.\d+\.\d+/);
  });
});
