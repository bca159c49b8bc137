import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { Indicator, FORMAT_INDICATOR, type IndicatorFile } from '../../src/data/schema.js';
import { IndicatorData } from '../../src/data/model.js';
import {
  DEFAULT_MIN_COUNT,
  intervalOf,
  intervalsOverlap,
  isSmallCount,
  minCountOf,
  neighboursOverlap,
  rankRange,
  rateInterval,
} from '../../src/data/uncertainty.js';

const near = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

export const birthRate: Indicator = {
  id: 'geburtenrate',
  label: { de: 'Geburtenrate', en: 'Birth rate' },
  unit: { de: 'je 1.000 Einwohner', en: 'per 1,000 inhabitants' },
  decimals: 1,
  description: { de: 'Lebendgeborene je 1.000 Einwohner' },
  source: 'Test',
  topic: 'familie',
  polarity: 'neutral',
  years: [2023, 2024],
  levels: ['gemeinde'],
  computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000 },
};

test('minCount is an optional catalog field with default 20; the schema rejects a negative one', () => {
  assert.equal(DEFAULT_MIN_COUNT, 20);
  assert.equal(minCountOf(birthRate), 20);
  assert.equal(minCountOf({ ...birthRate, minCount: 5 }), 5);
  assert.equal(v.parse(Indicator, { ...birthRate, minCount: 10 }).minCount, 10);
  assert.equal(v.safeParse(Indicator, { ...birthRate, minCount: -1 }).success, false);
  assert.equal(v.safeParse(Indicator, { ...birthRate, minCount: 2.5 }).success, false);
});

test('isSmallCount: below the threshold only; unknown counts and threshold 0 are never small', () => {
  assert.equal(isSmallCount({ numerator: 7, denominator: 300 }, 20), true);
  assert.equal(isSmallCount({ numerator: 20, denominator: 300 }, 20), false);
  assert.equal(isSmallCount({ numerator: 0, denominator: 300 }), true);
  assert.equal(isSmallCount({ numerator: null, denominator: 300 }, 20), false);
  assert.equal(isSmallCount(undefined, 20), false);
  assert.equal(isSmallCount({ numerator: 3, denominator: 300 }, 0), false);
});

test('rate interval: 7 births on 300 inhabitants is 23.3 per 1,000, plausibly 9.4 to 48.1', () => {
  const i = rateInterval(7, 300, 1000)!;
  // Garwood: 7 -> [2.8143, 14.4227]; / 300 x 1000.
  near(i.low, 9.381, 1e-3);
  near(i.high, 48.076, 1e-3);
  const zero = rateInterval(0, 1000, 1000)!;
  assert.equal(zero.low, 0);
  near(zero.high, 3.689, 1e-3);
  assert.equal(rateInterval(null, 300, 1000), undefined);
  assert.equal(rateInterval(3, 0, 1000), undefined);
  // A large count has a narrow interval: 2,000 on 200,000 is 10 per 1,000 +- about 0.44.
  const big = rateInterval(2000, 200000, 1000)!;
  near(big.low, 9.57, 0.01);
  near(big.high, 10.45, 0.01);
});

test('intervalOf reads value and counts of an indicator file and marks small counts', () => {
  const file: IndicatorFile = {
    format: FORMAT_INDICATOR,
    indicator: 'geburtenrate',
    years: [2023, 2024],
    regions: ['01056001', '01056002'],
    values: [
      [23.3, null],
      [10, 9.5],
    ],
    status: { '01056001': ['', '.'] },
    numerator: [
      [7, null],
      [2000, 1900],
    ],
    denominator: [
      [300, 310],
      [200000, 200000],
    ],
  };
  const data = new IndicatorData(file, birthRate);
  const small = intervalOf(data, '01056001', 2023)!;
  assert.equal(small.small, true);
  assert.equal(small.numerator, 7);
  near(small.low, 9.381, 1e-3);
  assert.equal(intervalOf(data, '01056001', 2024), undefined, 'secret value: no interval');
  assert.equal(intervalOf(data, '01056002', 2024)!.small, false);
  const count = new IndicatorData(file, { ...birthRate, computation: { type: 'count', count: 'births' } });
  assert.equal(intervalOf(count, '01056002', 2024), undefined, 'counts have no Poisson interval here');
});

test('overlap, plausible rank range and neighbours in a ranking', () => {
  assert.equal(intervalsOverlap({ low: 1, high: 3 }, { low: 3, high: 5 }), true);
  assert.equal(intervalsOverlap({ low: 1, high: 2.9 }, { low: 3, high: 5 }), false);
  // Own [5, 7]; others: [8, 9] surely above, [6, 10] possibly above, [1, 4] below, [4, 6] overlapping but lower.
  const others = [
    { low: 8, high: 9 },
    { low: 6, high: 10 },
    { low: 1, high: 4 },
    { low: 4, high: 6 },
  ];
  assert.deepEqual(rankRange({ low: 5, high: 7 }, others), { best: 2, worst: 4 });
  assert.deepEqual(rankRange({ low: 11, high: 12 }, others), { best: 1, worst: 1 });
  assert.deepEqual(
    neighboursOverlap([
      { low: 20, high: 30 },
      { low: 8, high: 12 },
      { low: 7, high: 9 },
      undefined,
      { low: 1, high: 2 },
    ]),
    [false, true, true, false, false],
  );
});
