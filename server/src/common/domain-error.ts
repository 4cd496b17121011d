import { HttpStatus } from '@nestjs/common';
import { assertUnreachable } from '@nvr/shared';

/**
 * Every refusal the API can give, as a stable code. The web app translates codes; `message` is the
 * English fallback a person can act on.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_CHARACTERS'
  | 'MALFORMED_JSON'
  | 'JSON_TOO_DEEP'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'CROSS_SITE_REQUEST'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'INVALID_PERIOD'
  | 'KOMMUNE_NOT_FOUND'
  | 'KOMMUNE_NUMBER_TAKEN'
  | 'KOMMUNE_COUNTY_MISMATCH'
  | 'KOMMUNE_IN_USE'
  | 'REGION_NOT_FOUND'
  | 'REGION_NAME_TAKEN'
  | 'MEMBERSHIP_NOT_FOUND'
  | 'MEMBERSHIP_OVERLAP'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'TOO_MANY_ATTEMPTS'
  | 'USER_NOT_FOUND'
  | 'EMAIL_TAKEN'
  | 'ROLE_SCOPE_INVALID'
  | 'CURRENT_PASSWORD_WRONG'
  | 'LAST_ADMIN'
  | 'PROJECT_NOT_FOUND'
  | 'PHASE_NOT_FOUND'
  | 'DELIVERABLE_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'DECISION_NOT_FOUND'
  | 'KOMMUNE_NOT_IN_REGION'
  | 'INVALID_STATE'
  | 'DELIVERABLE_EMPTY'
  | 'PLAN_REQUIRED'
  | 'GATE_NOT_READY'
  | 'GATE_NOT_AWAITING_DECISION'
  | 'GATE_ALREADY_DECIDED'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'STATUS_REPORT_NOT_FOUND'
  | 'STATUS_REPORT_PERIOD_TAKEN'
  | 'STATUS_REPORT_PUBLISHED'
  | 'STATUS_REPORT_INCOMPLETE'
  | 'COMMENT_NOT_FOUND'
  | 'COMMENT_TARGET_NOT_FOUND'
  | 'NOTIFICATION_NOT_FOUND'
  | 'POPULATION_NOT_FOUND'
  | 'COST_SHARING_NO_POPULATION'
  | 'COST_SHARING_NO_CONTRIBUTION'
  | 'INTERNAL_ERROR';

export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_CHARACTERS':
    case 'MALFORMED_JSON':
    case 'JSON_TOO_DEEP':
      return HttpStatus.BAD_REQUEST;
    case 'PAYLOAD_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
    case 'CSRF_TOKEN_INVALID':
    case 'CROSS_SITE_REQUEST':
      return HttpStatus.FORBIDDEN;
    case 'TOO_MANY_ATTEMPTS':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'PROJECT_NOT_FOUND':
    case 'PHASE_NOT_FOUND':
    case 'DELIVERABLE_NOT_FOUND':
    case 'FILE_NOT_FOUND':
    case 'DECISION_NOT_FOUND':
    case 'KOMMUNE_NOT_FOUND':
    case 'REGION_NOT_FOUND':
    case 'MEMBERSHIP_NOT_FOUND':
    case 'STATUS_REPORT_NOT_FOUND':
    case 'COMMENT_NOT_FOUND':
    case 'COMMENT_TARGET_NOT_FOUND':
    case 'NOTIFICATION_NOT_FOUND':
    case 'POPULATION_NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'VERSION_CONFLICT':
    case 'CONFLICT':
    case 'KOMMUNE_NUMBER_TAKEN':
    case 'KOMMUNE_IN_USE':
    case 'REGION_NAME_TAKEN':
    case 'MEMBERSHIP_OVERLAP':
    case 'EMAIL_TAKEN':
    case 'LAST_ADMIN':
    case 'INVALID_STATE':
    case 'GATE_NOT_AWAITING_DECISION':
    case 'GATE_ALREADY_DECIDED':
    case 'STATUS_REPORT_PERIOD_TAKEN':
    case 'STATUS_REPORT_PUBLISHED':
      return HttpStatus.CONFLICT;
    case 'INVALID_PERIOD':
    case 'KOMMUNE_COUNTY_MISMATCH':
    case 'ROLE_SCOPE_INVALID':
    case 'CURRENT_PASSWORD_WRONG':
    case 'KOMMUNE_NOT_IN_REGION':
    case 'DELIVERABLE_EMPTY':
    case 'PLAN_REQUIRED':
    case 'GATE_NOT_READY':
    case 'FILE_TOO_LARGE':
    case 'FILE_TYPE_NOT_ALLOWED':
    case 'STATUS_REPORT_INCOMPLETE':
    case 'COST_SHARING_NO_POPULATION':
    case 'COST_SHARING_NO_CONTRIBUTION':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'INTERNAL_ERROR':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code, 'Unknown error code');
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** A refusal with a stable code; the exception filter turns it into the HTTP answer. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly errors?: FieldError[],
    /** For 429: when the client may try again. */
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): HttpStatus {
    return httpStatusOf(this.code);
  }
}

/** Thrown when the client's `version` is not the stored one: someone else saved in between. */
export function versionConflict(what: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'VERSION_CONFLICT',
    `This ${what} was changed by someone else (you had version ${expected}, it is now ${actual}). Reload it and make your change again.`,
  );
}
