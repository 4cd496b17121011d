import type { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, repoRoot } from '../../../server/src/config/app-config';
import { createApp } from '../../../server/src/create-app';
import { createTestDatabase } from '../../../server/test/support/postgres';

/** The real app (API + built web app) on a fresh database with the demo data, listening on a free port. */
export async function startAppServer(): Promise<{ baseUrl: string; app: INestApplication; close(): Promise<void> }> {
  const webDistDir = join(repoRoot, 'web/dist');
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error('web/dist is missing: browser tests run against the built app (npm test builds it first; or run npm run build).');
  }
  const database = await createTestDatabase({ demo: true });
  const app = await createApp({ ...loadConfig({}), webDistDir, logLevel: 'error' }, database.url, false);
  await app.init();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
