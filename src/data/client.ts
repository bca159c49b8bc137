/**
 * The endpoint client: fetches, validates and caches catalog, indicator and geometry
 * files. One instance per page (`getClient()`), shared by every element and by every
 * copy of the bundle on the page.
 *
 * Behaviour:
 * - in-flight deduplication: concurrent callers of one URL share one fetch;
 * - a bounded LRU cache of parsed responses (`cacheSize`, default 30); errors are not cached;
 * - abort: a caller whose `signal` aborts is rejected at once with
 *   `FokusDataError('aborted')` (its `name` is `'AbortError'`); the shared fetch goes on
 *   for the other callers and is aborted only when every waiting caller has aborted.
 *   A caller without a signal keeps the shared fetch alive;
 * - timeout (`timeout`, default 15 000 ms) for the whole request including retries:
 *   `FokusDataError('timeout', url)`;
 * - retries (`retries`, default 2) with exponential backoff (`retryDelay` x 2^n, default
 *   300 ms) for network errors and HTTP 5xx; never for 4xx (`FokusDataError('http', status)`);
 * - the loader's early responses (prefetch.ts): a client with the default fetch takes the
 *   loader's plain GET of a URL (the catalog) for its first request of it;
 * - warm-up (`warm: true`): the loader script asks for the files of elements whose code is
 *   still loading; the element then finds them cached or in flight. A warm-up's failure is
 *   kept for the next callers of that file (those of one task get the error, not a second
 *   request; a caller after that task asks again). A warm-up of a file an element has already
 *   asked for (its code came first) requests nothing: it rejects as aborted;
 * - invalid JSON or a schema violation: `FokusDataError('malformed', url, detail)`. Responses
 *   are checked without Valibot (check.ts); only one that fails that check loads the
 *   Valibot schemas (validate.ts, a chunk of its own) to name every problem. Each URL is
 *   validated once: the cache holds the validated value.
 */
import { FokusDataError } from './errors.js';
import {
  IndicatorData,
  childrenOf,
  geometryFor,
  indicatorById,
  parseLevel,
  partitionFor,
  partitionPath,
  regionById,
} from './model.js';
import type { Catalog, IndicatorFile } from './schema.js';
import { documentBase, endpointFile, isAbsolute, normalizeEndpoint, takePrefetched } from './prefetch.js';
import {
  catalogIssues,
  fail,
  indicatorFileIssues,
  isCatalog,
  isIndicatorFile,
  parseTopology,
  type FokusTopology,
} from './check.js';

export interface FokusClientOptions {
  /** The fetch implementation (the test seam); default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds for one request including its retries; default 15 000. */
  timeout?: number;
  /** Retries after a network error or HTTP 5xx; default 2. */
  retries?: number;
  /** Base delay of the exponential backoff in milliseconds; default 300. */
  retryDelay?: number;
  /** Parsed responses kept (LRU); default 30, 0 disables the cache. */
  cacheSize?: number;
  /** Base URL for relative endpoints; default `document.baseURI` in browsers. */
  baseURI?: string;
}

export interface RequestOptions {
  /** Aborts this caller only (see the class comment). */
  signal?: AbortSignal;
  /**
   * A warm-up (the loader script's, before an element asks for the file): should the request
   * fail before any other caller has joined it, the failure is kept for the next callers of
   * the same file (those of the same task), who get it instead of a second request.
   */
  warm?: boolean;
}

/**
 * What an element needs of an indicator (all optional): the regions of `level` below
 * `parent` (with the parent), of `level` everywhere, and/or the regions of `regions`. The
 * client then loads the smallest file that holds them: a partition of a format 1.2 endpoint
 * (e.g. one Kreis), else the whole file. Without a scope, always the whole file.
 */
export interface IndicatorScope {
  level?: string;
  parent?: string | null;
  regions?: readonly string[];
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  /** Only warm-ups have asked for it (so far). */
  warmOnly: boolean;
}

export { normalizeEndpoint, endpointFile };

/**
 * The Valibot validation (validate.ts), loaded only for the detail of a response that fails
 * the shape check; it decides (a document the check refuses but the schema accepts loads).
 */
const strict = () => import('./validate.js');

/** A validated catalog (schema and consistency). */
function catalogOf(json: unknown, url: string): Catalog | Promise<Catalog> {
  if (!isCatalog(json)) return strict().then((m) => m.parseCatalog(json, url));
  const issues = catalogIssues(json);
  if (issues.length) fail(url, issues);
  return json;
}

/** A validated indicator file, checked against `catalog` and the indicator's id. */
function indicatorFileOf(
  json: unknown,
  url: string,
  catalog: Catalog,
  id: string,
): IndicatorFile | Promise<IndicatorFile> {
  if (!isIndicatorFile(json)) return strict().then((m) => m.parseIndicatorFile(json, url, catalog, id));
  const issues = indicatorFileIssues(json, catalog, id);
  if (issues.length) fail(url, issues);
  return json;
}

function aborted(url: string): FokusDataError {
  return new FokusDataError('aborted', { url });
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (for fetches that ignore signals). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return raceAbort(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal);
}

function retryable(error: unknown): boolean {
  if (!(error instanceof FokusDataError)) return false;
  return error.code === 'network' || (error.code === 'http' && (error.status ?? 0) >= 500);
}

export class FokusClient {
  readonly timeout: number;
  readonly retries: number;
  readonly retryDelay: number;
  readonly cacheSize: number;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly baseURI?: string;
  /** With the default fetch: takes the loader's early responses (prefetch.ts). */
  private readonly takesPrefetch: boolean;
  private readonly cache = new Map<string, unknown>();
  private readonly inflight = new Map<string, Flight>();
  /** Failures of warm-ups that no other caller has seen yet, per request key. */
  private readonly kept = new Map<string, unknown>();
  /** Keys an element (not a warm-up) has asked for: a warm-up after it comes too late. */
  private readonly asked = new Set<string>();

  constructor(options: FokusClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.takesPrefetch = !options.fetch;
    this.timeout = options.timeout ?? 15_000;
    this.retries = options.retries ?? 2;
    this.retryDelay = options.retryDelay ?? 300;
    this.cacheSize = options.cacheSize ?? 30;
    this.baseURI = options.baseURI;
  }

  /** The normalized endpoint (absolute in browsers, ends in `/`). */
  endpointURL(endpoint: string): string {
    return normalizeEndpoint(endpoint, this.baseURI ?? documentBase());
  }

  /** The URL of `path` relative to `endpoint`. */
  fileURL(endpoint: string, path: string): string {
    return endpointFile(endpoint, path, this.baseURI ?? documentBase());
  }

  /** Any JSON document (deduplicated, cached, with timeout and retries; not validated). */
  getJSON<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
    const base = this.baseURI ?? documentBase();
    const absolute = isAbsolute(url) || !base ? url : new URL(url, base).href;
    return this.request(`json ${absolute}`, absolute, (json) => json as T, options);
  }

  /** The validated `catalog.json` of an endpoint. */
  getCatalog(endpoint: string, options: RequestOptions = {}): Promise<Catalog> {
    const url = this.fileURL(endpoint, 'catalog.json');
    return this.request(`catalog ${url}`, url, (json) => catalogOf(json, url), options);
  }

  /**
   * One indicator, validated against the catalog, with its catalog entry.
   * Unknown id: `FokusDataError('unknown-indicator', { subject: id })`.
   *
   * With a scope (`level`, `parent`, `regions`, see `IndicatorScope`), the data may come from a
   * partition (format 1.2): it then holds at least the regions of the scope, the parent's
   * ancestors and the regions of the partition's level and above. A file already loaded or
   * in flight that holds them is used first, so widgets of one page share one request.
   * An unknown level gives `FokusDataError('unknown-level')`, an unknown region `'unknown-region'`.
   */
  async getIndicator(
    endpoint: string,
    indicatorId: string,
    options: RequestOptions & IndicatorScope = {},
  ): Promise<IndicatorData> {
    const catalog = await this.getCatalog(endpoint, options);
    const indicator = indicatorById(catalog, indicatorId);
    if (!indicator) {
      throw new FokusDataError('unknown-indicator', {
        subject: indicatorId,
        url: this.fileURL(endpoint, 'catalog.json'),
      });
    }
    const wholeURL = this.fileURL(endpoint, indicator.file ?? `indicators/${indicator.id}.json`);
    const keyOf = (url: string) => `indicator ${catalog.version} ${url}`;
    let url = wholeURL;
    const parts = catalog.partitions;
    const ids = this.scopeRegions(catalog, options);
    if (parts && ids && !this.has(keyOf(wholeURL))) {
      const partURL = (p: string) => this.fileURL(endpoint, partitionPath(parts.file, p, indicator.id));
      const parent = partitionFor(catalog, ids, (p) => this.has(keyOf(partURL(p))));
      if (parent !== undefined) url = partURL(parent);
    }
    return this.request(
      keyOf(url),
      url,
      async (json) => new IndicatorData(await indicatorFileOf(json, url, catalog, indicator.id), indicator, catalog),
      options,
    );
  }

  /** The region ids a scope needs; undefined for no scope (the whole file). */
  private scopeRegions(catalog: Catalog, scope: IndicatorScope): Set<string> | undefined {
    const { level, regions } = scope;
    const parent = scope.parent?.trim() || undefined;
    if (!level && !regions?.length) return undefined;
    const ids = new Set<string>();
    for (const id of regions ?? []) {
      if (!regionById(catalog, id)) throw new FokusDataError('unknown-region', { subject: id });
      ids.add(id);
    }
    if (parent && !regionById(catalog, parent)) throw new FokusDataError('unknown-region', { subject: parent });
    if (level) {
      const levelId = parseLevel(level, catalog);
      if (!parent) return undefined; // a whole level: the whole file
      ids.add(parent);
      for (const r of childrenOf(catalog, parent, levelId)) ids.add(r.id);
    }
    return ids;
  }

  /** True when a response for `key` is cached or in flight. */
  private has(key: string): boolean {
    return this.cache.has(key) || this.inflight.has(key);
  }

  /**
   * The boundaries of a level as TopoJSON (object `regions`), from the most specific
   * `catalog.geometry` entry: one for `parent` (or its nearest ancestor), else one without
   * parent. A level that is not in the catalog's `levels`, or one without geometry, gives
   * `FokusDataError('unknown-level', { subject: level, detail })`; an unknown parent
   * `FokusDataError('unknown-region', { subject: parent })`.
   */
  async getGeometry(
    endpoint: string,
    level: string,
    parent?: string | null,
    options: RequestOptions = {},
  ): Promise<FokusTopology> {
    const catalog = await this.getCatalog(endpoint, options);
    const levelId = parseLevel(level, catalog);
    if (parent && !regionById(catalog, parent)) {
      throw new FokusDataError('unknown-region', { subject: parent });
    }
    const entry = geometryFor(catalog, levelId, parent);
    if (!entry) {
      throw new FokusDataError('unknown-level', {
        subject: level,
        detail: `the endpoint has no geometry for level "${levelId}"${parent ? ` below ${parent}` : ''}`,
      });
    }
    const url = this.fileURL(endpoint, entry.file);
    return this.request(`geometry ${catalog.version} ${url}`, url, (json) => parseTopology(json, url), options);
  }

  /** Empties the cache of parsed responses and kept failures (requests in flight are not affected). */
  clear(): void {
    this.cache.clear();
    this.kept.clear();
    this.asked.clear();
  }

  /** Shared request: cache, then a warm-up's kept failure, then in-flight deduplication, then fetch. */
  private request<T>(
    key: string,
    url: string,
    parse: (json: unknown) => T | Promise<T>,
    { signal, warm = false }: RequestOptions = {},
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted(url));
    if (this.cache.has(key)) {
      const value = this.cache.get(key) as T;
      this.cache.delete(key); // most recently used goes last
      this.cache.set(key, value);
      return Promise.resolve(value);
    }
    if (this.kept.has(key)) {
      const error = this.kept.get(key);
      // an element's callers of this task share it (its preview and its loader); later ones ask again
      if (!warm)
        setTimeout(() => {
          if (this.kept.get(key) === error) this.kept.delete(key);
        }, 0);
      return Promise.reject(error);
    }

    let flight = this.inflight.get(key);
    // The element asked first (its code overtook the warm-up): a failure it saw is not asked again.
    if (!flight && warm && this.asked.has(key)) return Promise.reject(aborted(url));
    if (!warm) this.asked.add(key);
    if (!flight) {
      const controller = new AbortController();
      const f: Flight = { promise: Promise.resolve(), controller, waiters: 0, settled: false, warmOnly: true };
      f.promise = this.load(url, parse, controller.signal).then(
        (value) => {
          f.settled = true;
          if (this.inflight.get(key) === f) this.inflight.delete(key);
          this.remember(key, value);
          return value;
        },
        (error: unknown) => {
          f.settled = true;
          if (this.inflight.get(key) === f) this.inflight.delete(key);
          if (f.warmOnly) this.kept.set(key, error);
          throw error;
        },
      );
      f.promise.catch(() => {}); // rejections are delivered to the callers
      this.inflight.set(key, f);
      flight = f;
    }

    const shared = flight;
    if (!warm) shared.warmOnly = false;
    shared.waiters++;
    if (!signal) return shared.promise as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(aborted(url));
        shared.waiters--;
        if (shared.waiters === 0 && !shared.settled) {
          if (this.inflight.get(key) === shared) this.inflight.delete(key);
          shared.controller.abort();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private remember(key: string, value: unknown): void {
    if (this.cacheSize <= 0) return;
    this.cache.delete(key);
    this.cache.set(key, value);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }

  /** Fetch with retries and backoff under one deadline; `shared` aborts it. */
  private async load<T>(url: string, parse: (json: unknown) => T | Promise<T>, shared: AbortSignal): Promise<T> {
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, this.timeout);
    const onShared = () => deadline.abort();
    shared.addEventListener('abort', onShared, { once: true });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.attempt(url, parse, deadline.signal);
        } catch (error) {
          if (deadline.signal.aborted || !retryable(error) || attempt >= this.retries) throw error;
        }
        await sleep(this.retryDelay * 2 ** attempt, deadline.signal);
      }
    } catch (error) {
      if (timedOut) throw new FokusDataError('timeout', { url, cause: error });
      if (shared.aborted) throw aborted(url);
      throw error;
    } finally {
      clearTimeout(timer);
      shared.removeEventListener('abort', onShared);
    }
  }

  private async attempt<T>(url: string, parse: (json: unknown) => T | Promise<T>, signal: AbortSignal): Promise<T> {
    let text: string;
    try {
      const early = this.takesPrefetch ? takePrefetched(url) : undefined;
      const response = await raceAbort(early ?? this.fetchImpl(url, { signal }), signal);
      if (!response.ok) {
        throw new FokusDataError('http', { url, status: response.status, detail: response.statusText || undefined });
      }
      text = await raceAbort(response.text(), signal);
    } catch (error) {
      if (signal.aborted || error instanceof FokusDataError) throw error;
      throw new FokusDataError('network', { url, detail: (error as Error)?.message ?? String(error), cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new FokusDataError('malformed', {
        url,
        detail: `not valid JSON (${(error as Error).message})`,
        cause: error,
      });
    }
    return parse(json);
  }
}

const CLIENT_KEY = Symbol.for('fokus-widgets.client');
type GlobalWithClient = typeof globalThis & { [CLIENT_KEY]?: FokusClient };

/** The page-wide client, shared by all elements and by every copy of the bundle on the page. */
export function getClient(): FokusClient {
  const g = globalThis as GlobalWithClient;
  return (g[CLIENT_KEY] ??= new FokusClient());
}

/** Replaces the page-wide client (tests, or a page with its own fetch); `undefined` resets it. */
export function setClient(client: FokusClient | undefined): void {
  const g = globalThis as GlobalWithClient;
  if (client) g[CLIENT_KEY] = client;
  else delete g[CLIENT_KEY];
}
