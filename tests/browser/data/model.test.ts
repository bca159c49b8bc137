import { expect } from '@open-wc/testing';
import { FokusDataError } from '../../../src/data/errors.js';
import {
  IndicatorData,
  isMissing,
  regionById,
  childrenOf,
  ancestors,
  levelLabel,
  parseLevel,
  parseRegionList,
  indicatorById,
  breakdownById,
  geometryFor,
} from '../../../src/data/model.js';
import { catalogJson, indicatorJson } from './fixtures.js';
import { describe, it } from '../helpers.js';

const catalog = catalogJson();
const data = new IndicatorData(indicatorJson(), indicatorById(catalog, 'geburtenrate')!, catalog);

function thrown(fn: () => unknown): FokusDataError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FokusDataError);
    return error as FokusDataError;
  }
  throw new Error('expected a FokusDataError');
}

describe('IndicatorData', () => {
  it('gets a value with its symbol', () => {
    expect(data.get('01056015', 2022)).to.deep.equal({ value: 9.3, status: '' });
    expect(data.get('01056015', 2023)).to.deep.equal({ value: 9.4, status: 'p' });
  });

  it('gives null for a suppressed value and 0 for "-"', () => {
    expect(data.get('01056001', 2022)).to.deep.equal({ value: null, status: '.' });
    expect(data.get('01056045', 2021)).to.deep.equal({ value: 0, status: '-' });
  });

  it('never reveals a number behind a missing symbol', () => {
    const file = indicatorJson();
    file.values[2][1] = 6.1; // inconsistent file, not validated
    expect(new IndicatorData(file, data.indicator).get('01056001', 2022).value).to.equal(null);
  });

  it('answers null without symbol for a region or year not in the file', () => {
    expect(data.get('01060002', 2022)).to.deep.equal({ value: null, status: '' });
    expect(data.get('01056015', 2019)).to.deep.equal({ value: null, status: '' });
    expect(data.has('01060002')).to.equal(false);
    expect(data.has('01056015')).to.equal(true);
  });

  it('gives a series in ascending years, also when the file is not sorted', () => {
    const file = indicatorJson();
    file.years = [2023, 2021, 2022];
    file.values[1] = [9.4, 9.1, 9.3];
    file.status = {};
    const d = new IndicatorData(file, data.indicator);
    expect(d.years).to.deep.equal([2021, 2022, 2023]);
    expect(d.series('01056015').map((p) => [p.year, p.value])).to.deep.equal([
      [2021, 9.1],
      [2022, 9.3],
      [2023, 9.4],
    ]);
    expect(data.series('01056001')).to.deep.equal([
      { year: 2021, value: 7.0, status: '' },
      { year: 2022, value: null, status: '.' },
      { year: 2023, value: 7.5, status: '' },
    ]);
    expect(data.series('01060002')).to.deep.equal([]);
  });

  it('finds the latest year with a value, per region and overall', () => {
    const file = indicatorJson();
    file.values[1][2] = null;
    file.status = { '01056015': ['', '', '...'] };
    file.values[0][2] = null;
    const d = new IndicatorData(file, data.indicator);
    expect(d.latestYear('01056015')).to.equal(2022);
    expect(d.latestYear('01056001')).to.equal(2023);
    expect(d.latestYear()).to.equal(2023);
    expect(d.latestYear('01060002')).to.equal(undefined);
  });

  it('gives the counts of a ratio where the file has them', () => {
    expect(data.counts('01056015', 2023)).to.deep.equal({ numerator: 482, denominator: 51300 });
    expect(data.counts('01056001', 2022)).to.deep.equal({ numerator: null, denominator: 5050 });
    expect(data.counts('01060002', 2023)).to.equal(undefined);
    const bare = indicatorJson();
    delete bare.numerator;
    delete bare.denominator;
    expect(new IndicatorData(bare, data.indicator).counts('01056015', 2023)).to.equal(undefined);
  });

  it('exposes id, regions and the catalog entry', () => {
    expect(data.id).to.equal('geburtenrate');
    expect(data.regions).to.deep.equal(['01056', '01056015', '01056001', '01056045']);
    expect(data.indicator.label.de).to.equal('Geburtenrate');
  });
});

describe('isMissing', () => {
  it('is true exactly for . / x ...', () => {
    expect(['.', '/', 'x', '...'].map(isMissing)).to.deep.equal([true, true, true, true]);
    expect(['-', '()', 'p', 'r', 's', '', undefined].map(isMissing)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('region helpers', () => {
  it('finds a region by id', () => {
    expect(regionById(catalog, '01056015')?.name).to.equal('Elmshorn');
    expect(regionById(catalog, '99')).to.equal(undefined);
  });

  it('lists all Gemeinden below a Kreis, also those in an Amt', () => {
    expect(childrenOf(catalog, '01056', 'gemeinde').map((r) => r.name)).to.deep.equal(['Elmshorn', 'Appen', 'Wedel']);
    expect(childrenOf(catalog, '010565603', 'gemeinde').map((r) => r.name)).to.deep.equal(['Appen']);
    expect(childrenOf(catalog, '01', 'kreis').map((r) => r.id)).to.deep.equal(['01056', '01060']);
    expect(childrenOf(catalog, '01060', 'amt')).to.deep.equal([]);
  });

  it('lists ancestors nearest first', () => {
    expect(ancestors(catalog, '01056001').map((r) => r.id)).to.deep.equal(['010565603', '01056', '01']);
    expect(ancestors(catalog, '01')).to.deep.equal([]);
    expect(ancestors(catalog, '99')).to.deep.equal([]);
  });

  it('labels levels from the catalog, with built-in names as fallback', () => {
    expect(levelLabel(catalog, 'gemeinde', 'de')).to.equal('Gemeinde');
    expect(levelLabel(catalog, 'gemeinde', 'en')).to.equal('Municipality');
    expect(levelLabel(catalog, 'amt', 'en')).to.equal('Amt'); // catalog has no English label: German
    expect(levelLabel({ ...catalog, levels: [] }, 'kreis', 'en')).to.equal('District');
  });

  it('parses a level attribute', () => {
    expect(parseLevel(' Gemeinde ')).to.equal('gemeinde');
    const error = thrown(() => parseLevel('bezirk'));
    expect([error.code, error.subject]).to.deep.equal(['unknown-level', 'bezirk']);
  });

  it('parses a region list and names the first unknown key', () => {
    expect(parseRegionList(catalog, '01056015, 01056')).to.deep.equal(['01056015', '01056']);
    expect(parseRegionList(catalog, ' 01056015;01056015 01 ')).to.deep.equal(['01056015', '01']);
    expect(parseRegionList(catalog, '')).to.deep.equal([]);
    const error = thrown(() => parseRegionList(catalog, '01056015, 1056015, 7'));
    expect([error.code, error.subject]).to.deep.equal(['unknown-region', '1056015']);
    expect(error.message).to.equal('Unknown region "1056015"');
  });
});

describe('indicator, breakdown and geometry lookups', () => {
  it('finds indicators and breakdowns by id', () => {
    expect(indicatorById(catalog, 'anteil-u6')?.file).to.equal('data/u6.json');
    expect(indicatorById(catalog, 'nix')).to.equal(undefined);
    expect(breakdownById(catalog, 'altersgruppen')?.indicators).to.deep.equal(['anteil-u6', 'anteil-6-18']);
    expect(breakdownById(catalog, 'nix')).to.equal(undefined);
  });

  it('chooses the most specific geometry file', () => {
    expect(geometryFor(catalog, 'gemeinde', '01056')?.file).to.equal('geo/gemeinde-01056.topo.json');
    expect(geometryFor(catalog, 'gemeinde', '010565603')?.file).to.equal('geo/gemeinde-01056.topo.json'); // nearest ancestor
    expect(geometryFor(catalog, 'gemeinde', '01060')?.file).to.equal('geo/gemeinde.topo.json');
    expect(geometryFor(catalog, 'gemeinde')?.file).to.equal('geo/gemeinde.topo.json');
    expect(geometryFor(catalog, 'amt', '01056')).to.equal(undefined);
  });
});
