/** One field's messages in a 400 VALIDATION_FAILED answer. */
export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * The facts of a refusal by name (a size, a kommune, a count), which errors.<CODE> in the locales shows
 * through its {{placeholders}}; empty when the server sent none.
 */
export type ErrorParams = Record<string, string | number>;

/** The body every refusal from the server carries. */
interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  params?: unknown;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorBody).code === 'string' &&
    typeof (body as ErrorBody).message === 'string'
  );
}

/** The answer's `params` with only the string and number values kept; anything else is not a fact to show. */
function paramsOf(value: unknown): ErrorParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const params: ErrorParams = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) params[name] = v;
  }
  return params;
}

/** A non-2xx answer from the API, with the server's stable code, any field errors and the facts of the refusal. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** For 429 TOO_MANY_ATTEMPTS: seconds until another try may succeed (the Retry-After header). */
  readonly retryAfterSeconds: number | null;
  /** The facts of the refusal for its translated message (see ErrorParams and lib/error-message). */
  readonly params: ErrorParams;

  constructor(
    status: number,
    code: string,
    message: string,
    fieldErrors: FieldError[] = [],
    retryAfterSeconds: number | null = null,
    params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.params = params;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const fieldErrors = Array.isArray(body.errors) ? body.errors : [];
      const retryAfter = Number(response.headers.get('Retry-After'));
      return new ApiError(response.status, body.code, body.message, fieldErrors, retryAfter > 0 ? retryAfter : null, paramsOf(body.params));
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
