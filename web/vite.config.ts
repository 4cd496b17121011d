import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';

const apiTarget = env.API_PROXY_TARGET ?? 'http://localhost:3000';
const sharedSource = fileURLToPath(new URL('../shared/src/', import.meta.url));

/** The libraries every page runs on: one chunk of the first load (see output.codeSplitting below). */
const FRAMEWORK =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|react-router|i18next|react-i18next|@tanstack[\\/](query-core|react-query)|openapi-fetch)[\\/]/;

/**
 * Modules that do nothing on import but define exports, though their package does not say so (no
 * "sideEffects": false): Designsystemet's React components and shared/'s pure rules. Knowing it, the bundler
 * skips their index files (barrels) and puts each component or rule in the chunk of the pages that use it,
 * instead of every one that any page uses in the first load. Designsystemet's web components
 * (@digdir/designsystemet-web) do register themselves on import, so they are not listed.
 */
function sideEffectFree(id: string): boolean {
  return id.includes('/node_modules/@digdir/designsystemet-react/') || id.startsWith(sharedSource);
}

// The NestJS server listens on :3000 and serves everything under /api.
// In development (and `vite preview`) Vite proxies /api there (override with API_PROXY_TARGET);
// in production the server serves web/dist itself.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // shared/ is plain TypeScript without Node APIs: the web bundles its source, so the rules are the server's own.
    alias: { '@nvr/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // React and react-dom alone are ~200 kB before gzip; the first load is held to its gzipped size by
    // web/e2e/initial-bundle.e2e.ts instead.
    chunkSizeWarningLimit: 1000,
    // Every supported browser knows <link rel="modulepreload">; one that does not just loads the modules as imported.
    modulePreload: { polyfill: false },
    // Two pages: the app, and the respondents' public survey form (/s/:token, served by the server as
    // survey.html), which is plain TypeScript without React or Designsystemet so it stays small.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        survey: fileURLToPath(new URL('survey.html', import.meta.url)),
      },
      treeshake: {
        moduleSideEffects: (id) => (sideEffectFree(id) ? false : undefined),
      },
      output: {
        // The libraries every page runs on, in one chunk of the first load: fewer requests, and gzip compresses
        // them together (about 3 kB less than the five chunks the bundler makes of them by itself, though the
        // little of them that only some pages use, such as infinite queries, comes along).
        codeSplitting: { groups: [{ name: 'framework', test: FRAMEWORK }] },
      },
    },
  },
});
