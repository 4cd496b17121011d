import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig, repoRoot } from '../config/app-config';
import { buildOpenApiDocument } from './openapi';

/** Writes the OpenAPI document for the web client (web/src/api/openapi.json) without a database. */
export async function openApiJson(): Promise<string> {
  const config = loadConfig({});
  const app = await NestFactory.create(AppModule.forRoot(config, 'postgres://unused@127.0.0.1:1/unused'), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const doc = buildOpenApiDocument(app);
  await app.close();
  return JSON.stringify(doc, null, 2) + '\n';
}

if (require.main === module) {
  void openApiJson().then((json) => {
    const target = join(repoRoot, 'web/src/api/openapi.json');
    writeFileSync(target, json);
    console.log(`Wrote ${target}`);
  });
}
