// The host pages' own side of accessibility and layout stability: every axe rule (WCAG and
// best practice: landmarks, heading order, scroll regions) on every demo page at phone and
// desktop width, and no layout shift caused by the page's own markup above the widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, RECORD_STATES, startDemo, STRICT_CSP, waitForWidgets, type DemoServer } from './harness.js';
import { DEMO_PAGES, WIDGETS } from './pages.js';

/**
 * Violations that come from inside an element, not from the page: `page rule target`. Each is
 * listed so that it fails once fixed (then drop it here).
 */
const KNOWN = new Set<string>([]);

let browser: Browser;
let demo: DemoServer;

before(async () => {
  [browser, demo] = await Promise.all([launch(), startDemo({ 'Content-Security-Policy': STRICT_CSP })]);
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

for (const width of [390, 1280]) {
  test(`at ${width} px every demo page passes all axe rules, best practices included`, async () => {
    // axe is injected as a script: this context bypasses the page's CSP for it
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
    const found: string[] = [];
    for (const { path } of DEMO_PAGES) {
      const page = await context.newPage();
      await page.addInitScript(RECORD_STATES);
      await page.goto(`${demo.base}/${path}`);
      await waitForWidgets(page, WIDGETS);
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = (await page.evaluate(`(async () => {
        const result = await axe.run(document, {});
        return result.violations.flatMap((v) => v.nodes.map((n) => v.id + ' ' + JSON.stringify(n.target)));
      })()`)) as string[];
      found.push(...violations.map((v) => `${path} ${v}`));
      await page.close();
    }
    await context.close();
    assert.deepEqual(
      found.filter((v) => !KNOWN.has(v)),
      [],
      'violations on the page side',
    );
    assert.deepEqual(
      [...KNOWN].filter((k) => !found.includes(k)),
      [],
      'known element-side violations that are gone: drop them from KNOWN',
    );
  });
}

/** Page expression: position and size of the page's own blocks before the first widget. */
const ABOVE_WIDGETS = `(() => {
  const first = document.querySelector(${JSON.stringify(WIDGETS)});
  const blocks = [...document.body.querySelectorAll('header, nav, main > p, main > h1, article > h1, article > p, .sample-note')];
  return blocks
    .filter((el) => first && el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(first))
    .map((el) => {
      const r = el.getBoundingClientRect();
      return el.localName + (el.className ? '.' + el.className : '') + ' top ' + Math.round(r.top + scrollY) + ' height ' + Math.round(r.height);
    });
})()`;

for (const width of [390, 1280]) {
  test(`at ${width} px the page's own blocks above the first widget do not move when scripts run`, async () => {
    const failures: string[] = [];
    // without scripts: the markup as the browser first lays it out
    const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    for (const { path } of DEMO_PAGES) {
      const plain = await still.newPage();
      await plain.goto(`${demo.base}/${path}`);
      const unscripted = (await plain.evaluate(ABOVE_WIDGETS)) as string[];
      await plain.close();
      const page = await context.newPage();
      await page.addInitScript(RECORD_STATES);
      await page.goto(`${demo.base}/${path}`);
      await waitForWidgets(page, WIDGETS);
      const afterLoad = (await page.evaluate(ABOVE_WIDGETS)) as string[];
      await page.close();
      assert.ok(unscripted.length > 0, `${path}: blocks above the first widget found`);
      if (JSON.stringify(unscripted) !== JSON.stringify(afterLoad))
        failures.push(`${path}: ${JSON.stringify(unscripted)} -> ${JSON.stringify(afterLoad)}`);
    }
    await still.close();
    await context.close();
    assert.deepEqual(failures, []);
  });
}
