/**
 * How the GitHub client talks to the network: Octokit's `fetch` is served by Trustline's one HTTP
 * client (src/net: proxy, timeouts, retries on 429/5xx, size limit, user agent), and every failure
 * becomes an EnvironmentError with a one-line message that says what to do.
 */
import { EnvironmentError, InternalError, TrustlineError } from '../errors.js';
import type { HttpClient } from '../net/index.js';

export type GitHubErrorCode = 'github-unauthorized' | 'github-rate-limited' | 'github-forbidden' | 'github-not-found' | 'github-failed';

/** The `fetch` signature Octokit calls. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Statuses handed back to Octokit instead of raised by the HTTP client: Octokit reads their body. */
const passedStatuses: readonly number[] = Array.from({ length: 300 }, (_, index) => 300 + index);

/**
 * A `fetch` for Octokit over the HTTP client. Only GET is needed (the checks only read), and
 * responses are never cached on disk: they depend on the token, and a shared cache could show one
 * token's private data to another.
 */
export function fetchOverHttpClient(http: HttpClient, maxBytes: number): FetchLike {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') throw new InternalError('github-method', `the GitHub client only reads, but was asked for ${method}`);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await http.get(url, { headers: headerRecord(init?.headers), maxBytes, cache: false, allowStatus: passedStatuses });
    const bodyless = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(bodyless ? null : new Uint8Array(response.body), { status: response.status, headers: response.headers });
  };
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** The HTTP status of an Octokit RequestError (duck-typed: the class is a transitive dependency). */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The error to report for a failed GitHub request about `what` ("the repository OWNER/REPO").
 * Rate limits say when they reset and, without a token, how to get a higher one.
 */
export function gitHubError(error: unknown, what: string, hasToken: boolean): TrustlineError {
  if (error instanceof TrustlineError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof TrustlineError) return cause;
  const status = httpStatusOf(error);
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } } | null)?.response?.headers ?? {};
  const detail = shortMessage(error);
  const make = (code: GitHubErrorCode, message: string): EnvironmentError => new EnvironmentError(code, message, { cause: error });
  if (status === 401) return make('github-unauthorized', `GitHub rejected the token while reading ${what} (HTTP 401): check GITHUB_TOKEN or GH_TOKEN`);
  if (status === 403 || status === 429) {
    if (headers['x-ratelimit-remaining'] === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      const when = Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : '';
      const advice = hasToken ? '' : '; without a token GitHub allows 60 requests an hour: set GITHUB_TOKEN or GH_TOKEN for 5,000';
      return make('github-rate-limited', `GitHub's API rate limit is used up while reading ${what}${when}${advice}`);
    }
    if (headers['retry-after'] !== undefined || /secondary rate limit|abuse/i.test(detail)) {
      const wait = headers['retry-after'] === undefined ? '' : ` (retry after ${headers['retry-after']} s)`;
      return make('github-rate-limited', `GitHub's secondary rate limit stopped reading ${what}${wait}: make fewer requests at once or wait`);
    }
    if (status === 403) return make('github-forbidden', `GitHub refused to show ${what} (HTTP 403: ${detail}): the token lacks the permission`);
  }
  if (status === 404) return make('github-not-found', `${what} was not found on GitHub (HTTP 404), or the token cannot see it`);
  if (status !== undefined) return make('github-failed', `GitHub answered HTTP ${status} while reading ${what}: ${detail}`);
  return make('github-failed', `cannot read ${what} from GitHub: ${detail}`);
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Octokit appends " - https://docs.github.com/..." to GitHub's message; keep the message.
  const text = message.replace(/\s+-\s+https:\/\/docs\.github\.com\S*/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
