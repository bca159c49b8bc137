/**
 * `<indicator-chart>` as the library build ships it (lean Vega runtime, precompiled
 * templates) under the strict CSP: a real touch tap on a point shows its tooltip and a tap
 * elsewhere hides it (a phone: touch events, no hover); the mouse hovers, the keyboard steps
 * through the values, and the PNG and SVG exports draw, all without a console error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
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
let demo: DemoServer;

before(async () => {
  demo = await startDemo({ 'Content-Security-Policy': STRICT_CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

async function openChart(page: Page): Promise<Locator> {
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${demo.base}/csp-chart.html`);
  await waitForWidgets(page, 'indicator-chart');
  return page.locator('indicator-chart').first();
}

/** The centre of the first point (symbol mark) of the chart, in page pixels. */
async function firstPoint(chart: Locator): Promise<{ x: number; y: number }> {
  const box = await chart.locator('.vega svg g.role-mark.mark-symbol path').first().boundingBox();
  assert.ok(box, 'a drawn point');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('touch: a tap on a point shows its tooltip, a tap on the background or outside hides it', async () => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const chart = await openChart(page);
  const tooltip = chart.locator('[part=tooltip]');
  await chart.scrollIntoViewIfNeeded();
  assert.equal(await tooltip.isHidden(), true);
  const point = await firstPoint(chart);
  await page.touchscreen.tap(point.x, point.y);
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.innerText(), /^Elmshorn, 20\d\d: /);
  // the plot background, well away from the lines: the top left corner of the plot area
  const svg = await chart.locator('.vega svg').boundingBox();
  assert.ok(svg);
  await page.touchscreen.tap(svg.x + svg.width - 4, svg.y + 4);
  await tooltip.waitFor({ state: 'hidden' });
  await page.touchscreen.tap(point.x, point.y);
  await tooltip.waitFor({ state: 'visible' });
  await page.touchscreen.tap(5, 5); // outside the element
  await tooltip.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('mouse and keyboard: hover shows the tooltip, arrow keys step through the values; PNG and SVG export', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const problems = watchProblems(page);
  const chart = await openChart(page);
  const tooltip = chart.locator('[part=tooltip]');
  const point = await firstPoint(chart);
  await page.mouse.move(point.x, point.y);
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.innerText(), /^Elmshorn, 20\d\d: /);
  await page.mouse.move(2, 2);
  await tooltip.waitFor({ state: 'hidden' });
  await chart.locator('[part=chart]').focus();
  await page.keyboard.press('ArrowRight');
  await tooltip.waitFor({ state: 'visible' });
  const first = await tooltip.innerText();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    ([el, before]) => (el as HTMLElement).shadowRoot!.querySelector('[part=tooltip]')!.textContent!.trim() !== before,
    [await chart.elementHandle(), first] as const,
  );
  const exported = await chart.evaluate(async (el) => {
    const e = el as HTMLElement & { image(f: 'svg' | 'png'): Promise<string> };
    return { svg: await e.image('svg'), png: await e.image('png') };
  });
  assert.match(exported.svg, /^<svg[\s\S]*Quelle:/);
  assert.match(exported.png, /^data:image\/png;base64,/);
  assert.ok(exported.png.length > 5000, 'a drawn PNG');
  assert.deepEqual(problems, []);
  await page.close();
});
