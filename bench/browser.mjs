// Benchmark: the web app's first load in a real browser (issue #13, goal 4).
//
// Starts the built server (server/dist, serving web/dist) on a fresh database with the demo data, signs in as
// the demo adviser, and loads the adviser's start page (/ → /portefolje) cold — a new browser context each
// time, so nothing is cached and no connection is reused — in headless Chromium (playwright-core with the
// Chromium of @sparticuz/chromium, or CHROMIUM_PATH), under two profiles:
//   - "Fast 3G, CPU ×4": Chrome DevTools' Fast 3G (download 1.6 Mbit/s ×0.9 = 180 000 B/s, upload 750 kbit/s
//     ×0.9 = 84 375 B/s, round trip 150 ms ×3.75 = 562.5 ms, through CDP Network.emulateNetworkConditions)
//     and a CPU four times slower (Emulation.setCPUThrottlingRate), roughly a mid-range phone on a poor network;
//   - "unthrottled": loopback and this machine's CPU, for comparison;
// and over two protocols: HTTP/1.1 straight to the Node server (at most six connections, so a page's many small
// chunks queue), and HTTP/2 over TLS through a small proxy in this process (one connection, every request at
// once, plus the TLS handshake), as a production proxy in front of the app would serve it. The HTTP/2 front
// needs openssl for a throwaway certificate; without it only HTTP/1.1 is measured.
// For each load: first paint and first contentful paint (the 'paint' performance entries), the moment the
// portfolio's table is on screen (an init script watches for a <table> or role=table element with a body
// row, and takes the start of the next animation frame, the frame that paints it), DOMContentLoaded and the
// load event, all from navigation start; and what went over the wire (CDP Network.loadingFinished's encoded
// lengths: headers and compressed bodies) until the table showed, by kind. Prints the medians and writes
// bench/results/browser.json, with the gzipped size of the JavaScript and CSS that index.html loads.
//
// Run through `npm run bench` (which builds shared and server; this file builds web unless BENCH_SKIP_BUILD),
// or alone: BENCH_ONLY=browser npm run bench. Database: DATABASE_URL's server (a new database is created and
// dropped), else an embedded PostgreSQL in .data/pg-bench-browser.
// Knobs: BENCH_BROWSER_RUNS (5 per profile and protocol), BENCH_BROWSER_PROTOCOLS (http1,http2),
// BENCH_BROWSER_PATH (/), BENCH_BROWSER_USER (radgiver@demo.no),
// BENCH_BROWSER_WEB_DIST (another built web/dist to serve, e.g. an older build to compare with),
// BENCH_BROWSER_PG_PORT (54353), CHROMIUM_PATH, BENCH_KEEP_DB=1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formatTable, openBenchDatabase, signIn, startBuiltServer, stopAfter, stopServer } from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'server/dist/server/src');
if (!existsSync(join(dist, 'main.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
const { DEMO_PASSWORD } = require(join(dist, 'database/seed/demo-data.js'));
const { chromium } = require('playwright-core');

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const PATH = process.env.BENCH_BROWSER_PATH ?? '/';
const USER = process.env.BENCH_BROWSER_USER ?? 'radgiver@demo.no';
const PROTOCOLS = (process.env.BENCH_BROWSER_PROTOCOLS ?? 'http1,http2').split(',').map((p) => p.trim());
const WEB_DIST = resolve(process.env.BENCH_BROWSER_WEB_DIST ?? join(root, 'web/dist'));
const LOAD_TIMEOUT_MS = 120_000;

/** Chrome DevTools' "Fast 3G" preset, and a CPU four times slower. */
const PROFILES = [
  {
    name: 'Fast 3G, CPU ×4',
    network: {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
      uploadThroughput: (750 * 1000 * 0.9) / 8,
    },
    cpuRate: 4,
  },
  { name: 'unthrottled', network: null, cpuRate: 1 },
];

stopAfter(10);

// ---------------------------------------------------------------------------------------------
// What index.html loads before any page's code

function initialBundle(webDist) {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const files = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  const size = (file) => gzipSync(readFileSync(join(webDist, file)), { level: 9 }).length;
  const js = [...files(/<script[^>]*\ssrc="([^"]+\.js)"/g), ...files(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)];
  const css = files(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g);
  const sum = (list) => list.reduce((total, file) => total + size(file), 0);
  return { jsFiles: js.length, jsGzipBytes: sum(js), cssFiles: css.length, cssGzipBytes: sum(css) };
}

// ---------------------------------------------------------------------------------------------
// HTTP/2 over TLS in front of the server

/** Headers that belong to one HTTP/1.1 connection and must not cross into HTTP/2 (or back). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'http2-settings']);

/** An HTTP/2 + TLS front for the server on `port`, with a throwaway self-signed certificate; null without openssl. */
async function startHttp2Front(port) {
  const dir = mkdtempSync(join(tmpdir(), 'nvr-bench-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const subject = ['-days', '1', '-subj', '/CN=127.0.0.1'];
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, ...subject], {
      stdio: 'ignore',
    });
    if (made.status !== 0) return null;
    // A new connection for each request: a kept-alive one can be closed by the server (after 5 s idle) just as it
    // is reused, which fails that request.
    const agent = new Agent({ keepAlive: false });
    const front = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      const headers = { host: req.headers[':authority'] };
      for (const [name, value] of Object.entries(req.headers)) if (!name.startsWith(':') && !HOP_BY_HOP.has(name)) headers[name] = value;
      const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent }, (answer) => {
        const out = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(answer.statusCode, out);
        answer.pipe(res);
      });
      upstream.on('error', (error) => {
        console.warn(`HTTP/2 front: ${req.url}: ${error.message}`);
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    const sessions = new Set();
    front.on('session', (session) => sessions.add(session.once('close', () => sessions.delete(session))));
    await new Promise((done) => front.listen(0, '127.0.0.1', done));
    return {
      base: `https://127.0.0.1:${front.address().port}`,
      close: () => new Promise((done) => (front.close(done), sessions.forEach((session) => session.destroy()))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// One cold load

/* global window, document, location, MutationObserver, requestAnimationFrame -- used in the page (init script, evaluate) */

/** Runs in the page before its own scripts: notes when the first table with a body row is in the DOM and painted. */
function watchForTable() {
  const mark = { table: null };
  Object.defineProperty(window, '__benchMarks', { value: mark });
  const found = () => {
    const table = document.querySelector('table, [role="table"]');
    if (!table || !table.querySelector('tbody tr, [role="rowgroup"] + [role="rowgroup"] [role="row"]')) return false;
    const box = table.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (mark.table !== null || !found()) return;
    observer.disconnect();
    // The frame that will paint it starts at the next animation frame.
    requestAnimationFrame((frameStart) => (mark.table = frameStart));
  });
  observer.observe(document, { childList: true, subtree: true });
}

const KINDS = { Document: 'html', Script: 'js', Stylesheet: 'css', Font: 'font', Fetch: 'api', XHR: 'api' };

async function coldLoad(browser, base, cookie, profile) {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
  try {
    await context.addCookies(cookie.map(([name, value]) => ({ name, value, url: base })));
    await context.addInitScript(watchForTable);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });

    const kinds = new Map();
    const finished = [];
    let navigationStartedAt = null; // CDP's monotonic clock, seconds
    let negotiated = null; // the page's protocol as the browser negotiated it: http/1.1, h2
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Document') negotiated ??= e.response.protocol ?? null;
    });
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      kinds.set(e.requestId, KINDS[e.type] ?? 'other');
      urls.set(e.requestId, e.request.url);
      if (navigationStartedAt === null && e.type === 'Document') navigationStartedAt = e.timestamp;
    });
    cdp.on('Network.loadingFinished', (e) => finished.push({ id: e.requestId, at: e.timestamp, bytes: e.encodedDataLength }));
    const failed = [];
    cdp.on('Network.loadingFailed', (e) => failed.push(`${urls.get(e.requestId)}: ${e.errorText}`));

    await page.goto(base + PATH, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    try {
      await page.waitForFunction(() => window.__benchMarks?.table != null, null, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
    } catch (error) {
      const done = new Set(finished.map((f) => f.id));
      const pending = [...urls].filter(([id]) => !done.has(id)).map(([, u]) => u);
      const text = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '?');
      const problems = `failed: ${failed.join(', ') || 'none'}; unfinished: ${pending.join(', ') || 'none'}`;
      throw new Error(`No table on ${page.url()} (page says: ${JSON.stringify(text)}; ${problems})`, {
        cause: error,
      });
    }
    await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS });
    const timing = await page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const [nav] = performance.getEntriesByType('navigation');
      return {
        firstPaint: paint['first-paint'] ?? null,
        firstContentfulPaint: paint['first-contentful-paint'] ?? null,
        tableVisible: window.__benchMarks.table,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        load: nav?.loadEventEnd ?? null,
        path: location.pathname,
      };
    });
    // Bytes over the wire until the table showed (CDP timestamps are seconds on the same clock as navigation start).
    const until = navigationStartedAt + timing.tableVisible / 1000;
    const bytes = { total: 0, requests: 0 };
    for (const f of finished) {
      if (navigationStartedAt === null || f.at > until) continue;
      const kind = kinds.get(f.id) ?? 'other';
      bytes[kind] = (bytes[kind] ?? 0) + f.bytes;
      bytes.total += f.bytes;
      bytes.requests += 1;
    }
    await cdp.detach();
    return { ...timing, negotiated, bytes };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const round = (x) => (x == null ? null : Math.round(x));
const median = (values) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarise(profile, protocol, runs) {
  const m = (f) => round(median(runs.map(f)));
  return {
    profile: profile.name,
    protocol,
    network: profile.network,
    cpuThrottlingRate: profile.cpuRate,
    runs: runs.length,
    medianMs: {
      firstPaint: m((r) => r.firstPaint),
      firstContentfulPaint: m((r) => r.firstContentfulPaint),
      tableVisible: m((r) => r.tableVisible),
      domContentLoaded: m((r) => r.domContentLoaded),
      load: m((r) => r.load),
    },
    medianBytesUntilTable: Object.fromEntries(
      ['total', 'html', 'js', 'css', 'font', 'api', 'other', 'requests'].map((k) => [k, m((r) => r.bytes[k] ?? 0)]),
    ),
    samples: runs,
  };
}

async function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD && !process.env.BENCH_BROWSER_WEB_DIST) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    console.log('$ npm run build -w web');
    const built = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('Building web failed');
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST}/index.html is missing: npm run build -w web`);
  const bundle = initialBundle(WEB_DIST);

  const bench = await openBenchDatabase({
    name: 'browser',
    startEmbeddedPostgres,
    dataDir: join(root, '.data', 'pg-bench-browser'),
    port: Number(process.env.BENCH_BROWSER_PG_PORT ?? 54353),
  });
  const { url } = bench;
  let server = null;
  let http2 = null;
  let browser = null;
  try {
    console.log('Starting the server (migrations and demo data)…');
    let base;
    ({ server, base } = await startBuiltServer({ dist, cwd: root, url, env: { WEB_DIST_DIR: WEB_DIST } }));
    const session = await signIn(base, USER, DEMO_PASSWORD);
    const cookie = session.cookie.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);

    browser = await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }); // a fresh temporary profile, which Playwright removes on close
    const version = browser.version();

    const fronts = { http1: { name: 'HTTP/1.1', base } };
    if (PROTOCOLS.includes('http2')) {
      http2 = await startHttp2Front(Number(new URL(base).port));
      if (http2) fronts.http2 = { name: 'HTTP/2 + TLS', base: http2.base };
      else console.warn('No openssl for a certificate: HTTP/2 is not measured.');
    }
    const protocols = PROTOCOLS.filter((p) => fronts[p]);

    // One load first, not counted: the server's code paths and the database warm up (the browser side is cold every time).
    const first = await coldLoad(browser, base, cookie, PROFILES[1]);
    if (first.path !== '/portefolje') console.warn(`Note: ${PATH} ended on ${first.path}, not /portefolje`);

    const summaries = [];
    for (const profile of PROFILES) {
      for (const protocol of protocols) {
        console.log(`Measuring ${RUNS} cold loads of ${PATH}, ${profile.name}, ${fronts[protocol].name}…`);
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, fronts[protocol].base, cookie, profile));
        summaries.push(summarise(profile, fronts[protocol].name, runs));
        const other = runs.find((r) => r.negotiated !== (protocol === 'http2' ? 'h2' : 'http/1.1'));
        if (other) console.warn(`Note: a load over ${fronts[protocol].name} negotiated ${other.negotiated}`);
      }
    }

    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: process.platform,
      chromium: version,
    };
    const out = {
      benchmark: 'browser',
      at: new Date().toISOString(),
      machine,
      page: { path: PATH, landedOn: first.path, user: USER, webDist: WEB_DIST },
      initialBundle: bundle,
      results: summaries,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/browser.json'), JSON.stringify(out, null, 2) + '\n');

    const kb = (bytes) => (bytes == null ? '' : (bytes / 1024).toFixed(1));
    console.log(
      `\nCold loads of ${PATH} (→ ${first.path}) as ${USER}, median of ${RUNS}; Chromium ${version}; ${machine.cpus} cores (${machine.cpuModel})`,
    );
    console.log(
      `index.html loads ${bundle.jsFiles} JavaScript files, ${kb(bundle.jsGzipBytes)} kB gzipped, and ${bundle.cssFiles} CSS files, ${kb(bundle.cssGzipBytes)} kB gzipped\n`,
    );
    console.log(
      formatTable(
        [
          ['profile, protocol', (r) => `${r.profile}, ${r.protocol}`],
          ['FP ms', (r) => r.medianMs.firstPaint],
          ['FCP ms', (r) => r.medianMs.firstContentfulPaint],
          ['table ms', (r) => r.medianMs.tableVisible],
          ['DCL ms', (r) => r.medianMs.domContentLoaded],
          ['load ms', (r) => r.medianMs.load],
          ['requests', (r) => r.medianBytesUntilTable.requests],
          ['kB total', (r) => kb(r.medianBytesUntilTable.total)],
          ['kB JS', (r) => kb(r.medianBytesUntilTable.js)],
          ['kB CSS', (r) => kb(r.medianBytesUntilTable.css)],
          ['kB fonts', (r) => kb(r.medianBytesUntilTable.font)],
          ['kB API', (r) => kb(r.medianBytesUntilTable.api)],
        ],
        summaries,
      ),
    );
    console.log('\n(requests and kB: over the wire, compressed, until the table showed)');
    console.log('Wrote bench/results/browser.json');
  } finally {
    await browser?.close();
    await http2?.close();
    await stopServer(server);
    await bench.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
