import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode } from './domain-error';
import type { ErrorResponseDto } from './error-response.dto';

/** Postgres error codes that can only come from the request's data, never from a bug. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_EXCLUSION_VIOLATION = '23P01';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/** Turns every error into `{ statusCode, code, message, errors?, params? }`; only real faults become 500 and are logged. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception, res);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, res: Response): ErrorResponseDto {
    if (exception instanceof DomainError) {
      if (exception.retryAfterSeconds) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.params ? { params: { ...exception.params } } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: codeForStatus(status), message: Array.isArray(message) ? message.join('; ') : String(message) };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      if (pgCode === PG_UNIQUE_VIOLATION || pgCode === PG_EXCLUSION_VIOLATION) {
        return {
          statusCode: HttpStatus.CONFLICT,
          code: 'CONFLICT',
          message: 'This would duplicate something that already exists. Reload and check before trying again.',
        };
      }
      if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
        return {
          statusCode: HttpStatus.CONFLICT,
          code: 'CONFLICT',
          message: 'This refers to something that does not exist, or is still in use elsewhere.',
        };
      }
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
    };
  }
}

function codeForStatus(status: number): ErrorCode | 'HTTP_ERROR' {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'FILE_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR';
  }
}
