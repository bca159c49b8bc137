// The demo's level below the Gemeinde (the invented Stadtteile of Elmshorn, format 1.2):
// map, table, profile, view and insights render it, and a Kreis page loads the partitions of its Kreis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, RECORD_STATES, startDemo, waitForWidgets, watchProblems, type DemoServer } from './harness.js';

let browser: Browser;
let demo: DemoServer;

before(async () => {
  [browser, demo] = await Promise.all([launch(), startDemo()]);
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

test('map, table, profile, view and insights render the invented Stadtteile of Elmshorn (parent 01056015)', async () => {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${demo.base}/stadtteile.html`);
  await waitForWidgets(page, '#map, #table, region-profile');

  // Table: one row per Stadtteil, plus the references.
  const rows = await page.locator('#table tbody tr').allInnerTexts();
  const parts = rows.filter((t) => /Elmshorn-\S+ \(erfunden\)/.test(t));
  assert.equal(parts.length, 8, rows.join('\n'));
  assert.ok(
    rows.some((t) => t.startsWith('Elmshorn\t') || /^Elmshorn\b(?!-)/.test(t)),
    'Elmshorn as reference',
  );

  // Map: 8 shapes (SVG paths or canvas) and a legend of the indicator; its texts name the
  // level as the catalog does.
  const mapText = await page.locator('#map').evaluate((el) => el.shadowRoot?.textContent ?? '');
  assert.match(mapText, /Anteil 65-Jährige/);
  assert.doesNotMatch(mapText, /plural\./);
  const paths = await page.locator('#map').evaluate((el) => el.shadowRoot?.querySelectorAll('svg path').length ?? 0);
  const canvas = await page.locator('#map').evaluate((el) => el.shadowRoot?.querySelectorAll('canvas').length ?? 0);
  assert.ok(paths >= 8 || canvas > 0, `map marks: ${paths} paths, ${canvas} canvas`);

  // Profile of one Stadtteil: its name and values (it loads when scrolled into view).
  await page.locator('#profile').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /erfunden/.test(document.querySelector('#profile')?.shadowRoot?.textContent ?? ''));
  const profile = await page.evaluate(() => document.querySelector('#profile')?.shadowRoot?.textContent ?? '');
  assert.match(profile, /Elmshorn-Nord \(erfunden\)/);
  assert.match(profile, /\d/);

  // Insights of one Stadtteil on the pooled birth rate: its peers are the Stadtteile of Elmshorn.
  await page.locator('#insights').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => (document.querySelector('#insights') as Element & { __fokusState?: string }).__fokusState,
  );
  const insights = await page.locator('#insights').evaluate((el) => ({
    state: (el as Element & { __fokusState?: string }).__fokusState,
    heading: el.shadowRoot?.querySelector('[part=heading]')?.textContent?.trim(),
    kinds: [...(el.shadowRoot?.querySelectorAll('[part~=finding]') ?? [])].map((f) => f.getAttribute('data-kind')),
    text: el.shadowRoot?.querySelector('[part=findings]')?.textContent ?? '',
  }));
  assert.equal(insights.state, 'load');
  assert.equal(insights.heading, 'Geburtenrate (3-Jahres-Mittel): Elmshorn-Ost (erfunden), 2022–2024');
  assert.deepEqual(insights.kinds.slice(0, 3), ['trend', 'peers', 'rank']);
  assert.match(insights.text, /Stadtteile \(erfunden\) in Elmshorn/);
  assert.match(
    insights.text,
    /2022–2024 auf Rang \d von 8 Stadtteilen \(erfunden\) in Elmshorn/,
    'the dative plural after von',
  );
  // the profile's own insights (its chart indicator) on a Stadtteil load too
  await page.waitForFunction(
    () =>
      (
        document.querySelector('#profile')?.shadowRoot?.querySelector('indicator-insights') as
          (Element & { __fokusState?: string }) | null
      )?.__fokusState === 'load',
  );

  // The view of the pooled rate: its map tab shows the 8 Stadtteile, its title says what and when.
  const view = await page.locator('#pooled').evaluate((el) => ({
    title: el.shadowRoot?.querySelector('[part=title]')?.textContent?.trim(),
    notes: el.shadowRoot?.querySelector('[part=notes]')?.textContent ?? '',
    paths:
      el.shadowRoot?.querySelector('municipality-map')?.shadowRoot?.querySelectorAll('path[data-region]').length ?? 0,
    legend:
      el.shadowRoot?.querySelector('municipality-map')?.shadowRoot?.querySelector('[part=legend]')?.textContent ?? '',
  }));
  assert.match(view.legend, /3-Jahres-Mittel\)\s+2022–2024/, 'the legend names the window of the pooled rate');
  assert.equal(view.title, 'Geburtenrate (3-Jahres-Mittel) 2022–2024: Stadtteile (erfunden) in Elmshorn');
  assert.match(view.notes, /Werte als 3-Jahres-Mittel/);
  assert.equal(view.paths, 8);

  // Map, table and profile rows load the partition of Kreis Pinneberg (the profile's chart,
  // not switched to scopes yet, still loads its whole file).
  const data = requests.filter((p) => p.startsWith('/data/indicators/'));
  for (const id of ['anteil-65plus', 'bevoelkerung', 'sgb2-quote', 'geburtenrate-3j']) {
    assert.ok(data.includes(`/data/indicators/01056/${id}.json`), data.join(', '));
    assert.ok(!data.includes(`/data/indicators/${id}.json`), data.join(', '));
  }
  assert.equal(new Set(data).size, data.length, 'one request per file');
  assert.deepEqual(problems, []);
  await page.close();
});
