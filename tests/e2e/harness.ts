/**
 * End-to-end harness: serves the built demo (demo/, dist/, demo-dist/data/) on a free
 * localhost port and drives the system Chromium with playwright-core.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { serve } from '../../src/tools/serve.js';
// @ts-expect-error plain JS helper without types
import { findChrome, CHROME_ARGS } from '../../scripts/find-chrome.js';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

export interface DemoServer {
  base: string;
  close: () => Promise<void>;
}

/** What the demo serves: the two endpoints, the library and the pages (as `npm start`). */
export const DEMO_MOUNTS = [
  { prefix: '/data/', dir: 'demo-dist/data' },
  { prefix: '/official/', dir: 'demo-dist/official' },
  { prefix: '/dist/', dir: 'dist' },
  { prefix: '/', dir: 'demo', cacheControl: 'no-cache' },
];

export async function startDemo(headers: Record<string, string> = {}): Promise<DemoServer> {
  const server: Server = await serve({ port: 0, headers, mounts: DEMO_MOUNTS });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome() as string, args: CHROME_ARGS as string[] });
}

/** Collects console errors, page errors and failed requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // An aborted request is by design: a new selection or a navigation cancels what is in flight.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return problems;
}

/**
 * Resolves when every element matching `selector` has fired fokus-load (or one fired fokus-error),
 * those inside widgets' shadow roots too (a profile's chart, a view's open tab).
 */
export async function waitForWidgets(page: Page, selector: string, timeout = 30000): Promise<void> {
  // the states once every widget has one (else false, and the wait goes on). A function, not
  // a string (a string is evaluated by eval, which a strict CSP forbids), with no named inner
  // function (the test loader would wrap it in a helper the page lacks).
  const settled = await page.waitForFunction(
    (sel) => {
      const found: (Element & { __fokusState?: string })[] = [];
      const roots: ParentNode[] = [document];
      while (roots.length) {
        for (const el of roots.pop()!.querySelectorAll('*')) {
          if (el.matches(sel)) found.push(el);
          if (el.shadowRoot) roots.push(el.shadowRoot);
        }
      }
      if (!found.length || found.some((el) => !el.__fokusState)) return false;
      return found.map((el) => `${el.localName}: ${el.__fokusState}`);
    },
    selector,
    { timeout, polling: 100 },
  );
  const failed = ((await settled.jsonValue()) as string[]).filter((s) => !s.endsWith('load'));
  if (failed.length) throw new Error(`widgets did not load: ${failed.join(', ')}`);
}

/** Script to run before page scripts: records fokus-load / fokus-error on each element. */
export const RECORD_STATES = `
  for (const type of ['fokus-load', 'fokus-error']) {
    document.addEventListener(type, (e) => {
      const el = e.composedPath()[0];
      el.__fokusState = type.slice(6);
      // a view reports what its open tab reports (the tab's element is in the view's shadow root)
      for (const host of e.composedPath()) if (host.localName === 'indicator-view') host.__fokusState = type.slice(6);
      if (type === 'fokus-error') console.warn('fokus-error', el.localName, e.detail.message);
    }, true);
  }
`;
