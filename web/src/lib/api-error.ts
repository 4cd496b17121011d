/** One field's messages in a 400 VALIDATION_FAILED answer. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The body every refusal from the server carries. */
interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorBody).code === 'string' &&
    typeof (body as ErrorBody).message === 'string'
  );
}

/** A non-2xx answer from the API, with the server's stable code and any field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** For 429 TOO_MANY_ATTEMPTS: seconds until another try may succeed (the Retry-After header). */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = [], retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const fieldErrors = Array.isArray(body.errors) ? body.errors : [];
      const retryAfter = Number(response.headers.get('Retry-After'));
      return new ApiError(response.status, body.code, body.message, fieldErrors, retryAfter > 0 ? retryAfter : null);
    }
    // No error body from our server (e.g. a proxy's 502): keep the status, leave the message empty.
    return new ApiError(response.status, `HTTP_${response.status}`, '');
  }

  /** The server's messages for one field (e.g. 'name'), joined for display; undefined when none. */
  messageFor(field: string): string | undefined {
    const messages = this.fieldErrors.filter((e) => e.field === field).flatMap((e) => e.messages);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
