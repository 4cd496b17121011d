import serverGlobalTeardown from '../../../server/test/support/global-teardown';
import { BROWSER_WS_ENV } from './browser';

/** Closes the run's Chromium, then drops the test databases as the server's teardown does. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __nvrBrowserServer?: { close(): Promise<void> } };
  const server = state.__nvrBrowserServer;
  state.__nvrBrowserServer = undefined;
  delete process.env[BROWSER_WS_ENV];
  await server?.close();
  await serverGlobalTeardown();
}
