import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryDelayMs } from './backoff.js';

describe('retry backoff', () => {
  it('retries rate limiting and server errors only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 304, 400, 401, 403, 404, 501].some(isRetryableStatus)).toBe(false);
  });

  it('doubles the ceiling each attempt, with jitter in its upper half, capped', () => {
    expect(retryDelayMs(1, undefined, 500, 30_000, 0, () => 0)).toBe(250);
    expect(retryDelayMs(1, undefined, 500, 30_000, 0, () => 1)).toBe(500);
    expect(retryDelayMs(3, undefined, 500, 30_000, 0, () => 1)).toBe(2000);
    expect(retryDelayMs(20, undefined, 500, 30_000, 0, () => 1)).toBe(30_000);
  });

  it("honours Retry-After in seconds or as a date, capped", () => {
    expect(retryDelayMs(1, '2', 500, 30_000)).toBe(2000);
    expect(retryDelayMs(1, '3600', 500, 30_000)).toBe(30_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs(1, 'Thu, 01 Jan 2026 00:00:05 GMT', 500, 30_000, now)).toBe(5000);
    expect(retryDelayMs(1, 'Wed, 31 Dec 2025 23:00:00 GMT', 500, 30_000, now)).toBe(0);
  });
});
