import { HttpStatus } from '@nestjs/common';

import './errors';
import { ErrorCode, statusOfCode } from './error-registry';

export type { ErrorCode } from './error-registry';

/** The HTTP status of a code, as its feature declared it (see error-registry.ts). */
export function httpStatusOf(code: ErrorCode): HttpStatus {
  return statusOfCode(code);
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
