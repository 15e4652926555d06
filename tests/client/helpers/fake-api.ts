import { errorResponse, jsonResponse, stubFetch, type RecordedRequest } from './fake-fetch';

export type ApiHandler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Stubs `fetch` with handlers keyed by method and path without the query (`'GET /api/users'`);
 * anything else gets the API's 404. Returns the requests seen.
 */
export function stubApi(routes: Record<string, ApiHandler>): RecordedRequest[] {
  return stubFetch((request) => {
    const path = request.url.split('?')[0];
    const handler = routes[`${request.method} ${path}`];
    return handler ? handler(request) : errorResponse(404, 'NOT_FOUND', 'There is nothing at this address.');
  });
}

/** The body of a recorded request, parsed. */
export function bodyOf(request: RecordedRequest | undefined): unknown {
  return request?.body === undefined ? undefined : JSON.parse(request.body);
}

/** The requests of one method and path, e.g. `sent(requests, 'POST /api/auth/login')`. */
export function sent(requests: RecordedRequest[], route: string): RecordedRequest[] {
  return requests.filter((request) => `${request.method} ${request.url.split('?')[0]}` === route);
}

export const signedOut: ApiHandler = () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.');

/**
 * The session routes as the server keeps them: `GET /api/auth/me` answers 401 until the login
 * succeeds and the signed-in person after it, so a page that asks again after signing in (any
 * newly mounted query does) is not sent back to the sign-in page by a stub that forgot the login.
 */
export function sessionRoutes(signedIn: unknown): Record<'GET /api/auth/me' | 'POST /api/auth/login', ApiHandler> {
  let session: unknown = null;
  return {
    'GET /api/auth/me': (request) => (session === null ? signedOut(request) : jsonResponse(200, session)),
    'POST /api/auth/login': () => {
      session = signedIn;
      return jsonResponse(200, signedIn);
    },
  };
}

export const noContent: ApiHandler = () => new Response(null, { status: 204 });

export function json(status: number, body: unknown): ApiHandler {
  return () => jsonResponse(status, body);
}
