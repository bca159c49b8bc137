// End-to-end tests of the demo dashboard, the example host pages and the embed-code
// builder: linked views, URL state, and snippets that work on a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

const WIDGETS =
  'indicator-chart, municipality-map, comparison-table, indicator-tile, region-picker, indicator-picker, year-slider, region-profile';

let browser: Browser;
let strict: DemoServer;

before(async () => {
  [browser, strict] = await Promise.all([launch(), startDemo({ 'Content-Security-Policy': STRICT_CSP })]);
});
after(async () => {
  await browser?.close();
  await strict?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${strict.base}/${path}`);
  await waitForWidgets(page, WIDGETS);
  return { page, problems };
}

/** Text of the first match (Playwright's CSS pierces shadow roots), whitespace collapsed. */
async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const count = (page: Page, selector: string) => page.locator(selector).count();

const pages: Record<string, (page: Page) => Promise<void>> = {
  'dashboard.html': async (page) => {
    assert.ok((await count(page, 'municipality-map path[data-region]')) >= 49, 'map shapes');
    assert.ok((await count(page, 'indicator-chart svg path')) > 0, 'chart marks');
    assert.ok((await count(page, 'comparison-table tbody.rows tr')) >= 49, 'table rows');
    assert.equal(await count(page, 'indicator-tile .number'), 3, 'tile numbers');
    assert.equal(await count(page, 'nav.topics button'), 5, 'topic navigation');
  },
  'kreis.html': async (page) => {
    assert.ok((await count(page, 'municipality-map path[data-region]')) >= 49);
    assert.equal(await count(page, 'comparison-table tbody.rows tr'), 18, 'the 18 Ämter and amtsfreie Gemeinden');
    assert.match(await text(page, 'indicator-tile .sentence'), /^Kreis Pinneberg liegt mit .* Landeswert/);
  },
  'elmshorn.html': async (page) => {
    assert.match(
      await text(page, 'indicator-tile .where'),
      /^Elmshorn, 2015$/,
      'official figures: the tables end in 2015',
    );
    assert.equal(await text(page, 'region-profile header [role=heading]'), 'Elmshorn');
    assert.equal(await count(page, 'region-profile indicator-tile'), 7);
    await page.waitForFunction(() =>
      [...document.querySelector('region-profile')!.shadowRoot!.querySelectorAll('indicator-tile')].every((t) =>
        t.shadowRoot!.querySelector('.number'),
      ),
    );
    assert.ok((await count(page, 'indicator-chart svg path')) > 0);
  },
  'land.html': async (page) => {
    assert.equal(await count(page, 'municipality-map path[data-region]'), 15, 'the 15 Kreise');
    assert.equal(
      await count(page, 'comparison-table tbody.rows tr'),
      30,
      'official and synthetic table, 15 Kreise each',
    );
    assert.ok((await count(page, 'indicator-chart svg path')) > 0);
  },
  'builder.html': async (page) => {
    assert.match(await text(page, '#snippet'), /<indicator-chart indicator="geburtenrate" region="01056015"/);
    assert.ok((await count(page, '#preview indicator-chart svg path')) > 0);
  },
};

for (const [path, check] of Object.entries(pages)) {
  test(`${path} loads under a strict CSP without console errors and renders real marks`, async () => {
    const { page, problems } = await open(path);
    await check(page);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('dashboard: a click on a Gemeinde in the map updates chart, table, tiles and picker; the year moves map, table and tiles', async () => {
  const { page, problems } = await open('dashboard.html');
  await page.locator('municipality-map path[data-region="01056039"]').click();
  // table row, picker, tiles and chart follow the group "pi"
  await page.waitForFunction(() => document.querySelector('comparison-table')!.getAttribute('selected') === '01056039');
  assert.equal(await text(page, 'comparison-table tr.selected th'), 'Pinneberg');
  assert.equal(await page.locator('region-picker input').inputValue(), 'Pinneberg');
  await page.waitForFunction(() => document.querySelector('indicator-chart')!.region === '01056039');
  await waitForWidgets(page, 'indicator-chart, indicator-tile');
  assert.match(await text(page, 'indicator-chart [part=chart]'), /(?<!Kreis )Pinneberg/);
  assert.doesNotMatch(await text(page, 'indicator-chart [part=chart]'), /Elmshorn/);
  assert.match(await text(page, 'indicator-tile .where'), /^Pinneberg, 2024$/);
  assert.match(new URL(page.url()).search, /pi\.region=01056039/);

  // the year slider moves map, table and tiles
  await page.locator('year-slider input[type=range]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('municipality-map')!.year === 2022);
  const shows = (selector: string, part: string, needle: string) =>
    page.waitForFunction(
      ([sel, p, n]) => document.querySelector(sel)!.shadowRoot!.querySelector(p)?.textContent?.includes(n),
      [selector, part, needle],
    );
  await shows('comparison-table', 'caption', '2022');
  await shows('indicator-tile', '.where', 'Pinneberg, 2022');
  await shows('municipality-map', '[part=legend]', '2022');

  // the indicator picker changes map, chart, tiles and the table's topic
  await page.locator('indicator-picker#indicator select').selectOption('sgb2-quote');
  await page.waitForFunction(() => document.querySelector('municipality-map')!.indicator === 'sgb2-quote');
  await shows('municipality-map', '[part=legend]', 'SGB-II-Quote');
  await shows('indicator-chart', '[part=title]', 'SGB-II-Quote');
  await shows('comparison-table', 'thead', 'Arbeitslose');
  assert.equal(await page.locator('nav.topics button[aria-current=true]').textContent(), 'Soziales und Arbeit');
  assert.deepEqual(problems, []);
  await page.close();
});

test('dashboard: the selection round-trips through the URL, a reload and the back button', async () => {
  const { page, problems } = await open(
    'dashboard.html?pi.region=01056002&pi.year=2018&pi.indicator=motorisierungsgrad',
  );
  assert.equal(await page.locator('region-picker input').inputValue(), 'Barmstedt');
  assert.equal(await page.locator('year-slider input[type=range]').getAttribute('aria-valuetext'), '2018');
  assert.equal(await page.locator('indicator-picker#indicator select').inputValue(), 'motorisierungsgrad');
  assert.equal(await page.locator('municipality-map').getAttribute('selected'), '01056002');
  assert.match(await text(page, 'indicator-tile .where'), /^Barmstedt, 2018$/);
  assert.equal(
    await page.evaluate(() => document.querySelector('indicator-chart')!.region),
    '01056002',
    'chart of the deep-linked region',
  );
  assert.equal(await page.evaluate(() => document.querySelector('indicator-chart')!.indicator), 'motorisierungsgrad');

  // a new choice adds a history entry; reload keeps it
  await page.locator('region-picker input').fill('Wedel');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('pi.region=01056050'));
  await page.reload();
  await waitForWidgets(page, WIDGETS);
  assert.equal(await page.locator('region-picker input').inputValue(), 'Wedel');
  assert.equal(await page.locator('year-slider input[type=range]').getAttribute('aria-valuetext'), '2018');
  assert.match(await text(page, 'indicator-tile .where'), /^Wedel, 2018$/);

  // back: Barmstedt again, in every view
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('municipality-map')!.getAttribute('selected') === '01056002');
  await waitForWidgets(page, 'indicator-tile, indicator-chart');
  assert.equal(await page.locator('region-picker input').inputValue(), 'Barmstedt');
  assert.equal(await text(page, 'comparison-table tr.selected th'), 'Barmstedt');
  await page.waitForFunction(() =>
    document.querySelector('indicator-tile')!.shadowRoot!.querySelector('.where')?.textContent?.includes('Barmstedt'),
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('dashboard, topic Bevölkerung: no deviation for counts, no two identical tiles; Back to a URL without a year shows the default year again', async () => {
  const { page, problems } = await open('dashboard.html');
  const tiles = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.tiles indicator-tile')].map(
        (t) => (t as HTMLElement & { indicator: string }).indicator,
      ),
    );
  assert.deepEqual(await tiles(), ['geburtenrate', 'bevoelkerung', 'sgb2-quote']);
  await page.locator('nav.topics button[data-topic=bevoelkerung]').click();
  await page.waitForFunction(() => document.querySelector('comparison-table')!.indicators.startsWith('bevoelkerung'));
  const shown = await tiles();
  assert.equal(new Set(shown).size, 3, `three different tiles: ${shown.join(', ')}`);
  assert.equal(shown[0], 'bevoelkerung');
  assert.equal(
    await page.locator('comparison-table').evaluate((t) => (t as HTMLElement & { deviation: string }).deviation),
    '',
  );
  await waitForWidgets(page, 'comparison-table, indicator-tile');
  assert.doesNotMatch(await text(page, 'comparison-table thead'), /Abw/, 'no deviation column for inhabitants');
  // a rate of the same topic gets its deviation back
  await page.locator('indicator-picker#indicator select').selectOption('sterberate');
  await page.waitForFunction(
    () => (document.querySelector('comparison-table') as HTMLElement & { deviation: string }).deviation === 'absolute',
  );
  // the slider of the death rate starts at its latest year with values (2024 is not out yet)
  await page.waitForFunction(() => document.querySelector('year-slider')!.getAttribute('value') === '2023');

  // back to the start: a URL without pi.year shows the default year, as when opened fresh
  await page.goto(`${strict.base}/dashboard.html`);
  await waitForWidgets(page, WIDGETS);
  assert.equal(await page.locator('year-slider input[type=range]').getAttribute('aria-valuetext'), '2024');
  await page.locator('year-slider input[type=range]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => location.search.includes('pi.year=2023'));
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('pi.year'));
  await page.waitForFunction(() => document.querySelector('year-slider')!.getAttribute('value') === '2024');
  await page.waitForFunction(() => document.querySelector('municipality-map')!.year === 2024);
  assert.deepEqual(problems, []);
  await page.close();
});

test('builder: a copied snippet renders the same widget on a blank page', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${strict.base}/builder.html`);
  await waitForWidgets(page, WIDGETS);
  await page.locator('#element').selectOption('indicator-tile');
  await page.locator('#indicator').selectOption('sgb2-quote');
  await page.locator('#region input').fill('Uetersen');
  await page.keyboard.press('Enter');
  await page.locator('#year').fill('2020');
  await page.waitForFunction(() => document.querySelector('#preview indicator-tile')?.getAttribute('year') === '2020');
  await waitForWidgets(page, '#preview indicator-tile');
  const previewSentence = await text(page, '#preview indicator-tile .sentence');
  await page.locator('#copy').click();
  await page.waitForFunction(() => document.getElementById('copied')!.textContent !== '');
  assert.equal(await text(page, '#copied'), 'Kopiert – jetzt im CMS einfügen.');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(
    snippet,
    /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/fokus-widgets\.js"><\/script>\n<indicator-tile indicator="sgb2-quote" region="01056049" year="2020" endpoint="http:\/\/127\.0\.0\.1:\d+\/data\/"><\/indicator-tile>$/,
  );

  // a blank page (same server) with nothing but the snippet
  const blank = await context.newPage();
  const blankProblems = watchProblems(blank);
  await blank.addInitScript(RECORD_STATES);
  await blank.route(`${strict.base}/snippet-test.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="de"><head><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`,
    }),
  );
  await blank.goto(`${strict.base}/snippet-test.html`);
  await waitForWidgets(blank, 'indicator-tile');
  assert.match(previewSentence, /^Uetersen liegt mit/);
  assert.equal(await text(blank, 'indicator-tile .sentence'), previewSentence);
  assert.equal(await text(blank, 'indicator-tile .where'), 'Uetersen, 2020');
  assert.deepEqual([...problems, ...blankProblems], []);
  await context.close();
});

test('two copies of the bundle on one page share one selection (tags pasted in separate places)', async () => {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  // a second, separately hosted copy of dist/ (another path: other module instances)
  await page.route(`${strict.base}/copy2/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace('/copy2/', '/dist/') });
    await route.fulfill({ response });
  });
  const body = `<!doctype html><html lang="de"><head><link rel="icon" href="data:,">
    <script type="module" src="/dist/fokus-widgets.js" data-fokus-endpoint="/data/"></script>
    <script type="module" src="/copy2/fokus-widgets.js"></script></head><body>
    <section><municipality-map group="g" indicator="geburtenrate" level="gemeinde" parent="01056" no-table></municipality-map></section>
    <section><comparison-table group="g" indicators="geburtenrate" parent="01056" no-sparkline></comparison-table></section>
    <section><indicator-tile group="g" link="region" indicator="geburtenrate" region="01056015"></indicator-tile></section>
    </body></html>`;
  await page.route(`${strict.base}/two-copies.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${strict.base}/two-copies.html`);
  await waitForWidgets(page, 'municipality-map, comparison-table, indicator-tile');
  const same = await page.evaluate(async () => {
    const one = await import('/dist/fokus-widgets.js' as string);
    const two = await import('/copy2/fokus-widgets.js' as string);
    two.setSelection('g', { region: '01056039' }); // the second copy writes ...
    return one !== two && one.getSelection('g').region; // ... the first copy reads
  });
  assert.equal(same, '01056039');
  await page.waitForFunction(() => document.querySelector('comparison-table')!.selected === '01056039');
  assert.equal(await page.locator('municipality-map').getAttribute('selected'), '01056039');
  await page.waitForFunction(() =>
    document.querySelector('indicator-tile')!.shadowRoot!.querySelector('.where')?.textContent?.startsWith('Pinneberg'),
  );
  await page.locator('comparison-table button.region', { hasText: 'Wedel' }).click();
  await page.waitForFunction(() => document.querySelector('municipality-map')!.selected === '01056050');
  assert.deepEqual(problems, []);
  await page.close();
});

test('dashboard, host pages and builder pass axe (WCAG 2.1 A/AA rules), widgets included', async () => {
  // axe is injected as a script: this context bypasses the page's CSP for it.
  const context = await browser.newContext({ bypassCSP: true });
  const violations: string[] = [];
  for (const path of ['dashboard.html', 'kreis.html', 'elmshorn.html', 'land.html', 'builder.html']) {
    const page = await context.newPage();
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${strict.base}/${path}`);
    await waitForWidgets(page, WIDGETS);
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    violations.push(...found.map((v) => `${path} ${v}`));
    await page.close();
  }
  await context.close();
  assert.deepEqual(violations, []);
});
