/**
 * The loader an editor includes once:
 * `<script type="module" src=".../fokus-widgets.js" data-fokus-endpoint="..."></script>`.
 *
 * It defines each element the first time its tag appears on the page (also tags added
 * later, e.g. by a CMS), so a page with only a table never downloads chart or map code.
 * Meanwhile it requests the chunks the element's file imports (`<link rel="modulepreload">`)
 * and warms the page-wide client: the catalog, and for a chart, map or table the files its
 * attributes name, load while the element's code downloads.
 */
import { leaving, stayed } from './internal/leaving.js';
import { resolveEndpoint } from './internal/config.js';
import { endpointFile, prefetch } from './data/prefetch.js';

export { configure, DEFAULT_ENDPOINT } from './internal/config.js';
export type { FokusConfig } from './internal/config.js';
export * from './internal/events.js';
// Types only (erased from the bundle): the element classes and, through their define
// modules, the `HTMLElementTagNameMap` entries for users of `import 'fokus-widgets'`.
export type { IndicatorChartElement } from './elements/indicator-chart/define.js';
export type { MunicipalityMapElement } from './elements/municipality-map/define.js';
export type { ComparisonTableElement } from './elements/comparison-table/define.js';
export type { RegionPickerElement } from './elements/region-picker/define.js';
export type { IndicatorPickerElement } from './elements/indicator-picker/define.js';
export type { YearSliderElement } from './elements/year-slider/define.js';
export type { IndicatorTileElement } from './elements/indicator-tile/define.js';
export type { RegionProfileElement } from './elements/region-profile/define.js';
export type { IndicatorInsightsElement } from './elements/indicator-insights/define.js';
export type { IndicatorViewElement } from './elements/indicator-view/define.js';
export type { ScatterChartElement } from './elements/scatter-chart/define.js';
// Linked views from script: read, set and follow the selection of a group.
export { getSelection, setSelection, subscribe } from './internal/selection.js';
export type { Selection, SelectionKey, SelectOptions } from './internal/selection.js';

const loaders: Record<string, () => Promise<unknown>> = {
  'indicator-chart': () => import('./elements/indicator-chart/define.js'),
  'municipality-map': () => import('./elements/municipality-map/define.js'),
  'comparison-table': () => import('./elements/comparison-table/define.js'),
  'region-picker': () => import('./elements/region-picker/define.js'),
  'indicator-picker': () => import('./elements/indicator-picker/define.js'),
  'year-slider': () => import('./elements/year-slider/define.js'),
  'indicator-tile': () => import('./elements/indicator-tile/define.js'),
  'region-profile': () => import('./elements/region-profile/define.js'),
  'indicator-insights': () => import('./elements/indicator-insights/define.js'),
  'indicator-view': () => import('./elements/indicator-view/define.js'),
  'scatter-chart': () => import('./elements/scatter-chart/define.js'),
};

/** Requests the files an element's attributes name, from the page-wide client; silent on errors. */
type Warm = (el: Element, endpoint: string) => unknown;

/**
 * The tags whose data the loader requests while their code loads: the catalog of each (a
 * plain GET that the client takes, prefetch.ts), and the files that `warm` (shared with the
 * element's own loader) names from the attributes. `preload`: chunks the element imports
 * dynamically as soon as it is on the page (Leaflet), fetched with the element's file, not
 * after it (the chart's `warmChart` fetches its Vega runtime, for a known chart type only);
 * the chunks it imports statically come with `preloadChunks`.
 */
const early: Record<string, { warm?: () => Promise<Warm>; preload?: () => Promise<unknown>[] }> = {
  'indicator-chart': {
    warm: () => import('./elements/indicator-chart/chart-scope.js').then((m) => m.warmChart),
  },
  'comparison-table': {
    warm: () => import('./elements/comparison-table/table-scope.js').then((m) => m.warmTable),
  },
  'municipality-map': {
    warm: () => import('./elements/municipality-map/map-files.js').then((m) => m.warmMap),
    preload: () => [import('./elements/municipality-map/leaflet-lib.js')],
  },
};

const requested = new Set<string>();

/** Resolves once the page's scripts have run (a later `configure()` decides the endpoint). */
function scriptsRun(): Promise<void> {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (document.readyState !== 'loading' && (!nav || nav.domContentLoadedEventStart > 0)) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Starts the data (and preloads) of the not yet defined `tag` elements in `root`: once the
 * page's scripts have run, a plain GET of each one's catalog, then `warm`. Silent on errors.
 */
function warm(tag: string, root: ParentNode): void {
  const plan = early[tag];
  if (!plan) return;
  const found = [...root.querySelectorAll(tag)];
  if (root instanceof Element && root.localName === tag) found.unshift(root);
  for (const p of plan.preload?.() ?? []) p.catch(() => undefined);
  const files = plan.warm?.();
  scriptsRun()
    .then(() => {
      for (const el of found) {
        const endpoint = resolveEndpoint(el);
        prefetch(endpointFile(endpoint, 'catalog.json'));
        files?.then((fn) => fn(el, endpoint)).catch(() => undefined);
      }
    })
    .catch(() => undefined);
}

declare const __FOKUS_CHUNKS__: Record<string, string[]> | undefined;
/**
 * The chunks each element's file imports, relative to this file: written in by the build
 * (scripts/preload-chunks.js); none when this module runs unbuilt (tests, dev server).
 */
const CHUNKS: Record<string, string[]> = typeof __FOKUS_CHUNKS__ === 'object' ? __FOKUS_CHUNKS__ : {};
const preloaded = new Set<string>();

/** Requests `tag`'s chunks now, in parallel with its file (the browser would find them only in it). */
function preloadChunks(tag: string): void {
  for (const file of CHUNKS[tag] ?? []) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/** Loads a tag's code; one aborted by leaving the page is tried again only if the page stays. */
function load(tag: string): Promise<unknown> {
  if (typeof document !== 'undefined') preloadChunks(tag);
  return loaders[tag]().catch(async (error: unknown) => {
    requested.delete(tag);
    if (leaving()) {
      await stayed();
      return discover(document);
    }
    console.error(`fokus-widgets: <${tag}> could not be loaded`, error);
  });
}

/** Loads the definitions of all not yet defined fokus tags in `root`. */
export function discover(root: ParentNode = document): Promise<unknown[]> {
  const pending: Promise<unknown>[] = [];
  for (const tag of Object.keys(loaders)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    const found = (root instanceof Element && root.localName === tag) || root.querySelector(tag);
    if (!found) continue;
    requested.add(tag);
    pending.push(load(tag));
    warm(tag, root);
  }
  return Promise.all(pending);
}

/** Defines every element now (for pages that create elements from script and want them at once). */
export function defineAll(): Promise<unknown[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

if (typeof document !== 'undefined') {
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void discover(document);
}
