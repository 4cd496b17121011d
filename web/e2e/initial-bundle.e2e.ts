import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../server/src/config/app-config';

const dist = join(repoRoot, 'web/dist');
const src = join(repoRoot, 'web/src');
/**
 * What the app's first load may cost before any page's own code (issue #13): React and react-dom (~62 kB
 * gzipped), react-router (~30 kB), i18next and the core bokmål words (~25 kB), react-query, the API client, the
 * layout and the router. Was 288 kB when every page was in the first load; 170 kB once each page loads on
 * first use; 150 kB once a feature's words come with the pages that show them (locales/words.ts). Every page
 * of the app pays this, so it may only grow on purpose.
 */
const JS_LIMIT_BYTES = 150 * 1024;

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

/** The word file each top-level key of a feature's words lives in (the files registered in locales/words.ts). */
function featureKeys(): Map<string, string> {
  const registry = readFileSync(join(src, 'locales/words.ts'), 'utf8');
  const files = [...registry.matchAll(/import\('\.\/([\w-]+)\.nb\.json'\)/g)].map((m) => m[1]);
  return new Map(
    files.flatMap((file) =>
      Object.keys(JSON.parse(readFileSync(join(src, `locales/${file}.nb.json`), 'utf8')) as object).map((key) => [key, file] as const),
    ),
  );
}

/** A module and what it imports from web/src at run time (not `import type`), transitively; `lazy` follows import() too. */
function moduleGraph(entry: string, lazy: boolean): string[] {
  const found = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...code.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)].map((m) => m[1]),
      ...(lazy ? [...code.matchAll(/\bimport\('(\.[^']+)'\)/g)].map((m) => m[1]) : []),
    ];
    for (const specifier of specifiers) {
      const base = join(dirname(file), specifier);
      const resolved = [`${base}.ts`, `${base}.tsx`, base].find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
      if (resolved) queue.push(resolved);
    }
  }
  return [...found];
}

/** The feature word files whose keys the modules use ('plans.editor.title' is in plans.<lang>.json). */
function wordFilesUsed(files: string[], keys: Map<string, string>): Map<string, string[]> {
  const pattern = new RegExp(`['"\`](${[...keys.keys()].join('|')})\\.`, 'g');
  const used = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const wordFile = keys.get(match[1])!;
      used.set(wordFile, [...new Set([...(used.get(wordFile) ?? []), relative(src, file)])]);
    }
  }
  return used;
}

describe('the words each page needs', () => {
  const keys = featureKeys();
  const routeError = readFileSync(join(src, 'app/routes/route-error.tsx'), 'utf8');
  /** What app/routes/route-error.tsx shows for notFound('project') and the like: its keys, by kind. */
  const notFoundText = new Map(
    [...routeError.matchAll(/^\s*(\w+): \{ title: '([^']+)', body: '([^']+)' \}/gm)].map((m) => [m[1], `'${m[2]}' '${m[3]}'`]),
  );
  const routers = [
    join(src, 'app/router.tsx'),
    ...readdirSync(join(src, 'app/routes'))
      .filter((f) => f.endsWith('-routes.ts'))
      .map((f) => join(src, 'app/routes', f)),
  ];
  const routes = routers.flatMap((router) =>
    [...readFileSync(router, 'utf8').matchAll(/lazy:\s*(?:withWords\(\s*\[([^\]]*)\],\s*)?\(\)\s*=>\s*import\('([^']+)'\)/g)].map((m) => ({
      module: relative(src, join(dirname(router), `${m[2]}.tsx`)),
      words: [...(m[1] ?? '').matchAll(/'([\w-]+)'/g)].map((w) => w[1]),
    })),
  );

  // The layout, sign-in and the error page: what every page has. The first load's own words are checked on their own.
  const firstLoad = moduleGraph(join(src, 'app/main.tsx'), false);

  it('finds the registered word files and the routes', () => {
    expect(keys.size).toBeGreaterThan(5);
    expect(routes.length).toBeGreaterThan(20);
    // Every lazy route is read (a shape the pattern above misses would go unchecked).
    expect(routes.length).toBe(routers.reduce((sum, router) => sum + [...readFileSync(router, 'utf8').matchAll(/\blazy:/g)].length, 0));
    expect(notFoundText.size).toBeGreaterThan(3);
  });

  it('no top-level key is in two word files (they share one namespace: the later would hide the other)', () => {
    const registry = readFileSync(join(src, 'locales/words.ts'), 'utf8');
    const files = ['nb', ...[...registry.matchAll(/import\('\.\/([\w-]+)\.nb\.json'\)/g)].map((m) => `${m[1]}.nb`)];
    const owners = new Map<string, string[]>();
    for (const file of files) {
      for (const key of Object.keys(JSON.parse(readFileSync(join(src, `locales/${file}.json`), 'utf8')) as object)) {
        owners.set(key, [...(owners.get(key) ?? []), file]);
      }
    }
    expect([...owners].filter(([, inFiles]) => inFiles.length > 1)).toEqual([]);
  });

  it('each route fetches the feature words its page (and the not-found its loader throws) shows: withWords([...]) in the router', () => {
    const missing = routes.flatMap(({ module, words }) => {
      const files = moduleGraph(join(src, module), true).filter((file) => !firstLoad.includes(file));
      const used = wordFilesUsed(files, keys);
      // notFound('statusReport') or ensureFound(…, 'statusReport') shows the route error page's words for that kind.
      for (const file of files) {
        for (const [, kind] of readFileSync(file, 'utf8').matchAll(/(?:notFound\(|ensureFound\([^;]*?,\s*)'(\w+)'\)/g)) {
          for (const [, key] of (notFoundText.get(kind) ?? '').matchAll(/'(\w+)\./g)) {
            const wordFile = keys.get(key);
            if (wordFile) used.set(wordFile, [...(used.get(wordFile) ?? []), `app/routes/route-error.tsx (${kind})`]);
          }
        }
      }
      return [...used]
        .filter(([wordFile]) => !words.includes(wordFile))
        .map(([wordFile, by]) => `${module} needs ${wordFile} (${by.slice(0, 3).join(', ')})`);
    });
    expect(missing).toEqual([]);
  });

  it('the first load (layout, sign-in, error page) shows only core words', () => {
    // Not counted: the error page's not-found texts (the route that throws fetches them, as checked above), and
    // error-message.ts's words for RECOMMENDATION_STATUS_NOT_ALLOWED, which only the recommendations page can meet.
    const exempt = ['app/routes/route-error.tsx', 'lib/error-message.ts'];
    const files = firstLoad.filter((file) => !exempt.includes(relative(src, file)));
    expect([...wordFilesUsed(files, keys)]).toEqual([]);
  });
});
