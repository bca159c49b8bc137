import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMAT_CATALOG,
  FORMAT_INDICATOR,
  type Catalog,
  type Indicator,
  type IndicatorFile,
  type Region,
} from '../../src/data/schema.js';
import { IndicatorData } from '../../src/data/model.js';
import { roundTo } from '../../src/data/aggregate.js';
import { insightsFor, type Finding } from '../../src/data/insights.js';
import { binomialTestTwoSided } from '../../src/data/stats.js';
import { testMeta } from './fixtures/meta.js';

// Hand-made Kreis with nine Gemeinden, 2015-2024.
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const g = (n: number, name: string): Region => ({ id: `0105600${n}`, name, level: 'gemeinde', parent: '01056' });
const regions: Region[] = [
  { id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null, kind: 'Land' },
  { id: '01056', name: 'Kreis Pinneberg', level: 'kreis', parent: '01', kind: 'Kreis' },
  g(1, 'Großstadt'),
  g(2, 'Kleindorf'),
  g(3, 'Drei'),
  g(4, 'Vier'),
  g(5, 'Fünf'),
  g(6, 'Sechs'),
  g(7, 'Sieben'),
  g(8, 'Acht'),
  g(9, 'Sprung'),
];
const each = (v: number) => YEARS.map(() => v);
// births and population per Gemeinde and year
const births: Record<string, number[]> = {
  '01056001': [80, 85, 90, 95, 100, 105, 110, 115, 120, 125], // 8.0 -> 12.5 per 1,000: a clean rise of 0.5 a year
  '01056002': each(7), // 7 births on 300: 23.3, a small count
  '01056003': [40, 40, 40, 100, 40, 40, 40, 40, 40, 40], // a spike in 2018
  '01056004': each(42),
  '01056005': each(44),
  '01056006': each(45),
  '01056007': each(46),
  '01056008': each(48),
  '01056009': [45, 45, 45, 45, 45, 45, 45, 45, 45, 90], // a jump in 2024 to 18.0
};
const pop: Record<string, number[]> = Object.fromEntries(
  Object.keys(births).map((id) => [id, each(id === '01056001' ? 10000 : id === '01056002' ? 300 : 5000)]),
);

const catalog: Catalog = {
  ...testMeta([
    { id: 'kreis', label: { de: 'Kreis' } },
    { id: 'gemeinde', label: { de: 'Gemeinde' } },
  ]),
  format: FORMAT_CATALOG,
  version: 'test',
  regions,
  topics: [{ id: 'familie', label: { de: 'Familie' } }],
  indicators: [],
};

const rate: Indicator = {
  id: 'geburtenrate',
  label: { de: 'Geburtenrate', en: 'Birth rate' },
  unit: { de: 'je 1.000 Einwohner', en: 'per 1,000 inhabitants' },
  decimals: 1,
  description: { de: 'Lebendgeborene je 1.000 Einwohner' },
  source: 'Test',
  topic: 'familie',
  polarity: 'neutral',
  years: YEARS,
  levels: ['gemeinde'],
  computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000 },
};

function dataOf(indicator: Indicator = rate, secret: Record<string, number> = {}): IndicatorData {
  const ids = Object.keys(births);
  const file: IndicatorFile = {
    format: FORMAT_INDICATOR,
    indicator: indicator.id,
    years: YEARS,
    regions: ids,
    values: ids.map((id) =>
      YEARS.map((y, i) => (secret[id] === y ? null : roundTo((births[id][i] / pop[id][i]) * 1000, 1))),
    ),
    numerator: ids.map((id) => YEARS.map((y, i) => (secret[id] === y ? null : births[id][i]))),
    denominator: ids.map((id) => pop[id]),
  };
  const status = Object.fromEntries(
    Object.entries(secret).map(([id, y]) => [id, YEARS.map((x) => (x === y ? '.' : ''))]),
  );
  if (Object.keys(status).length) file.status = status as IndicatorFile['status'];
  return new IndicatorData(file, indicator, catalog);
}

const find = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind);

test('trend: a clean rise of 0.5 a year is found, with Theil-Sen slope, Mann-Kendall p and the data used', () => {
  const { findings, year } = insightsFor(dataOf(), catalog, '01056001');
  assert.equal(year, 2024);
  const [trend] = find(findings, 'trend');
  assert.equal(trend.verdict, 'notable');
  assert.equal(
    trend.text.de,
    'In Großstadt ist der Wert von 2015 bis 2024 tendenziell gestiegen, im Mittel um etwa 0,50 je 1.000 Einwohner pro Jahr.',
  );
  assert.equal(
    trend.text.en,
    'In Großstadt the value tended to rise from 2015 to 2024, by about 0.50 per 1,000 inhabitants a year on average.',
  );
  const p = Object.fromEntries(trend.method.parameters.map((x) => [x.label.en, x.value]));
  assert.equal(p['Years'], 10);
  assert.equal(p["Kendall's S"], 45, 'all 45 pairs rise');
  assert.equal(p['Slope per year'], 0.5);
  // By hand: var S = 10 * 9 * 25 / 18 = 125, z = 44 / sqrt(125) = 3.9355, p = 8.3e-5.
  assert.ok(Math.abs((p['p-value (two-sided)'] as number) - 8.3e-5) < 0.5e-5, String(p['p-value (two-sided)']));
  assert.equal(trend.method.data.rows.length, 10);
  assert.deepEqual(trend.method.data.rows[0], ['2015', 8, 80]);
});

test('trend: flat values say "kein klarer Trend"; small counts and short series claim nothing', () => {
  const flat = find(insightsFor(dataOf(), catalog, '01056004').findings, 'trend')[0];
  assert.equal(flat.verdict, 'none');
  assert.equal(flat.text.de, 'In Vier zeigt der Wert von 2015 bis 2024 keinen klaren Trend.');
  const small = find(insightsFor(dataOf(), catalog, '01056002').findings, 'trend')[0];
  assert.equal(small.verdict, 'caution');
  assert.match(
    small.text.de,
    /Fallzahlen in Kleindorf sind für eine Trendaussage zu klein \(im Median 7 Fälle je Jahr, unter 20\)/,
  );
  const short = find(insightsFor(dataOf(), catalog, '01056001', { year: 2019 }).findings, 'trend')[0];
  assert.equal(short.verdict, 'caution');
  assert.match(short.text.de, /zu wenige vergleichbare Jahre \(5, nötig sind mindestens 6\)/);
});

test('trend: never across a break in series, and says so', () => {
  const broken = { ...rate, breaks: [{ year: 2020, note: { de: 'Umstellung' } }] };
  const trend = find(insightsFor(dataOf(broken), catalog, '01056001').findings, 'trend')[0];
  assert.equal(trend.verdict, 'caution');
  assert.equal(
    trend.text.de,
    'Für eine Trendaussage gibt es zu wenige vergleichbare Jahre (5, nötig sind mindestens 6). Betrachtet werden nur die Jahre ab 2020, weil die Reihe dort einen Bruch hat.',
  );
  assert.deepEqual(
    trend.method.data.rows.map((r) => r[0]),
    ['2020', '2021', '2022', '2023', '2024'],
  );
  const ok = find(insightsFor(dataOf(broken), catalog, '01056001', { minYears: 5 }).findings, 'trend')[0];
  assert.equal(ok.verdict, 'notable');
  assert.match(ok.text.de, /von 2020 bis 2024 tendenziell gestiegen.*nur die Jahre ab 2020/);
});

test('trend of a 3-year average uses non-overlapping windows only', () => {
  const pooled: Indicator = { ...rate, computation: { ...rate.computation, window: 3 } as Indicator['computation'] };
  const trend = find(insightsFor(dataOf(pooled), catalog, '01056001').findings, 'trend')[0];
  assert.deepEqual(
    trend.method.data.rows.map((r) => r[0]),
    ['2015', '2018', '2021', '2024'],
  );
  assert.equal(trend.verdict, 'caution');
});

test('peers: median/MAD outlier only when |z| > 3.5 and the interval excludes the median', () => {
  // 2024 values: 8.0 8.4 8.8 9.0 9.2 9.6 12.5 18.0 23.3 -> median 9.2, MAD 0.8.
  const jump = find(insightsFor(dataOf(), catalog, '01056009').findings, 'peers')[0];
  assert.equal(jump.verdict, 'notable');
  assert.equal(
    jump.text.de,
    'Sprung liegt 2024 mit 18,0 je 1.000 Einwohner deutlich über den meisten Gemeinden im Kreis Pinneberg (Median 9,2).',
  );
  assert.equal(
    jump.text.en,
    'In 2024, Sprung is clearly above most municipalities in Kreis Pinneberg at 18.0 per 1,000 inhabitants (median 9.2).',
  );
  const p = Object.fromEntries(jump.method.parameters.map((x) => [x.label.en, x.value]));
  assert.equal(p['Median'], 9.2);
  assert.ok(Math.abs((p['MAD'] as number) - 0.8) < 1e-9);
  assert.ok(Math.abs((p['robust z-score'] as number) - (0.6745 * 8.8) / 0.8) < 1e-9);
  assert.equal(jump.method.data.rows.length, 9);
  // Großstadt: z = 0.6745 * 3.3 / 0.8 = 2.78 -> usual range.
  const big = find(insightsFor(dataOf(), catalog, '01056001').findings, 'peers')[0];
  assert.equal(big.verdict, 'none');
  assert.match(
    big.text.de,
    /^Großstadt liegt 2024 mit 12,5 je 1.000 Einwohner über dem Median der Gemeinden im Kreis Pinneberg \(9,2\), aber innerhalb ihrer üblichen Streuung\.$/,
  );
});

test('peers: a rate on 7 cases is never called an outlier; its interval is given instead', () => {
  // z of Kleindorf would be 0.6745 * 14.1 / 0.8 = 11.9, but it rests on 7 births.
  const small = insightsFor(dataOf(), catalog, '01056002').findings;
  const peers = find(small, 'peers')[0];
  assert.equal(peers.verdict, 'caution');
  assert.equal(
    peers.text.de,
    'Der Wert von Kleindorf (23,3 je 1.000 Einwohner) beruht 2024 auf nur 7 Fällen und liegt mit 95 % Sicherheit irgendwo zwischen 9,4 und 48,1; ein Vergleich mit den Gemeinden im Kreis Pinneberg ist nicht belastbar.',
  );
  const rank = find(small, 'rank')[0];
  assert.equal(rank.verdict, 'caution');
  assert.match(
    rank.text.de,
    /^Kleindorf steht 2024 auf Rang 1 von 9 Gemeinden im Kreis Pinneberg \(Rang 1 = höchster Wert\); wegen der Zufallsschwankung der Fallzahlen ist jeder Rang von 1 bis \d plausibel/,
  );
});

test('rank: rank, plausible range from the intervals and the previous year', () => {
  const rank = find(insightsFor(dataOf(), catalog, '01056009').findings, 'rank')[0];
  const p = Object.fromEntries(rank.method.parameters.map((x) => [x.label.en, x.value]));
  assert.equal(p['Rank'], 2, 'behind Kleindorf');
  // Sprung [14.5, 22.1]; Kleindorf [9.4, 48.1] overlaps it; Großstadt 125 births -> [10.4, 14.9] reaches 14.5.
  assert.equal(p['best plausible rank'], 1);
  assert.equal(p['worst plausible rank'], 3);
  // 2023: 23.3, 12.0, 9.6 and 9.2 are above its 9.0 (Sechs shares 9.0): rank 5.
  assert.equal(p['Rank 2023'], 5);
  assert.equal(rank.verdict, 'notable', '5 is outside 1-3');
  assert.equal(
    rank.text.de,
    'Sprung steht 2024 auf Rang 2 von 9 Gemeinden im Kreis Pinneberg (Rang 1 = höchster Wert); wegen der Zufallsschwankung der Fallzahlen ist jeder Rang von 1 bis 3 plausibel. 2023 war es Rang 5 von 9, außerhalb dieser Spanne.',
  );
});

test('changes: the exact Poisson test separates a real jump from chance; earlier spikes with Holm', () => {
  const jump = find(insightsFor(dataOf(), catalog, '01056009').findings, 'change');
  assert.equal(jump.length, 1);
  assert.equal(jump[0].verdict, 'notable');
  assert.equal(
    jump[0].text.de,
    'Der Anstieg von 2023 auf 2024 (von 9,0 auf 18,0) ist größer, als die Zufallsschwankung der Fallzahlen erklärt.',
  );
  const big = find(insightsFor(dataOf(), catalog, '01056001').findings, 'change')[0];
  assert.equal(big.verdict, 'none');
  assert.equal(
    big.text.en,
    'The rise from 2023 to 2024 (from 12.0 to 12.5) is within the random variation of the counts.',
  );
  const p = big.method.parameters.find((x) => x.label.en === 'p-value')!.value as number;
  assert.ok(Math.abs(p - binomialTestTwoSided(125, 245, 0.5)) < 1e-12);
  const spike = find(insightsFor(dataOf(), catalog, '01056003').findings, 'change');
  assert.equal(spike[0].text.de, 'Der Wert blieb von 2023 auf 2024 bei 8,0.');
  assert.equal(
    spike[1].text.de,
    'Über die Zufallsschwankung hinaus gingen außerdem diese Veränderungen: 2017–2018 (8,0 → 20,0), 2018–2019 (20,0 → 8,0).',
  );
});

test('changes: tiny counts and a break give a caution, no claim', () => {
  const same = find(insightsFor(dataOf(), catalog, '01056002').findings, 'change')[0];
  assert.equal(same.verdict, 'none');
  assert.equal(same.text.de, 'Der Wert blieb von 2023 auf 2024 bei 23,3.');
  // The jump 45 -> 90 is significant, but below a threshold of 200 cases nothing is claimed.
  const small = find(insightsFor(dataOf(), catalog, '01056009', { minCount: 200 }).findings, 'change')[0];
  assert.equal(small.verdict, 'caution');
  assert.equal(
    small.text.de,
    'Der Anstieg von 2023 auf 2024 (von 9,0 auf 18,0) beruht auf nur 45 und 90 Fällen und lässt sich nicht beurteilen.',
  );
  const broken = { ...rate, breaks: [{ year: 2024, note: { de: 'Umstellung' } }] };
  const b = find(insightsFor(dataOf(broken), catalog, '01056009').findings, 'change')[0];
  assert.equal(b.verdict, 'caution');
  assert.equal(b.text.de, 'Die Veränderung zum Vorjahr ist nicht aussagekräftig: Die Reihe hat 2024 einen Bruch.');
});

test('suppressed values: no findings for the region, and left out of its peers', () => {
  const data = dataOf(rate, { '01056009': 2024 });
  assert.deepEqual(insightsFor(data, catalog, '01056009', { year: 2024 }).findings, []);
  assert.equal(insightsFor(data, catalog, '01056009').year, 2023, 'by default the latest published year');
  const peers = find(insightsFor(data, catalog, '01056001').findings, 'peers')[0];
  assert.equal(peers.method.data.rows.length, 8);
  assert.ok(!peers.method.data.rows.some((r) => r[0] === 'Sprung'));
  assert.throws(() => insightsFor(data, catalog, '99999'), /unknown region/);
});

test('peers of similar size: half to double the denominator, across the catalog', () => {
  const { findings } = insightsFor(dataOf(), catalog, '01056001', { peers: 'size' });
  const peers = find(findings, 'peers')[0];
  // 10,000 inhabitants: 5,000 to 20,000 -> itself and the seven of 5,000, not Kleindorf (300).
  assert.equal(peers.method.data.rows.length, 8);
  assert.ok(!peers.method.data.rows.some((r) => r[0] === 'Kleindorf'));
  // Among them (median 9.1, MAD 0.6) its 12.5 stands out: z = 0.6745 * 3.4 / 0.6 = 3.8.
  assert.equal(
    peers.text.de,
    'Großstadt liegt 2024 mit 12,5 je 1.000 Einwohner deutlich über den meisten Gemeinden ähnlicher Größe (Median 9,1).',
  );
  const group = peers.method.parameters.find((p) => p.label.de === 'Vergleichsgruppe')!.value;
  assert.deepEqual(group, {
    de: 'gleiche Ebene, halbe bis doppelte Bezugsgröße (5.000 bis 20.000)',
    en: 'same level, half to double the denominator (5,000 to 20,000)',
  });
});
