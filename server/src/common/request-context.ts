import { ConsoleLogger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/*
 * Statement counting: how many SQL statements one API request runs.
 *
 *   statementCount()       the statements the current request has run so far (0 outside a request).
 *   X-Statement-Count: n   answered with every API response outside production (NODE_ENV !== 'production'):
 *                          the statements run before the response was written. A test reads
 *                          `Number(res.headers['x-statement-count'])` (server/test/statement-budget.e2e-spec.ts);
 *                          a benchmark started without NODE_ENV=production reads it the same way.
 *   request log line       `statements` beside the duration, in production too.
 *
 * Every statement sent through TypeORM counts: queryRows/queryOne/execute, repositories, DataSource.query,
 * and a transaction's START TRANSACTION and COMMIT (the data source's logger, StatementCountingLogger in
 * database/sql.ts, calls countStatement()); so do runSql's statements on a plain node-postgres client. The
 * count is a number in the request's context: no SQL text is kept.
 */

/** What every log line written while serving one request says about it. */
export interface RequestContext {
  requestId: string;
  /** Set once the session is known. */
  userId?: string;
  /** SQL statements run so far while serving the request. */
  statements: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds one statement to the current request's count; nothing outside a request. */
export function countStatement(): void {
  const context = storage.getStore();
  if (context) context.statements += 1;
}

/** The SQL statements the current request has run so far; 0 outside a request. */
export function statementCount(): number {
  return storage.getStore()?.statements ?? 0;
}

/** Called by the auth guard once it knows who is asking. */
export function setRequestUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}

/** A caller's (or proxy's) X-Request-Id is kept when it is short and plain; otherwise a new id is made. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The statement count is answered in a header except in production (see the top of this file). */
const STATEMENT_HEADER = process.env.NODE_ENV !== 'production';

/**
 * Gives each request an id, answers it in X-Request-Id, and keeps it for the log lines of that request;
 * counts its SQL statements (see the top of this file).
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const requestId = given && ACCEPTED_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const context: RequestContext = { requestId, statements: 0 };
  if (STATEMENT_HEADER) answerStatementCount(res, context);
  storage.run(context, next);
}

/** Sets X-Statement-Count just before the response's head is written, when every statement before it has run. */
function answerStatementCount(res: Response, context: RequestContext): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    if (!this.headersSent) this.setHeader('X-Statement-Count', String(context.statements));
    return writeHead.apply(this, args);
  } as Response['writeHead'];
}

/** Nest's console logger, with the request id and user id on every line written while serving a request. */
export class AppLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: Parameters<ConsoleLogger['getJsonLogObject']>[1]) {
    const line = super.getJsonLogObject(message, options);
    const context = storage.getStore();
    return context ? { ...line, requestId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) } : line;
  }

  protected override formatContext(context: string): string {
    const request = storage.getStore();
    const base = super.formatContext(context);
    return request ? `${base}[${request.requestId.slice(0, 8)}${request.userId ? ` ${request.userId.slice(0, 8)}` : ''}] ` : base;
  }
}
