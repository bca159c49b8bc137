import type { Catalog, IndicatorFile } from '../../../src/data/schema.js';
import type { FokusDataError } from '../../../src/data/errors.js';
import { buildCatalog } from '../catalog.js';

const indicatorBase = {
  unit: { de: 'je 1.000 Einwohner', en: 'per 1,000 inhabitants' },
  decimals: 1,
  description: { de: 'Lebendgeborene je 1.000 Einwohner' },
  source: 'Statistikamt Nord',
  topic: 'familie',
  polarity: 'neutral',
  years: [2021, 2022, 2023],
  levels: ['gemeinde', 'kreis'],
  computation: { type: 'ratio', numerator: 'geburten', denominator: 'bevoelkerung', factor: 1000 },
} as const;

/** A small catalog: Land, two Kreise, an Amt, Gemeinden with and without Amt. */
export function catalogJson(): Catalog {
  // buildCatalog makes a JSON round trip: no arrays shared between indicators or calls.
  return buildCatalog({
    version: 'v1',
    title: { de: 'FOKUS PI', en: 'FOKUS PI' },
    publisher: 'Kreis Pinneberg',
    licence: { id: 'dl-de/by-2-0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' },
    attribution: '© GeoBasis-DE / BKG',
    updated: '2025-01-31',
    levels: [
      { id: 'land', label: { de: 'Land', en: 'State' } },
      { id: 'kreis', label: { de: 'Kreis', en: 'District' } },
      { id: 'amt', label: { de: 'Amt' } },
      { id: 'gemeinde', label: { de: 'Gemeinde', en: 'Municipality' } },
    ],
    regions: [
      { id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null },
      { id: '01056', name: 'Pinneberg', level: 'kreis', parent: '01', kind: 'Kreis' },
      { id: '01060', name: 'Segeberg', level: 'kreis', parent: '01', kind: 'Kreis' },
      { id: '010565603', name: 'Geest und Marsch Südholstein', level: 'amt', parent: '01056', kind: 'Amt' },
      { id: '01056015', name: 'Elmshorn', level: 'gemeinde', parent: '01056', kind: 'Stadt' },
      { id: '01056001', name: 'Appen', level: 'gemeinde', parent: '010565603', kind: 'Gemeinde' },
      { id: '01056045', name: 'Wedel', level: 'gemeinde', parent: '01056', kind: 'Stadt' },
      { id: '01060002', name: 'Bad Segeberg', level: 'gemeinde', parent: '01060', kind: 'Stadt' },
    ],
    topics: [{ id: 'familie', label: { de: 'Familie', en: 'Family' } }],
    indicators: [
      { ...indicatorBase, id: 'geburtenrate', label: { de: 'Geburtenrate', en: 'Birth rate' } },
      { ...indicatorBase, id: 'anteil-u6', label: { de: 'Anteil unter 6' }, file: 'data/u6.json' },
      { ...indicatorBase, id: 'anteil-6-18', label: { de: 'Anteil 6 bis 18' } },
    ],
    breakdowns: [
      {
        id: 'altersgruppen',
        label: { de: 'Altersgruppen' },
        indicators: ['anteil-u6', 'anteil-6-18'],
        categories: [{ de: 'unter 6' }, { de: '6 bis 18' }],
      },
    ],
    geometry: [
      { level: 'gemeinde', file: 'geo/gemeinde.topo.json', attribution: '© GeoBasis-DE / BKG' },
      {
        level: 'gemeinde',
        parent: '01056',
        file: 'geo/gemeinde-01056.topo.json',
        attribution: '© GeoBasis-DE / BKG',
      },
      { level: 'kreis', file: 'geo/kreis.topo.json', attribution: '© GeoBasis-DE / BKG' },
    ],
  });
}

/** geburtenrate: Elmshorn with p in 2023, Appen suppressed in 2022, Wedel "-" in 2021, counts. */
export function indicatorJson(): IndicatorFile {
  return {
    format: 'fokus-indicator/1',
    indicator: 'geburtenrate',
    years: [2021, 2022, 2023],
    regions: ['01056', '01056015', '01056001', '01056045'],
    values: [
      [8.9, 9.0, 9.1],
      [9.1, 9.3, 9.4],
      [7.0, null, 7.5],
      [null, 8.0, 8.2],
    ],
    status: {
      '01056015': ['', '', 'p'],
      '01056001': ['', '.', ''],
      '01056045': ['-', '', ''],
    },
    numerator: [
      [2800, 2850, 2870],
      [465, 476, 482],
      [35, null, 38],
      [0, 280, 287],
    ],
    denominator: [
      [314000, 316000, 317000],
      [51100, 51200, 51300],
      [5000, 5050, 5060],
      [34900, 35000, 35100],
    ],
  };
}

export function topologyJson(name = 'gemeinde') {
  return {
    type: 'Topology',
    arcs: [],
    objects: {
      regions: { type: 'GeometryCollection', geometries: [{ type: null, id: '01056015', properties: { name } }] },
    },
  };
}

export interface FakeCall {
  url: string;
  signal?: AbortSignal;
}

/** Answers the `n`-th call of a URL (1-based). */
export type Handler = (call: FakeCall, n: number) => Response | Promise<Response>;
export type Answer = Handler | Record<string, unknown> | unknown[] | number | string | null;

/**
 * A fake fetch over `routes` (path suffix -> JSON body, or a function returning a
 * Response). Records every call; unknown paths answer 404.
 */
export function fakeFetch(routes: Record<string, Answer>) {
  const calls: FakeCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const call = { url, signal: init?.signal ?? undefined };
    calls.push(call);
    const key = Object.keys(routes)
      .filter((k) => url.endsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const answer = routes[key];
    const n = calls.filter((c) => c.url === url).length;
    if (typeof answer === 'function') return answer(call, n);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    count: (suffix: string) => calls.filter((c) => c.url.endsWith(suffix)).length,
  };
}

/** A response that arrives only when `release()` is called, or rejects with AbortError on abort. */
export function gate(body: unknown) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = (call: FakeCall) =>
    new Promise<Response>((resolve, reject) => {
      call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      released.then(() => resolve(new Response(JSON.stringify(body), { status: 200 })));
    });
  return { answer, release: () => release() };
}

/** A promise's state after pending callbacks have run. */
export async function settledState(p: Promise<unknown>): Promise<'pending' | 'fulfilled' | 'rejected'> {
  let state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  p.then(
    () => (state = 'fulfilled'),
    () => (state = 'rejected'),
  );
  await new Promise((r) => setTimeout(r, 0));
  return state;
}

/** The rejection of `p` (fails when `p` fulfils). */
export async function rejection(p: Promise<unknown>): Promise<FokusDataError> {
  try {
    await p;
  } catch (error) {
    return error as FokusDataError;
  }
  throw new Error('expected a rejection, but the promise fulfilled');
}
