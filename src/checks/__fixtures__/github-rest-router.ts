/**
 * A tiny router for the loopback HTTP fixture: answers `METHOD /path?query` with a recorded JSON
 * body, status and headers, and 404 with GitHub's "Not Found" body for anything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Routes keyed by `GET /path` (query ignored) or `GET /path?query` (exact query); the path is percent-decoded. */
export type Routes = Readonly<Record<string, RouteAnswer | ((request: IncomingMessage) => RouteAnswer)>>;

export function githubRouter(routes: Routes): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    const method = request.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const route = routes[`${method} ${path}${url.search}`] ?? routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(request) : (route ?? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    response.statusCode = answer.status ?? 200;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
    response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  };
}
