/**
 * Requests: requests per URL of a page with 20 widgets over 5 indicators (each data file
 * once), and the data every demo page downloads (catalog, geometry, indicator data, gzip -9
 * of each response body), per indicator.
 */
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { RECORD_STATES, waitForWidgets } from '../../tests/e2e/harness.js';
import type { Bench } from './harness.js';
import { PAGE_TIMEOUT } from './options.js';

export interface NetworkResult {
  widgets: number;
  requests: { url: string; count: number }[];
  total: number;
  duplicates: number;
  /** Data downloaded by each demo page (demo/*.html). */
  pages?: PageData[];
}

export interface PageData {
  page: string;
  requests: number;
  /** gzip -9 bytes of the response bodies by kind. */
  catalog: number;
  geometry: number;
  data: number;
  /** Indicator data per indicator id (gzip -9 bytes, all files naming it). */
  perIndicator: Record<string, number>;
}

/** The elements that load data and fire fokus-load (the pickers and the slider load the catalog only). */
const DATA_VIEWS = 'indicator-chart, municipality-map, comparison-table, indicator-tile, region-profile';

/** Demo pages (file names), as served at the bench server's root. */
export function demoPages(): string[] {
  return readdirSync('demo')
    .filter((f) => f.endsWith('.html'))
    .sort();
}

async function requestsPerUrl(bench: Bench): Promise<Omit<NetworkResult, 'pages'>> {
  return bench.withPage(async (page) => {
    const counts = new Map<string, number>();
    page.on('request', (r) => {
      const u = new URL(r.url());
      const key = u.pathname + u.search;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    await bench.loadWidgets(page, `${bench.base}/bench/network.html`);
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

async function pageData(bench: Bench, file: string, indicatorIds: string[]): Promise<PageData> {
  return bench.withPage(async (page) => {
    const bodies: Promise<{ path: string; gzip: number }>[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith('/data/') || r.status() !== 200) return;
      bodies.push(
        r
          .body()
          .then((b) => ({ path, gzip: gzipSync(b, { level: 9 }).length }))
          .catch(() => ({ path, gzip: 0 })),
      );
    });
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${bench.base}/${file}`);
    // every data view on the page has loaded (an event, not a pause), then nothing is in flight
    if (await page.locator(DATA_VIEWS).count()) await waitForWidgets(page, DATA_VIEWS, PAGE_TIMEOUT);
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT });
    const got = await Promise.all(bodies);
    const out: PageData = { page: file, requests: got.length, catalog: 0, geometry: 0, data: 0, perIndicator: {} };
    for (const { path, gzip } of got) {
      if (/catalog/.test(path)) out.catalog += gzip;
      else if (/\/geo\//.test(path)) out.geometry += gzip;
      else {
        out.data += gzip;
        // the longest indicator id in the path (ids can be prefixes of others)
        const id = indicatorIds.filter((i) => path.includes(i)).sort((a, b) => b.length - a.length)[0] ?? '?';
        out.perIndicator[id] = (out.perIndicator[id] ?? 0) + gzip;
      }
    }
    return out;
  });
}

export async function network(bench: Bench, indicatorIds: string[]): Promise<NetworkResult> {
  const result: NetworkResult = await requestsPerUrl(bench);
  result.pages = [];
  for (const file of demoPages()) result.pages.push(await pageData(bench, file, indicatorIds));
  return result;
}
