import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentRequest } from './request-context';

const logger = new Logger('HTTP');

/**
 * A survey's public answer link is the only thing that ties an answer to a link (and so to a kommune):
 * its token is never logged, nor anything else about the respondent. The line keeps the shape of the route.
 */
const PUBLIC_SURVEY_PATH = /^(\/api\/public\/surveys\/)[^/]+(\/.*)?$/;

/** The path as it may be logged: without the query, and without the token of a public survey link. */
export function loggablePath(originalUrl: string): string {
  const path = originalUrl.split('?')[0];
  const survey = PUBLIC_SURVEY_PATH.exec(path);
  return survey ? `${survey[1]}:token${survey[2] ? '/...' : ''}` : path;
}

/**
 * One structured log line per API request: method, path, status, duration and SQL statements run. Never
 * the client's address, headers or body.
 */
export function requestLogger(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const context = currentRequest();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = {
      method: req.method,
      path: loggablePath(req.originalUrl),
      status: res.statusCode,
      durationMs: Math.round(ms * 10) / 10,
      statements: context?.statements ?? 0,
    };
    if (res.statusCode >= 500) logger.error(line);
    else logger.log(line);
  });
  next();
}
