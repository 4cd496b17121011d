import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../server/src/config/app-config';

const dist = join(repoRoot, 'web/dist');
/**
 * What the app's first load may cost before any page's own code (issue #13): React and react-dom (~62 kB
 * gzipped), react-router (~30 kB), i18next with the bokmål words (~45 kB), react-query, the API client, the
 * layout and the router. Was 288 kB when every page was in the first load; 170 kB once each page loads on
 * first use. Every page of the app pays this, so it may only grow on purpose.
 */
const JS_LIMIT_BYTES = 175 * 1024;

const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** What index.html loads before the router picks a page: its script, modulepreloads and stylesheets, and what those scripts import statically. */
function initialLoad(): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1].replace(/^\//, ''));
  const css = files(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g);
  const found = new Set<string>();
  const queue = [...files(/<script[^>]*\ssrc="([^"]+\.js)"/g), ...files(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`from "./x.js"`, `import "./x.js"`); import("./x.js") is a page loaded later.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      queue.push(match[1].startsWith('/') ? match[1].slice(1) : posix.join(dirname(file), match[1]));
    }
  }
  return { js: [...found], css };
}

describe('the app’s first load', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist/index.html is missing: run npm run build first.');
  });

  it(`loads at most ${JS_LIMIT_BYTES / 1024} kB of gzipped JavaScript before any page's code`, () => {
    const { js, css } = initialLoad();
    expect(js.length).toBeGreaterThan(0);
    const jsSizes = js.map((file) => ({ file, gzip: gzipped(file) })).sort((a, b) => b.gzip - a.gzip);
    const cssSizes = css.map((file) => ({ file, gzip: gzipped(file) }));
    const total = (sizes: { gzip: number }[]) => sizes.reduce((sum, s) => sum + s.gzip, 0);
    const list = (sizes: { file: string; gzip: number }[]) => sizes.map((s) => `${s.file.replace('assets/', '')} (${s.gzip})`).join(', ');
    console.log(
      `First load, gzipped: JavaScript ${total(jsSizes)} bytes in ${jsSizes.length} files: ${list(jsSizes)}; ` +
        `CSS ${total(cssSizes)} bytes in ${cssSizes.length} files: ${list(cssSizes)}`,
    );
    expect(total(jsSizes)).toBeLessThanOrEqual(JS_LIMIT_BYTES);
  });

  it("leaves Designsystemet's web components to the pages that use them", () => {
    // @digdir/designsystemet-web (ds-field, tabs, suggestion… and their helpers, ~30 kB gzipped) defines custom
    // elements on import; main.tsx fetches it after the first page. A layout component that imports it (Field
    // does) would put it back into every first load.
    const code = initialLoad().js.map((file) => readFileSync(join(dist, file), 'utf8'));
    expect(code.filter((text) => text.includes('customElements.define'))).toEqual([]);
  });
});
