// The embed-code builder (demo/builder.html): every route carries the chosen endpoint, and
// each snippet, pasted as its line says, renders on a blank page of another origin.
// (The WordPress shortcode is pasted into a real WordPress in wordpress.test.ts.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launch, RECORD_STATES, waitForWidgets, watchProblems } from './harness.js';
import {
  assertMarks,
  builderRoutes,
  startBlankHost,
  startOpenDemo,
  type BlankHost,
  type Origin,
} from './cms-harness.js';

let browser: Browser;
let demo: Origin;
let host: BlankHost;

before(async () => {
  [browser, demo, host] = await Promise.all([launch(), startOpenDemo(), startBlankHost()]);
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await host?.close();
});

test('the builder offers /data/ and /official/ and writes the chosen endpoint into every route', async () => {
  const page = await browser.newPage();
  const routes = await builderRoutes(page, demo.base, 'indicator-chart');
  const offered = await page.$$eval('#endpoint option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.deepEqual(offered, ['/data/', '/official/']);
  // A source this server lacks says so and the builder keeps the previous one.
  if (!(await fetch(`${demo.base}/official/catalog.json`)).ok) {
    await page.selectOption('#endpoint', '/official/');
    await page.waitForFunction(() =>
      /gibt es auf diesem Server nicht/.test(document.getElementById('copied')!.textContent ?? ''),
    );
    assert.equal(await page.inputValue('#endpoint'), '/data/');
  }
  assert.deepEqual(Object.keys(routes), ['loader', 'tag', 'iframe', 'shortcode']);
  const endpoint = `${demo.base}/data/`;
  for (const [id, r] of Object.entries(routes)) {
    assert.ok(r.who.startsWith('Für '), `${id}: says for whom`);
    const carries =
      r.code.includes(`endpoint="${endpoint}"`) || r.code.includes(`endpoint=${encodeURIComponent(endpoint)}`);
    assert.ok(carries, `${id} carries the endpoint:\n${r.code}`);
  }
  assert.match(routes.iframe.code, /<iframe data-fokus-embed src="[^"]+" title="Diagramm: Geburtenrate, Elmshorn"/);
  assert.match(
    routes.iframe.code,
    /<a href="[^"]+embed\.html\?[^"]+">Diagramm: Geburtenrate, Elmshorn: Daten öffnen<\/a>/,
  );
  assert.match(
    routes.shortcode.code,
    /^\[indicator-chart indicator="geburtenrate" region="01056015" compare="01056,01" endpoint="[^"]+"\]$/,
  );
  await page.close();
});

async function openHost(id: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${host.base}/${id}`);
  return { page, problems };
}

for (const element of ['indicator-chart', 'municipality-map', 'comparison-table']) {
  test(`${element}: (a) loader + tag pasted into a blank page of another site renders with data`, async () => {
    const builder = await browser.newPage();
    const { loader } = await builderRoutes(builder, demo.base, element);
    await builder.close();
    const { page, problems } = await openHost(host.add(loader.code));
    await waitForWidgets(page, element);
    await assertMarks(page, element);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('(b) the tag alone, on a site whose template loads the library, reads the chosen endpoint', async () => {
  const builder = await browser.newPage();
  const { tag } = await builderRoutes(builder, demo.base, 'comparison-table');
  await builder.close();
  // The template's line, without data-fokus-endpoint: the tag must bring its own endpoint
  // (this host has no /data/, the fallback would be a 404).
  const theme = `<script type="module" src="${demo.base}/dist/fokus-widgets.js"></script>`;
  const { page, problems } = await openHost(host.add(tag.code, theme));
  await waitForWidgets(page, 'comparison-table');
  await assertMarks(page, 'comparison-table');
  assert.deepEqual(problems, []);
  await page.close();
});

test('(c) the iframe with the resizer renders at the full height of the widget', async () => {
  const builder = await browser.newPage();
  const { iframe } = await builderRoutes(builder, demo.base, 'municipality-map');
  await builder.close();
  const { page, problems } = await openHost(host.add(iframe.code));
  // The frame is about:blank until it has navigated: wait for the embed page itself.
  const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
  await frame.waitForURL(/\/embed\.html/);
  await frame.waitForFunction(
    () => (document.querySelector('municipality-map') as { __fokusState?: string } | null)?.__fokusState === 'load',
  );
  const heights = async () => ({
    frame: await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height)),
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  });
  let h = await heights();
  for (let i = 0; i < 200 && Math.abs(h.frame - h.content) > 1; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    h = await heights();
  }
  assert.ok(Math.abs(h.frame - h.content) <= 1 && h.frame > 420, JSON.stringify(h));
  assert.equal(
    (await frame.locator('municipality-map path.leaflet-interactive, municipality-map svg path').count()) >= 49,
    true,
  );
  assert.equal(await page.locator('p a[href*="embed.html"]').count(), 1, 'fallback link');
  assert.deepEqual(problems, []);
  await page.close();
});
