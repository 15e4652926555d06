/**
 * The one way the client talks to the API: JSON in and out, the session cookie sent along, the
 * CSRF header on writes, and every failure turned into an `ApiError`. It has no side effects
 * beyond the request itself: what a 401 or an error means for the screen is decided by callers.
 */

/** A failed API call, in the error shape of the HTTP contract (`{ error: { code, message, details } }`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived at all. */
    readonly status: number,
    /** Stable machine-readable code, e.g. `EDIT_CONFLICT`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const INVALID_RESPONSE = 'INVALID_RESPONSE';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** The session's CSRF token, set by sign-in and `GET /api/auth/me`; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls `path` (e.g. `/api/surveys`) and resolves to its JSON body, or `undefined` for an empty one. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null && WRITE_METHODS.has(method)) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // A cancelled request is not a failure to report: let the caller (TanStack Query) see the abort.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached. Check your connection and try again.');
  }

  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response, text);
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, INVALID_RESPONSE, 'The server sent an answer that could not be read.');
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

function errorFromResponse(response: Response, text: string): ApiError {
  const body = parseErrorBody(text);
  if (body) return new ApiError(response.status, body.code, body.message, body.details);
  // Not the contract's shape: a proxy or gateway answered (502 from the dev proxy, an HTML page).
  return new ApiError(response.status, `HTTP_${response.status}`, fallbackMessage(response.status));
}

function parseErrorBody(text: string): { code: string; message: string; details?: unknown } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return null;
  const error: unknown = parsed.error;
  if (typeof error !== 'object' || error === null) return null;
  if (!('code' in error) || typeof error.code !== 'string') return null;
  if (!('message' in error) || typeof error.message !== 'string') return null;
  return { code: error.code, message: error.message, details: 'details' in error ? error.details : undefined };
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are not signed in.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'This could not be found.';
  if (status >= 500) return 'The server could not answer just now. Please try again in a moment.';
  return 'The request could not be completed.';
}
