import serverGlobalSetup from '../../../server/test/support/global-setup';
import { resolveChromiumPath } from './chromium-path';

/** The server's global setup (Postgres, migrated template), plus the browser unpacked once for all workers. */
export default async function globalSetup(): Promise<void> {
  await serverGlobalSetup();
  process.env.CHROMIUM_PATH = resolveChromiumPath();
}
