import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '../../src/tools/serve.js';

let server: Server;
let base: string;
let dir: string;
const catalog = JSON.stringify({ format: 'fokus-catalog/1', filler: 'x'.repeat(2000) });

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fokus-serve-'));
  mkdirSync(path.join(dir, 'data', 'indicators'), { recursive: true });
  writeFileSync(path.join(dir, 'data', 'catalog.json'), catalog);
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  server = await serve({
    port: 0,
    cors: ['https://gemeinde.example'],
    mounts: [{ prefix: '/data/', dir: path.join(dir, 'data'), cacheControl: 'public, max-age=60' }],
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('serves JSON with its content type, cache headers and an ETag', async () => {
  const res = await fetch(`${base}/data/catalog.json`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
  assert.match(res.headers.get('etag') ?? '', /^".+"$/);
  assert.equal(await res.text(), catalog);
});

test('answers 304 to a matching If-None-Match', async () => {
  const first = await fetch(`${base}/data/catalog.json`);
  const etag = first.headers.get('etag')!;
  const res = await fetch(`${base}/data/catalog.json`, { headers: { 'if-none-match': etag } });
  assert.equal(res.status, 304);
});

test('compresses with gzip and brotli by Accept-Encoding', async () => {
  const http = await import('node:http');
  const get = (encoding: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
      http.get(`${base}/data/catalog.json`, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
    });
  const gz = await get('gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), catalog);
  const br = await get('br, gzip');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.body).toString(), catalog);
});

test('sends CORS only to allowed origins', async () => {
  const allowed = await fetch(`${base}/data/catalog.json`, { headers: { origin: 'https://gemeinde.example' } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://gemeinde.example');
  const other = await fetch(`${base}/data/catalog.json`, { headers: { origin: 'https://evil.example' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('refuses path traversal and directory listings', async () => {
  for (const p of ['/data/../secret.txt', '/data/%2e%2e/secret.txt', '/data/..%2fsecret.txt', '/data/indicators/']) {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(await res.text(), /do not serve/);
  }
});

test('answers 404 for unknown files and 405 for writes', async () => {
  assert.equal((await fetch(`${base}/data/nope.json`)).status, 404);
  assert.equal((await fetch(`${base}/data/catalog.json`, { method: 'POST' })).status, 405);
});
