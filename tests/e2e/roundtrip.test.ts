// The publishing round trip of issue 6: own fixtures in the official formats -> fokus-data
// import -> build -> validate -> serve (another origin, CORS allow-list) -> rendered by the
// elements in Chromium. Needs dist/ (built by `npm test` before the e2e tests).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { main } from '../../src/tools/cli.js';
import { serve } from '../../src/tools/serve.js';
import { launch, RECORD_STATES, waitForWidgets, watchProblems } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = path.join(ROOT, 'tests/node/fixtures/source');

let tmp: string;
let browser: Browser;
let endpointServing = false;
let pageServer: Server | undefined;
let pageBase: string;
let endpointBase: string;
const log: string[] = [];
const io = { out: (l: string) => log.push(l), err: (l: string) => log.push(l) };

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'fokus-roundtrip-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (endpointServing) process.emit('SIGTERM'); // the CLI's server stops on SIGTERM
  await new Promise((r) => (pageServer ? pageServer.close(r) : r(undefined)));
  rmSync(tmp, { recursive: true, force: true });
});

test('import, build, validate and serve an endpoint with fokus-data', async () => {
  const counts = path.join(tmp, 'counts.csv');
  const endpoint = path.join(tmp, 'endpoint');
  assert.equal(
    await main(['import', path.join(SOURCE, 'mapping.yaml'), '-o', counts, '--quiet'], io),
    0,
    log.join('\n'),
  );
  assert.equal(await main(['build', SOURCE, '--counts', counts, '--out', endpoint, '--quiet'], io), 0, log.join('\n'));
  assert.equal(await main(['validate', endpoint], io), 0, log.join('\n'));

  // The page on one origin, the endpoint on another: only the page's origin may read it.
  const pageDir = path.join(tmp, 'page');
  pageServer = await serve({
    port: 0,
    mounts: [
      { prefix: '/dist/', dir: path.join(ROOT, 'dist') },
      { prefix: '/', dir: pageDir, cacheControl: 'no-cache' },
    ],
  });
  pageBase = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  assert.equal(await main(['serve', endpoint, '--port', '0', '--cors', pageBase], io), 0, log.join('\n'));
  endpointBase = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(log.join('\n'))?.[1] ?? '';
  endpointServing = endpointBase !== '';
  assert.ok(endpointServing, log.join('\n'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(pageDir);
  writeFileSync(
    path.join(pageDir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Rundreise</title><link rel="icon" href="data:,">
<script type="module" src="/dist/fokus-widgets.js"></script></head>
<body data-fokus-endpoint="${endpointBase}">
<comparison-table indicators="einwohner,frauenanteil" level="gemeinde" parent="01056" year="2012"></comparison-table>
<municipality-map indicator="frauenanteil" level="gemeinde" parent="01056" year="2012"></municipality-map>
</body></html>`,
  );
});

test('the imported figures are rendered by comparison-table and municipality-map in Chromium', async () => {
  assert.ok(endpointServing, 'the endpoint is served');
  const page = await browser.newPage();
  const problems = watchProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${pageBase}/`);
  await waitForWidgets(page, 'comparison-table, municipality-map');

  const table = page.locator('comparison-table');
  const elmshorn = table.locator('tbody tr', { hasText: 'Elmshorn' });
  await assert.doesNotReject(elmshorn.first().waitFor());
  const elmshornText = await elmshorn.first().innerText();
  assert.match(elmshornText, /9\.000|9000/, elmshornText); // Einwohner 2012, from the Latin-1 table
  assert.match(elmshornText, /51,1/, elmshornText); // 4,600 / 9,000 x 100, German decimal comma
  const helgoland = await table.locator('tbody tr', { hasText: 'Helgoland' }).first().innerText();
  assert.doesNotMatch(helgoland, /\b0\b/, 'a secret value is not shown as zero');
  assert.match(helgoland, /\.|geheim|unbekannt/i, helgoland);

  // The map drew the four Gemeinden from the converted GeoJSON.
  const shapes = await page.locator('municipality-map path, municipality-map canvas').count();
  assert.ok(shapes > 0, 'map shapes');
  assert.ok(
    requests.some((u) => u.startsWith(endpointBase) && u.endsWith('geo/gemeinde-01056.topo.json')),
    requests.join('\n'),
  );
  assert.ok(requests.some((u) => u.startsWith(endpointBase) && u.endsWith('indicators/frauenanteil.json')));
  assert.deepEqual(problems, []);
  await page.close();
});
