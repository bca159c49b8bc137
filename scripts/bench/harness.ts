/**
 * Page harness of the benchmark: a fresh browser context per measurement, the timing
 * instrumentation injected before page scripts, heap metrics after GC and the scroll test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RECORD_STATES, waitForWidgets, watchProblems } from '../../tests/e2e/harness.js';
import { checkDeadline, PAGE_TIMEOUT } from './options.js';
import { MiB } from './stats.js';

export const WIDGETS = 'indicator-chart, municipality-map, comparison-table';

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

export interface Sample {
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

export interface ScrollResult {
  steps: number;
  longTasks: number;
  longestTask: number;
  longestFrame: number;
  rowsRendered: number;
}

/** Options of one page load. */
export interface LoadOptions {
  scroll?: boolean;
  /** CPU slowdown factor (CDP Emulation.setCPUThrottlingRate), 1 = none. */
  cpuRate?: number;
}

export async function metrics(context: BrowserContext, page: Page): Promise<Record<string, number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Slows the page's CPU by `rate` for the rest of its life (survives the navigation). */
export async function throttleCpu(context: BrowserContext, page: Page, rate: number): Promise<void> {
  if (rate <= 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export class Bench {
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
  element(file: string, widgets: number, { scroll = false, cpuRate = 1 }: LoadOptions = {}): Promise<Sample> {
    return this.withPage(async (page, context) => {
      await page.addInitScript(ELEMENT_TIMING);
      await throttleCpu(context, page, cpuRate);
      await this.loadWidgets(page, `${this.base}/bench/${file}`);
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

  /** Loads a baseline (or reference) page; resolves after its result has been painted. */
  baseline(
    file: string,
    { scroll = false, cpuRate = 1 }: LoadOptions = {},
  ): Promise<Sample & { spec?: string; svg?: string }> {
    return this.withPage(async (page, context) => {
      await page.addInitScript(ELEMENT_TIMING);
      await throttleCpu(context, page, cpuRate);
      await page.goto(`${this.base}/bench/${file}`);
      await page.waitForFunction(() => {
        const w = window as unknown as { __bench?: unknown; __benchError?: string };
        if (w.__benchError) throw new Error(w.__benchError);
        return !!w.__bench;
      });
      const r = await page.evaluate(() => {
        const w = window as unknown as {
          __bench: { done: number; painted: number; count: number; spec?: string; svg?: string };
          __benchLongest: number;
        };
        return { ...w.__bench, longestTask: w.__benchLongest };
      });
      const m = await metrics(context, page);
      const sample: Sample & { spec?: string; svg?: string } = {
        done: r.done,
        painted: r.painted,
        count: r.count,
        longestTask: r.longestTask,
        heapMiB: m.JSHeapUsedSize! / MiB,
        nodes: m.Nodes!,
        spec: r.spec,
        ...(r.svg ? { svg: r.svg } : {}),
      };
      if (scroll) sample.scroll = await scrollTest(page, null);
      return sample;
    });
  }

  /** Loads a page that needs no timing (probes, bytes, network): resolves when its widgets are loaded. */
  async loadWidgets(page: Page, url: string, selector = WIDGETS): Promise<void> {
    const errors: string[] = [];
    page.on('console', (m) => m.text().startsWith('fokus-error') && errors.push(m.text()));
    await page.addInitScript(RECORD_STATES);
    await page.goto(url);
    try {
      await waitForWidgets(page, selector, PAGE_TIMEOUT);
    } catch (e) {
      throw new Error(`${url}: ${e instanceof Error ? e.message : String(e)} ${errors.join('; ')}`);
    }
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
