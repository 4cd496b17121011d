/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional origin of the API (default: same origin as the page, /api proxied in dev). */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
