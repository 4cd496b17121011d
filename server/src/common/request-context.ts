import { ConsoleLogger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one request says about it. */
export interface RequestContext {
  requestId: string;
  /** Set once the session is known. */
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by the auth guard once it knows who is asking. */
export function setRequestUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}

/** A caller's (or proxy's) X-Request-Id is kept when it is short and plain; otherwise a new id is made. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** Gives each request an id, answers it in X-Request-Id, and keeps it for the log lines of that request. */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const requestId = given && ACCEPTED_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
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
