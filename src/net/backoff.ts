/** The statuses worth retrying: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

/**
 * How long to wait before retry number `attempt` (1-based): the server's Retry-After when it
 * gave one (seconds or an HTTP date), else exponential backoff from `baseMs` with full jitter;
 * never more than `maxMs`.
 */
export function retryDelayMs(attempt: number, retryAfter: string | undefined, baseMs: number, maxMs: number, now = Date.now(), random = Math.random): number {
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, maxMs);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.min(Math.max(date - now, 0), maxMs);
  }
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), maxMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
