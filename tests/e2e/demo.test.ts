import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import {
  launch,
  RECORD_STATES,
  startDemo,
  STRICT_CSP,
  waitForWidgets,
  watchProblems,
  type DemoServer,
} from './harness.js';
import { DEMO_PAGES, WIDGETS } from './pages.js';

let browser: Browser;
let demo: DemoServer;
let strict: DemoServer;

before(async () => {
  [browser, demo, strict] = await Promise.all([
    launch(),
    startDemo(),
    startDemo({ 'Content-Security-Policy': STRICT_CSP }),
  ]);
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await strict?.close();
});

test('the start page renders chart, map and table from the built-in endpoint without console errors', async () => {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${demo.base}/`);
  await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table');
  assert.ok((await page.locator('indicator-chart svg path, indicator-chart svg line').count()) > 0, 'chart marks');
  assert.ok((await page.locator('comparison-table tbody tr').count()) >= 49, 'table rows');
  await page.waitForFunction(() => document.querySelectorAll('#indicators li').length >= 10);
  assert.match(await page.locator('#facts').innerText(), /49 Gemeinden|Gemeinden/);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const file of ['csp-chart.html', 'csp-map.html', 'table-only.html']) {
  test(`${file} works under a strict Content-Security-Policy (no unsafe-eval, no inline styles)`, async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.addInitScript(RECORD_STATES);
    const response = await page.goto(`${strict.base}/${file}`);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a page with only a table loads neither vega nor leaflet', async () => {
  const page = await browser.newPage();
  const scripts: string[] = [];
  let bytes = 0;
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') {
      scripts.push(new URL(r.url()).pathname);
      bytes += Number(r.headers()['content-length'] ?? 0);
    }
  });
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${demo.base}/table-only.html`);
  await waitForWidgets(page, 'comparison-table');
  assert.equal(scripts.filter((s) => /vega|leaflet/.test(s)).length, 0, scripts.join(', '));
  console.log(`table-only page: ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KiB transferred (compressed)`);
  await page.close();
});

test('every demo page preloads the catalog of each endpoint its widgets read, and only code it uses', () => {
  const tags = new Set(WIDGETS.split(/,\s*/));
  const problems: string[] = [];
  for (const { path } of DEMO_PAGES) {
    const page = readFileSync(`demo/${path}`, 'utf8');
    const fallback = /data-fokus-endpoint="([^"]+)"/.exec(page)?.[1] ?? '/data/';
    const used = new Set<string>();
    const elements = new Set<string>();
    for (const m of page.matchAll(/<([a-z]+-[a-z-]+)([^>]*)>/g)) {
      if (!tags.has(m[1])) continue;
      elements.add(m[1]);
      used.add(/\sendpoint="([^"]+)"/.exec(m[2])?.[1] ?? fallback);
      // a view loads the element of its open tab at once
      if (m[1] === 'indicator-view') {
        const view = /\sview="([^"]+)"/.exec(m[2])?.[1] ?? 'chart';
        elements.add({ chart: 'indicator-chart', map: 'municipality-map', table: 'comparison-table' }[view] ?? '');
      }
    }
    const catalogs = new Set(
      [...page.matchAll(/<link rel="preload" href="([^"]+)catalog\.json" as="fetch" crossorigin/g)].map((m) => m[1]),
    );
    for (const e of used) if (!catalogs.has(e)) problems.push(`${path}: no preload of ${e}catalog.json`);
    for (const c of catalogs)
      if (!used.has(c)) problems.push(`${path}: preloads ${c}catalog.json, which no widget reads`);
    for (const m of page.matchAll(/<link rel="modulepreload" href="\/dist\/elements\/([a-z-]+)\.js"/g))
      if (!elements.has(m[1])) problems.push(`${path}: preloads the code of <${m[1]}>, which the page does not show`);
  }
  assert.deepEqual(problems, []);
});
