/**
 * Endpoint URLs, and the loader script's early requests: before the client's code has
 * arrived, the loader starts a plain GET of a file every element reads first (the
 * catalog); the page-wide client takes that response for its first request of the URL
 * instead of asking again. Shared by every copy of the bundle on the page (registered
 * symbol). No imports: the loader holds this module.
 */

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** True for a URL with a scheme (`https:`, `data:`, …). */
export function isAbsolute(url: string): boolean {
  return ABSOLUTE.test(url);
}

/** `document.baseURI` in browsers; undefined in Node. */
export function documentBase(): string | undefined {
  return typeof document !== 'undefined' && document.baseURI ? document.baseURI : undefined;
}

/**
 * An endpoint as an absolute base URL ending in `/`: trims, adds the trailing slash and
 * resolves relative endpoints against `base` (default `document.baseURI`). Without a base
 * (Node, or `base` null), a relative endpoint stays relative.
 */
export function normalizeEndpoint(endpoint: string, base: string | null | undefined = documentBase()): string {
  let e = endpoint.trim() || './';
  if (!e.endsWith('/')) e += '/';
  if (ABSOLUTE.test(e)) return new URL(e).href;
  return base ? new URL(e, base).href : e;
}

/** The URL of a file of an endpoint (`path` relative to the endpoint, e.g. `catalog.json`). */
export function endpointFile(endpoint: string, path: string, base: string | null | undefined = documentBase()): string {
  const root = normalizeEndpoint(endpoint, base);
  if (ABSOLUTE.test(root)) return new URL(path, root).href;
  return root + path.replace(/^(\.\/)+/, '');
}

const KEY = Symbol.for('fokus-widgets.prefetch');
/** Per URL: the response not yet taken, or null once taken. */
type GlobalWithPrefetch = typeof globalThis & { [KEY]?: Map<string, Promise<Response> | null> };

function started(): Map<string, Promise<Response> | null> {
  const g = globalThis as GlobalWithPrefetch;
  return (g[KEY] ??= new Map());
}

/**
 * Starts a plain GET of `url` (absolute) for the page-wide client, once per URL and page.
 * Only while the page has no client of its own yet (`setClient()` with another fetch):
 * that one would not take the response, and ask again.
 */
export function prefetch(url: string): void {
  const g = globalThis as GlobalWithPrefetch & { [k: symbol]: unknown };
  const map = started();
  if (map.has(url) || g[Symbol.for('fokus-widgets.client')] || typeof fetch !== 'function') return;
  const response = fetch(url);
  response.catch(() => undefined); // the client reports, when it takes it
  map.set(url, response);
}

/**
 * The response of a prefetch of `url` not yet taken (each is taken once; the entry stays,
 * so that the URL is not prefetched again), or undefined.
 */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const map = started();
  const response = map.get(url);
  if (response) map.set(url, null);
  return response ?? undefined;
}
