import { expect } from '@open-wc/testing';
import { FokusClient } from '../../../src/data/client.js';
import { levelNoun, partitionFor, partitionRegions, parseLevel } from '../../../src/data/model.js';
import { parseCatalog } from '../../../src/data/validate.js';
import type { Catalog, IndicatorFile } from '../../../src/data/schema.js';
import { catalogJson, indicatorJson, fakeFetch, rejection } from './fixtures.js';
import { describe, it } from '../helpers.js';

const E = 'https://example.org/data/';

/** The fixture catalog as format 1.2: partitions per Kreis and a level below the Gemeinde. */
function catalog12(): Catalog {
  const c = catalogJson();
  c.format = 'fokus-catalog/1.2';
  c.levels.push({ id: 'stadtteil', label: { de: 'Stadtteil (erfunden)' } });
  c.regions.push(
    { id: '01056015-1', name: 'Elmshorn-Nord', level: 'stadtteil', parent: '01056015' },
    { id: '01056015-2', name: 'Elmshorn-Süd', level: 'stadtteil', parent: '01056015' },
  );
  c.partitions = { level: 'kreis', parents: ['01056', '01060'], file: 'indicators/{parent}/{indicator}.json' };
  return c;
}

/** The rows of the fixture file for `ids`. */
function rows(ids: string[]): IndicatorFile {
  const f = indicatorJson();
  const keep = f.regions.flatMap((id, i) => (ids.includes(id) ? [i] : []));
  return {
    format: f.format,
    indicator: f.indicator,
    years: f.years,
    regions: keep.map((i) => f.regions[i]),
    values: keep.map((i) => f.values[i]),
  };
}

function client(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  return { fake, c: new FokusClient({ fetch: fake.fetch, retries: 0, timeout: 1000 }) };
}

describe('partitions (format 1.2)', () => {
  it('a partition holds the regions below its parent and the levels above', () => {
    const c = parseCatalog(catalog12(), 'catalog.json');
    expect(partitionRegions(c, '01060').map((r) => r.id)).to.deep.equal(['01', '01056', '01060', '01060002']);
    expect(partitionRegions(c, '01056').map((r) => r.id)).to.include.members(['01', '01060', '01056015-2']);
    expect(partitionFor(c, ['01056015-1', '01056'])).to.equal('01056');
    expect(partitionFor(c, ['01056015', '01060002'])).to.equal(undefined); // two Kreise: the whole file
    expect(partitionFor(c, ['01', '01056'])).to.equal('01060'); // upper levels only: the smallest
  });

  it('loads the partition of the Kreis for a scope, one request shared by all callers', async () => {
    const { fake, c } = client({
      'catalog.json': catalog12(),
      'indicators/01056/geburtenrate.json': rows(['01056', '01056015', '01056001', '01056045']),
      'indicators/geburtenrate.json': indicatorJson(),
    });
    const [a, b, d] = await Promise.all([
      c.getIndicator(E, 'geburtenrate', { level: 'gemeinde', parent: '01056' }),
      c.getIndicator(E, 'geburtenrate', { regions: ['01056015', '01056'] }),
      c.getIndicator(E, 'geburtenrate', { level: 'stadtteil', parent: '01056015' }),
    ]);
    expect(a).to.equal(b);
    expect(a).to.equal(d);
    expect(a.get('01056015', 2023)).to.deep.equal({ value: 9.4, status: '' });
    const urls = fake.calls.map((call) => call.url.slice(E.length));
    expect(urls).to.deep.equal(['catalog.json', 'indicators/01056/geburtenrate.json']);
  });

  it('loads the whole file without a scope, for a whole level or across Kreise, and then reuses it', async () => {
    const { fake, c } = client({
      'catalog.json': catalog12(),
      'indicators/01056/geburtenrate.json': rows(['01056', '01056015']),
      'indicators/geburtenrate.json': indicatorJson(),
    });
    await c.getIndicator(E, 'geburtenrate');
    await c.getIndicator(E, 'geburtenrate', { level: 'gemeinde' });
    await c.getIndicator(E, 'geburtenrate', { regions: ['01056015', '01060002'] });
    await c.getIndicator(E, 'geburtenrate', { level: 'gemeinde', parent: '01056' }); // the whole file is cached
    const urls = fake.calls.map((call) => call.url.slice(E.length));
    expect(urls).to.deep.equal(['catalog.json', 'indicators/geburtenrate.json']);
  });

  it('an endpoint without partitions (format 1.0) loads the whole file for every scope', async () => {
    const { fake, c } = client({ 'catalog.json': catalogJson(), 'indicators/geburtenrate.json': indicatorJson() });
    const data = await c.getIndicator(E, 'geburtenrate', { level: 'gemeinde', parent: '01056' });
    expect(data.regions).to.deep.equal(indicatorJson().regions);
    expect(fake.calls.map((call) => call.url.slice(E.length))).to.deep.equal([
      'catalog.json',
      'indicators/geburtenrate.json',
    ]);
  });

  it('names an unknown level or region of a scope', async () => {
    const { c } = client({ 'catalog.json': catalog12() });
    const level = await rejection(c.getIndicator(E, 'geburtenrate', { level: 'bezirk', parent: '01056' }));
    expect([level.code, level.subject]).to.deep.equal(['unknown-level', 'bezirk']);
    const region = await rejection(c.getIndicator(E, 'geburtenrate', { regions: ['01099'] }));
    expect([region.code, region.subject]).to.deep.equal(['unknown-region', '01099']);
  });
});

describe('levels below the Gemeinde (format 1.2)', () => {
  it('parseLevel accepts the levels of the catalog, and only the official ones without', () => {
    const c = parseCatalog(catalog12(), 'catalog.json');
    expect(parseLevel(' Stadtteil ', c)).to.equal('stadtteil');
    expect(() => parseLevel('stadtteil'))
      .to.throw()
      .with.property('code', 'unknown-level');
    expect(() => parseLevel('bezirk', c))
      .to.throw()
      .with.property('code', 'unknown-level');
  });

  it('levelNoun: built-in nouns for the official levels, label and plural from the catalog', () => {
    const c = catalog12();
    c.levels[4].plural = { de: 'Stadtteile (erfunden)' };
    expect(levelNoun(c, 'gemeinde', 'de', 1)).to.equal('Gemeinde');
    expect(levelNoun(c, 'gemeinde', 'en', 3)).to.equal('municipalities');
    expect(levelNoun(c, 'stadtteil', 'de', 1)).to.equal('Stadtteil (erfunden)');
    expect(levelNoun(c, 'stadtteil', 'de', 8)).to.equal('Stadtteile (erfunden)');
  });

  it('a catalog is refused when a parent is not on a higher level or a level is not declared', () => {
    const down = catalog12();
    down.regions.find((r) => r.id === '01056015-1')!.level = 'kreis';
    expect(() => parseCatalog(down, 'c.json')).to.throw(/not on a higher level/);
    const undeclared = catalog12();
    undeclared.levels.pop();
    expect(() => parseCatalog(undeclared, 'c.json')).to.throw(/level "stadtteil" is not in levels/);
    const badKey = catalog12();
    badKey.regions[1].id = '0105x';
    expect(() => parseCatalog(badKey, 'c.json')).to.throw(/official region key/);
  });
});
