import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/**
 * Compresses answers above 1 kB (brotli or gzip, as the client accepts): a portfolio or a plan as JSON,
 * index.html, a built file that has no pre-compressed copy. Sign-in and session answers are left as
 * they are: they carry the CSRF token, and compressing a secret beside text a caller may influence is
 * what BREACH-style attacks measure.
 */
export const responseCompression = compression({
  threshold: 1024,
  filter: (req, res) => !req.originalUrl.startsWith('/api/auth/') && compression.filter(req, res),
});

/** The encodings a client accepts (q > 0), e.g. "gzip, deflate, br;q=0.9". */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

const PRECOMPRESSED = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * Serves the build's hashed assets (/assets/…) from the copies the web build compressed ahead of time
 * (web/scripts/precompress.mjs: `.br` and `.gz` beside each file), so no request spends CPU on them.
 * Falls through to the plain file when there is no copy or the client accepts neither.
 */
export function precompressedAssets(dir: string) {
  const root = resolve(dir);
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const plain = resolve(join(root, decodeURIComponent(req.path)));
    if (!plain.startsWith(root + sep)) return next();
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    for (const [encoding, suffix] of PRECOMPRESSED) {
      if (!accepted.has(encoding) || !existsSync(plain + suffix)) continue;
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.type(extname(plain));
      return res.sendFile(plain + suffix, { cacheControl: false });
    }
    next();
  };
}
