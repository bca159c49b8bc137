// The loader script's warm-up in the built bundle, under a strict Content-Security-Policy:
// while a map's code is still on its way, the loader has asked for the catalog and, through
// the client, for the map's geometry and values; the element then finds them (one request
// per URL), a missing endpoint is asked once and the map reports it, and a `configure()`
// after the loader decides the endpoint the warm-up asks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Request } from 'playwright-core';
import { launch, RECORD_STATES, startDemo, STRICT_CSP, watchProblems, type DemoServer } from './harness.js';

let browser: Browser;
let server: DemoServer;

before(async () => {
  [browser, server] = await Promise.all([launch(), startDemo({ 'Content-Security-Policy': STRICT_CSP })]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const LOADER = '<script type="module" src="/dist/fokus-widgets.js" data-fokus-endpoint="/data/"></script>';
const MAP_CHUNK = /\/dist\/elements\/municipality-map\.js$/;

/**
 * Opens a page of `head` and `body` (served at /warm-test.html with the strict CSP) without
 * waiting for its load; `hold` may hold back a request of /dist/ until its promise settles.
 * `requests`: the paths requested, in order, from the start.
 */
async function open(head: string, body: string, hold?: (request: Request) => Promise<void> | undefined) {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(RECORD_STATES);
  await page.route(`${server.base}/warm-*`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/warm-config.js')
      return route.fulfill({
        contentType: 'text/javascript',
        body: "import { configure } from '/dist/fokus-widgets.js'; configure({ endpoint: '/official/' });",
      });
    return route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': STRICT_CSP },
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>warm-up</title>${head}</head><body>${body}</body></html>`,
    });
  });
  if (hold)
    await page.route('**/dist/**', async (route) => {
      await hold(route.request());
      await route.continue();
    });
  await page.goto(`${server.base}/warm-test.html`, { waitUntil: 'commit' });
  return { page, problems, requests };
}

/** The state every map reached (`load` / `error`), once each has one. */
async function mapStates(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction(() => {
    const maps = [...document.querySelectorAll('municipality-map')] as (Element & { __fokusState?: string })[];
    return maps.every((m) => m.__fokusState) && maps.map((m) => m.__fokusState!);
  });
  return (await handle.jsonValue()) as string[];
}

const once = (requests: string[]) => requests.filter((u, i) => requests.indexOf(u) !== i);

test(
  "a map's geometry and values are requested while its code is still on its way; the map then finds them",
  { timeout: 30_000 },
  async () => {
    // The map's chunk is held back until the loader has asked for the map's files: without the
    // warm-up nothing asks for them before the element runs, and this test does not finish.
    const wanted = [
      '/data/catalog.json',
      '/data/geo/gemeinde-01056.topo.json',
      '/data/geo/kreis.topo.json',
      '/data/indicators/01056/motorisierungsgrad.json',
    ];
    let requested: string[] = [];
    let heldBack = false;
    const { page, problems, requests } = await open(
      LOADER,
      '<municipality-map indicator="motorisierungsgrad" parent="01056" year="2024"></municipality-map>',
      (r) => {
        if (!MAP_CHUNK.test(r.url())) return undefined;
        heldBack = true;
        requested = requests;
        return new Promise<void>((resolve) => {
          const check = () => wanted.every((w) => requested.includes(w)) && resolve();
          page.on('request', () => setImmediate(check));
          check();
        });
      },
    );
    assert.deepEqual(await mapStates(page), ['load']);
    assert.equal(heldBack, true, "the map's chunk went through the hold");
    const data = requests.filter((u) => u.startsWith('/data/'));
    assert.deepEqual([...new Set(data)].sort(), wanted, 'the map reads no other file');
    assert.deepEqual(once(requests), [], 'no URL is requested twice');
    assert.deepEqual(problems, []);
    await page.close();
  },
);

test('a map whose endpoint has no catalog: the catalog is asked once and the map shows its own error', async () => {
  const { page, problems, requests } = await open(
    LOADER,
    '<municipality-map endpoint="/nowhere/" indicator="motorisierungsgrad"></municipality-map>',
  );
  assert.deepEqual(await mapStates(page), ['error']);
  assert.deepEqual(
    requests.filter((u) => u.startsWith('/nowhere/')),
    ['/nowhere/catalog.json'],
  );
  const message = await page.evaluate(
    () => document.querySelector('municipality-map')!.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '',
  );
  assert.match(message, /404|nicht gefunden|catalog/i);
  assert.deepEqual(
    problems.filter((p) => !/404/.test(p)),
    [],
  );
  await page.close();
});

test('configure() in a script after the loader decides the endpoint the warm-up asks', async () => {
  const { page, problems, requests } = await open(
    '<script type="module" src="/dist/fokus-widgets.js"></script><script type="module" src="/warm-config.js"></script>',
    '<municipality-map indicator="motorisierungsgrad" parent="01056"></municipality-map>',
  );
  const states = await mapStates(page);
  const message = await page.evaluate(
    () => document.querySelector('municipality-map')!.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '',
  );
  assert.deepEqual(states, ['load'], message);
  assert.deepEqual(
    requests.filter((u) => u.startsWith('/data/')),
    [],
    'nothing from the default endpoint',
  );
  assert.ok(requests.includes('/official/catalog.json'));
  assert.deepEqual(once(requests), []);
  assert.deepEqual(problems, []);
  await page.close();
});
