import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '../../../../src/data/model.js';
import {
  buildMapModel,
  classLabel,
  mapCsvRows,
  type MapModelInput,
} from '../../../../src/elements/municipality-map/map-model.js';

const obs: Record<string, Observation> = {
  a: { value: 9.44, status: '' },
  b: { value: 7.1, status: 'p' },
  c: { value: null, status: '.' },
  d: { value: null, status: '' },
  e: { value: 8.0, status: '' },
  f: { value: 10.2, status: '' },
};

function input(over: Partial<MapModelInput> = {}): MapModelInput {
  return {
    regions: Object.keys(obs).map((id) => ({ id, name: `Ort ${id.toUpperCase()}` })),
    observe: (id) => obs[id],
    reference: { id: 'k', name: 'Kreis Pinneberg', observation: { value: 8.4, status: '' } },
    parentName: 'Kreis Pinneberg',
    indicator: {
      id: 'geburtenrate',
      label: 'Geburtenrate',
      unit: 'je 1.000 Einwohner',
      decimals: 1,
      polarity: 'neutral',
    },
    level: 'gemeinde',
    year: 2024,
    method: 'quantile',
    classes: 2,
    scheme: 'auto',
    lang: 'de',
    locale: 'de-DE',
    ...over,
  };
}

test('regions: values rounded, suppressed and missing never in a class', () => {
  const m = buildMapModel(input());
  const a = m.byId.get('a')!;
  assert.equal(a.value, 9.4);
  assert.equal(a.text, '9,4');
  assert.ok(a.classIndex >= 0);
  assert.equal(a.color, m.classification.colors[a.classIndex]);
  assert.equal(m.byId.get('c')!.fill, 'suppressed');
  assert.equal(m.byId.get('c')!.classIndex, -1);
  assert.equal(m.byId.get('c')!.color, '');
  assert.equal(m.byId.get('d')!.fill, 'nodata');
  assert.equal(m.byId.get('b')!.text, '7,1 p');
  assert.equal(m.byId.get('b')!.label, 'Ort B: 7,1 p je 1.000 Einwohner, vorläufige Zahl');
  assert.equal(m.byId.get('c')!.label, 'Ort C: ., Zahlenwert unbekannt oder geheim zu halten');
  assert.equal(m.byId.get('d')!.label, 'Ort D: keine Angabe');
});

test('deviation from the reference, signed, German format', () => {
  const m = buildMapModel(input());
  assert.equal(m.byId.get('a')!.deviation, 1);
  assert.equal(m.byId.get('a')!.deviationText, '+1,0 gegenüber Kreis Pinneberg (8,4)');
  assert.equal(m.byId.get('b')!.deviationText, '−1,3 gegenüber Kreis Pinneberg (8,4)'.replace('−', '-'));
  assert.equal(m.byId.get('c')!.deviationText, '');
});

test('legend: class ranges in German format with counts, own entries for suppressed and missing', () => {
  const m = buildMapModel(input());
  const labels = m.legend.map((l) => `${l.label} (${l.count})`);
  assert.deepEqual(labels, [
    '7,1 bis unter 8,7 (2)',
    '8,7 bis 10,2 (2)',
    '. Zahlenwert unbekannt oder geheim zu halten (1)',
    'keine Angabe (1)',
  ]);
  assert.deepEqual(
    m.legend.map((l) => l.fill),
    ['class', 'class', 'suppressed', 'nodata'],
  );
});

test('class labels with open ends (manual breaks) and English', () => {
  const b = [-Infinity, 400, 500, Infinity];
  assert.equal(classLabel(b, 0, 0, 'de', 'de-DE'), 'unter 400');
  assert.equal(classLabel(b, 1, 0, 'de', 'de-DE'), '400 bis unter 500');
  assert.equal(classLabel(b, 2, 0, 'de', 'de-DE'), '500 und mehr');
  assert.equal(classLabel([1000.5, 2000.25], 0, 1, 'de', 'de-DE'), '1.000,5 bis 2.000,3');
  assert.equal(classLabel(b, 1, 0, 'en', 'en-GB'), '400 to under 500');
});

test('summary in German: highest, lowest, reference, without value', () => {
  const m = buildMapModel(input());
  assert.equal(
    m.summary,
    'Geburtenrate (je 1.000 Einwohner) 2024, 6 Gemeinden in Kreis Pinneberg: höchster Wert Ort F mit 10,2, niedrigster Wert Ort B mit 7,1. ' +
      'Vergleichswert Kreis Pinneberg: 8,4. Ohne Wert: 2 Gemeinden (Ort C (.), Ort D).',
  );
  const none = buildMapModel(input({ observe: () => ({ value: null, status: '' }) }));
  assert.match(none.summary, /keine Werte/);
  assert.deepEqual(none.classification.breaks, []);
  assert.ok(none.regions.every((r) => r.fill === 'nodata'));
});

test('diverging scheme for an indicator with polarity', () => {
  const m = buildMapModel(input({ indicator: { ...input().indicator, polarity: 'lower-is-better' } }));
  assert.equal(m.classification.diverging, true);
  assert.ok(m.notes.some((n) => n.includes('Blautöne')));
});

test('CSV rows: header, reference, one row per region with symbol and class', () => {
  const rows = mapCsvRows(buildMapModel(input()));
  assert.deepEqual(rows[0], [
    'Regionalschlüssel',
    'Gebiet',
    'Jahr',
    'Geburtenrate (je 1.000 Einwohner)',
    'Zeichen',
    'Klasse',
  ]);
  assert.deepEqual(rows[1], ['k', 'Kreis Pinneberg', 2024, 8.4, '', '']);
  assert.deepEqual(
    rows.find((r) => r[0] === 'c'),
    ['c', 'Ort C', 2024, null, '.', ''],
  );
  assert.deepEqual(
    rows.find((r) => r[0] === 'a'),
    ['a', 'Ort A', 2024, 9.4, '', '8,7 bis 10,2'],
  );
  assert.equal(rows.length, 8);
});

test('generated title names indicator, year, level and parent ("im Kreis …")', () => {
  assert.equal(buildMapModel(input()).title, 'Geburtenrate 2024: Gemeinden im Kreis Pinneberg');
  assert.equal(
    buildMapModel(input({ parentName: 'Schleswig-Holstein', level: 'kreis' })).title,
    'Geburtenrate 2024: Kreise in Schleswig-Holstein',
  );
  assert.equal(buildMapModel(input({ parentName: undefined })).title, 'Geburtenrate 2024: Gemeinden');
  assert.equal(
    buildMapModel(input({ lang: 'en', locale: 'en-GB' })).title,
    'Geburtenrate 2024: municipalities in Kreis Pinneberg',
  );
});

test('legend counts for screen readers: "1 Gemeinde", "2 Gemeinden"', () => {
  const m = buildMapModel(input());
  assert.equal(m.noun(1), 'Gemeinde');
  assert.equal(m.noun(2), 'Gemeinden');
  assert.equal(m.noun(0), 'Gemeinden');
});

test('every value suppressed: no class (no NaN), the symbol entry and a sentence naming it', () => {
  const m = buildMapModel(input({ observe: () => ({ value: null, status: '.' }) }));
  assert.equal(m.classification.colors.length, 0);
  assert.deepEqual(
    m.legend.map((l) => l.key),
    ['status-.'],
  );
  assert.ok(m.legend.every((l) => !l.label.includes('NaN')));
  assert.equal(m.legend[0].count, 6);
  assert.equal(m.notes.length, 1);
  assert.match(m.notes[0], /alle Werte haben das Zeichen „\.“ \(Zahlenwert unbekannt oder geheim zu halten\)/);
});

test('rates on small counts: flagged, own legend entry, named in label, summary and note', () => {
  const m = buildMapModel(input({ small: (id) => id === 'a' || id === 'c', minCount: 20 }));
  assert.equal(m.byId.get('a')!.small, true);
  assert.equal(m.byId.get('c')!.small, false, 'a suppressed value is not flagged (it is not shown)');
  assert.equal(m.byId.get('e')!.small, false);
  assert.ok(m.byId.get('a')!.classIndex >= 0, 'still in its class');
  assert.match(m.byId.get('a')!.label, /unter 20 Fällen \(unsicher\)/);
  const entry = m.legend.find((l) => l.key === 'small')!;
  assert.equal(entry.count, 1);
  assert.equal(entry.small, true);
  assert.match(m.summary, /Rate auf weniger als 20 Fällen, daher unsicher: 1 Gemeinde \(Ort A\)\./);
  assert.ok(m.notes.some((n) => n.includes('weniger als 20 Fällen')));
  // CSV classes still come from the class entries only.
  const rows = mapCsvRows(m);
  const a = rows.find((r) => r[0] === 'a')!;
  assert.equal(a[5], m.legend[m.byId.get('a')!.classIndex].label);
});
