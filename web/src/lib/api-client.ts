import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { ApiError } from './api-error';

/**
 * The one API client, typed from src/api/schema.d.ts (generated from src/api/openapi.json by
 * `npm run gen:api -w web`). Paths already begin with /api, so the base URL is the page's origin.
 * The session travels in an HttpOnly cookie; writes carry the CSRF token (see `session` below).
 */
export const api = createClient<paths>({
  baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
  headers: { Accept: 'application/json' },
  credentials: 'same-origin',
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Answers that say "not signed in" as part of their normal work, not because a session ended. */
const SESSION_PROBES = ['/api/auth/login', '/api/auth/me', '/api/auth/logout', '/api/auth/oidc/logout'];

/**
 * What the client knows about the session: the CSRF token from login or /api/auth/me, and who to
 * tell when the server answers 401 (the router sends the person to the login page).
 */
export const session = {
  csrfToken: null as string | null,
  onUnauthenticated: null as (() => void) | null,
};

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && session.csrfToken) {
      request.headers.set('X-CSRF-Token', session.csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !SESSION_PROBES.includes(new URL(request.url, window.location.origin).pathname)) {
      session.onUnauthenticated?.();
    }
    return response;
  },
};

api.use(sessionMiddleware);

/** Returns the body of a 2xx answer; turns anything else into a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return result.data as T;
}

/** Sends one file as multipart/form-data field `file` (the server's upload endpoints). */
export function fileBody(file: File): { file: string } {
  // The generated type says string (OpenAPI "binary"); the serializer below sends the File itself.
  return { file: file as unknown as string };
}

export function multipart(body: { file: string }): FormData {
  const form = new FormData();
  form.append('file', body.file as unknown as File);
  return form;
}
