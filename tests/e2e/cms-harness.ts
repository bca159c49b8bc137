/**
 * Shared pieces of the CMS end-to-end tests (WordPress, iframe embed, builder routes,
 * production hosting): a data server that other origins may read (CORS), one sample tag
 * per element, and the check that a widget shows real marks with data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { serve } from '../../src/tools/serve.js';

export interface Origin {
  base: string;
  close: () => Promise<void>;
}

/** The demo endpoint (/data/), the library (/dist/) and the demo pages, readable from any origin. */
export async function startOpenDemo(headers: Record<string, string> = {}): Promise<Origin> {
  const server: Server = await serve({
    port: 0,
    cors: ['*'],
    headers,
    mounts: [
      { prefix: '/data/', dir: 'demo-dist/data' },
      { prefix: '/dist/', dir: 'dist' },
      { prefix: '/', dir: 'demo', cacheControl: 'no-cache' },
    ],
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One tag per element, with attributes that show Kreis Pinneberg data from the demo endpoint. */
export const SAMPLES: Record<string, Record<string, string | true>> = {
  'indicator-chart': { indicator: 'geburtenrate', region: '01056015', compare: '01056,01' },
  'municipality-map': { indicator: 'motorisierungsgrad', level: 'gemeinde', parent: '01056', year: '2024' },
  'comparison-table': {
    indicators: 'geburtenrate,motorisierungsgrad',
    level: 'gemeinde',
    parent: '01056',
    year: '2024',
    reference: '01056,01',
  },
  'indicator-tile': { indicator: 'geburtenrate', region: '01056015' },
  'region-profile': { region: '01056015', 'no-map': true },
  'region-picker': { parent: '01056', include: '01056,01' },
  'indicator-picker': {},
  'year-slider': { indicator: 'geburtenrate' },
};

/**
 * Asserts that the element `selector` on `page` shows real data, not a skeleton or an
 * error: marks for the chart and the map, rows for the table, values for the rest.
 * Returns a short description for failure messages.
 */
export async function assertMarks(page: Page, tag: string, scope = ''): Promise<string> {
  const sel = `${scope} ${tag}`.trim();
  const count = (s: string) => page.locator(`${sel} ${s}`).count();
  const text = async () =>
    (
      await page
        .locator(sel)
        .first()
        .evaluate((el) => (el.shadowRoot ?? el).textContent ?? '')
    ).replace(/\s+/g, ' ');
  const checks: Record<string, () => Promise<[boolean, string]>> = {
    'indicator-chart': async () => {
      const n = await count('svg path, svg line');
      return [n > 0, `${n} svg marks`];
    },
    'municipality-map': async () => {
      const n = await count('path.leaflet-interactive, svg path');
      return [n >= 49, `${n} region paths`];
    },
    'comparison-table': async () => {
      const n = await count('tbody tr');
      return [n >= 49, `${n} table rows`];
    },
    'indicator-tile': async () => {
      const t = await text();
      return [/\d/.test(t) && /Elmshorn/.test(t), t.slice(0, 80)];
    },
    'region-profile': async () => {
      const t = await text();
      return [/Elmshorn/.test(t) && /\d/.test(t), t.slice(0, 80)];
    },
    'region-picker': async () => {
      const n = await count('input, select');
      return [n > 0, `${n} inputs`];
    },
    'indicator-picker': async () => {
      const n = await count('option');
      return [n >= 5, `${n} options`];
    },
    'year-slider': async () => {
      const n = await count('input[type=range]');
      const t = await text();
      return [n === 1 && /20\d\d/.test(t), `${n} sliders, ${t.slice(0, 40)}`];
    },
  };
  const [ok, what] = await checks[tag]();
  if (!ok) throw new Error(`<${tag}> shows no data: ${what}`);
  return what;
}

/** Attributes as the tag's attribute text (booleans bare). */
export function attrText(attrs: Record<string, string | true>): string {
  return Object.entries(attrs)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${v}"`))
    .join('');
}

export interface BlankHost extends Origin {
  /** Registers a page whose body is `html`; returns its path (without the leading slash). */
  add: (html: string, head?: string) => string;
}

/**
 * A blank host page on its own origin (like an editor's site): each registered page is
 * `<!doctype html>` with the given head and body and nothing else.
 */
export async function startBlankHost(): Promise<BlankHost> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const body = pages.get((req.url ?? '/').slice(1));
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    add: (html, head = '') => {
      const id = `page-${pages.size + 1}`;
      pages.set(
        id,
        `<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>Leere Seite</title>\n<link rel="icon" href="data:,">\n${head}\n</head>\n<body>\n${html}\n</body>\n</html>\n`,
      );
      return id;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens the builder, chooses `element` (and a Gemeinden scope), returns each route's code and line. */
export async function builderRoutes(
  page: Page,
  base: string,
  element: string,
): Promise<Record<string, { code: string; who: string }>> {
  await page.goto(`${base}/builder.html`);
  await page.waitForFunction(() => document.querySelectorAll('#indicator option').length > 3);
  await page.selectOption('#element', element);
  await page.waitForFunction(
    (tag) => document.querySelector('[data-route=loader] code')?.textContent?.includes(`<${tag}`),
    element,
  );
  return page.$$eval('[data-route]', (cards) =>
    Object.fromEntries(
      cards.map((c) => [
        (c as HTMLElement).dataset.route!,
        { code: c.querySelector('code')!.textContent!, who: c.querySelector('.who')!.textContent! },
      ]),
    ),
  );
}

/**
 * Like harness.ts' waitForWidgets, but looks at the page's own (light DOM) elements only,
 * also when reading the states: a region-profile holds an indicator-chart in its shadow
 * root, which a piercing selector would find before it has loaded.
 */
export async function waitForPageWidgets(page: Page, selector: string, timeout = 30000): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)] as (Element & { __fokusState?: string })[];
      return els.length > 0 && els.every((el) => el.__fokusState);
    },
    selector,
    { timeout },
  );
  const failed = await page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)]
        .map((el) => `${el.localName}: ${(el as Element & { __fokusState?: string }).__fokusState}`)
        .filter((s) => !s.endsWith('load')),
    selector,
  );
  if (failed.length) throw new Error(`widgets did not load: ${failed.join(', ')}`);
}
