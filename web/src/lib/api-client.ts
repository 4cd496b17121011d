import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import { ApiError } from './api-error';

/**
 * The one API client, typed from src/api/schema.d.ts (generated from src/api/openapi.json by
 * `npm run gen:api -w web`). Paths already begin with /api, so the base URL is the page's origin.
 */
export const api = createClient<paths>({
  baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
  headers: { Accept: 'application/json' },
});

/** Returns the body of a 2xx answer; turns anything else into a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return result.data as T;
}
