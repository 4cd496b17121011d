import { INestApplication, LoggerService, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { precompressedAssets, responseCompression } from './common/compression';
import { AllExceptionsFilter } from './common/exception.filter';
import { requestLogger } from './common/request-logger.middleware';
import { AppLogger, requestContext } from './common/request-context';
import { inputGuard, noStore } from './common/input-guard';
import { createValidationPipe } from './common/validation';
import { setupOpenApi } from './openapi/openapi';

export function createLogger(config: Pick<AppConfig, 'logFormat' | 'logLevel'>): LoggerService {
  const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return new AppLogger({
    json: config.logFormat === 'json',
    logLevels: [...levels.slice(0, levels.indexOf(config.logLevel) + 1), 'fatal'],
  });
}

/**
 * Builds the whole app (API under /api, OpenAPI at /api/docs, built web app at /) without listening,
 * so that main.ts and the tests run exactly the same thing.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger?: LoggerService | false): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: logger ?? createLogger(config),
    bufferLogs: false,
    // The input guard parses JSON itself, after its raw checks; no other body format is accepted.
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // Only these proxies may tell the client's address (X-Forwarded-For): the answer and sign-in limits count per address.
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api', { exclude: [{ path: '/', method: RequestMethod.GET }] });
  app.use(helmet(helmetOptions(config)));
  app.use(cookieParser());
  app.use(responseCompression);
  app.use('/api', requestContext);
  app.use('/api', requestLogger);
  app.use('/api', noStore);
  // A respondent's answers are small; a public survey body above this is refused (413) before it is read.
  app.use('/api/public/surveys', inputGuard({ jsonParser: (o) => json({ ...o, limit: PUBLIC_SURVEY_BODY_LIMIT_BYTES }) }));
  app.use('/api', inputGuard({ jsonParser: json }));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app, config.apiDocs);
  if (config.webDistDir) serveWebApp(app, config.webDistDir);
  return app;
}

/** The largest body a respondent may send to a public survey (answers to at most 60 questions). */
export const PUBLIC_SURVEY_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Serves the built single-page app; every non-API GET that is not a file answers index.html. A survey's
 * public link (/s/<token>) answers the separate, small survey form (survey.html).
 */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  const surveyForm = join(dir, 'survey.html');
  app.use(precompressedAssets(dir));
  app.useStaticAssets(dir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res: ServerResponse, path: string) =>
      path.includes('/assets/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
  });
  const express = app.getHttpAdapter().getInstance();
  type Res = { sendFile(p: string): void; status(n: number): { send(s: string): void } };
  express.get(/^\/s\/[^/]+\/?$/, (_req: unknown, res: Res) => {
    if (existsSync(surveyForm)) res.sendFile(surveyForm);
    else if (existsSync(index)) res.sendFile(index);
    else res.status(503).send('The web app is not built yet: run `npm run build`.');
  });
  express.get(/^(?!\/api(\/|$)).*/, (_req: unknown, res: Res) => {
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).send('The web app is not built yet: run `npm run build`.');
  });
}

/** Security headers. The web app loads only its own scripts; Designsystemet needs inline style attributes. */
function helmetOptions(config: AppConfig): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}
