import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { codesFor } from '../common/error-registry';
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
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  listErrorCodes(document);
  return document;
}

/**
 * Each documented error answer gets the codes it can carry, as an enum: the codes of that status
 * declared by the features the operation's tag belongs to (see common/error-registry.ts), so a client
 * can switch on them.
 */
function listErrorCodes(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const content = response && 'content' in response ? response.content?.['application/json'] : undefined;
        if (Number(status) < 400 || !content?.schema || !('$ref' in content.schema)) continue;
        const codes = codesFor(operation.tags ?? [], Number(status));
        if (!codes.length) continue;
        content.schema = { allOf: [content.schema, { type: 'object', properties: { code: { type: 'string', enum: codes } } }] };
      }
    }
  }
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
        .resolve((req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE])
        .then((principal) => {
          if (principal) return next();
          res.status(401).json({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to read the API documentation.' });
        })
        .catch(next);
    };
    app.use('/api/docs', onlySignedIn);
    app.use('/api/docs-json', onlySignedIn);
  }
  // Built on the first request for it, not at start-up (it walks every DTO: about a second of every start).
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
