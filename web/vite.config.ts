import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';

const apiTarget = env.API_PROXY_TARGET ?? 'http://localhost:3000';

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
    // Designsystemet, React, router and react-query make one ~650 kB vendor-heavy chunk for now.
    chunkSizeWarningLimit: 1000,
    // Two pages: the app, and the respondents' public survey form (/s/:token, served by the server as
    // survey.html), which is plain TypeScript without React or Designsystemet so it stays small.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        survey: fileURLToPath(new URL('survey.html', import.meta.url)),
      },
    },
  },
});
