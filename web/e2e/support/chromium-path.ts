import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser for the tests: `CHROMIUM_PATH` if set, otherwise the Chromium pinned in the npm package
 * `@sparticuz/chromium` (it unpacks its binary to the temp folder on first use; no apt step, no download).
 * The package ships ES modules only, so it is asked from a plain Node process rather than through jest.
 */
export function resolveChromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  const path = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
  if (!path || !existsSync(path))
    throw new Error('Could not unpack the Chromium from @sparticuz/chromium; set CHROMIUM_PATH to a Chromium binary.');
  return path;
}
