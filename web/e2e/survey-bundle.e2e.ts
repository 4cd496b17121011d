import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../server/src/config/app-config';

const dist = join(repoRoot, 'web/dist');
const LIMIT_BYTES = 50 * 1024;

/** The JavaScript the public survey form loads: survey.html's scripts and preloads, and everything they import statically. */
function surveyScripts(): string[] {
  const html = readFileSync(join(dist, 'survey.html'), 'utf8');
  const found = new Set<string>();
  const queue = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1].replace(/^\//, ''));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = match[1].startsWith('/') ? match[1].slice(1) : posix.join(dirname(file), match[1]);
      queue.push(target);
    }
  }
  return [...found];
}

/** The respondents' form must stay small: at most 50 kB of gzipped JavaScript, apart from the main app. */
describe('the public survey form bundle', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'survey.html'))) throw new Error('web/dist/survey.html is missing: run npm run build first.');
  });

  it('loads at most 50 kB of gzipped JavaScript and none of the main app', () => {
    const files = surveyScripts();
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`Survey form JavaScript, gzipped: ${total} bytes in ${sizes.map((s) => `${s.file} (${s.gzip})`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(LIMIT_BYTES);

    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    const mainEntry = /<script[^>]*\ssrc="\/?([^"]+\.js)"/.exec(index)?.[1];
    expect(mainEntry).toBeDefined();
    expect(files).not.toContain(mainEntry);
    const code = files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    expect(code).not.toMatch(/react\.transitional\.element|__REACT_DEVTOOLS_GLOBAL_HOOK__/);
  });
});
