// Cross-browser run of the demo pages: Chromium (playwright-core), Firefox ESR (puppeteer-core
// over WebDriver BiDi) and WebKitGTK (WebKitWebDriver + MiniBrowser under xvfb-run, driven with
// selenium-webdriver). On every page each widget draws real marks inside its shadow root, one
// real pointer or keyboard interaction does what it should, and nothing lands in the console.
//
// WebKit's driver has no BiDi, so the console cannot be read from outside: the test server puts
// a small recorder script first into every page (served from 'self', so the strict CSP allows
// it). It notes console errors, uncaught errors, failed resource loads, unhandled rejections,
// CSP violations and widget errors, in all three browsers alike; where the driver can read the
// console too (Chromium, Firefox), that is checked as well.
//
// A browser missing here is reported and its test skipped; with CI set (.ci/run sets it) it fails.
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { createHandler } from '../../src/tools/serve.js';
// @ts-expect-error plain JS helper without types
import { findChrome, CHROME_ARGS } from '../../scripts/find-chrome.js';
import { DEMO_MOUNTS, RECORD_STATES, STRICT_CSP } from './harness.js';
import { COUNT_MARKS, DEMO_PAGES, WIDGETS } from './pages.js';

const CI = !['', '0', 'false'].includes(process.env.CI ?? '');
const TIMEOUT = 30_000;
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const VIEWPORT = { width: 1280, height: 900 };

/** First script of every page: records what would show up as an error in the console. */
const RECORDER = `
  window.__problems = [];
  (() => {
    const note = (text) => window.__problems.push(text);
    const error = console.error;
    console.error = function (...args) {
      note('console.error: ' + args.map(String).join(' '));
      return error.apply(this, args);
    };
    window.addEventListener('error', (e) => {
      const t = e.target;
      if (t && t !== window) note('failed to load: ' + (t.src || t.href || t.localName));
      else note('uncaught: ' + e.message);
    }, true);
    window.addEventListener('unhandledrejection', (e) => note('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
    document.addEventListener('securitypolicyviolation', (e) => note('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    document.addEventListener('fokus-error', (e) => note('fokus-error: ' + e.composedPath()[0].localName + ' ' + (e.detail && e.detail.message)), true);
  })();
  ${RECORD_STATES}
`;

/**
 * A page whose chart code is served from `/<mode>/dist/`: under `/hold/` the chart's chunk is
 * never answered (the reader leaves while it loads), under `/fail/` it is a 404 (a real failure).
 */
const LOADER_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Laden</title>
<script type="module" src="dist/fokus-widgets.js" data-fokus-endpoint="/data/"></script></head>
<body><main><h1>Laden</h1><indicator-chart indicator="geburtenrate" region="01056015"></indicator-chart></main></body></html>`;
const CHART_CHUNK = '/dist/elements/indicator-chart.js';

/** Chart chunk requests held open by the `/hold/` pages (answered when the server closes). */
const held = new Set<ServerResponse>();
let heldCount = 0;

/** Serves the built demo under the strict CSP, with the recorder as the first script of each page. */
async function startProbedDemo(): Promise<{ base: string; close: () => Promise<void> }> {
  const headers = { 'Content-Security-Policy': STRICT_CSP };
  const handler = createHandler({
    headers,
    mounts: DEMO_MOUNTS,
  });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const send = (type: string, body: string) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    };
    if (page === '__recorder.js') return send('text/javascript; charset=utf-8', RECORDER);
    const mode = /^(hold|fail)\//.exec(page)?.[1];
    if (mode) {
      const rest = url.pathname.slice(mode.length + 1);
      if (rest === '/leave.html')
        return send(
          'text/html; charset=utf-8',
          LOADER_PAGE.replace('<head>', '<head><script src="/__recorder.js"></script>'),
        );
      if (rest === CHART_CHUNK && mode === 'hold') {
        heldCount++;
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      if (rest === CHART_CHUNK) {
        res.statusCode = 404;
        res.end();
        return;
      }
      req.url = rest + url.search;
    }
    if (/^[\w-]+\.html$/.test(page)) {
      readFile(path.join('demo', page), 'utf8').then(
        (html) =>
          send('text/html; charset=utf-8', html.replace('<head>', '<head>\n<script src="/__recorder.js"></script>')),
        () => {
          res.statusCode = 404;
          res.end();
        },
      );
      return;
    }
    handler(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What the test needs from a browser, whichever driver is behind it. */
interface Driver {
  /** Opens a page; `dom`: returns at DOMContentLoaded (a page whose load never ends). */
  open(url: string, wait?: 'dom'): Promise<void>;
  /** Evaluates a JavaScript expression in the page (no promises). */
  value<T>(expression: string): Promise<T>;
  /** Resolves once the expression is truthy in the page. */
  until(expression: string, what: string): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Problems the driver itself saw in the console (empty where it cannot read it). */
  consoleProblems(): string[];
  /** The driver reads the console itself (it sees what a page logs while it is left). */
  readsConsole: boolean;
  close(): Promise<void>;
}

/**
 * Asks the page until the expression is truthy. (The drivers' own wait helpers compile the
 * expression inside the page, which the strict CSP forbids; evaluating from outside is allowed.)
 */
async function poll(evaluate: (e: string) => Promise<unknown>, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while (!(await evaluate(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function chromiumDriver(): Promise<Driver> {
  const browser = await chromium.launch({ executablePath: findChrome() as string, args: CHROME_ARGS as string[] });
  const page = await browser.newPage({ viewport: VIEWPORT });
  const seen: string[] = [];
  page.on('console', (m) => m.type() === 'error' && seen.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return {
    open: async (url, wait) => void (await page.goto(url, wait ? { waitUntil: 'domcontentloaded' } : {})),
    value: (expression) => page.evaluate(expression),
    until: (expression, what) => poll((e) => page.evaluate(e), expression, what),
    click: (x, y) => page.mouse.click(x, y),
    consoleProblems: () => seen.splice(0),
    readsConsole: true,
    close: () => browser.close(),
  };
}

async function firefoxDriver(): Promise<Driver> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const seen: string[] = [];
  page.on('console', (m) => m.type() === 'error' && seen.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => seen.push(`pageerror: ${String(e)}`));
  return {
    open: async (url, wait) => void (await page.goto(url, wait ? { waitUntil: 'domcontentloaded' } : {})),
    value: (expression) => page.evaluate(expression) as never,
    until: (expression, what) => poll((e) => page.evaluate(e), expression, what),
    click: (x, y) => page.mouse.click(x, y),
    consoleProblems: () => seen.splice(0),
    readsConsole: true,
    close: () => browser.close(),
  };
}

/** A free localhost port for the WebKit driver (it has no port 0 of its own). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

async function webkitDriver(): Promise<Driver> {
  const port = await freePort();
  // its own process group: xvfb-run, Xvfb, the driver and MiniBrowser end together
  const proc: ChildProcess = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1400x1000x24', WEBKIT_DRIVER, `--port=${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<never>((_, reject) =>
    proc.once('exit', (code) => reject(new Error(`WebKitWebDriver exited (${code}): ${stderr}`))),
  );
  exited.catch(() => {});
  const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  /** Ends the driver, so that xvfb-run stops its Xvfb and removes its temp files; else ends the group. */
  const stop = async () => {
    const signal = (pid: number, group = false) => {
      try {
        process.kill(group ? -pid : pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const children = spawnSync('pgrep', ['-P', String(proc.pid)], { encoding: 'utf8' }).stdout;
    for (const pid of children.split('\n').filter(Boolean)) signal(Number(pid));
    const timer = setTimeout(() => signal(proc.pid!, true), 5000);
    await gone;
    clearTimeout(timer);
  };
  let driver: WebDriver;
  try {
    // the driver listens once its status answers
    await Promise.race([
      exited,
      (async () => {
        for (;;) {
          try {
            if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      })(),
    ]);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver
      .manage()
      .window()
      .setRect({ x: 0, y: 0, ...VIEWPORT });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    open: (url) => driver.get(url),
    value: (expression) => driver.executeScript(`return (${expression});`),
    until: (expression, what) => poll((e) => driver.executeScript(`return (${e});`), expression, what),
    click: (x, y) =>
      driver
        .actions({ async: true })
        .move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' as never })
        .click()
        .perform(),
    consoleProblems: () => [],
    readsConsole: false,
    close: async () => {
      try {
        await driver.quit();
      } finally {
        await stop();
      }
    },
  };
}

/** Page expression: the centre of `inner` in the shadow root of `host`, scrolled into view, if it is hit there. */
const pointOf = (host: string, inner: string) => `(() => {
  const h = document.querySelector(${JSON.stringify(host)});
  const el = h && h.shadowRoot && h.shadowRoot.querySelector(${JSON.stringify(inner)});
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = h.shadowRoot.elementFromPoint(x, y);
  return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
})()`;

/** Page expression: a point inside some region of the map (its shape, not a hole or the inset frame). */
const regionPoint = (host: string) => `(() => {
  const h = document.querySelector(${JSON.stringify(host)});
  const root = h.shadowRoot;
  root.querySelector('.map').scrollIntoView({ block: 'center' });
  for (const p of root.querySelectorAll('path.leaflet-interactive')) {
    const r = p.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (r.width > 10 && r.height > 10 && root.elementFromPoint(x, y) === p) return { x, y };
  }
  return null;
})()`;

interface Interaction {
  what: string;
  /** Page expression giving the point to click (null while it is not there). */
  point: string;
  /** Page expression that is truthy once the interaction had its effect. */
  done: string;
}

const SORT = 'button.sort[data-sort]:not([data-sort="name"])';
const sortDone = (host: string) =>
  `document.querySelector(${JSON.stringify(host)}).shadowRoot.querySelector('th[aria-sort] ${SORT}')`;
const TABLE_TOGGLE = 'button[aria-controls="table"]';
const tableShown = (host: string) =>
  `(() => { const r = document.querySelector(${JSON.stringify(host)}).shadowRoot;
     return r.querySelector('${TABLE_TOGGLE}[aria-expanded="true"]') && r.querySelectorAll('table tbody tr').length > 0; })()`;

const INTERACTIONS: Record<string, Interaction> = {
  'index.html': {
    what: 'sort the table by its first indicator',
    point: pointOf('comparison-table', SORT),
    done: sortDone('comparison-table'),
  },
  'dashboard.html': {
    what: 'choose the topic "Bevölkerung": chart and table follow',
    point: `(() => { const b = [...document.querySelectorAll('#topics button')].find((b) => b.textContent.trim() === 'Bevölkerung');
      if (!b) return null; const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    done: `(() => { const c = document.querySelector('indicator-chart');
      return c.indicator !== 'geburtenrate' && document.querySelector('#table').indicators.startsWith(c.indicator) && c.__fokusState === 'load'; })()`,
  },
  'kreis.html': {
    what: 'click a Gemeinde on the map: it is selected',
    point: regionPoint('municipality-map'),
    done: `/^01056\\d{3}$/.test(document.querySelector('municipality-map').selected)`,
  },
  'elmshorn.html': {
    what: 'show the chart as a table',
    point: pointOf('indicator-chart', TABLE_TOGGLE),
    done: tableShown('indicator-chart'),
  },
  'land.html': {
    what: 'click a Kreis on the map: the table highlights it',
    point: regionPoint('municipality-map'),
    done: `(() => { const s = document.querySelector('municipality-map').selected;
      return /^01\\d{3}$/.test(s) && document.querySelector('comparison-table').selected === s; })()`,
  },
  'table-only.html': {
    what: 'sort the table by its first indicator',
    point: pointOf('comparison-table', SORT),
    done: sortDone('comparison-table'),
  },
  'csp-chart.html': {
    what: 'show the chart as a table',
    point: pointOf('indicator-chart', TABLE_TOGGLE),
    done: tableShown('indicator-chart'),
  },
  'csp-map.html': {
    what: 'click a Gemeinde on the map: it is selected',
    point: regionPoint('municipality-map'),
    done: `/^01056\\d{3}$/.test(document.querySelector('municipality-map').selected)`,
  },
  'view.html': {
    what: 'open the tab "Diagramm": the chart loads in it',
    point: pointOf('indicator-view', '#tab-chart'),
    done: `(() => { const c = document.querySelector('indicator-view').shadowRoot.querySelector('indicator-chart');
      return c && c.__fokusState === 'load'; })()`,
  },
  'stadtteile.html': {
    what: 'click a Stadtteil on the map: it is selected',
    point: regionPoint('municipality-map'),
    done: `/^01056015-\\d{2}$/.test(document.querySelector('municipality-map').selected)`,
  },
  'builder.html': {
    what: 'untick "Schleswig-Holstein": the snippet and the preview follow',
    point: `(() => { const i = document.querySelector('input[name="compare"][value="01"]'); i.scrollIntoView({ block: 'center' });
      const r = i.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    done: `(() => { const c = document.querySelector('#preview indicator-chart');
      return document.getElementById('snippet').textContent.includes('compare="01056"') && c && c.getAttribute('compare') === '01056'; })()`,
  },
};

/** Page expression: every widget on the page has reported load or error. */
const SETTLED = `[...document.querySelectorAll(${JSON.stringify(WIDGETS)})].every((el) => el.__fokusState)`;

async function checkPage(driver: Driver, base: string, file: string): Promise<void> {
  const interaction = INTERACTIONS[file];
  assert.ok(interaction, `no interaction defined for ${file}`);
  await driver.open(`${base}/${file}`);
  const problems = async () => [...((await driver.value<string[]>('window.__problems || ["recorder missing"]')) ?? [])];
  const fail = async (step: string, error: unknown) => {
    throw new Error(`${file}: ${step}: ${(error as Error).message}; problems: ${JSON.stringify(await problems())}`);
  };
  // A page may replace a widget after it settled (the builder redraws its preview once its
  // endpoint list is known): states and marks are read in one evaluation, again until no
  // widget is new, so a replacement between the two readings cannot count as "no marks".
  let states: string[] = [];
  let marks: string[] = [];
  for (let round = 0; round < 5; round++) {
    await driver.until(SETTLED, 'the widgets').catch((e) => fail('widgets did not settle', e));
    [states, marks] = (await driver.value<[string[], string[]]>(
      `[[...document.querySelectorAll(${JSON.stringify(WIDGETS)})].map((el) => el.localName + ': ' + el.__fokusState), ${COUNT_MARKS}]`,
    )) ?? [[], []];
    if (!states.some((s) => s.endsWith(': undefined'))) break;
  }
  assert.deepEqual(
    states.filter((s) => !s.endsWith(': load')),
    [],
    `${file}: every widget loads (${JSON.stringify(await problems())})`,
  );
  assert.ok(marks.length > 0, `${file}: no widgets found`);
  const empty = marks.filter((m) => Number(m.split('=').pop()) < 1);
  assert.deepEqual(empty, [], `${file}: widgets without marks (${marks.join(', ')})`);

  // one real interaction
  await driver.until(interaction.point, `a point to click on ${file}`).catch((e) => fail(interaction.what, e));
  const point = await driver.value<{ x: number; y: number }>(interaction.point);
  await driver.click(point.x, point.y);
  await driver.until(interaction.done, interaction.what).catch((e) => fail(interaction.what, e));
  await driver.until(SETTLED, 'the widgets after the interaction');

  assert.deepEqual([...(await problems()), ...driver.consoleProblems()], [], `${file}: console stays clean`);
}

/**
 * Leaving a page while a widget's code is still loading is no error (Firefox rejects the
 * pending import then); a chunk that fails on a page that stays is still reported.
 */
async function checkLeaving(driver: Driver, base: string): Promise<void> {
  driver.consoleProblems();
  const before = heldCount;
  await driver.open(`${base}/hold/leave.html`, 'dom');
  const deadline = Date.now() + TIMEOUT;
  while (heldCount === before) {
    if (Date.now() > deadline) throw new Error('the chart chunk was never requested');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // leave while the chunk loads; the next page settles, so the old one is gone by then
  await driver.open(`${base}/csp-chart.html`);
  await driver.until(SETTLED, 'the chart on the next page');
  assert.deepEqual(driver.consoleProblems(), [], 'leaving a loading page logs nothing');

  await driver.open(`${base}/fail/leave.html`);
  await driver.until(
    `window.__problems.some((p) => p.includes('<indicator-chart> could not be loaded'))`,
    'the report of a chunk that failed',
  );
  assert.ok(
    driver.consoleProblems().some((p) => p.includes('<indicator-chart> could not be loaded')),
    'the driver sees the report too',
  );
}

let demo: { base: string; close: () => Promise<void> };
before(async () => {
  demo = await startProbedDemo();
});
after(async () => {
  await demo?.close();
});

/** Runs every demo page in one browser, or says clearly why it cannot (and fails in CI). */
async function runBrowser(t: TestContext, name: string, missing: string | null, start: () => Promise<Driver>) {
  if (missing) {
    const message = `${name} not available here: ${missing}`;
    if (CI) assert.fail(`${message} (CI must run every browser)`);
    console.log(`SKIPPED: ${message}`);
    t.skip(message);
    return;
  }
  const driver = await start();
  try {
    // the recorder must see what it is meant to see, else a clean console would prove nothing:
    // a console error and an inline style the strict CSP blocks
    await driver.open(`${demo.base}/csp-chart.html`);
    await driver.until(SETTLED, 'the chart');
    await driver.value(
      `(console.error('recorder probe'), document.body.setAttribute('style', 'outline: 1px solid red'), 0)`,
    );
    await driver.until(`window.__problems.some((p) => p.startsWith('CSP violation: style-src'))`, 'the CSP violation');
    assert.deepEqual(
      await driver.value<string[]>('window.__problems'),
      ['console.error: recorder probe', 'CSP violation: style-src-attr inline'],
      `${name}: the recorder sees console errors and CSP violations`,
    );
    driver.consoleProblems();
    for (const { path: file } of DEMO_PAGES) {
      await t.test(file, () => checkPage(driver, demo.base, file));
    }
    if (driver.readsConsole) await t.test('leaving while a chart loads', () => checkLeaving(driver, demo.base));
  } finally {
    await driver.close();
  }
}

const need = (file: string, advice: string) => (existsSync(file) ? null : `${file} is missing (${advice})`);

test('Chromium: every demo page renders its widgets, reacts to one interaction, logs no error', (t) =>
  runBrowser(t, 'Chromium', null, chromiumDriver));

test('Firefox ESR: every demo page renders its widgets, reacts to one interaction, logs no error', (t) =>
  runBrowser(t, 'Firefox ESR', need(FIREFOX, 'apt-get install firefox-esr'), firefoxDriver));

test('WebKitGTK: every demo page renders its widgets, reacts to one interaction, logs no error', (t) =>
  runBrowser(
    t,
    'WebKitGTK',
    need(WEBKIT_DRIVER, 'apt-get install webkit2gtk-driver') ??
      need(MINIBROWSER, 'apt-get install webkit2gtk-driver') ??
      need('/usr/bin/xvfb-run', 'apt-get install xvfb'),
    webkitDriver,
  ));
