import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { compressAssets } from '../../../scripts/compress-assets.mjs';
import { buildTestApp, testDatabaseInfo } from '../../helpers/build-test-app.js';

/** The built client as the server sends it: pre-compressed by the build, long-cached when its name is hashed. */
describe('static client', () => {
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify('national cooperation '.repeat(400))});\n`;
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<p>survey</p>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    const clientDir = fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'client-'));
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), html);
    fs.writeFileSync(path.join(clientDir, 'assets', 'index-Ab12Cd34.js'), script);
    fs.writeFileSync(path.join(clientDir, 'assets', 'tiny-Zz99.js'), 'export {};\n');
    expect(compressAssets(clientDir)).toBe(2);
    app = await buildTestApp({ config: { clientDir } });
  });
  afterAll(() => app?.close());

  it('sends the brotli copy to a browser that takes it, the gzip one to one that takes only gzip, the file to the rest', async () => {
    const url = '/assets/index-Ab12Cd34.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gzip = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('caches hashed assets for a year and makes index.html revalidate, compressed too', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/questionnaires/national-cooperation/versions/2']) {
      const page = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(page.rawPayload).toString(), url).toBe(html);
    }
  });

  it('leaves files too small to gain alone, and still serves them', async () => {
    const tiny = await app.inject({ method: 'GET', url: '/assets/tiny-Zz99.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.payload).toBe('export {};\n');
  });
});
