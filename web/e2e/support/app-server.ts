import type { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, loadConfig, repoRoot } from '../../../server/src/config/app-config';
import { createApp } from '../../../server/src/create-app';
import { createTestDatabase } from '../../../server/test/support/postgres';
import { freePort } from '../../../server/test/support/process-app';

/**
 * The real app (API + built web app) on a fresh database with the demo data, listening on a free port.
 * `settings` may change the configuration; it gets the app's own address (for redirects back to it).
 */
export async function startAppServer(
  settings: (baseUrl: string) => Partial<AppConfig> = () => ({}),
): Promise<{ baseUrl: string; app: INestApplication; close(): Promise<void> }> {
  const webDistDir = join(repoRoot, 'web/dist');
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error('web/dist is missing: browser tests run against the built app (npm test builds it first; or run npm run build).');
  }
  const database = await createTestDatabase({ demo: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await createApp({ ...loadConfig({}), webDistDir, logLevel: 'error', ...settings(baseUrl) }, database.url, false);
  await app.init();
  await app.listen(port, '127.0.0.1');
  return {
    baseUrl,
    app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
