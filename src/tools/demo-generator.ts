/**
 * Deterministic generator of the SYNTHETIC counts of the demo endpoint: plausible in
 * size and trend, never official figures. Same seed, same regions -> same rows.
 *
 * Every Gemeinde draws from its own PRNG (seeded with seed + AGS), so adding or
 * reordering regions does not change the other Gemeinden's numbers.
 *
 * What it models:
 * - Sizes: the 49 Gemeinden of Kreis Pinneberg get approximate real sizes; all other
 *   Gemeinden of Schleswig-Holstein log-normal sizes (towns larger), scaled so that
 *   each Kreis has about its real total (SH about 2.9 million).
 * - Trends 2010-2024, the Zensus 2011 break (populations before 2011 are about 1.5 %
 *   higher, varying by Gemeinde), ageing, a birth bump around 2016-2021, Covid
 *   deaths, falling unemployment until 2019, refugee years in SGB II.
 * - Status: BA counts (unemployed, SGB II) of 1 or 2 are secret (`.`); a second cell
 *   in the same Kreis is suppressed too when otherwise the Kreis total would disclose
 *   the first (secondary suppression); 0 is `-`; gemeindefreie Gebiete are `x`;
 *   2024 population and births are provisional (`p`), 2024 deaths not yet available (`...`).
 * - Published totals: like the statistical office, the generator also emits the Kreis
 *   totals (computed from the full data, so they exist even where a Gemeinde is
 *   secret). Ämter and the Land are left to `aggregateCounts`.
 */
import type { Region } from '../data/schema.js';
import type { CellStatus, CountRow } from '../data/aggregate.js';

export const COUNT_IDS = [
  'bevoelkerung',
  'bev-unter-18',
  'bev-18-64',
  'bev-65plus',
  'bev-15-64',
  'bev-unter-65',
  'lebendgeborene',
  'gestorbene',
  'pkw',
  'arbeitslose',
  'sgb2-empfaenger',
] as const;
export type CountId = (typeof COUNT_IDS)[number];

export interface GeneratorOptions {
  seed?: string;
  firstYear?: number;
  lastYear?: number;
}

/** Approximate inhabitants of the 49 Gemeinden of Kreis Pinneberg (last 3 AGS digits). */
const PINNEBERG: Record<string, number> = {
  '015': 50000,
  '039': 44000,
  '050': 34000,
  '041': 21000,
  '044': 19000,
  '049': 18500,
  '018': 18000,
  '043': 14500,
  '048': 13500,
  '002': 10000,
  '025': 1300,
  '001': 5000,
  '005': 4300,
  '013': 4200,
  '036': 4100,
  '021': 3600,
  '028': 3300,
  '029': 3200,
  '030': 2900,
  '024': 2800,
  '023': 2700,
  '032': 2500,
  '031': 2500,
  '047': 2200,
  '040': 2200,
  '009': 1800,
  '026': 1700,
  '010': 1700,
  '020': 1600,
  '014': 1500,
  '008': 1300,
  '027': 1300,
  '051': 1200,
  '019': 1000,
  '033': 900,
  '035': 850,
  '034': 800,
  '042': 800,
  '045': 800,
  '003': 750,
  '046': 750,
  '006': 700,
  '004': 650,
  '017': 550,
  '022': 500,
  '037': 450,
  '038': 400,
  '016': 400,
  '011': 400,
};

/** Approximate inhabitants per Kreis (2024). */
const KREIS_TOTAL: Record<string, number> = {
  '01001': 92000,
  '01002': 247000,
  '01003': 216000,
  '01004': 80000,
  '01051': 133000,
  '01053': 200000,
  '01054': 167000,
  '01055': 200000,
  '01056': 315000,
  '01057': 129000,
  '01058': 272000,
  '01059': 200000,
  '01060': 280000,
  '01061': 131000,
  '01062': 245000,
};

/** Year effects (index 0 = 2010), extended flat beyond the table. */
const BIRTH_TREND = [0.93, 0.9, 0.92, 0.94, 0.98, 1.02, 1.08, 1.1, 1.1, 1.08, 1.07, 1.1, 1.04, 0.96, 0.93];
const DEATH_TREND = [0.93, 0.93, 0.95, 0.97, 0.94, 0.99, 0.98, 1.01, 1.02, 1.0, 1.03, 1.06, 1.1, 1.05, 1.04];
const UNEMP_TREND = [1.25, 1.17, 1.13, 1.12, 1.08, 1.04, 0.99, 0.93, 0.87, 0.84, 1.0, 0.96, 0.9, 0.95, 1.0];
const SGB2_TREND = [1.12, 1.07, 1.04, 1.04, 1.04, 1.06, 1.1, 1.1, 1.04, 0.97, 0.98, 0.96, 0.99, 1.02, 1.0];

const trend = (table: number[], year: number) => table[Math.min(table.length - 1, Math.max(0, year - 2010))]!;

/** xmur3-style string hash -> 32-bit seed. */
function hashString(s: string): number {
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** A small seeded PRNG (mulberry32) with normal and Poisson draws. */
export class Random {
  private state: number;
  constructor(seed: string) {
    this.state = hashString(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

interface Profile {
  size: number;
  growth: number;
  census: number;
  share65: number;
  shareU18: number;
  birth: number;
  death: number;
  cars: number;
  unemp: number;
  sgb2: number;
}

/** Sizes (inhabitants 2024) of every Gemeinde (gemeindefreie Gebiete: 0). */
function sizes(regions: readonly Region[], seed: string): Map<string, number> {
  const kreisOf = kreisMap(regions);
  const out = new Map<string, number>();
  const weights = new Map<string, Map<string, number>>();
  for (const g of regions) {
    if (g.level !== 'gemeinde') continue;
    const kreis = kreisOf.get(g.id)!;
    if (g.kind === 'gemeindefrei') {
      out.set(g.id, 0);
    } else if (kreis === '01056' && PINNEBERG[g.id.slice(5)]) {
      out.set(g.id, PINNEBERG[g.id.slice(5)]!);
    } else {
      const rng = new Random(`${seed}:size:${g.id}`);
      // log-normal, median ~ 700 inhabitants; towns ~ 8x larger.
      const w = Math.exp(rng.normal(Math.log(700), 1.0)) * (g.kind === 'Stadt' ? 8 : 1);
      const byKreis = weights.get(kreis) ?? new Map<string, number>();
      byKreis.set(g.id, w);
      weights.set(kreis, byKreis);
    }
  }
  for (const [kreis, byKreis] of weights) {
    const total = KREIS_TOTAL[kreis] ?? 150000;
    const sum = [...byKreis.values()].reduce((a, b) => a + b, 0);
    for (const [id, w] of byKreis) out.set(id, Math.max(12, Math.round((w / sum) * total)));
  }
  return out;
}

/** Gemeinde / Amt id -> Kreis id (the region of level `kreis` above it). */
function kreisMap(regions: readonly Region[]): Map<string, string> {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const r of regions) {
    let p: Region | undefined = r;
    while (p && p.level !== 'kreis') p = p.parent ? byId.get(p.parent) : undefined;
    if (p) out.set(r.id, p.id);
  }
  return out;
}

function profile(g: Region, size: number, seed: string): Profile {
  const rng = new Random(`${seed}:profile:${g.id}`);
  const urban = clamp(Math.log10(Math.max(size, 50) / 2000), -1.5, 2.2); // <0 villages, 2 = Kiel
  return {
    size,
    growth: rng.normal(0.002 + 0.0015 * urban, size > 50000 ? 0.0015 : 0.0035),
    census: rng.normal(0.015, 0.012),
    share65: clamp(rng.normal(0.235 - 0.01 * urban, 0.03), 0.12, 0.4),
    shareU18: clamp(rng.normal(0.168 - 0.004 * urban, 0.02), 0.1, 0.25),
    birth: clamp(rng.normal(8.4 + 0.3 * urban, 0.9), 5, 13),
    death: rng.normal(1, 0.08),
    cars: clamp(rng.normal(620 - 70 * urban, 35), 330, 800),
    unemp: clamp(rng.normal(3.2 + 1.8 * urban, 0.8), 0.8, 12),
    sgb2: clamp(rng.normal(4.5 + 3.6 * urban, 1.2), 0.8, 22),
  };
}

interface Series {
  counts: Record<CountId, number[]>;
}

function series(p: Profile, years: number[], rng: Random): Series {
  const counts = Object.fromEntries(COUNT_IDS.map((c) => [c, [] as number[]])) as unknown as Record<CountId, number[]>;
  let walk = 0;
  for (const year of years) {
    walk += rng.normal(0, 0.002);
    const back = 2024 - year;
    const pop = Math.max(
      0,
      Math.round(p.size * Math.pow(1 + p.growth, -back) * (1 + walk) * (year < 2011 ? 1 + p.census : 1)),
    );
    const s65 = clamp(p.share65 - 0.0022 * back + rng.normal(0, 0.002), 0.05, 0.5);
    const sU18 = clamp(p.shareU18 + 0.0004 * back + rng.normal(0, 0.002), 0.05, 0.3);
    const u18 = Math.round(pop * sU18);
    const o65 = Math.round(pop * s65);
    const mid = pop - u18 - o65;
    const a15to17 = Math.round(u18 * clamp(rng.normal(0.17, 0.01), 0.12, 0.22));
    const births = rng.poisson((pop * p.birth * trend(BIRTH_TREND, year)) / 1000);
    const deathRate = (12 + 45 * (s65 - 0.22)) * p.death * trend(DEATH_TREND, year);
    const deaths = rng.poisson((pop * clamp(deathRate, 4, 25)) / 1000);
    const cars = Math.round((pop * p.cars * (1 - 0.008 * back) * (1 + rng.normal(0, 0.004))) / 1000);
    const unemp = rng.poisson(((mid + a15to17) * p.unemp * trend(UNEMP_TREND, year)) / 100);
    const sgb2 = rng.poisson(((u18 + mid) * p.sgb2 * trend(SGB2_TREND, year)) / 100);
    const c = counts;
    c['bevoelkerung'].push(pop);
    c['bev-unter-18'].push(u18);
    c['bev-18-64'].push(mid);
    c['bev-65plus'].push(o65);
    c['bev-15-64'].push(mid + a15to17);
    c['bev-unter-65'].push(u18 + mid);
    c['lebendgeborene'].push(births);
    c['gestorbene'].push(deaths);
    c['pkw'].push(cars);
    c['arbeitslose'].push(unemp);
    c['sgb2-empfaenger'].push(sgb2);
  }
  return { counts };
}

const SECRET_COUNTS = new Set<CountId>(['arbeitslose', 'sgb2-empfaenger']);
const POPULATION_COUNTS = new Set<CountId>([
  'bevoelkerung',
  'bev-unter-18',
  'bev-18-64',
  'bev-65plus',
  'bev-15-64',
  'bev-unter-65',
]);

/** The status a published cell gets before secondary suppression. */
function publishedStatus(count: CountId, year: number, lastYear: number, value: number): CellStatus {
  if (count === 'gestorbene' && year === lastYear) return '...';
  if (SECRET_COUNTS.has(count) && value > 0 && value < 3) return '.';
  if (value === 0) return '-';
  if (year === lastYear && (POPULATION_COUNTS.has(count) || count === 'lebendgeborene')) return 'p';
  return '';
}

/**
 * Synthetic counts per Gemeinde and year, plus the published Kreis totals, as tidy
 * rows `{ count, region, year, value, status }`.
 */
export function generateDemoCounts(regions: readonly Region[], options: GeneratorOptions = {}): CountRow[] {
  const seed = options.seed ?? 'fokus-demo-1';
  const firstYear = options.firstYear ?? 2010;
  const lastYear = options.lastYear ?? 2024;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const kreisOf = kreisMap(regions);
  const size = sizes(regions, seed);
  const gemeinden = regions.filter((r) => r.level === 'gemeinde');

  // True values.
  const truth = new Map<string, Series>();
  for (const g of gemeinden) {
    const p = profile(g, size.get(g.id)!, seed);
    truth.set(g.id, series(p, years, new Random(`${seed}:series:${g.id}`)));
  }

  // Published cells, with primary suppression.
  type Pub = { value: number | null; status: CellStatus };
  const published = new Map<string, Pub>(); // `${count}|${id}|${yi}`
  const key = (c: string, id: string, yi: number) => `${c}|${id}|${yi}`;
  for (const g of gemeinden) {
    const s = truth.get(g.id)!;
    for (const count of COUNT_IDS) {
      years.forEach((year, yi) => {
        if (g.kind === 'gemeindefrei') return published.set(key(count, g.id, yi), { value: null, status: 'x' });
        const value = s.counts[count][yi]!;
        const status = publishedStatus(count, year, lastYear, value);
        const missing = status === '.' || status === '...';
        published.set(key(count, g.id, yi), { value: missing ? null : value, status });
      });
    }
  }

  // Secondary suppression: a single secret cell in a Kreis would follow from the
  // published Kreis total; also hide the next smallest cell of the same Kreis.
  const byKreis = new Map<string, Region[]>();
  for (const g of gemeinden) {
    const k = kreisOf.get(g.id)!;
    byKreis.set(k, [...(byKreis.get(k) ?? []), g]);
  }
  for (const count of SECRET_COUNTS) {
    years.forEach((_, yi) => {
      for (const members of byKreis.values()) {
        const secret = members.filter((g) => published.get(key(count, g.id, yi))!.status === '.');
        if (secret.length !== 1) continue;
        const candidates = members
          .filter((g) => {
            const pub = published.get(key(count, g.id, yi))!;
            return pub.value != null && pub.value > 0 && pub.status !== 'x';
          })
          .sort(
            (a, b) =>
              published.get(key(count, a.id, yi))!.value! - published.get(key(count, b.id, yi))!.value! ||
              (a.id < b.id ? -1 : 1),
          );
        const second = candidates[0];
        if (second) published.set(key(count, second.id, yi), { value: null, status: '.' });
      }
    });
  }

  const rows: CountRow[] = [];
  const parts = partsBelowGemeinden(regions);
  for (const count of COUNT_IDS) {
    for (const g of gemeinden) {
      years.forEach((year, yi) => {
        const pub = published.get(key(count, g.id, yi))!;
        rows.push({ count, region: g.id, year, value: pub.value, status: pub.status });
        const below = parts.get(g.id);
        if (below) rows.push(...splitCount({ count, region: g.id, year, ...pub }, below, seed));
      });
    }
    // Published Kreis totals (from the true values).
    for (const [kreis, members] of byKreis) {
      years.forEach((year, yi) => {
        const value = members.reduce(
          (sum, g) => sum + (g.kind === 'gemeindefrei' ? 0 : truth.get(g.id)!.counts[count][yi]!),
          0,
        );
        const status = publishedStatus(count, year, lastYear, value);
        rows.push({ count, region: kreis, year, value: status === '...' ? null : value, status });
      });
    }
  }
  return rows;
}

// --- areas below the Gemeinde -----------------------------------------------------------

/** Regions whose parent is a Gemeinde (e.g. invented Stadtteile), by that Gemeinde. */
function partsBelowGemeinden(regions: readonly Region[]): Map<string, Region[]> {
  const level = new Map(regions.map((r) => [r.id, r.level]));
  const out = new Map<string, Region[]>();
  for (const r of regions) {
    if (r.parent == null || level.get(r.parent) !== 'gemeinde') continue;
    out.set(r.parent, [...(out.get(r.parent) ?? []), r]);
  }
  return out;
}

/**
 * The count of a Gemeinde split among its parts so that the parts add up exactly to it
 * (largest remainder on fixed weights: a size per part, varied per count so that rates differ);
 * a part shares the Gemeinde's symbol, a missing value stays missing in every part.
 */
export function splitCount(row: CountRow, parts: readonly Region[], seed: string): CountRow[] {
  const status = row.status ?? '';
  const value = row.value;
  if (value == null || !Number.isInteger(value) || value < 0)
    return parts.map((r) => ({ count: row.count, region: r.id, year: row.year, value: null, status }));
  const weights = parts.map((r) => {
    const size = 0.5 + new Random(`${seed}:part:${r.id}`).next();
    return size * (0.75 + 0.5 * new Random(`${seed}:part:${r.id}:${row.count}`).next());
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (value * w) / total);
  const shares = exact.map(Math.floor);
  let rest = value - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    shares[i]++;
    rest--;
  }
  return parts.map((r, i) => ({ count: row.count, region: r.id, year: row.year, value: shares[i], status }));
}
