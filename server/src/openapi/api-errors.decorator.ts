import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-response.dto';

const DESCRIPTIONS = {
  400: 'The request is not valid; `errors` lists each field',
  401: 'Not signed in',
  403: 'Signed in, but not allowed',
  404: 'Not found',
  409: 'Conflicts with the stored state (duplicate, or changed by someone else)',
  410: 'No longer available (closed for good)',
  413: 'The request body is larger than the limit',
  415: 'The body is not JSON (or multipart, for uploads)',
  422: 'Well-formed but breaks a domain rule',
  429: 'Too many attempts; see Retry-After',
  503: 'A service the request depends on (a sign-in provider) cannot be reached; try again later',
} as const;

/** The error statuses an operation can document. */
export type DocumentedStatus = keyof typeof DESCRIPTIONS;

/** Documents the error answers of an operation, all with the ErrorResponse body; the codes each can carry are added from the error registry. */
export function ApiErrors(...statuses: DocumentedStatus[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto })));
}
