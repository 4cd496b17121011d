import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';
import type { ErrorResponseDto } from './error-response.dto';

/**
 * The one gate every API request passes before it reaches a controller. It refuses, with the usual
 * error body, what no field of any route may hold, so that no service, query or history record ever
 * sees it:
 *  - a body that is not JSON (or multipart, for uploads): 415;
 *  - JSON nested deeper than MAX_JSON_DEPTH, found by scanning the raw bytes before parsing: 400
 *    JSON_TOO_DEEP (a deeply nested body would otherwise overflow the stack while it is parsed or
 *    transformed);
 *  - JSON that does not parse: 400 MALFORMED_JSON;
 *  - a body above the limit: 413 PAYLOAD_TOO_LARGE naming the limit;
 *  - a NUL character or an unpaired UTF-16 surrogate in any string or key of the body, the query or
 *    the path: 400 INVALID_CHARACTERS naming the field (PostgreSQL stores neither);
 *  - a state-changing request that a browser marks as coming from another site: 403 CROSS_SITE_REQUEST.
 */

/** No request of this API nests deeper than a plan's content (sections → fields → rows → cells). */
export const MAX_JSON_DEPTH = 32;

/**
 * The largest documented field is a deliverable's text of 200 000 characters: up to 600 kB in UTF-8
 * (at most 3 bytes per UTF-16 unit). The rest of any request is far below the remaining margin.
 */
export const LONGEST_TEXT_FIELD = 200_000;
export const JSON_BODY_LIMIT_BYTES = LONGEST_TEXT_FIELD * 3 + 256 * 1024;

type BodyParser = (req: Request, res: Response, next: (err?: unknown) => void) => void;

export interface InputGuardOptions {
  /** The JSON body parser (express.json) to run between the raw checks and the string checks. */
  jsonParser: (options: { limit: number; strict: boolean; verify: (req: Request, res: Response, buf: Buffer) => void }) => BodyParser;
}

export function inputGuard({ jsonParser }: InputGuardOptions): RequestHandler {
  const parse = jsonParser({ limit: JSON_BODY_LIMIT_BYTES, strict: true, verify: (_req, _res, buf) => assertJsonDepth(buf) });
  return (req, res, next) => {
    try {
      assertSameSiteWrite(req);
      assertBodyType(req);
      assertCleanPath(req.path);
    } catch (e) {
      return refuse(res, e);
    }
    parse(req, res, (err) => {
      if (err) return refuse(res, bodyParserError(err));
      try {
        assertCleanStrings(req.body, 'body');
        assertCleanStrings(req.query, 'query');
      } catch (e) {
        return refuse(res, e);
      }
      next();
    });
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browsers say where a request comes from in Sec-Fetch-Site. A write from another site is never ours:
 * the CSRF token stops those that need a session, and this also stops cross-site sign-in.
 */
function assertSameSiteWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.get('sec-fetch-site');
  const crossSite =
    site !== undefined
      ? site === 'cross-site' || site === 'same-site'
      : // Older browsers send no Sec-Fetch-Site, but an Origin; compare it with the host we were asked for.
        isForeignOrigin(req.get('origin'), [req.get('x-forwarded-host'), req.get('host')]);
  if (crossSite) {
    throw new DomainError('CROSS_SITE_REQUEST', 'This request came from another web site and was refused. Use the app itself.');
  }
}

function isForeignOrigin(origin: string | undefined, hosts: (string | undefined)[]): boolean {
  if (origin === undefined) return false;
  if (origin === 'null') return true; // sandboxed frames, data: URLs, some redirects
  try {
    const host = new URL(origin).host.toLowerCase();
    return !hosts.some((h) => h !== undefined && h.split(',')[0].trim().toLowerCase() === host);
  } catch {
    return true;
  }
}

const ACCEPTED_BODY_TYPES = ['application/json', 'multipart/form-data'];

function assertBodyType(req: Request): void {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (!hasBody) return;
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED_BODY_TYPES.includes(type)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the body as application/json${type ? ` (got ${type.slice(0, 80)})` : ''}; files are uploaded as multipart/form-data.`,
    );
  }
}

/** Scans raw JSON for its nesting depth without parsing it (strings are skipped, escapes honoured). */
export function jsonDepth(buf: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

class BodyCheckError extends Error {
  constructor(readonly domain: DomainError) {
    super(domain.message);
  }
}

function assertJsonDepth(buf: Buffer): void {
  if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new BodyCheckError(
      new DomainError(
        'JSON_TOO_DEEP',
        `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep; no request of this API needs that.`,
      ),
    );
  }
}

/** Maps the body parser's errors (see the body-parser README) to our codes. */
function bodyParserError(err: unknown): DomainError {
  const e = err as { type?: string; limit?: number; status?: number };
  // body-parser passes the error thrown by `verify` on as the same object.
  if (err instanceof BodyCheckError) return err.domain;
  switch (e.type) {
    case 'entity.too.large':
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the limit of ${Math.round((e.limit ?? JSON_BODY_LIMIT_BYTES) / 1024)} kB. Long texts can be attached as files instead.`,
      );
    case 'entity.parse.failed':
      return new DomainError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 encoded JSON without content encoding.');
    default:
      return new DomainError('VALIDATION_FAILED', 'The request body could not be read. Send it again.');
  }
}

/** NUL, or a UTF-16 surrogate that is not part of a pair: neither can be stored as text. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what we look for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function findUnstorableText(value: unknown, path: string, seen = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || seen > MAX_JSON_DEPTH * 2) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`, seen + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return `${path} (a field name)`;
    const found = findUnstorableText(v, path ? `${path}.${key}` : key, seen + 1);
    if (found) return found;
  }
  return null;
}

function assertCleanStrings(value: unknown, where: 'body' | 'query'): void {
  const field = findUnstorableText(value, '');
  if (field !== null) throw invalidCharacters(where === 'query' ? `${field} (in the address)` : field || 'body');
}

function assertCleanPath(path: string): void {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw invalidCharacters('the address');
    }
    if (UNSTORABLE.test(decoded)) throw invalidCharacters('the address');
  }
}

function invalidCharacters(field: string): DomainError {
  const message = `${field} contains a character that cannot be stored (a NUL character or a broken Unicode character). Remove it and try again.`;
  return new DomainError('INVALID_CHARACTERS', message, [{ field, messages: [message] }]);
}

function refuse(res: Response, e: unknown): void {
  const error = e instanceof DomainError ? e : new DomainError('VALIDATION_FAILED', 'The request could not be read.');
  const body: ErrorResponseDto & { code: ErrorCode } = {
    statusCode: error.status,
    code: error.code,
    message: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
  };
  res.status(error.status).json(body);
}

/** Answers that hold signed-in data must not be kept by browsers or proxies. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
