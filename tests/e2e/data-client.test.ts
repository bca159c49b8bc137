// The data client in the built bundle, under a strict Content-Security-Policy: a page with
// valid data never loads the Valibot chunk (the client checks by hand, src/data/check.ts); a
// malformed response loads it and the element names the problem, in German, never as data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  RECORD_STATES,
  startDemo,
  STRICT_CSP,
  waitForWidgets,
  watchProblems,
  type DemoServer,
} from './harness.js';

let browser: Browser;
let strict: DemoServer;

before(async () => {
  [browser, strict] = await Promise.all([launch(), startDemo({ 'Content-Security-Policy': STRICT_CSP })]);
});
after(async () => {
  await browser?.close();
  await strict?.close();
});

const VALIDATE = /\/dist\/chunks\/validate-[^/]+\.js$/;

async function open(path: string, setup?: (page: Page) => Promise<unknown>) {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  const scripts: string[] = [];
  page.on('request', (r) => r.url().includes('/dist/') && scripts.push(r.url()));
  await page.addInitScript(RECORD_STATES);
  await setup?.(page);
  await page.goto(`${strict.base}/${path}`);
  return { page, problems, scripts };
}

test('the build has the Valibot schemas in a chunk of their own', () => {
  assert.equal(readdirSync('dist/chunks').filter((f) => /^validate-.*\.js$/.test(f)).length >= 1, true);
});

for (const path of ['csp-map.html', 'table-only.html', 'kreis.html']) {
  test(`${path}: valid data load without the Valibot chunk`, async () => {
    const { page, problems, scripts } = await open(path);
    await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table');
    assert.ok(
      scripts.some((u) => /\/dist\/chunks\/client-[^/]+\.js$/.test(u)),
      'the client chunk loaded',
    );
    assert.deepEqual(
      scripts.filter((u) => VALIDATE.test(u)),
      [],
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a malformed catalog loads the Valibot chunk and the map names the problem instead of drawing', async () => {
  const { page, scripts } = await open('csp-map.html', (p) =>
    p.route('**/data/catalog.json', async (route) => {
      const response = await route.fetch();
      const catalog = await response.json();
      catalog.regions[3].id = '0105x';
      await route.fulfill({ response, json: catalog });
    }),
  );
  await page.waitForFunction(
    () => (document.querySelector('municipality-map') as { __fokusState?: string } | null)?.__fokusState === 'error',
  );
  const message = await page.locator('municipality-map [part="error"]').innerText();
  assert.match(
    message,
    /Die Daten unter .*\/data\/catalog\.json sind fehlerhaft: regions\[3\]\.id: expected an official region key/,
  );
  assert.equal(
    await page.locator('municipality-map .leaflet-interactive, municipality-map canvas').count(),
    0,
    'no map drawn',
  );
  assert.equal(scripts.filter((u) => VALIDATE.test(u)).length, 1);
  await page.close();
});
