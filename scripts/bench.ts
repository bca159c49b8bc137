/**
 * `npm run bench`: size, speed and scale of the three elements, side by side with
 * baselines measured in the same run, in headless Chromium (playwright-core, the system
 * Chromium) against endpoints served on localhost. Prints one table and writes
 * bench/results.json and bench/RESULTS.md (with the machine the numbers came from).
 *
 * What it measures (see bench/RESULTS.md for the table):
 * - Bytes: scripts/size.js (module graph of dist/) plus what Chromium actually loaded.
 * - Time from navigation to the first complete render (the last `fokus-load`, then the
 *   next paint) of each element, and of the baselines (plain vega-embed with the spec the
 *   chart builds, plain Leaflet with its canvas renderer and the same GeoJSON, a plain
 *   HTML table): median, min and max of `--runs` runs (default 5), and our/baseline ratio.
 * - Scale: map with 49 / 1,112 / ~11,300 polygons, table with 1,112 / ~11,300 rows (plus
 *   the longest task while scrolling), chart with 49 series x 15 years; JS heap after GC.
 * - Network: requests per URL of a page with 20 widgets over 5 indicators.
 * - Lifecycle: heap after 50 mount/unmount cycles of each element vs after the first.
 *
 * Needs dist/ (`npm run build`, or pass `--build`). Builds the demo endpoint when missing
 * and generates the German endpoint into a temporary folder on every run.
 *
 * Options: --runs N (default 5), --cycles N (default 50), --only a,b (case ids),
 * --skip bytes,timing,network,lifecycle, --build, --no-write (do not touch bench/).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, RECORD_STATES, waitForWidgets, watchProblems } from '../tests/e2e/harness.js';
import { serve } from '../src/tools/serve.js';
import { buildDemoEndpoint } from './build-demo-data.js';
import { germanyEndpoint } from './bench/germany.js';
import { describeMachine, type Machine } from './bench/machine.js';
import { fmtRatio, fmtSummary, KiB, mdTable, MiB, summarize, textTable, type Summary } from './bench/stats.js';

// ---------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('runs') ?? 5));
const CYCLES = Math.max(2, Number(opt('cycles') ?? 50));
const ONLY = opt('only')?.split(',');
const SKIP = new Set(opt('skip')?.split(',') ?? []);
const WRITE = !argv.includes('--no-write');
/** Hard limit of the whole run: a stuck page must not keep the machine busy. */
const DEADLINE = Date.now() + 20 * 60_000;
const PAGE_TIMEOUT = 90_000;

const BASELINES = '.cache/bench/baselines';

function checkDeadline(): void {
  if (Date.now() > DEADLINE) throw new Error('benchmark exceeded its 20-minute limit');
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------
// Cases

type Kind = 'chart' | 'map' | 'table';

interface Case {
  id: string;
  label: string;
  kind: Kind;
  page: string;
  baseline: string;
  /** Expected number of fokus-load events on the page. */
  widgets: number;
  scroll?: boolean;
  /** Goal on the ratio our/baseline. */
  ratioGoal?: number;
}

const SH_TABLE = 'indicators=geburtenrate,motorisierungsgrad,anteil-65plus&year=2024&level=gemeinde';

function cases(): Case[] {
  const all: Case[] = [
    {
      id: 'chart',
      label: 'chart: 3 lines x 15 years',
      kind: 'chart',
      page: 'chart.html',
      widgets: 1,
      ratioGoal: 1.1,
      baseline: 'baseline-vega.html?indicator=geburtenrate&region=01056015&compare=01056,01',
    },
    {
      id: 'chart-49',
      label: 'chart: 49 series x 15 years',
      kind: 'chart',
      page: 'chart-49.html',
      widgets: 1,
      ratioGoal: 1.1,
      baseline: 'baseline-vega.html?indicator=geburtenrate&level=gemeinde&parent=01056',
    },
    {
      id: 'map-49',
      label: 'map: 49 polygons',
      kind: 'map',
      page: 'map-49.html',
      widgets: 1,
      baseline: 'baseline-leaflet.html?geo=geo/gemeinde-01056.topo.json&indicator=motorisierungsgrad&year=2024',
    },
    {
      id: 'map-1112',
      label: 'map: 1,112 polygons (SH)',
      kind: 'map',
      page: 'map-1112.html',
      widgets: 1,
      ratioGoal: 1.1,
      baseline: 'baseline-leaflet.html?geo=geo/gemeinde.topo.json&indicator=motorisierungsgrad&year=2024',
    },
    {
      id: 'map-de',
      label: 'map: ~11,300 polygons (DE)',
      kind: 'map',
      page: 'map-de.html',
      widgets: 1,
      baseline: 'baseline-leaflet.html?endpoint=/de/&geo=geo/gemeinde.topo.json&indicator=motorisierungsgrad&year=2024',
    },
    {
      id: 'table',
      label: 'table: 49 rows x 3 indicators',
      kind: 'table',
      page: 'table.html',
      widgets: 1,
      baseline: `baseline-table.html?${SH_TABLE}&parent=01056`,
    },
    {
      id: 'table-1112',
      label: 'table: 1,112 rows',
      kind: 'table',
      page: 'table-1112.html',
      widgets: 1,
      scroll: true,
      baseline: `baseline-table.html?${SH_TABLE}`,
    },
    {
      id: 'table-de',
      label: 'table: ~11,300 rows (DE)',
      kind: 'table',
      page: 'table-de.html',
      widgets: 1,
      scroll: true,
      baseline: `baseline-table.html?endpoint=/de/&${SH_TABLE}`,
    },
  ];
  return ONLY ? all.filter((c) => ONLY.includes(c.id)) : all;
}

// ---------------------------------------------------------------------------------
// Page instrumentation

/** Before page scripts: time of each fokus-load and of the paint after it; longest task. */
const ELEMENT_TIMING = `
  window.__benchLoads = [];
  window.__benchLongest = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongest = Math.max(window.__benchLongest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('fokus-load', (e) => {
    const el = e.composedPath()[0];
    const done = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.__benchLoads.push({ tag: el.localName, done, painted: performance.now(), count: e.detail && e.detail.count });
    }, 0));
  }, true);
  document.addEventListener('fokus-error', (e) => {
    window.__benchError = (e.composedPath()[0].localName || '') + ': ' + (e.detail && e.detail.message);
  }, true);
`;

interface Sample {
  /** ms from navigation start to the complete result (fokus-load / baseline done). */
  done: number;
  /** ms from navigation start to the paint after it. */
  painted: number;
  /** Longest task (>= 50 ms, else 0) from navigation to painted. */
  longestTask: number;
  heapMiB: number;
  nodes: number;
  count?: number;
  scroll?: ScrollResult;
}

interface ScrollResult {
  steps: number;
  longTasks: number;
  longestTask: number;
  longestFrame: number;
  rowsRendered: number;
}

async function metrics(context: BrowserContext, page: Page): Promise<Record<string, number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

class Bench {
  base = '';
  problems: string[] = [];
  /** `root` holds the dist/ snapshot. */
  constructor(
    readonly browser: Browser,
    readonly root: string,
  ) {}

  async withPage<T>(fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    checkDeadline();
    const context = await this.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const problems = watchProblems(page);
    // tsx (esbuild keepNames) wraps named functions in __name(); functions passed to
    // page.evaluate carry that call into the page.
    await page.addInitScript('globalThis.__name = (f) => f;');
    try {
      return await fn(page, context);
    } finally {
      for (const p of problems)
        if (!this.problems.includes(`${page.url()}: ${p}`)) this.problems.push(`${page.url()}: ${p}`);
      await context.close();
    }
  }

  /** Loads an element page; resolves after every widget's fokus-load has been painted. */
  element(file: string, widgets: number, scroll = false): Promise<Sample> {
    return this.withPage(async (page, context) => {
      await page.addInitScript(RECORD_STATES);
      await page.addInitScript(ELEMENT_TIMING);
      await page.goto(`${this.base}/bench/${file}`);
      await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table', PAGE_TIMEOUT);
      await page.waitForFunction(
        (n) => (window as unknown as { __benchLoads: unknown[] }).__benchLoads.length >= n,
        widgets,
      );
      const r = await page.evaluate(() => {
        const w = window as unknown as {
          __benchLoads: { done: number; painted: number; count?: number }[];
          __benchLongest: number;
        };
        return {
          done: Math.max(...w.__benchLoads.map((l) => l.done)),
          painted: Math.max(...w.__benchLoads.map((l) => l.painted)),
          count: w.__benchLoads[0]?.count,
          longestTask: w.__benchLongest,
        };
      });
      const m = await metrics(context, page);
      const sample: Sample = { ...r, heapMiB: m.JSHeapUsedSize! / MiB, nodes: m.Nodes! };
      if (scroll) sample.scroll = await scrollTest(page, 'comparison-table');
      return sample;
    });
  }

  /** Loads a baseline page; resolves after its result has been painted. */
  baseline(file: string, scroll = false): Promise<Sample & { spec?: string }> {
    return this.withPage(async (page, context) => {
      await page.addInitScript(ELEMENT_TIMING);
      await page.goto(`${this.base}/bench/${file}`);
      await page.waitForFunction(() => {
        const w = window as unknown as { __bench?: unknown; __benchError?: string };
        if (w.__benchError) throw new Error(w.__benchError);
        return !!w.__bench;
      });
      const r = await page.evaluate(() => {
        const w = window as unknown as {
          __bench: { done: number; painted: number; count: number; spec?: string };
          __benchLongest: number;
        };
        return { ...w.__bench, longestTask: w.__benchLongest };
      });
      const m = await metrics(context, page);
      const sample: Sample & { spec?: string } = {
        done: r.done,
        painted: r.painted,
        count: r.count,
        longestTask: r.longestTask,
        heapMiB: m.JSHeapUsedSize! / MiB,
        nodes: m.Nodes!,
        spec: r.spec,
      };
      if (scroll) sample.scroll = await scrollTest(page, null);
      return sample;
    });
  }
}

/**
 * Scrolls the table from top to bottom in 40 jumps, then 40 wheel-sized steps of 120 px
 * back up from the middle, waiting two frames after each; reports long tasks (>= 50 ms,
 * PerformanceObserver 'longtask') and the longest frame (rAF to rAF) meanwhile.
 */
async function scrollTest(page: Page, host: string | null): Promise<ScrollResult> {
  return page.evaluate(async (hostTag) => {
    const root = hostTag ? document.querySelector(hostTag)!.shadowRoot! : null;
    const scroller = (root ? root.querySelector<HTMLElement>('.scroller') : document.scrollingElement) as HTMLElement;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    let longestFrame = 0;
    let last = performance.now();
    let running = true;
    const tick = (t: number) => {
      longestFrame = Math.max(longestFrame, t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    await frames();
    const max = scroller.scrollHeight - scroller.clientHeight;
    let steps = 0;
    let rowsRendered = 0;
    const count = () => (root ?? document).querySelectorAll('tbody tr').length;
    for (let i = 1; i <= 40; i++) {
      scroller.scrollTop = (max * i) / 40;
      await frames();
      rowsRendered = Math.max(rowsRendered, count());
      steps++;
    }
    scroller.scrollTop = max / 2;
    await frames();
    for (let i = 0; i < 40; i++) {
      scroller.scrollTop -= 120;
      await frames();
      steps++;
    }
    await new Promise((r) => setTimeout(r, 100));
    running = false;
    observer.disconnect();
    return { steps, longTasks: tasks.length, longestTask: Math.max(0, ...tasks), longestFrame, rowsRendered };
  }, host);
}

// ---------------------------------------------------------------------------------
// Parts

interface SizeRow {
  files: number;
  min: number;
  gzip: number;
  br: number;
}

interface BytesResult {
  sizeJs: Record<string, SizeRow>;
  sizeExit: number;
  sizeOutput: string;
  browser: Record<string, { files: number; decoded: number; transferred: number; scripts: string[] }>;
  /** gzip -9 bytes of every file of dist/ a page loaded. */
  files: Record<string, number>;
  baselines: Record<string, { min: number; gzip: number }>;
}

async function bytes(bench: Bench): Promise<BytesResult> {
  // scripts/size.js reads dist/ below its working directory: run it on the snapshot.
  const r = spawnSync(process.execPath, [path.resolve('scripts/size.js'), '--json'], {
    encoding: 'utf8',
    cwd: bench.root,
  });
  const lines = r.stdout.trim().split('\n');
  const json = lines.find((l) => l.startsWith('{'));
  if (!json) throw new Error(`scripts/size.js printed no JSON:\n${r.stdout}\n${r.stderr}`);
  const pages: Record<string, [string, number]> = {
    loader: ['loader.html', 0],
    table: ['table.html', 1],
    chart: ['chart.html', 1],
    map: ['map-49.html', 1],
    all: ['all.html', 3],
  };
  const browser: BytesResult['browser'] = {};
  for (const [name, [file, widgets]] of Object.entries(pages)) {
    browser[name] = await bench.withPage(async (page) => {
      await page.addInitScript(RECORD_STATES);
      await page.goto(`${bench.base}/bench/${file}`);
      if (widgets) await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table', PAGE_TIMEOUT);
      else await page.waitForTimeout(500);
      return page.evaluate(() => {
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
          (e) => new URL(e.name).pathname.startsWith('/dist/') && e.name.endsWith('.js'),
        );
        return {
          files: scripts.length,
          decoded: scripts.reduce((a, e) => a + e.decodedBodySize, 0),
          transferred: scripts.reduce((a, e) => a + e.encodedBodySize, 0),
          scripts: scripts.map((e) => new URL(e.name).pathname),
        };
      });
    });
  }
  const files: Record<string, number> = {};
  for (const l of Object.values(browser))
    for (const p of l.scripts)
      files[p.slice('/dist/'.length)] ??= gzipSync(readFileSync(path.join(bench.root, p)), { level: 9 }).length;
  const baselines: BytesResult['baselines'] = {};
  for (const name of ['vega', 'leaflet', 'table']) {
    const code = readFileSync(path.join(BASELINES, `${name}.js`));
    baselines[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return {
    sizeJs: JSON.parse(json) as Record<string, SizeRow>,
    sizeExit: r.status ?? 1,
    sizeOutput: lines.filter((l) => !l.startsWith('{')).join('\n'),
    browser,
    files,
    baselines,
  };
}

interface CaseResult {
  id: string;
  label: string;
  ours: Sample[];
  base: Sample[];
  /** our painted / baseline painted, per run. */
  ratios: number[];
  summary: {
    ours: Summary;
    base: Summary;
    ratio: number;
    heapOurs: Summary;
    heapBase: Summary;
    taskOurs: Summary;
    taskBase: Summary;
  };
  count?: number;
  baseCount?: number;
  notes: string[];
}

/** Chart: the spec the element drew, with its width, so that the baseline draws the same. */
async function chartProbe(bench: Bench, file: string): Promise<{ width: number; spec: string; theme: string }> {
  return bench.withPage(async (page) => {
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${bench.base}/bench/${file}`);
    await waitForWidgets(page, 'indicator-chart', PAGE_TIMEOUT);
    return page.evaluate(() => {
      // Private members of the element, read at run time: the spec it embedded and its theme.
      const el = document.querySelector('indicator-chart') as unknown as HTMLElement & {
        view?: { result?: { spec?: unknown } };
        theme?: () => unknown;
      };
      const spec = el.view?.result?.spec;
      const vega = el.shadowRoot!.querySelector<HTMLElement>('.vega')!;
      return {
        width: vega.clientWidth,
        spec: spec ? JSON.stringify(spec) : '',
        theme: el.theme ? JSON.stringify(el.theme()) : '',
      };
    });
  });
}

/** Map: the size of the element's Leaflet container, so that the baseline map is as large. */
async function mapProbe(bench: Bench, file: string): Promise<{ w: number; h: number }> {
  return bench.withPage(async (page) => {
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${bench.base}/bench/${file}`);
    await waitForWidgets(page, 'municipality-map', PAGE_TIMEOUT);
    return page.evaluate(() => {
      const c = document.querySelector('municipality-map')!.shadowRoot!.querySelector('.leaflet-container')!;
      const r = c.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height) };
    });
  });
}

/** First difference between two JSON texts (path), or '' when equal. */
function jsonDiff(a: unknown, b: unknown, at = '$'): string {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b)) return at;
  if (a && b && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
    for (const k of keys) {
      const d = jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return '';
  }
  return a === b ? '' : at;
}

/** 1-minute load average after each timing run. */
const RUN_LOADS: number[] = [];

async function timing(bench: Bench): Promise<CaseResult[]> {
  const list = cases();
  const results: CaseResult[] = [];
  const baselineUrl = new Map<string, string>();
  const notes = new Map<string, string[]>(list.map((c) => [c.id, []]));
  // Probes (also warm the server's compression caches); not counted.
  for (const c of list) {
    let url = c.baseline;
    if (c.kind === 'chart') {
      const probe = await chartProbe(bench, c.page);
      url += `&width=${probe.width}&theme=${encodeURIComponent(probe.theme)}`;
      const base = await bench.baseline(url);
      const diff =
        probe.spec && base.spec ? jsonDiff(JSON.parse(probe.spec), JSON.parse(base.spec)) : 'spec not readable';
      notes
        .get(c.id)!
        .push(
          diff ? `baseline spec differs from the element's at ${diff}` : "baseline spec identical to the element's",
        );
    } else if (c.kind === 'map') {
      const probe = await mapProbe(bench, c.page);
      url += `&w=${probe.w}&h=${probe.h}`;
      notes.get(c.id)!.push(`map area ${probe.w} x ${probe.h} px in both`);
      await bench.baseline(url);
    } else {
      await bench.element(c.page, c.widgets);
      await bench.baseline(url);
    }
    baselineUrl.set(c.id, url);
    log(`  probe ${c.id} ok`);
  }
  const samples = new Map<string, { ours: Sample[]; base: Sample[] }>(list.map((c) => [c.id, { ours: [], base: [] }]));
  for (let run = 0; run < RUNS; run++) {
    for (const c of list) {
      // Alternate the order so that neither side always runs first.
      const s = samples.get(c.id)!;
      const url = baselineUrl.get(c.id)!;
      if (run % 2 === 0) {
        s.ours.push(await bench.element(c.page, c.widgets, c.scroll));
        s.base.push(await bench.baseline(url, c.scroll));
      } else {
        s.base.push(await bench.baseline(url, c.scroll));
        s.ours.push(await bench.element(c.page, c.widgets, c.scroll));
      }
    }
    RUN_LOADS.push(Math.round(os.loadavg()[0]! * 100) / 100);
    log(`  run ${run + 1}/${RUNS} done (${os.loadavg()[0]!.toFixed(2)} load)`);
  }
  for (const c of list) {
    const { ours, base } = samples.get(c.id)!;
    const ratios = ours.map((o, i) => o.painted / base[i]!.painted);
    const sOurs = summarize(ours.map((s) => s.painted));
    const sBase = summarize(base.map((s) => s.painted));
    results.push({
      id: c.id,
      label: c.label,
      ours,
      base: base.map(({ ...b }) => {
        delete (b as { spec?: string }).spec;
        return b;
      }),
      ratios,
      summary: {
        ours: sOurs,
        base: sBase,
        ratio: sOurs.median / sBase.median,
        heapOurs: summarize(ours.map((s) => s.heapMiB)),
        heapBase: summarize(base.map((s) => s.heapMiB)),
        taskOurs: summarize(ours.map((s) => s.longestTask)),
        taskBase: summarize(base.map((s) => s.longestTask)),
      },
      count: ours[0]?.count,
      baseCount: base[0]?.count,
      notes: notes.get(c.id)!,
    });
  }
  return results;
}

interface NetworkResult {
  widgets: number;
  requests: { url: string; count: number }[];
  total: number;
  duplicates: number;
}

async function network(bench: Bench): Promise<NetworkResult> {
  return bench.withPage(async (page) => {
    const counts = new Map<string, number>();
    page.on('request', (r) => {
      const u = new URL(r.url());
      const key = u.pathname + u.search;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${bench.base}/bench/network.html`);
    await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table', PAGE_TIMEOUT);
    await page.waitForTimeout(500); // late requests (e.g. lazily loaded chunks) would show here
    const widgets = await page.locator('indicator-chart, municipality-map, comparison-table').count();
    const requests = [...counts].map(([url, count]) => ({ url, count })).sort((a, b) => a.url.localeCompare(b.url));
    return {
      widgets,
      requests,
      total: requests.reduce((a, r) => a + r.count, 0),
      duplicates: requests.filter((r) => r.count > 1).length,
    };
  });
}

interface LifecycleResult {
  tag: string;
  cycles: number;
  first: { heapMiB: number; nodes: number; listeners: number };
  last: { heapMiB: number; nodes: number; listeners: number };
  /** Heap after GC (MiB) after n cycles. */
  heapAt: Record<number, number>;
  perCycleKiB: number;
  seconds: number;
}

const LIFECYCLE: { tag: string; attrs: Record<string, string> }[] = [
  { tag: 'indicator-chart', attrs: { indicator: 'geburtenrate', region: '01056015', compare: '01056,01' } },
  {
    tag: 'municipality-map',
    attrs: { indicator: 'motorisierungsgrad', level: 'gemeinde', parent: '01056', year: '2024' },
  },
  {
    tag: 'comparison-table',
    attrs: {
      indicators: 'geburtenrate,motorisierungsgrad,anteil-65plus',
      level: 'gemeinde',
      parent: '01056',
      year: '2024',
      reference: '01056,01',
    },
  },
];

async function lifecycle(bench: Bench): Promise<LifecycleResult[]> {
  const out: LifecycleResult[] = [];
  for (const { tag, attrs } of LIFECYCLE) {
    out.push(
      await bench.withPage(async (page, context) => {
        await page.goto(`${bench.base}/bench/lifecycle.html`);
        const cycle = (n: number) =>
          page.evaluate(
            async ({ tag, attrs, n }) => {
              const stage = document.getElementById('stage')!;
              for (let i = 0; i < n; i++) {
                const el = document.createElement(tag);
                for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
                // Listen before connecting.
                const loaded = new Promise<void>((resolve, reject) => {
                  const timer = setTimeout(() => reject(new Error(`no fokus-load within 20 s (cycle ${i})`)), 20_000);
                  el.addEventListener('fokus-load', () => (clearTimeout(timer), resolve()), { once: true });
                  el.addEventListener(
                    'fokus-error',
                    (e) => (clearTimeout(timer), reject(new Error((e as CustomEvent).detail?.message))),
                    { once: true },
                  );
                });
                stage.append(el);
                await loaded;
                await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
                stage.replaceChildren();
                await new Promise((r) => setTimeout(r, 0));
              }
            },
            { tag, attrs, n },
          );
        const snap = async () => {
          const m = await metrics(context, page);
          return { heapMiB: m.JSHeapUsedSize! / MiB, nodes: m.Nodes!, listeners: m.JSEventListeners! };
        };
        const t0 = Date.now();
        // Heap after GC at checkpoints: the first cycle, some in between, the last.
        const checkpoints = [...new Set([1, 10, 25, CYCLES].filter((c) => c <= CYCLES))].sort((a, b) => a - b);
        const heapAt: Record<number, number> = {};
        let done = 0;
        let first = { heapMiB: 0, nodes: 0, listeners: 0 };
        let last = first;
        for (const c of checkpoints) {
          await cycle(c - done);
          done = c;
          last = await snap();
          if (c === 1) first = last;
          heapAt[c] = last.heapMiB;
        }
        log(`  lifecycle ${tag}: ${checkpoints.map((c) => `${c}: ${heapAt[c]!.toFixed(2)}`).join(', ')} MiB`);
        return {
          tag,
          cycles: CYCLES,
          first,
          last,
          heapAt,
          perCycleKiB: ((last.heapMiB - first.heapMiB) * 1024) / (CYCLES - 1),
          seconds: (Date.now() - t0) / 1000,
        };
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Report

interface Results {
  machine: Machine;
  options: { runs: number; cycles: number };
  endpoints: { de: { gemeinden: number; geometryBytes: number; seconds: number } };
  bytes?: BytesResult;
  timing?: CaseResult[];
  network?: NetworkResult;
  lifecycle?: LifecycleResult[];
  goals: { goal: string; value: string; met: boolean | null }[];
  problems: string[];
  seconds: number;
}

const kib = (n: number) => (n / KiB).toFixed(1);

function goals(r: Results): Results['goals'] {
  const g: Results['goals'] = [];
  const size = r.bytes?.sizeJs;
  if (size?.table)
    g.push({
      goal: 'table page <= 15 KB gzip of script',
      value: `${(size.table.gzip / 1000).toFixed(1)} KB (${kib(size.table.gzip)} KiB)`,
      met: size.table.gzip <= 15000,
    });
  if (size?.chart)
    g.push({
      goal: 'chart page <= 200 KB gzip of script',
      value: `${(size.chart.gzip / 1000).toFixed(1)} KB (${kib(size.chart.gzip)} KiB)`,
      met: size.chart.gzip <= 200000,
    });
  for (const c of r.timing ?? []) {
    const def = cases().find((x) => x.id === c.id);
    if (def?.ratioGoal) {
      const what = def.kind === 'chart' ? 'plain vega-embed, same spec' : 'plain Leaflet canvas';
      g.push({
        goal: `${c.label} <= ${def.ratioGoal}x ${what}`,
        value: fmtRatio(c.summary.ratio),
        met: c.summary.ratio <= def.ratioGoal,
      });
    }
  }
  const de = r.timing?.find((c) => c.id === 'table-de');
  if (de) {
    const worst = Math.max(...de.ours.map((s) => s.scroll?.longestTask ?? 0));
    const n = de.ours.reduce((a, s) => a + (s.scroll?.longTasks ?? 0), 0);
    g.push({
      goal: `${de.count ?? '~11,300'}-row table scrolls with no task over 50 ms`,
      value: n ? `${n} long tasks in ${de.ours.length} runs, longest ${worst.toFixed(0)} ms` : 'no task over 50 ms',
      met: n === 0,
    });
  }
  if (r.network)
    g.push({
      goal: `network page (${r.network.widgets} widgets): one request per URL`,
      value: `${r.network.duplicates} URLs requested more than once`,
      met: r.network.duplicates === 0,
    });
  return g;
}

function tables(r: Results): { title: string; header: string[]; rows: string[][]; note?: string }[] {
  const out: { title: string; header: string[]; rows: string[][]; note?: string }[] = [];
  if (r.bytes) {
    const b = r.bytes;
    out.push({
      title:
        'Bytes of script a page downloads (scripts/size.js from dist/bundle-graph.json; "loaded" = what Chromium fetched from /dist/)',
      header: ['page', 'files', 'min KiB', 'gzip KiB', 'br KiB', 'loaded files', 'loaded KiB', 'on wire (br) KiB'],
      rows: Object.entries(b.sizeJs)
        .map(([name, s]) => {
          const l = b.browser[name];
          return [
            name,
            String(s.files),
            kib(s.min),
            kib(s.gzip),
            kib(s.br),
            l ? String(l.files) : '–',
            l ? kib(l.decoded) : '–',
            l ? kib(l.transferred) : '–',
          ];
        })
        .concat(
          Object.entries(b.baselines).map(([name, s]) => [
            `baseline ${name} (esbuild bundle)`,
            '1',
            kib(s.min),
            kib(s.gzip),
            '–',
            '–',
            '–',
            '–',
          ]),
        ),
      note: b.sizeExit
        ? `scripts/size.js: a budget is exceeded (exit 1):\n${b.sizeOutput
            .split('\n')
            .filter((l) => /OVER|^page/.test(l))
            .join('\n')}`
        : 'scripts/size.js: all budgets met',
    });
    out.push({
      title: 'Script files loaded by the pages, gzip -9 KiB (x = loaded by that page)',
      header: ['file', 'gzip KiB', ...Object.keys(b.browser)],
      rows: Object.entries(b.files)
        .sort((x, y) => y[1] - x[1])
        .map(([file, gz]) => [
          file,
          kib(gz),
          ...Object.values(b.browser).map((l) => (l.scripts.includes(`/dist/${file}`) ? 'x' : '')),
        ]),
    });
  }
  if (r.timing) {
    out.push({
      title: `Navigation to first complete render painted, ms: median (min–max) of ${r.options.runs} runs; ratio = our median / baseline median`,
      header: [
        'case',
        'n',
        'ours ms',
        'baseline ms',
        'ratio',
        'heap ours MiB',
        'heap base MiB',
        'longest task ours ms',
        'longest task base ms',
      ],
      rows: r.timing.map((c) => [
        c.label,
        String(c.count ?? '–'),
        fmtSummary(c.summary.ours),
        fmtSummary(c.summary.base),
        fmtRatio(c.summary.ratio),
        fmtSummary(c.summary.heapOurs, 1),
        fmtSummary(c.summary.heapBase, 1),
        fmtSummary(c.summary.taskOurs),
        fmtSummary(c.summary.taskBase),
      ]),
      note: [
        'Baselines: chart = plain vega-embed (SVG renderer, ast: true, same options) with the spec the element builds, from the same files fetched with plain fetch and modelled with the same pure functions;',
        'map = plain Leaflet with its canvas renderer, the same GeoJSON (topojson-client), 5 quantile colours, same map size; table = a plain DOM table of all rows (name + 3 values).',
        'Ours additionally: loader, Lit, validation of every response, texts/legend/summary/captions; the map also loads and draws the outlines of the level above and looks for insets; the table windows above 200 rows.',
        'Heap = JSHeapUsedSize after GC (DOM nodes are not in it). Longest task: PerformanceObserver longtask during load (only tasks >= 50 ms are reported; 0 = none).',
      ].join('\n'),
    });
    const scrolled = r.timing.filter((c) => c.ours.some((s) => s.scroll));
    if (scrolled.length) {
      out.push({
        title:
          'Scrolling the table (40 jumps top to bottom + 40 steps of 120 px): tasks >= 50 ms and longest frame, all runs',
        header: [
          'case',
          'long tasks ours',
          'longest task ours ms',
          'longest frame ours ms',
          'rows in DOM ours',
          'long tasks base',
          'longest task base ms',
          'longest frame base ms',
        ],
        rows: scrolled.map((c) => {
          const sum = (l: Sample[]) => l.reduce((a, s) => a + (s.scroll?.longTasks ?? 0), 0);
          const mx = (l: Sample[], k: 'longestTask' | 'longestFrame' | 'rowsRendered') =>
            Math.max(...l.map((s) => s.scroll?.[k] ?? 0)).toFixed(0);
          return [
            c.label,
            String(sum(c.ours)),
            mx(c.ours, 'longestTask'),
            fmtSummary(summarize(c.ours.map((s) => s.scroll!.longestFrame))),
            mx(c.ours, 'rowsRendered'),
            String(sum(c.base)),
            mx(c.base, 'longestTask'),
            fmtSummary(summarize(c.base.map((s) => s.scroll!.longestFrame))),
          ];
        }),
      });
    }
  }
  if (r.network) {
    out.push({
      title: `Network: ${r.network.widgets} widgets over 5 indicators, requests per URL (${r.network.total} requests)`,
      header: ['url', 'requests'],
      rows: r.network.requests.map((q) => [q.url, String(q.count) + (q.count > 1 ? '  DUPLICATE' : '')]),
    });
  }
  if (r.lifecycle) {
    out.push({
      title: `Lifecycle: JS heap after GC, after the first and after ${r.options.cycles} mount/unmount cycles`,
      header: [
        'element',
        `heap MiB after ${Object.keys(r.lifecycle[0]?.heapAt ?? {}).join(' / ')} cycles`,
        'growth KiB/cycle (1st to last)',
        'growth KiB/cycle (10th to last)',
        'nodes 1st',
        'nodes last',
        'listeners 1st',
        'listeners last',
        'seconds',
      ],
      rows: r.lifecycle.map((l) => [
        l.tag,
        Object.values(l.heapAt)
          .map((h) => h.toFixed(2))
          .join(' / '),
        l.perCycleKiB.toFixed(1),
        l.heapAt[10] !== undefined && l.cycles > 10
          ? (((l.last.heapMiB - l.heapAt[10]) * 1024) / (l.cycles - 10)).toFixed(1)
          : '–',
        String(l.first.nodes),
        String(l.last.nodes),
        String(l.first.listeners),
        String(l.last.listeners),
        l.seconds.toFixed(1),
      ]),
    });
  }
  if (r.goals.length) {
    out.push({
      title: 'Goals (from issue 8; reported, not tuned for)',
      header: ['goal', 'measured', ''],
      rows: r.goals.map((g) => [g.goal, g.value, g.met === null ? '?' : g.met ? 'met' : 'MISSED']),
    });
  }
  return out;
}

function machineLines(m: Machine): string[] {
  const lines = [
    `CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`,
    `Chromium ${m.chromium} (headless, playwright-core ${m.playwright}); Node ${m.node}`,
    `Date: ${m.date}; load average (1/5/15 min) before ${m.loadBefore.join(' / ')}, after ${m.loadAfter?.join(' / ') ?? '?'}` +
      (m.runLoads?.length ? `; after each timing run ${m.runLoads.join(', ')}` : ''),
  ];
  const worst = Math.max(m.loadBefore[0]!, m.loadAfter?.[0] ?? 0, ...(m.runLoads ?? []));
  if (worst > m.cores)
    lines.push(
      `NOTE: the machine was busy (1-minute load up to ${worst.toFixed(1)} on ${m.cores} cores, other processes): absolute times and long tasks are inflated and noisy; ours and the baseline ran alternately under the same conditions, so the ratios are the more robust figures.`,
    );
  return lines;
}

function printText(r: Results): string {
  const parts = [`fokus-widgets benchmark\n${machineLines(r.machine).join('\n')}`];
  for (const t of tables(r)) parts.push(`${t.title}\n${textTable(t.header, t.rows)}${t.note ? `\n${t.note}` : ''}`);
  for (const c of r.timing ?? []) if (c.notes.length) parts.push(`${c.id}: ${c.notes.join('; ')}`);
  if (r.problems.length) parts.push(`Problems seen in pages:\n${r.problems.map((p) => `  ${p}`).join('\n')}`);
  parts.push(`Done in ${r.seconds.toFixed(0)} s.`);
  return parts.join('\n\n');
}

function markdown(r: Results): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. Synthetic data: the demo',
    'endpoint (Schleswig-Holstein) and an endpoint of all Gemeinden of Germany generated on the fly',
    `(${r.endpoints.de.gemeinden} Gemeinden, ${(r.endpoints.de.geometryBytes / MiB).toFixed(1)} MiB TopoJSON; not committed).`,
    '',
    '## Machine',
    '',
    ...machineLines(r.machine).map((l) => `- ${l}`),
    `- Runs per timing: ${r.options.runs}; lifecycle cycles: ${r.options.cycles}; total ${r.seconds.toFixed(0)} s`,
    '',
  ];
  for (const t of tables(r)) {
    lines.push(`## ${t.title}`, '', mdTable(t.header, t.rows), '');
    if (t.note) lines.push(t.note, '');
  }
  const notes = (r.timing ?? []).filter((c) => c.notes.length);
  if (notes.length) lines.push('## Notes', '', ...notes.map((c) => `- ${c.id}: ${c.notes.join('; ')}`), '');
  if (r.problems.length) lines.push('## Problems seen in pages', '', ...r.problems.map((p) => `- ${p}`), '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------
// Main

async function buildBaselines(): Promise<void> {
  mkdirSync(BASELINES, { recursive: true });
  await esbuild.build({
    entryPoints: {
      vega: 'scripts/bench/baselines/vega.ts',
      leaflet: 'scripts/bench/baselines/leaflet.ts',
      table: 'scripts/bench/baselines/table.ts',
    },
    outdir: BASELINES,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['browser', 'production'],
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
  copyFileSync('node_modules/leaflet/dist/leaflet.css', path.join(BASELINES, 'leaflet.css'));
}

async function main(): Promise<void> {
  const t0 = Date.now();
  if (argv.includes('--build') || !existsSync('dist/bundle-graph.json')) {
    log('building dist/ (npx rollup -c) ...');
    const b = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('rollup build failed');
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fokus-bench-'));
  // A snapshot of dist/: other builds may rewrite dist/ while the benchmark runs.
  const distDir = path.join(tmp, 'dist');
  cpSync('dist', distDir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  log(`dist/ built ${new Date(statSync('dist/bundle-graph.json').mtimeMs).toISOString()}, snapshot in ${distDir}`);
  if (!existsSync('demo-dist/data/catalog.json')) {
    log('building the demo endpoint ...');
    buildDemoEndpoint();
  }
  log('building baseline bundles (esbuild) ...');
  await buildBaselines();
  const deDir = path.join(tmp, 'endpoint-de');
  log('generating the German endpoint ...');
  const de = germanyEndpoint(deDir);
  log(`  ${de.gemeinden} Gemeinden, geometry ${(de.geometryBytes / MiB).toFixed(1)} MiB, ${de.seconds.toFixed(1)} s`);

  const server = await serve({
    port: 0,
    mounts: [
      { prefix: '/data/', dir: 'demo-dist/data' },
      { prefix: '/de/', dir: deDir },
      { prefix: '/dist/', dir: distDir },
      { prefix: '/baseline/', dir: BASELINES },
      { prefix: '/bench/', dir: 'bench' },
    ],
  });
  const browser = await launch();
  const bench = new Bench(browser, tmp);
  bench.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const results: Results = {
    machine: describeMachine(browser.version()),
    options: { runs: RUNS, cycles: CYCLES },
    endpoints: { de: { gemeinden: de.gemeinden, geometryBytes: de.geometryBytes, seconds: de.seconds } },
    goals: [],
    problems: bench.problems,
    seconds: 0,
  };
  try {
    if (!SKIP.has('bytes')) {
      log('bytes ...');
      results.bytes = await bytes(bench);
    }
    if (!SKIP.has('timing')) {
      log(`timing (${RUNS} runs) ...`);
      results.timing = await timing(bench);
    }
    if (!SKIP.has('network')) {
      log('network ...');
      results.network = await network(bench);
    }
    if (!SKIP.has('lifecycle')) {
      log(`lifecycle (${CYCLES} cycles) ...`);
      results.lifecycle = await lifecycle(bench);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(tmp, { recursive: true, force: true });
  }
  results.machine.loadAfter = os.loadavg().map((l) => Math.round(l * 100) / 100);
  results.machine.runLoads = RUN_LOADS;
  results.goals = goals(results);
  results.seconds = (Date.now() - t0) / 1000;
  console.log(printText(results));
  if (WRITE) {
    writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    writeFileSync('bench/RESULTS.md', markdown(results));
    log('wrote bench/results.json and bench/RESULTS.md');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
