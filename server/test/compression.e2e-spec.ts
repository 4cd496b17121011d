import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

/** The body as bytes, whatever its content type (supertest would try to decode text itself). */
const bytes = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('compressed answers', () => {
  let t: TestApp;
  let dir: string;
  const script = `console.log(${JSON.stringify('Næringsvennlig region '.repeat(400))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nvr-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets/app-abc123.js'), script);
    writeFileSync(join(dir, 'assets/app-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'assets/app-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'assets/plain-abc123.js'), script);
    t = await createTestApp({ webDistDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a built asset from its pre-compressed copy, as the client accepts it, with immutable caching', async () => {
    const br = await t.http().get('/assets/app-abc123.js').set('Accept-Encoding', 'gzip, br').buffer(true).parse(bytes).expect(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: expect.stringMatching(/Accept-Encoding/i) });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((br.body as Buffer).toString()).toBe(script); // superagent decodes brotli as a browser does

    const gz = await t.http().get('/assets/app-abc123.js').set('Accept-Encoding', 'gzip, br;q=0').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script); // supertest inflates gzip

    const identity = await t.http().get('/assets/app-abc123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.text).toBe(script);
  });

  it('compresses a built file without a copy on the fly, and refuses to leave the folder', async () => {
    const res = await t.http().get('/assets/plain-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    await t
      .http()
      .get('/assets/..%2F..%2Fetc%2Fpasswd')
      .set('Accept-Encoding', 'br')
      .expect((r) => expect(r.headers['content-encoding']).toBeUndefined());
  });

  it('compresses JSON above 1 kB, but never the session answers that carry the CSRF token', async () => {
    const admin = await t.as([{ role: 'admin' }]);
    const templates = await admin.get('/api/templates').set('Accept-Encoding', 'gzip').expect(200);
    expect(templates.headers['content-encoding']).toBe('gzip');
    expect(templates.headers['cache-control']).toBe('no-store');
    expect(templates.body.length).toBeGreaterThan(3);
    const me = await admin.get('/api/auth/me').set('Accept-Encoding', 'gzip').expect(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    const small = await t.http().get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
