import { expect } from '@open-wc/testing';
import { FokusClient, getClient, setClient, normalizeEndpoint, endpointFile } from '../../../src/data/client.js';
import { FokusDataError, isAbortError } from '../../../src/data/errors.js';
import { IndicatorData } from '../../../src/data/model.js';
import { catalogJson, indicatorJson, topologyJson, fakeFetch, gate, settledState, rejection } from './fixtures.js';
import { prefetch } from '../../../src/data/prefetch.js';
import { afterEach, describe, it } from '../helpers.js';

const E = 'https://example.org/data/';
const CATALOG = `${E}catalog.json`;

function client(routes: Parameters<typeof fakeFetch>[0], options: ConstructorParameters<typeof FokusClient>[0] = {}) {
  const fake = fakeFetch(routes);
  return { fake, client: new FokusClient({ fetch: fake.fetch, retries: 0, timeout: 1000, ...options }) };
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
const status = (code: number) => new Response('', { status: code });
const networkError = () => Promise.reject(new TypeError('Failed to fetch'));

describe('FokusClient: URLs', () => {
  it('normalizes endpoints: trailing slash, relative against the base', () => {
    expect(normalizeEndpoint('https://example.org/data')).to.equal(E);
    expect(normalizeEndpoint(' https://example.org/data/ ')).to.equal(E);
    expect(normalizeEndpoint('data', 'https://example.org/site/page.html')).to.equal('https://example.org/site/data/');
    expect(normalizeEndpoint('/data', 'https://example.org/site/page.html')).to.equal(E);
    expect(normalizeEndpoint('data', null)).to.equal('data/'); // as in Node, without a base
    expect(endpointFile('data', './indicators/a.json', null)).to.equal('data/indicators/a.json');
    expect(endpointFile(E, 'geo/kreis.topo.json')).to.equal(`${E}geo/kreis.topo.json`);
  });

  it('resolves a relative endpoint against document.baseURI', async () => {
    const { client: c, fake } = client({ 'catalog.json': catalogJson() });
    await c.getCatalog('/some/endpoint');
    expect(fake.calls[0].url).to.equal(new URL('/some/endpoint/catalog.json', document.baseURI).href);
    expect(c.endpointURL('rel')).to.equal(new URL('rel/', document.baseURI).href);
  });

  it('uses the global fetch by default (no "Illegal invocation")', async () => {
    const pkg = await new FokusClient().getJSON<{ name: string }>('/package.json');
    expect(pkg.name).to.equal('fokus-widgets');
  });
});

describe('FokusClient: sharing and caching', () => {
  it('deduplicates concurrent requests of one URL into one fetch', async () => {
    const g = gate(catalogJson());
    const { client: c, fake } = client({ 'catalog.json': g.answer });
    const all = Promise.all([
      c.getCatalog(E),
      c.getCatalog(E),
      c.getCatalog('https://example.org/data'),
      c.getCatalog(E),
    ]);
    g.release();
    const results = await all;
    expect(fake.count('catalog.json')).to.equal(1);
    expect(results.every((r) => r === results[0])).to.equal(true);
  });

  it('answers a repeated request from the cache', async () => {
    const { client: c, fake } = client({ 'catalog.json': catalogJson() });
    const first = await c.getCatalog(E);
    const second = await c.getCatalog(E);
    expect(second).to.equal(first);
    expect(fake.count('catalog.json')).to.equal(1);
    c.clear();
    await c.getCatalog(E);
    expect(fake.count('catalog.json')).to.equal(2);
  });

  it('keeps a bounded number of entries and evicts the least recently used', async () => {
    const { client: c, fake } = client({ 'a.json': 1, 'b.json': 2, 'c.json': 3 }, { cacheSize: 2 });
    await c.getJSON(`${E}a.json`);
    await c.getJSON(`${E}b.json`);
    await c.getJSON(`${E}a.json`); // a is now the most recent
    await c.getJSON(`${E}c.json`); // evicts b
    await c.getJSON(`${E}a.json`);
    expect([fake.count('a.json'), fake.count('b.json')]).to.deep.equal([1, 1]);
    await c.getJSON(`${E}b.json`);
    expect(fake.count('b.json')).to.equal(2);
  });

  it('does not cache errors', async () => {
    const { client: c, fake } = client({ 'catalog.json': (_, n) => (n === 1 ? status(500) : ok(catalogJson())) });
    expect((await rejection(c.getCatalog(E))).status).to.equal(500);
    expect((await c.getCatalog(E)).version).to.equal('v1');
    expect(fake.count('catalog.json')).to.equal(2);
  });
});

describe('FokusClient: abort', () => {
  it('rejects only the caller that aborts; the shared fetch goes on for the others', async () => {
    const g = gate(catalogJson());
    const { client: c, fake } = client({ 'catalog.json': g.answer });
    const a = new AbortController();
    const first = c.getCatalog(E, { signal: a.signal });
    const second = c.getCatalog(E, { signal: new AbortController().signal });
    a.abort();
    const error = await rejection(first);
    expect(error).to.be.instanceOf(FokusDataError);
    expect([error.code, error.name, error.url]).to.deep.equal(['aborted', 'AbortError', CATALOG]);
    expect(isAbortError(error)).to.equal(true);
    expect(await settledState(second)).to.equal('pending');
    expect(fake.calls[0].signal!.aborted).to.equal(false);
    g.release();
    expect((await second).version).to.equal('v1');
    expect(fake.count('catalog.json')).to.equal(1);
  });

  it('aborts the fetch when every waiting caller has aborted, and starts afresh afterwards', async () => {
    const g = gate(catalogJson());
    const { client: c, fake } = client({ 'catalog.json': g.answer });
    const a = new AbortController();
    const b = new AbortController();
    const first = c.getCatalog(E, { signal: a.signal });
    const second = c.getCatalog(E, { signal: b.signal });
    a.abort();
    await rejection(first);
    expect(fake.calls[0].signal!.aborted).to.equal(false);
    b.abort();
    expect((await rejection(second)).code).to.equal('aborted');
    expect(fake.calls[0].signal!.aborted).to.equal(true);
    const third = c.getCatalog(E);
    g.release();
    expect((await third).version).to.equal('v1');
    expect(fake.count('catalog.json')).to.equal(2);
  });

  it('keeps the fetch alive for a caller without a signal', async () => {
    const g = gate(catalogJson());
    const { client: c, fake } = client({ 'catalog.json': g.answer });
    const plain = c.getCatalog(E);
    const a = new AbortController();
    const aborting = c.getCatalog(E, { signal: a.signal });
    a.abort();
    await rejection(aborting);
    expect(fake.calls[0].signal!.aborted).to.equal(false);
    g.release();
    expect((await plain).version).to.equal('v1');
  });

  it('rejects an already aborted signal without fetching', async () => {
    const { client: c, fake } = client({ 'catalog.json': catalogJson() });
    expect((await rejection(c.getCatalog(E, { signal: AbortSignal.abort() }))).code).to.equal('aborted');
    expect(fake.calls).to.have.length(0);
  });
});

describe('FokusClient: timeout, retry, errors', () => {
  it('times out a request that does not answer, and aborts its fetch', async () => {
    const { client: c, fake } = client({ 'catalog.json': () => new Promise<Response>(() => {}) }, { timeout: 30 });
    const started = performance.now();
    const error = await rejection(c.getCatalog(E));
    expect([error.code, error.url]).to.deep.equal(['timeout', CATALOG]);
    // Loose upper bound: hidden test pages get throttled timers (about 1 s).
    expect(performance.now() - started).to.be.within(25, 5000);
    expect(fake.calls[0].signal!.aborted).to.equal(true);
  });

  it('retries network errors and HTTP 5xx with exponential backoff', async () => {
    const times: number[] = [];
    const { client: c, fake } = client(
      {
        'catalog.json': (_, n) => {
          times.push(performance.now());
          return n === 1 ? networkError() : n === 2 ? status(503) : ok(catalogJson());
        },
      },
      { retries: 2, retryDelay: 20 },
    );
    expect((await c.getCatalog(E)).version).to.equal('v1');
    expect(fake.count('catalog.json')).to.equal(3);
    expect(times[1] - times[0]).to.be.at.least(19);
    expect(times[2] - times[1]).to.be.at.least(39);
  });

  it('gives up after the configured retries with the last error', async () => {
    const { client: c, fake } = client({ 'catalog.json': () => status(502) }, { retries: 2, retryDelay: 1 });
    const error = await rejection(c.getCatalog(E));
    expect([error.code, error.status, error.url]).to.deep.equal(['http', 502, CATALOG]);
    expect(fake.count('catalog.json')).to.equal(3);
    const { client: c2 } = client({ 'catalog.json': networkError }, { retries: 1, retryDelay: 1 });
    const network = await rejection(c2.getCatalog(E));
    expect([network.code, network.url, network.detail]).to.deep.equal(['network', CATALOG, 'Failed to fetch']);
  });

  it('does not retry a 404', async () => {
    const { client: c, fake } = client({}, { retries: 2, retryDelay: 1 });
    const error = await rejection(c.getCatalog(E));
    expect(error).to.be.instanceOf(FokusDataError);
    expect([error.code, error.status, error.url]).to.deep.equal(['http', 404, CATALOG]);
    expect(fake.calls).to.have.length(1);
  });

  it('reports invalid JSON and schema violations as malformed, without retry', async () => {
    const { client: c, fake } = client(
      { 'catalog.json': () => new Response('{"format": ', { status: 200 }) },
      { retries: 2 },
    );
    const error = await rejection(c.getCatalog(E));
    expect([error.code, error.url]).to.deep.equal(['malformed', CATALOG]);
    expect(error.detail).to.match(/^not valid JSON/);
    expect(fake.calls).to.have.length(1);
    const { client: c2 } = client({ 'catalog.json': { ...catalogJson(), updated: 'gestern' } });
    const schema = await rejection(c2.getCatalog(E));
    expect([schema.code, schema.detail]).to.deep.equal([
      'malformed',
      'updated: expected an ISO date (YYYY-MM-DD), received "gestern"',
    ]);
  });
});

describe('FokusClient: catalog, indicator, geometry', () => {
  const routes = {
    'catalog.json': catalogJson(),
    'indicators/geburtenrate.json': indicatorJson(),
    'data/u6.json': { ...indicatorJson(), indicator: 'anteil-u6' },
    'geo/gemeinde.topo.json': topologyJson('all'),
    'geo/gemeinde-01056.topo.json': topologyJson('pinneberg'),
  };

  it('loads an indicator with its catalog entry', async () => {
    const { client: c, fake } = client(routes);
    const data = await c.getIndicator(E, 'geburtenrate');
    expect(data).to.be.instanceOf(IndicatorData);
    expect(data.indicator.label.de).to.equal('Geburtenrate');
    expect(data.get('01056015', 2023)).to.deep.equal({ value: 9.4, status: 'p' });
    expect(fake.calls.map((call) => call.url)).to.deep.equal([CATALOG, `${E}indicators/geburtenrate.json`]);
    expect(await c.getIndicator(E, 'geburtenrate')).to.equal(data);
    expect(fake.calls).to.have.length(2);
  });

  it('takes the file path from the catalog when given', async () => {
    const { client: c, fake } = client(routes);
    expect((await c.getIndicator(E, 'anteil-u6')).id).to.equal('anteil-u6');
    expect(fake.calls[1].url).to.equal(`${E}data/u6.json`);
  });

  it('names an unknown indicator', async () => {
    const { client: c, fake } = client(routes);
    const error = await rejection(c.getIndicator(E, 'geburtsrate'));
    expect([error.code, error.subject]).to.deep.equal(['unknown-indicator', 'geburtsrate']);
    expect(fake.calls).to.have.length(1);
  });

  it('refuses a file that belongs to another indicator', async () => {
    const { client: c } = client({
      ...routes,
      'indicators/geburtenrate.json': { ...indicatorJson(), indicator: 'anteil-u6' },
    });
    const error = await rejection(c.getIndicator(E, 'geburtenrate'));
    expect([error.code, error.url, error.detail]).to.deep.equal([
      'malformed',
      `${E}indicators/geburtenrate.json`,
      'indicator: expected "geburtenrate", found "anteil-u6"',
    ]);
  });

  it('loads the most specific geometry', async () => {
    const { client: c, fake } = client(routes);
    const kreis = await c.getGeometry(E, 'gemeinde', '01056');
    expect((kreis.objects.regions.geometries[0].properties as { name?: string }).name).to.equal('pinneberg');
    const all = await c.getGeometry(E, 'gemeinde');
    expect((all.objects.regions.geometries[0].properties as { name?: string }).name).to.equal('all');
    expect(fake.calls.map((call) => call.url.slice(E.length))).to.deep.equal([
      'catalog.json',
      'geo/gemeinde-01056.topo.json',
      'geo/gemeinde.topo.json',
    ]);
  });

  it('names an unknown level, a level without geometry and an unknown parent', async () => {
    const { client: c } = client(routes);
    const level = await rejection(c.getGeometry(E, 'bezirk'));
    expect([level.code, level.subject]).to.deep.equal(['unknown-level', 'bezirk']);
    const none = await rejection(c.getGeometry(E, 'amt', '01056'));
    expect([none.code, none.subject, none.detail]).to.deep.equal([
      'unknown-level',
      'amt',
      'the endpoint has no geometry for level "amt" below 01056',
    ]);
    const parent = await rejection(c.getGeometry(E, 'gemeinde', '01099'));
    expect([parent.code, parent.subject]).to.deep.equal(['unknown-region', '01099']);
  });

  it('names the problem of an indicator file that fails the check (detail from the schema)', async () => {
    const file = indicatorJson();
    (file.values[1] as unknown[])[2] = '9,4';
    const { client: c } = client({ ...routes, 'indicators/geburtenrate.json': file });
    const error = await rejection(c.getIndicator(E, 'geburtenrate'));
    expect([error.code, error.url, error.detail]).to.deep.equal([
      'malformed',
      `${E}indicators/geburtenrate.json`,
      'values[1][2]: expected number but received "9,4"',
    ]);
  });

  it('refuses a geometry file that is not a topology with regions', async () => {
    const { client: c } = client({ ...routes, 'geo/gemeinde.topo.json': { type: 'FeatureCollection', features: [] } });
    const error = await rejection(c.getGeometry(E, 'gemeinde'));
    expect([error.code, error.url]).to.deep.equal(['malformed', `${E}geo/gemeinde.topo.json`]);
  });
});

describe('FokusClient: warm-up (the loader script asks before the element)', () => {
  /** The end of the current task (the kept failure of a warm-up is shared until then). */
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('a warmed file is fetched once for the warm-up and the element', async () => {
    const { client: c, fake } = client({ 'catalog.json': catalogJson() });
    const warm = c.getCatalog(E, { warm: true });
    const own = c.getCatalog(E);
    expect(await own).to.equal(await warm);
    expect(await c.getCatalog(E)).to.equal(await warm);
    expect(fake.count('catalog.json')).to.equal(1);
  });

  it("a warm-up's failure goes to the callers of the next task instead of a second request; later ones ask again", async () => {
    const { client: c, fake } = client({ 'catalog.json': (_, n) => (n === 1 ? status(404) : ok(catalogJson())) });
    const warmed = await rejection(c.getCatalog(E, { warm: true }));
    expect([warmed.code, warmed.status]).to.deep.equal(['http', 404]);
    await nextTask(); // the element arrives later
    // the element's preview and its loader, in one task: the warm-up's answer, no request
    const [preview, loader] = await Promise.all([rejection(c.getCatalog(E)), rejection(c.getCatalog(E))]);
    expect(preview).to.equal(warmed);
    expect(loader).to.equal(warmed);
    expect(fake.count('catalog.json')).to.equal(1);
    await nextTask();
    // a caller after that (e.g. new attributes) asks the endpoint again
    expect((await c.getCatalog(E)).version).to.equal(catalogJson().version);
    expect(fake.count('catalog.json')).to.equal(2);
  });

  it('a failure that a non-warm caller has seen is not kept', async () => {
    const { client: c, fake } = client({ 'catalog.json': (_, n) => (n === 1 ? status(500) : ok(catalogJson())) });
    const warm = rejection(c.getCatalog(E, { warm: true }));
    const own = rejection(c.getCatalog(E));
    expect((await own).code).to.equal('http');
    expect(await warm).to.equal(await own);
    expect((await c.getCatalog(E)).version).to.equal(catalogJson().version);
    expect(fake.count('catalog.json')).to.equal(2);
  });

  it('a warm-up after the element has asked requests nothing (the element reports its own failure)', async () => {
    const { client: c, fake } = client({ 'catalog.json': () => status(404) });
    const own = await rejection(c.getCatalog(E));
    expect([own.code, own.status]).to.deep.equal(['http', 404]);
    const late = await rejection(c.getCatalog(E, { warm: true }));
    expect(late.code).to.equal('aborted');
    expect(fake.count('catalog.json')).to.equal(1);
  });

  it('clear() forgets kept failures', async () => {
    const { client: c, fake } = client({ 'catalog.json': (_, n) => (n === 1 ? status(404) : ok(catalogJson())) });
    await rejection(c.getCatalog(E, { warm: true }));
    c.clear();
    expect((await c.getCatalog(E)).version).to.equal(catalogJson().version);
    expect(fake.count('catalog.json')).to.equal(2);
  });
});

describe("FokusClient: the loader's early catalog request (prefetch.ts)", () => {
  const real = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = real;
    setClient(undefined);
  });
  /** A catalog URL of the test server not prefetched before on this page (each test its own query). */
  const fresh = (name: string) => new URL(`/demo-dist/data/catalog.json?${name}`, location.href).href;
  /** Counts the page's fetches of `url` from now on. */
  function countFetches(url: string): () => number {
    let n = 0;
    globalThis.fetch = (input, init) => {
      if (String(input) === url) n++;
      return real(input, init);
    };
    return () => n;
  }

  it('the page-wide client (default fetch) takes the prefetched response instead of asking again', async () => {
    setClient(undefined);
    const url = fresh('take');
    prefetch(url);
    const count = countFetches(url);
    const c = new FokusClient();
    const json = await c.getJSON<{ version: string }>(url);
    expect(json.version).to.be.a('string');
    expect(count()).to.equal(0);
    // taken once: a later request of the URL (the cache aside) is a request of its own
    c.clear();
    await c.getJSON(url);
    expect(count()).to.equal(1);
  });

  it('a client with its own fetch does not take it, and no prefetch starts once a client is set', async () => {
    const url = fresh('own');
    prefetch(url);
    const { client: c, fake } = client({ 'catalog.json?own': catalogJson() });
    await c.getJSON(url);
    expect(fake.count(url)).to.equal(1);
    setClient(c);
    const later = fresh('later');
    const count = countFetches(later);
    prefetch(later);
    expect(count()).to.equal(0);
  });
});

describe('getClient', () => {
  const KEY = Symbol.for('fokus-widgets.client');
  afterEach(() => setClient(undefined));

  it('is one instance per page, stored under a registered symbol shared by bundle copies', () => {
    setClient(undefined);
    const first = getClient();
    expect(getClient()).to.equal(first);
    expect((globalThis as Record<symbol, unknown>)[KEY]).to.equal(first);
    // A second copy of the bundle put its client there first: this copy uses it.
    const other = new FokusClient();
    (globalThis as Record<symbol, unknown>)[KEY] = other;
    expect(getClient()).to.equal(other);
  });

  it('can be replaced and reset', () => {
    const mine = new FokusClient({ timeout: 5 });
    setClient(mine);
    expect(getClient()).to.equal(mine);
    setClient(undefined);
    expect(getClient()).not.to.equal(mine);
    expect(getClient().timeout).to.equal(15000);
  });
});
