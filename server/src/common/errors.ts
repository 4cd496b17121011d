import { CodesOf, defineErrors } from './error-registry';

/** Codes any operation can answer: input, access, versions, state, and faults. */
export const COMMON_ERRORS = defineErrors(
  { tags: ['*'] },
  {
    VALIDATION_FAILED: 400,
    INVALID_CHARACTERS: 400,
    MALFORMED_JSON: 400,
    JSON_TOO_DEEP: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    CSRF_TOKEN_INVALID: 403,
    CROSS_SITE_REQUEST: 403,
    NOT_FOUND: 404,
    VERSION_CONFLICT: 409,
    CONFLICT: 409,
    INVALID_STATE: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    INVALID_PERIOD: 422,
    INTERNAL_ERROR: 500,
  },
);

declare module './error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof COMMON_ERRORS> {}
}
