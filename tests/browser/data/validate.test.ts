import { expect } from '@open-wc/testing';
import { FokusDataError } from '../../../src/data/errors.js';
import { parseCatalog, parseIndicatorFile, parseTopology, formatPath } from '../../../src/data/validate.js';
import { catalogJson, indicatorJson, topologyJson } from './fixtures.js';
import { describe, it } from '../helpers.js';

const URL_C = 'https://example.org/data/catalog.json';
const URL_I = 'https://example.org/data/indicators/geburtenrate.json';

function malformed(fn: () => unknown): FokusDataError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FokusDataError);
    expect((error as FokusDataError).code).to.equal('malformed');
    return error as FokusDataError;
  }
  throw new Error('expected FokusDataError(malformed)');
}

describe('parseCatalog', () => {
  it('returns a valid catalog', () => {
    const catalog = parseCatalog(catalogJson(), URL_C);
    expect(catalog.regions).to.have.length(8);
    expect(catalog.indicators.map((i) => i.id)).to.deep.equal(['geburtenrate', 'anteil-u6', 'anteil-6-18']);
  });

  it('names the JSON path and the expectation of a schema violation, with the URL', () => {
    const json = catalogJson();
    json.regions[3].id = '0105x';
    const error = malformed(() => parseCatalog(json, URL_C));
    expect(error.url).to.equal(URL_C);
    expect(error.detail).to.equal(
      'regions[3].id: expected an official region key (digits) or a key like 01056015-03, received "0105x"',
    );
    expect(error.message).to.contain(URL_C).and.contain('regions[3].id');
  });

  it('lists only the first three issues and counts the rest', () => {
    const error = malformed(() => parseCatalog({ format: 'fokus-catalog/1' }, URL_C));
    expect(error.detail).to.equal(
      'version: required, but missing; title: required, but missing; publisher: required, but missing (and 8 more)',
    );
  });

  it('rejects input that is not an object', () => {
    expect(malformed(() => parseCatalog(null, URL_C)).detail).to.equal('(root): expected Object but received null');
  });

  it('finds duplicate region ids and unknown parents', () => {
    const json = catalogJson();
    json.regions[5] = { ...json.regions[5], id: '01056015' };
    json.regions[6] = { ...json.regions[6], parent: '01099' };
    expect(malformed(() => parseCatalog(json, URL_C)).detail).to.equal(
      'regions[5].id: duplicate region id "01056015" (also regions[4]); regions[6].parent: unknown region "01099"',
    );
  });

  it('finds a cycle in the parent chain', () => {
    const json = catalogJson();
    json.regions[1] = { ...json.regions[1], parent: '010565603' };
    expect(malformed(() => parseCatalog(json, URL_C)).detail).to.contain(
      'regions[1].parent: the parent chain of "01056" is a cycle',
    );
  });

  it('finds unknown topics, unknown breakdown members and mismatched categories', () => {
    const json = catalogJson();
    json.indicators[0] = { ...json.indicators[0], topic: 'gesundheit' };
    json.breakdowns![0] = { ...json.breakdowns![0], indicators: ['anteil-u6', 'anteil-65'], categories: [{ de: 'a' }] };
    expect(malformed(() => parseCatalog(json, URL_C)).detail).to.equal(
      'indicators[0].topic: unknown topic "gesundheit"; breakdowns[0].indicators[1]: unknown indicator "anteil-65"; ' +
        'breakdowns[0].categories: 1 categories for 2 indicators (must be equal)',
    );
  });

  it('finds duplicate indicator ids and geometry for an unknown parent', () => {
    const json = catalogJson();
    json.indicators[2] = { ...json.indicators[2], id: 'geburtenrate' };
    json.breakdowns = [];
    json.geometry[1] = { ...json.geometry[1], parent: '01099' };
    expect(malformed(() => parseCatalog(json, URL_C)).detail).to.equal(
      'indicators[2].id: duplicate indicator id "geburtenrate"; geometry[1].parent: unknown region "01099"',
    );
  });
});

describe('parseIndicatorFile', () => {
  const catalog = parseCatalog(catalogJson(), URL_C);

  it('returns a valid file, also checked against the catalog', () => {
    expect(parseIndicatorFile(indicatorJson(), URL_I).values[1]).to.deep.equal([9.1, 9.3, 9.4]);
    expect(parseIndicatorFile(indicatorJson(), URL_I, catalog, 'geburtenrate').regions).to.have.length(4);
  });

  it('checks the matrix shape: one row per region, one value per year', () => {
    const json = indicatorJson();
    json.values[2] = [7.0, null];
    json.values.pop();
    const error = malformed(() => parseIndicatorFile(json, URL_I));
    expect(error.url).to.equal(URL_I);
    expect(error.detail).to.equal(
      'values: 3 rows for 4 regions (must be equal); values[2]: 2 values for 3 years (must be equal)',
    );
  });

  it('checks numerator and denominator have the same shape', () => {
    const json = indicatorJson();
    json.numerator![0] = [1, 2];
    json.denominator!.pop();
    expect(malformed(() => parseIndicatorFile(json, URL_I)).detail).to.equal(
      'numerator[0]: 2 values for 3 years (must be equal); denominator: 3 rows for 4 regions (must be equal)',
    );
  });

  it('checks status: region present, one symbol per year, valid symbols', () => {
    const json = indicatorJson();
    json.status = { '01056099': ['', '', ''], '01056015': ['', 'p'] };
    expect(malformed(() => parseIndicatorFile(json, URL_I)).detail).to.equal(
      'status["01056099"]: region "01056099" is not in regions; status["01056015"]: 2 symbols for 3 years (must be equal)',
    );
    const bad = indicatorJson();
    bad.status!['01056015'][0] = 'q' as 'p'; // not a symbol
    expect(malformed(() => parseIndicatorFile(bad, URL_I)).detail).to.match(
      /^status\["01056015"\]\[0\]: expected .*"\(\)".* but received "q"$/,
    );
  });

  it('refuses a suppressed value that still carries a number, and "-" with a non-zero value', () => {
    const json = indicatorJson();
    json.values[2][1] = 6.1;
    json.values[3][0] = 3;
    expect(malformed(() => parseIndicatorFile(json, URL_I)).detail).to.equal(
      'values[2][1]: status "." requires null, found 6.1; values[3][0]: status "-" (nothing) requires 0 or null, found 3',
    );
  });

  it('checks the indicator id and the regions against the catalog', () => {
    const json = indicatorJson();
    json.regions[3] = '01056099';
    delete json.status!['01056045'];
    expect(malformed(() => parseIndicatorFile(json, URL_I, catalog, 'anteil-u6')).detail).to.equal(
      'indicator: expected "anteil-u6", found "geburtenrate"; regions[3]: unknown region "01056099" (not in the catalog)',
    );
    const other = { ...indicatorJson(), indicator: 'sterberate' };
    expect(malformed(() => parseIndicatorFile(other, URL_I, catalog)).detail).to.equal(
      'indicator: unknown indicator "sterberate"',
    );
  });

  it('finds duplicate regions and years', () => {
    const json = indicatorJson();
    json.years = [2021, 2022, 2021];
    json.regions[2] = '01056015';
    json.status = {};
    expect(malformed(() => parseIndicatorFile(json, URL_I)).detail).to.equal(
      'regions[2]: duplicate region "01056015" (also regions[1]); years[2]: duplicate year 2021',
    );
  });
});

describe('parseTopology and formatPath', () => {
  it('accepts a topology with a regions collection and refuses others', () => {
    expect(parseTopology(topologyJson(), 'u').objects.regions.geometries[0].id).to.equal('01056015');
    expect(malformed(() => parseTopology({ type: 'FeatureCollection', features: [] }, 'u')).detail).to.equal(
      'type: expected "Topology", received "FeatureCollection"; arcs: expected an array; objects.regions: required, but missing',
    );
    expect(malformed(() => parseTopology([], 'u')).detail).to.equal('(root): expected a TopoJSON object');
  });

  it('formats paths like JavaScript', () => {
    expect(formatPath(['regions', 3, 'id'])).to.equal('regions[3].id');
    expect(formatPath(['status', '01056', 2])).to.equal('status["01056"][2]');
    expect(formatPath([])).to.equal('(root)');
  });
});

describe('issue texts', () => {
  it('turns Valibot messages into short expectations', () => {
    const json = catalogJson();
    json.levels = [];
    json.indicators[0].decimals = 1.5;
    json.indicators[0].years[0] = 1800;
    expect(malformed(() => parseCatalog(json, URL_C)).detail).to.equal(
      'levels: expected length >=1 but received 0; indicators[0].decimals: invalid integer, received 1.5; ' +
        'indicators[0].years[0]: expected value >=1900 but received 1800',
    );
  });
});
