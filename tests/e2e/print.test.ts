// Printing a host page: with print media, at the width of an A4 page's text (180 mm), no
// control is visible (toolbars, download and zoom buttons, sliders, pickers), charts and maps
// take the page width, no table is wider than the page or cut by a scroll box, and every
// widget keeps its source and licence. Then Chromium prints the page to a PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, RECORD_STATES, startDemo, STRICT_CSP, waitForWidgets, type DemoServer } from './harness.js';
import { WIDGETS } from './pages.js';

/** 180 mm (A4 less 15 mm margins) in CSS px. */
const PAGE_WIDTH = 680;
const PAGES = ['kreis.html', 'elmshorn.html', 'land.html', 'view.html', 'index.html', 'dashboard.html'];

let browser: Browser;
let demo: DemoServer;

before(async () => {
  [browser, demo] = await Promise.all([launch(), startDemo({ 'Content-Security-Policy': STRICT_CSP })]);
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/**
 * Page expression: what would be wrong on paper. Walks the page and every shadow root.
 * A table's names and headings are buttons on screen and plain text on paper: allowed.
 */
const PRINT_PROBLEMS = `(() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const content = document.querySelector('main').getBoundingClientRect().width;
  const shown = (el) => {
    if (el.closest('details:not([open])') && !el.matches('summary')) return false; // folded away
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0';
  };
  const name = (el, host) => (host ? host.localName + (host.id ? '#' + host.id : '') + ' >> ' : '') + el.localName + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const CONTROLS = 'button, input, select, summary, [role="tablist"], .toolbar, [part~="toolbar"], [part~="controls"], .leaflet-control-zoom, .leaflet-control a';
  const walk = (root, host) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(CONTROLS) && !el.closest('th, td, caption') && shown(el)) problems.push('control shown: ' + name(el, host));
      if (el.localName === 'table' && shown(el)) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1) problems.push('table wider than the page: ' + name(el, host) + ' right ' + Math.round(r.right) + ' > ' + width);
        const unnamed = [...el.querySelectorAll('tbody th')].filter((th) => shown(th) && !th.innerText.trim()).length;
        if (unnamed) problems.push('table rows without a visible name: ' + name(el, host) + ' ' + unnamed);
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if ((o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') && p.scrollWidth > p.clientWidth + 1)
            problems.push('table cut by a scroll box: ' + name(p, host) + ' ' + p.scrollWidth + ' > ' + p.clientWidth);
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot, el);
    }
  };
  walk(document, null);
  for (const el of document.querySelectorAll('indicator-chart, municipality-map, comparison-table, indicator-view, scatter-chart')) {
    const r = el.getBoundingClientRect();
    if (r.width < content * 0.95) problems.push(el.localName + ' narrower than the page: ' + Math.round(r.width) + ' of ' + Math.round(content));
    const captions = [...el.shadowRoot.querySelectorAll('.caption, [part~="caption"]')].filter(shown).map((c) => c.innerText).join(' ');
    if (!/Quelle/.test(captions) || !/Lizenz|CC0|dl-de|©/.test(captions)) problems.push(el.localName + ': source or licence missing: ' + JSON.stringify(captions.slice(0, 120)));
  }
  return problems;
})()`;

for (const path of PAGES) {
  test(`printing ${path}: no controls, widgets at page width, tables whole, source and licence kept`, async () => {
    const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: 960 } });
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${demo.base}/${path}`);
    await waitForWidgets(page, WIDGETS);
    // the probe must see controls on screen, else a clean print result would prove nothing
    const onScreen = (await page.evaluate(PRINT_PROBLEMS)) as string[];
    assert.ok(
      onScreen.some((p) => p.startsWith('control shown')),
      `${path}: controls are found on screen: ${onScreen.join('; ')}`,
    );
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await page.evaluate(PRINT_PROBLEMS), [], `${path} on paper`);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await page.close();
  });
}
