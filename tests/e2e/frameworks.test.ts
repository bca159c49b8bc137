// The examples in examples/ (React 19, Vue 3 with render functions, plain HTML), built
// with esbuild and driven in Chromium under a strict Content-Security-Policy: properties
// reach the elements as properties, custom events reach the frameworks' handlers, and
// the host page's theme, dark mode, language and forced colours work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../src/tools/serve.js';
import { launch, RECORD_STATES, STRICT_CSP, waitForWidgets, watchProblems } from './harness.js';
// @ts-expect-error plain JS build script without types
import { buildExamples } from '../../examples/build.js';

let browser: Browser;
let server: Server;
let base: string;

before(async () => {
  await buildExamples({ quiet: true });
  server = await serve({
    port: 0,
    headers: { 'Content-Security-Policy': STRICT_CSP },
    mounts: [
      { prefix: '/data/', dir: 'demo-dist/data' },
      { prefix: '/dist/', dir: 'dist' },
      { prefix: '/themes/', dir: 'themes' },
      { prefix: '/', dir: 'examples', cacheControl: 'no-cache' },
    ],
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  const response = await page.goto(`${base}${path}`);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
  await waitForWidgets(page, 'indicator-chart, comparison-table');
  return { page, problems };
}

/** Waits until the chart has loaded again after a change (RECORD_STATES marks each load). */
async function reloaded(page: Page, selector: string, action: () => Promise<unknown>): Promise<void> {
  await page.$eval(selector, (el) => ((el as Element & { __fokusState?: string }).__fokusState = undefined));
  await action();
  await waitForWidgets(page, selector);
}

const headerText = (page: Page) => page.locator('comparison-table thead').first().innerText();
/** All text in an element's shadow root (captions, description, data table). */
const shadowText = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));

test('the React and Vue examples type-check against the elements (JSX typing of tags, properties, events)', () => {
  const tsc = spawnSync('npx', ['tsc', '-p', 'examples/tsconfig.json'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

for (const framework of ['react', 'vue'] as const) {
  test(`${framework}: properties reach the elements as properties, events reach the handlers`, async () => {
    const { page, problems } = await open(`/${framework}/`);
    assert.match(await page.locator('h1').innerText(), framework === 'react' ? /React 19\./ : /Vue 3\./);

    // properties, not attribute strings: year is a number, noRank a boolean (no attribute)
    const props = await page.$eval('#table', (el) => {
      const t = el as HTMLElement & { year: unknown; noRank: unknown; indicators: unknown };
      return {
        year: t.year,
        noRank: t.noRank,
        noRankAttribute: t.hasAttribute('norank') || t.hasAttribute('no-rank'),
        indicators: t.indicators,
      };
    });
    assert.deepEqual(props, { year: 2024, noRank: true, noRankAttribute: false, indicators: 'geburtenrate' });
    assert.doesNotMatch(await headerText(page), /Rang/, 'noRank=true hides the rank column');
    assert.equal(await page.$eval('#chart', (el) => (el as HTMLElement & { from: unknown }).from), 2015);
    assert.ok((await page.locator('#chart svg path').count()) > 0, 'chart marks');
    assert.ok(Number(await page.locator('#loads').innerText()) >= 1, 'fokus-load reached the handler');

    // fokus-select from the table -> framework state -> chart property -> chart redraws
    const row = page.locator('#table tbody tr', { hasText: 'Uetersen' }).locator('th button');
    await reloaded(page, '#chart', () => row.click());
    const uetersen = await page.locator('#region').innerText();
    assert.match(uetersen, /^01056\d{3}$/);
    assert.notEqual(uetersen, '01056015');
    assert.equal(await page.$eval('#chart', (el) => (el as HTMLElement & { region: string }).region), uetersen);
    assert.equal(await page.$eval('#table', (el) => el.getAttribute('selected')), uetersen, 'selected reflects');
    assert.match(await shadowText(page, '#chart'), /Uetersen/);

    // a framework-controlled property change re-renders both elements
    await reloaded(page, '#chart', () => page.selectOption('#indicator', 'motorisierungsgrad'));
    await waitForWidgets(page, '#table');
    assert.match(await shadowText(page, '#chart'), /Pkw|Motorisierung/);
    assert.match(await headerText(page), /Pkw|Motorisierung/);

    // lang on an ancestor, set by the framework: German -> English without a reload
    await page.click('#lang');
    await page.waitForFunction(() =>
      /Region/.test((document.querySelector('#table') as HTMLElement).shadowRoot!.querySelector('thead')!.textContent!),
    );
    assert.doesNotMatch(await headerText(page), /Gebiet/);

    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('plain HTML: tags with attributes, the loader, a page listener for fokus-select and a dark-mode switch', async () => {
  const { page, problems } = await open('/html/');
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );
  assert.ok(scripts.includes('/dist/fokus-widgets.js'), 'the loader from the self-hosted folder');
  assert.ok(
    scripts.some((s) => /^\/dist\/chunks\/vega-[\w-]+\.js$/.test(s)),
    'hashed chunks on demand',
  );

  const light = await page.$eval('#table', (el) => getComputedStyle(el).backgroundColor);
  assert.equal(light, 'rgb(255, 255, 255)');
  await page.locator('#table tbody tr', { hasText: 'Uetersen' }).locator('th button').click();
  await page.waitForFunction(() => document.getElementById('region')!.textContent !== '01056015');
  assert.match(await page.locator('#region').innerText(), /^01056\d{3}$/);

  await page.click('#theme');
  assert.equal(await page.$eval('#table', (el) => getComputedStyle(el).backgroundColor), 'rgb(20, 32, 43)');
  assert.equal(await page.$eval('#theme', (el) => el.getAttribute('aria-pressed')), 'true');
  assert.deepEqual(problems, []);
  await page.close();
});

test('forced colors (Windows high contrast): texts use system colours, marks and focus stay visible', async () => {
  const { page, problems } = await open('/html/');
  await page.emulateMedia({ forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  // text and backgrounds follow the system colours (not the theme's)
  const table = await page.$eval('#table', (el) => {
    const th = el.shadowRoot!.querySelector('thead th')!;
    return { color: getComputedStyle(th).color, background: getComputedStyle(el).backgroundColor };
  });
  assert.notEqual(table.color, 'rgb(26, 37, 48)', 'theme text colour is overridden by the system');
  // the chart's lines keep a visible stroke
  const strokes = await page.$$eval('#chart svg path', (paths) =>
    paths.map((p) => getComputedStyle(p).stroke).filter((s) => s && s !== 'none'),
  );
  assert.ok(strokes.length > 0, 'chart lines have strokes');
  // keyboard focus is visible: a focused table button gets an outline
  await page.locator('#table tbody tr th button').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const outline = await page.evaluate(() => {
    const active = document.querySelector('#table')!.shadowRoot!.activeElement as HTMLElement | null;
    if (!active) return 'none';
    const cs = getComputedStyle(active);
    return `${cs.outlineStyle} ${cs.outlineWidth}`;
  });
  assert.match(outline, /solid [1-9]/);
  await page.screenshot({ path: '/tmp/fokus-forced-colors.png', fullPage: true }).catch(() => {});
  assert.deepEqual(problems, []);
  await page.close();
});
