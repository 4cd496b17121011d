import { seedDemoData } from '../../../server/src/database/seed/seed';
import serverGlobalSetup from '../../../server/test/support/global-setup';
import { prepareDemoTemplate, TEST_ENV } from '../../../server/test/support/postgres';
import { resolveChromiumPath } from './chromium-path';

/**
 * The server's global setup (Postgres, migrated template), a template with the demo data that every browser
 * suite copies, and the browser unpacked once for all workers.
 */
export default async function globalSetup(): Promise<void> {
  await serverGlobalSetup();
  if (!process.env[TEST_ENV.demoTemplate]) {
    const template = process.env[TEST_ENV.template]!;
    const demoTemplate = `${template}_demo`;
    await prepareDemoTemplate(process.env[TEST_ENV.adminUrl]!, template, demoTemplate, seedDemoData);
    process.env[TEST_ENV.demoTemplate] = demoTemplate;
  }
  process.env.CHROMIUM_PATH = resolveChromiumPath();
}
