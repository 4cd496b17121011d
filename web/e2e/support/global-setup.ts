import { chromium } from 'playwright-core';
import { seedDemoData } from '../../../server/src/database/seed/seed';
import serverGlobalSetup from '../../../server/test/support/global-setup';
import { prepareDemoTemplate, TEST_ENV } from '../../../server/test/support/postgres';
import { BROWSER_WS_ENV, CHROMIUM_ARGS } from './browser';
import { resolveChromiumPath } from './chromium-path';

/**
 * The server's global setup (Postgres, migrated template), a template with the demo data that every browser
 * suite copies, and one Chromium for the whole run: each suite opens fresh contexts in it (launching one per
 * suite cost 1–3 s each).
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
  const state = globalThis as { __nvrBrowserServer?: { close(): Promise<void> } };
  if (!state.__nvrBrowserServer) {
    const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    state.__nvrBrowserServer = server;
    process.env[BROWSER_WS_ENV] = server.wsEndpoint();
  }
}
