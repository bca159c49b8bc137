// The documentation site: `storybook build` works offline, every element has a docs page
// generated from custom-elements.json (attributes, events, parts, CSS properties, the tag
// to paste, a live example), and the guides render, including the tag builder with
// which an editor chooses indicator and region without reading JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../src/tools/serve.js';
import { launch, RECORD_STATES } from './harness.js';
// @ts-expect-error plain JS module
import { elementsOf } from '../../scripts/manifest-model.js';

interface Api {
  tag: string;
  attributes: { name: string }[];
  events: { name: string }[];
  parts: { name: string }[];
  cssProperties: { name: string }[];
}

let out: string;
let server: Server;
let base: string;
let browser: Browser;
let elements: Api[];
let withoutStories: string[] = [];

before(async () => {
  if (!existsSync('custom-elements.json'))
    execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
  if (!existsSync('demo-dist/data/catalog.json')) execFileSync('npx', ['tsx', 'scripts/build-demo-data.ts', '--quiet']);
  const all: Api[] = elementsOf(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  // An element's docs page comes with its stories file (stories/<tag>.stories.ts, owned by
  // the element); elements still without one are listed, not failed.
  elements = all.filter((el) => existsSync(`stories/${el.tag}.stories.ts`));
  withoutStories = all.filter((el) => !elements.includes(el)).map((el) => el.tag);
  out = mkdtempSync(join(tmpdir(), 'fokus-storybook-'));
  execFileSync('npx', ['storybook', 'build', '-o', out, '--quiet', '--disable-telemetry'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  server = await serve({ port: 0, mounts: [{ prefix: '/', dir: out, cacheControl: 'no-cache' }] });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (out) rmSync(out, { recursive: true, force: true });
});

async function docs(id: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
  await page.locator('#storybook-docs h1').first().waitFor({ timeout: 30000 });
  return { page, errors };
}

/**
 * How many `selector` elements have loaded: their own `fokus-load`, or for a composition
 * (`<indicator-view>`) the one of the element in its shadow root that drew the open tab.
 */
const loadedCount = (page: Page, selector: string) =>
  page.$$eval(
    selector,
    (els) =>
      els.filter((el) =>
        [el, ...(el.shadowRoot?.querySelectorAll('*') ?? [])].some(
          (n) => (n as Element & { __fokusState?: string }).__fokusState === 'load',
        ),
      ).length,
  );

test('the build has a docs page for every element with stories and the four guides', (t) => {
  if (withoutStories.length) t.diagnostic(`elements without stories (no docs page yet): ${withoutStories.join(', ')}`);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
    entries: Record<string, { type: string; title: string }>;
  };
  const docsTitles = Object.values(index.entries)
    .filter((e) => e.type === 'docs')
    .map((e) => e.title);
  assert.ok(elements.length >= 3);
  for (const el of elements) assert.ok(docsTitles.includes(`Elements/${el.tag}`), `docs page for <${el.tag}>`);
  for (const guide of ['Web editors', 'Developers', 'Data publishers', 'Theming']) {
    assert.ok(docsTitles.includes(`Guides/${guide}`), `guide ${guide}`);
  }
});

test('element docs pages: API from custom-elements.json, the tag to paste and a live example', async () => {
  for (const el of elements) {
    const { page, errors } = await docs(`elements-${el.tag}--docs`);
    const api = page.locator('.fokus-api');
    await api.waitFor();
    const text = await api.innerText();
    for (const a of el.attributes) assert.ok(text.includes(a.name), `<${el.tag}> attribute ${a.name}`);
    for (const e of el.events) assert.ok(text.includes(e.name), `<${el.tag}> event ${e.name}`);
    for (const p of el.parts) assert.ok(text.includes(`::part(${p.name})`), `<${el.tag}> part ${p.name}`);
    for (const c of el.cssProperties) assert.ok(text.includes(c.name), `<${el.tag}> CSS property ${c.name}`);
    // the first code block after the "To paste" heading (the highlighter renders it lazily)
    const paste = String(
      await (
        await page.waitForFunction(() => {
          for (let n = document.getElementById('paste')?.nextElementSibling; n; n = n.nextElementSibling) {
            const pre = n.matches('pre') ? n : n.querySelector('pre');
            if (pre?.textContent) return pre.textContent;
          }
          return false;
        })
      ).jsonValue(),
    );
    assert.match(paste, /<script type="module" src="[^"]+fokus-widgets\.js"><\/script>/, `<${el.tag}> paste block`);
    assert.match(paste, new RegExp(`<${el.tag}( [a-z-]+(="[^"]*")?)*></${el.tag}>`), `<${el.tag}> tag to paste`);
    await page
      .waitForFunction(
        (tag) =>
          [...document.querySelectorAll(tag)].some((el) =>
            [el, ...(el.shadowRoot?.querySelectorAll('*') ?? [])].some(
              (n) => (n as Element & { __fokusState?: string }).__fokusState === 'load',
            ),
          ),
        el.tag,
        { timeout: 30000 },
      )
      .catch(async (e: Error) => {
        const states = await page.evaluate(
          (tag) =>
            [...document.querySelectorAll(tag)].map((n) => (n as Element & { __fokusState?: string }).__fokusState),
          el.tag,
        );
        throw new Error(`<${el.tag}>: no live example loaded (states: ${JSON.stringify(states)}; ${e.message})`);
      });
    assert.ok((await loadedCount(page, el.tag)) >= 1, `a live <${el.tag}> loaded`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('editors guide: the tag builder makes the tag from the catalog and previews it', async () => {
  const { page, errors } = await docs('guides-web-editors--docs');
  const builder = page.locator('.fokus-tag-builder');
  await builder.locator('[data-testid=tb-tag]').selectOption('comparison-table');
  await builder.locator('[data-testid=tb-indicator]').selectOption('motorisierungsgrad');
  await builder.locator('[data-testid=tb-query]').fill('Uetersen');
  const snippet = builder.locator('pre').first();
  await page.waitForFunction(() =>
    /indicators="motorisierungsgrad"/.test(document.querySelector('.fokus-tag-builder pre')?.textContent ?? ''),
  );
  const code = await snippet.innerText();
  assert.match(
    code,
    /<comparison-table indicators="motorisierungsgrad" level="gemeinde" parent="01056" reference="01056,01" endpoint="https:\/\/daten\.example\.org\/fokus\/"><\/comparison-table>/,
  );
  assert.match(await builder.innerText(), /Uetersen/);
  await page.waitForFunction(
    () =>
      (document.querySelector('.fokus-tag-preview comparison-table') as Element & { __fokusState?: string })
        ?.__fokusState === 'load',
    undefined,
    { timeout: 30000 },
  );
  // the year list comes from the catalog: choosing one adds year="…"
  await builder.locator('[data-testid=tb-year]').selectOption('2020');
  await page.waitForFunction(() =>
    /year="2020"/.test(document.querySelector('.fokus-tag-builder pre')?.textContent ?? ''),
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('data publishers and theming guides render the docs/*.md files', async () => {
  const publishers = await docs('guides-data-publishers--docs');
  const text = await publishers.page.locator('#storybook-docs').innerText();
  assert.match(text, /The data-endpoint format, version 1/);
  assert.match(text, /fokus-data validate/);
  await publishers.page.close();
  const theming = await docs('guides-theming--docs');
  assert.match(await theming.page.locator('#storybook-docs').innerText(), /Dark mode: only when the host page opts in/);
  assert.deepEqual([...publishers.errors, ...theming.errors], []);
  await theming.page.close();
});
