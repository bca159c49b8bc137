// The iframe embed page (dist/embed.html) under the strict CSP, and the host's resizer
// (dist/embed-resizer.js) on a page of another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch, RECORD_STATES, STRICT_CSP, waitForWidgets, watchProblems } from './harness.js';
import { assertMarks, startBlankHost, startOpenDemo, type BlankHost, type Origin } from './cms-harness.js';

let browser: Browser;
let widgets: Origin;
let host: BlankHost;

before(async () => {
  [browser, widgets, host] = await Promise.all([
    launch(),
    startOpenDemo({ 'Content-Security-Policy': STRICT_CSP }),
    startBlankHost(),
  ]);
});
after(async () => {
  await browser?.close();
  await widgets?.close();
  await host?.close();
});

const embed = (query: Record<string, string>) =>
  `${widgets.base}/dist/embed.html?${new URLSearchParams({ ...query, endpoint: `${widgets.base}/data/` })}`;

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  const response = await page.goto(url);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
  return { page, problems };
}

test('the embed page renders one widget from the query, full width, under the strict CSP', async () => {
  const { page, problems } = await open(
    embed({ element: 'indicator-chart', indicator: 'geburtenrate', region: '01056015', compare: '01056,01' }),
  );
  await waitForWidgets(page, 'indicator-chart');
  await assertMarks(page, 'indicator-chart');
  assert.equal(await page.locator('main > *').count(), 1);
  const width = await page.locator('indicator-chart').evaluate((el) => el.getBoundingClientRect().width);
  assert.equal(Math.round(width), 640);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embed page follows lang', async () => {
  const { page } = await open(
    embed({ element: 'indicator-tile', indicator: 'geburtenrate', region: '01056015', lang: 'en' }),
  );
  await waitForWidgets(page, 'indicator-tile');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(
    await page.locator('indicator-tile').evaluate((el) => (el as unknown as { uiLang: string }).uiLang),
    'en',
  );
  await page.close();

  const de = await open(`${widgets.base}/dist/embed.html?element=indicator-chart&indicatr=x`);
  assert.match(
    await de.page.locator('.embed-error').innerText(),
    /Den Parameter „indicatr“ gibt es bei <indicator-chart> nicht/,
  );
  await de.page.close();
  const en = await open(`${widgets.base}/dist/embed.html?element=indicator-chart&indicatr=x&lang=en`);
  assert.match(
    await en.page.locator('.embed-error').innerText(),
    /The parameter "indicatr" does not exist on <indicator-chart>/,
  );
  await en.page.close();
});

test('a query the manifest does not know is a clear error, and hostile values stay text', async () => {
  const cases: Array<[string, RegExp]> = [
    ['', /fehlt der Parameter „element“/],
    ['element=foo-bar', /Das Element „foo-bar“ gibt es nicht/],
    ['element=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /Das Element „<img src=x onerror=alert\(1\)>“ gibt es nicht/],
    ['element=indicator-chart&onload=alert(1)', /Den Parameter „onload“ gibt es bei <indicator-chart> nicht/],
    ['element=indicator-chart&indicator=a&indicator=b', /„indicator“ steht mehrfach/],
    [
      'element=indicator-chart&indicator=geburtenrate&endpoint=javascript:alert(1)',
      /„javascript:alert\(1\)“ ist für „endpoint“ nicht zulässig/,
    ],
  ];
  for (const [query, message] of cases) {
    const { page, problems } = await open(`${widgets.base}/dist/embed.html?${query}`);
    const box = page.locator('.embed-error');
    await box.waitFor();
    assert.match(await box.innerText(), message, query);
    assert.equal(await page.locator('img, script:not([src])').count(), 0);
    assert.deepEqual(problems, [], query);
    await page.close();
  }
  // A hostile value of a known attribute reaches the element as text: its own error names it.
  const { page } = await open(
    embed({ element: 'indicator-chart', indicator: '<img src=x onerror=window.__xss=1>', region: '01056015' }),
  );
  await page.waitForFunction(
    () => (document.querySelector('indicator-chart') as { __fokusState?: string } | null)?.__fokusState,
  );
  assert.match(
    await page.locator('indicator-chart .error').innerText(),
    /„<img src=x onerror=window.__xss=1>“ ist im Datenangebot nicht bekannt/,
  );
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => (window as { __xss?: number }).__xss ?? null), null);
  await page.close();
});

/** The embedded frame's document: its height and whether it scrolls. */
async function frameBox(page: Page): Promise<{ frame: number; content: number; scrolls: boolean }> {
  const frame = await page.locator('iframe[data-fokus-embed]').evaluate((f) => f.getBoundingClientRect().height);
  const inner = page.frames().find((f) => f.url().includes('/embed.html')) as Frame;
  const { content, scrolls } = await inner.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.scrollingElement!.scrollHeight > document.scrollingElement!.clientHeight,
  }));
  return { frame, content, scrolls };
}

test('with the resizer the frame takes the height of the widget: no inner scrollbar, nothing cut', async () => {
  const url = embed({
    element: 'municipality-map',
    indicator: 'motorisierungsgrad',
    level: 'gemeinde',
    parent: '01056',
  });
  const id = host.add(
    `<iframe data-fokus-embed src="${url.replace(/&/g, '&amp;')}" title="Karte" width="100%" height="150" frameborder="0"></iframe>` +
      `<script src="${widgets.base}/dist/embed-resizer.js"></script>`,
  );
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${host.base}/${id}`);
  const inner = await page
    .waitForFunction(() => document.querySelector('iframe')?.contentWindow)
    .then(() => page.frames().find((f) => f.url().includes('/embed.html')));
  assert.ok(inner);
  await inner.waitForFunction(
    () => (document.querySelector('municipality-map') as { __fokusState?: string } | null)?.__fokusState === 'load',
  );
  // The resizer has applied the frame's last report once both heights agree (a condition, polled).
  let box = await frameBox(page);
  for (let i = 0; i < 200 && (box.frame < 300 || Math.abs(box.frame - box.content) > 1); i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    box = await frameBox(page);
  }
  assert.ok(Math.abs(box.frame - box.content) <= 1, JSON.stringify(box));
  assert.equal(box.scrolls, false, JSON.stringify(box));
  console.log(`# resized frame: ${box.frame}px for ${box.content}px of content`);

  // Only messages of the exact shape, from the frame itself, move it.
  await page.evaluate(() => {
    const f = document.querySelector('iframe')!;
    (window as unknown as { heights: string[] }).heights = [];
    new MutationObserver(() => (window as unknown as { heights: string[] }).heights.push(f.style.height)).observe(f, {
      attributes: true,
      attributeFilter: ['style'],
    });
    window.postMessage({ type: 'fokus-embed-height', height: 7 }, '*'); // not from a frame
  });
  await inner.evaluate(() => {
    parent.postMessage({ type: 'fokus-embed-height', height: 11, extra: 1 }, '*');
    parent.postMessage({ type: 'fokus-embed-height', height: '13' }, '*');
    parent.postMessage({ type: 'other', height: 17 }, '*');
    parent.postMessage({ type: 'fokus-embed-height', height: 333 }, '*');
  });
  await page.waitForFunction(() => document.querySelector('iframe')!.style.height === '333px');
  assert.deepEqual(await page.evaluate(() => (window as unknown as { heights: string[] }).heights), ['333px']);
  await page.close();
});
