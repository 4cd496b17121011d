// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside each built asset worth
// compressing, so the server sends them as they are (server/src/common/compression.ts) instead of
// compressing on every request. Assets are hashed and immutable, so the copies never go stale.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '../dist/assets');
const COMPRESSIBLE = /\.(js|css|svg|json|txt|html|woff)$/; // not source maps, images or woff2 (compressed already)
let count = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(assets)) {
  const file = join(assets, name);
  if (!COMPRESSIBLE.test(name) || statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  count += 1;
  before += data.length;
  after += br.length;
}
console.log(`precompress: ${count} assets, ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB with brotli`);
