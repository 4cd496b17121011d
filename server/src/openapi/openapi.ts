import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import type { AppConfig } from '../config/app-config';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Næringsvennlig region API')
    .setDescription(
      'Regions, their member kommuner and their Næringsvennlig region projects through the PLP phases ' +
        '(forstudie → forprosjekt → hovedprosjekt). Errors answer `{ statusCode, code, message, errors? }`.',
    )
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
}

/**
 * Swagger UI at /api/docs, the JSON document at /api/docs-json: for everyone (`public`), for signed-in
 * people only (`signed-in`, the default in production), or not at all (`off`).
 */
export function setupOpenApi(app: INestApplication, access: AppConfig['apiDocs']): void {
  if (access === 'off') return;
  if (access === 'signed-in') {
    const sessions = app.get(SessionService);
    const onlySignedIn = (req: Request, res: Response, next: NextFunction) => {
      sessions
        .resolve(req.cookies?.[SESSION_COOKIE])
        .then((principal) => {
          if (principal) return next();
          res.status(401).json({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to read the API documentation.' });
        })
        .catch(next);
    };
    app.use('/api/docs', onlySignedIn);
    app.use('/api/docs-json', onlySignedIn);
  }
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
