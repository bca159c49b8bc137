import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changeAgainst,
  comparisonSentence,
  direction,
  isSmallCount,
  toneOf,
  type SentenceInput,
} from '../../../../src/elements/indicator-tile/tile-text.js';

const base: SentenceInput = {
  lang: 'de',
  locale: 'de-DE',
  regionName: 'Elmshorn',
  value: 9.4,
  status: '',
  unit: 'Geburten je 1.000 Einwohner',
  decimals: 1,
  polarity: 'neutral',
  kind: 'ratio',
  references: [{ level: 'kreis', name: 'Kreis Pinneberg', value: 8.7, status: '' }],
};

test('the sentence of the issue: above the Kreis value, German numbers', () => {
  assert.equal(comparisonSentence(base), 'Elmshorn liegt mit 9,4 über dem Kreiswert von 8,7.');
});

test('Kreis and Land in one sentence; same direction shares the preposition, different ones do not', () => {
  const land = { level: 'land' as const, name: 'Schleswig-Holstein', value: 8.2, status: '' as const };
  assert.equal(
    comparisonSentence({ ...base, references: [...base.references, land] }),
    'Elmshorn liegt mit 9,4 über dem Kreiswert von 8,7 und dem Landeswert von 8,2.',
  );
  assert.equal(
    comparisonSentence({ ...base, references: [...base.references, { ...land, value: 9.9 }] }),
    'Elmshorn liegt mit 9,4 über dem Kreiswert von 8,7 und unter dem Landeswert von 9,9.',
  );
});

test('equal as shown (rounded) is "genau auf", never "über 8,7 … von 8,7"', () => {
  assert.equal(direction(8.74, 8.66, 1), 'equal');
  assert.match(
    comparisonSentence({ ...base, value: 8.74, references: [{ ...base.references[0], value: 8.66 }] }),
    /genau auf dem Kreiswert von 8,7\./,
  );
});

test('polarity: a higher SGB II rate is unfavourable, a lower one favourable; neutral has no judgement', () => {
  const sgb2: SentenceInput = {
    ...base,
    value: 9.1,
    unit: '%',
    polarity: 'lower-is-better',
    references: [
      { level: 'kreis', name: 'Kreis Pinneberg', value: 6.3, status: '' },
      { level: 'land', name: 'Schleswig-Holstein', value: 7.5, status: '' },
    ],
  };
  assert.equal(
    comparisonSentence(sgb2),
    'Elmshorn liegt mit 9,1 % über dem Kreiswert von 6,3 und dem Landeswert von 7,5 – ungünstiger als im Kreis und im Land.',
  );
  assert.match(
    comparisonSentence({ ...sgb2, value: 5 }),
    /unter dem Kreiswert von 6,3 und dem Landeswert von 7,5 – günstiger als im Kreis und im Land\.$/,
  );
  assert.match(comparisonSentence({ ...sgb2, value: 7 }), /– günstiger als im Land, ungünstiger als im Kreis\.$/);
  assert.match(
    comparisonSentence({ ...sgb2, polarity: 'higher-is-better' }),
    /– günstiger als im Kreis und im Land\.$/,
  );
  assert.doesNotMatch(comparisonSentence(base), /günstig/);
});

test('English', () => {
  assert.equal(
    comparisonSentence({ ...base, lang: 'en', locale: 'en-GB', unit: 'births per 1,000 inhabitants' }),
    'Elmshorn, at 9.4 births per 1,000 inhabitants, is above the district value of 8.7.',
  );
});

test('missing values: no sentence for a suppressed region value, a reference without value is left out', () => {
  assert.equal(comparisonSentence({ ...base, value: null, status: '.' }), '');
  const land = { level: 'land' as const, name: 'SH', value: null, status: '/' as const };
  assert.equal(
    comparisonSentence({ ...base, references: [...base.references, land] }),
    'Elmshorn liegt mit 9,4 über dem Kreiswert von 8,7.',
  );
  assert.equal(comparisonSentence({ ...base, references: [] }), '');
});

test('counts are compared as a share of the Kreis, not as above or below', () => {
  const s = comparisonSentence({
    ...base,
    value: 50000,
    unit: 'Einwohner',
    decimals: 0,
    kind: 'count',
    references: [{ level: 'kreis', name: 'Kreis Pinneberg', value: 320000, status: '' }],
  });
  assert.equal(s, 'Elmshorn: 50.000 Einwohner, das sind 15,6 % des Kreiswerts von 320.000.');
});

test('the sentence reads plain numbers (provisional marks stay with the headline number)', () => {
  const land = { level: 'land' as const, name: 'SH', value: 8.2, status: 'p' as const };
  assert.equal(
    comparisonSentence({ ...base, status: 'p', references: [land] }),
    'Elmshorn liegt mit 9,4 über dem Landeswert von 8,2.',
  );
});

test('change against the previous year, with tone by polarity and a label for screen readers', () => {
  const up = changeAgainst(
    { value: 9.4, status: '' },
    { value: 9.1, status: '', year: 2023 },
    1,
    'lower-is-better',
    'de',
    'de-DE',
  )!;
  assert.deepEqual(
    { text: up.text, direction: up.direction, tone: up.tone, label: up.label },
    { text: '+0,3', direction: 'up', tone: 'worse', label: 'gestiegen um 0,3 gegenüber 2023' },
  );
  const down = changeAgainst(
    { value: 9.0, status: '' },
    { value: 9.4, status: '', year: 2023 },
    1,
    'lower-is-better',
    'de',
    'de-DE',
  )!;
  assert.equal(down.text, '\u22120,4');
  assert.equal(down.tone, 'better');
  assert.equal(
    changeAgainst({ value: 9.0, status: '' }, { value: 9.04, status: '', year: 2023 }, 1, 'neutral', 'en', 'en-GB')!
      .label,
    'unchanged from 2023',
  );
  assert.equal(
    changeAgainst({ value: 9, status: '' }, { value: null, status: '.', year: 2023 }, 1, 'neutral', 'de', 'de-DE'),
    undefined,
  );
});

test('tone and small counts', () => {
  assert.equal(toneOf('above', 'higher-is-better'), 'better');
  assert.equal(toneOf('up', 'lower-is-better'), 'worse');
  assert.equal(toneOf('down', 'neutral'), 'neutral');
  assert.equal(isSmallCount({ numerator: 3, denominator: 250 }, 20), true);
  assert.equal(isSmallCount({ numerator: 400, denominator: 50000 }, 20), false);
  assert.equal(isSmallCount(undefined, 20), false);
  assert.equal(isSmallCount({ numerator: null, denominator: 100 }, 20), false);
});
