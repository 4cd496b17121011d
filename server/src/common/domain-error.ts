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

/**
 * The facts of a refusal that the reader needs to act (a size, a kommune's name, a count), by name.
 * The web fills the placeholders of its message `errors.<CODE>` with them (`{{sizeMb}}`), so the
 * facts reach the reader in their own language; the English `message` says the same for API users.
 */
export type ErrorParams = Record<string, string | number>;

/**
 * A refusal with a stable code; the exception filter turns it into the HTTP answer. Facts for the
 * reader's message are added with `withParams`:
 *
 *     throw new DomainError('SURVEY_IMPORT_INVALID', `${n} problem(s) in the file…`).withParams({ problems: n });
 */
export class DomainError extends Error {
  private facts?: ErrorParams;

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

  /** The facts the answer carries as `params`; undefined when none were added. */
  get params(): Readonly<ErrorParams> | undefined {
    return this.facts;
  }

  /** Adds facts for the reader's message (see ErrorParams) and returns this error, to be thrown. */
  withParams(params: ErrorParams): this {
    this.facts = { ...this.facts, ...params };
    return this;
  }
}

/** Thrown when the client's `version` is not the stored one: someone else saved in between. */
export function versionConflict(what: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'VERSION_CONFLICT',
    `This ${what} was changed by someone else (you had version ${expected}, it is now ${actual}). Reload it and make your change again.`,
  ).withParams({ expected, actual });
}
