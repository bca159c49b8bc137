/**
 * The pure model of `<comparison-table>`: columns, rows, deviation, rank, sorting and
 * filtering. No DOM, no Lit: unit-tested in Node (tests/node/elements/comparison-table).
 */
import type { StatusSymbol } from '../../data/schema.js';
import { isMissing as isMissingStatus } from '../../data/model.js';
import { neighboursOverlap, type Interval } from '../../data/uncertainty.js';

export type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';
export type DeviationMode = 'absolute' | 'percent';
export type SortDirection = 'ascending' | 'descending';
/** How a deviation reads, given the indicator's polarity. */
export type Tone = 'better' | 'worse' | 'equal' | 'neutral';

/** One value as it is shown: a number or null, and the official symbol ('' for a plain number). */
export interface Cell {
  value: number | null;
  status: StatusSymbol | '';
  /** The 95 % confidence interval of a rate (from its numerator count), where the file has the counts. */
  interval?: { low: number; high: number };
  /** The rate rests on fewer cases than the indicator's `minCount`. */
  small?: boolean;
}

/** A rank cell: the rank, and whether the place against its neighbours could be chance. */
export interface RankCell extends Cell {
  /** The interval overlaps the one of the region ranked just above or below. */
  overlap?: boolean;
  /** The ranks the value could plausibly take given all intervals (highest = 1). */
  range?: { best: number; worst: number };
}

export interface TrendPoint {
  year: number;
  value: number | null;
  status: StatusSymbol | '';
}

/** What the model needs to know about an indicator. */
export interface IndicatorInfo {
  id: string;
  label: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  /** The small-count threshold (catalog `minCount`, default 20); only for rates with counts. */
  minCount?: number;
}

interface ColumnBase {
  /** Stable key, used for sorting: `value:<indicator>:<year>`, `deviation:…`, `rank:…`. */
  key: string;
  indicator: IndicatorInfo;
  year: number;
}
export interface ValueColumn extends ColumnBase {
  kind: 'value';
}
export interface DeviationColumn extends ColumnBase {
  kind: 'deviation';
  mode: DeviationMode;
  /** Key of the value column it belongs to. */
  of: string;
}
export interface RankColumn extends ColumnBase {
  kind: 'rank';
  of: string;
}
/** The confidence interval of a value column (`show-interval`); not sortable. */
export interface IntervalColumn extends ColumnBase {
  kind: 'interval';
  of: string;
}
export type Column = ValueColumn | DeviationColumn | RankColumn | IntervalColumn;

export interface DeviationCell extends Cell {
  tone: Tone;
}

export interface Row {
  id: string;
  name: string;
  /** A pinned reference row (Kreis, Land): not ranked, not sorted, not filtered. */
  reference: boolean;
  /** Position in the input (the official order), the last tie-breaker. */
  order: number;
  /** Cells by column key. Deviation cells carry a tone, rank cells a plain number. */
  cells: Record<string, Cell | DeviationCell>;
  /** Time series by indicator id, for the sparkline (each read from the data on first use). */
  trends: Record<string, TrendPoint[]>;
}

export interface TableModel {
  mode: 'indicators' | 'years';
  columns: Column[];
  /** The compared regions, in input order. */
  rows: Row[];
  /** The pinned reference rows, in the order given. */
  references: Row[];
  /** The region deviations are measured against (the first reference), if any. */
  base?: { id: string; name: string };
}

export interface RegionInfo {
  id: string;
  name: string;
}

export interface ModelInput {
  /** `indicators`: regions x indicators for one year; `years`: regions x years for one indicator. */
  mode: 'indicators' | 'years';
  indicators: IndicatorInfo[];
  /** The year (indicators mode) or the years (years mode) shown. */
  years: number[];
  regions: RegionInfo[];
  references: RegionInfo[];
  deviation?: DeviationMode;
  /** Leave out rank columns. */
  noRank?: boolean;
  /** Add a "95 %-KI" column after each value column that has intervals. */
  showInterval?: boolean;
  /** The value of an indicator for a region and year. */
  cell: (indicator: string, region: string, year: number) => Cell;
  /** The interval and small-count flag of a rate; optional (no counts, no intervals). */
  interval?: (
    indicator: string,
    region: string,
    year: number,
  ) => { low: number; high: number; small: boolean } | undefined;
  /** The whole series of an indicator for a region (for sparklines); optional. */
  trend?: (indicator: string, region: string) => TrendPoint[];
}

/** True when a cell holds no number to compare (suppressed, unreliable, not meaningful, not yet available). */
export function isMissing(cell: Cell | undefined): boolean {
  return !cell || cell.value === null || !Number.isFinite(cell.value) || isMissingStatus(cell.status);
}

/**
 * Deviation of `value` from `base`: `absolute` = value - base, `percent` = (value - base) / |base| x 100.
 * Missing when either is missing; a percent deviation from 0 is not meaningful (`x`).
 */
export function deviation(value: Cell, base: Cell, mode: DeviationMode, polarity: Polarity): DeviationCell {
  if (isMissing(value)) return { value: null, status: missingSymbol(value), tone: 'neutral' };
  if (isMissing(base)) return { value: null, status: missingSymbol(base), tone: 'neutral' };
  const v = value.value as number;
  const b = base.value as number;
  if (mode === 'percent' && b === 0) return { value: null, status: 'x', tone: 'neutral' };
  const d = mode === 'absolute' ? v - b : ((v - b) / Math.abs(b)) * 100;
  // Remove floating noise such as 0.30000000000000004 - 0.3.
  const rounded = Math.round(d * 1e9) / 1e9;
  return { value: rounded, status: '', tone: toneOf(rounded, polarity) };
}

function missingSymbol(cell: Cell): StatusSymbol {
  return cell.status && isMissingStatus(cell.status) ? cell.status : '.';
}

/** Whether a difference is favourable for an indicator of the given polarity. */
export function toneOf(difference: number, polarity: Polarity): Tone {
  if (polarity === 'neutral') return 'neutral';
  if (difference === 0) return 'equal';
  const up = difference > 0;
  return up === (polarity === 'higher-is-better') ? 'better' : 'worse';
}

/**
 * Competition ranks (1, 2, 2, 4): 1 = the highest value. Missing values get no rank.
 * Returns a map region id -> rank.
 */
export function ranks(values: { id: string; cell: Cell }[]): Map<string, number> {
  const present = values
    .filter((v) => !isMissing(v.cell))
    .sort((a, b) => (b.cell.value as number) - (a.cell.value as number));
  const out = new Map<string, number>();
  present.forEach((v, i) => {
    const prev = present[i - 1];
    out.set(v.id, prev && prev.cell.value === v.cell.value ? (out.get(prev.id) as number) : i + 1);
  });
  return out;
}

export const NAME_KEY = 'name';

/** Builds columns and rows from the loaded data. */
export function buildModel(input: ModelInput): TableModel {
  const columns: Column[] = [];
  const pairs: [IndicatorInfo, number][] =
    input.mode === 'indicators'
      ? input.indicators.map((i) => [i, input.years[0]])
      : input.years.map((y) => [input.indicators[0], y]);
  const base = input.references[0];
  // Years mode: deviation and rank only for the last year, after all year columns.
  const extrasFor = input.mode === 'indicators' ? pairs : pairs.slice(-1);
  for (const [indicator, year] of pairs) {
    columns.push({ kind: 'value', key: `value:${indicator.id}:${year}`, indicator, year });
    if (input.showInterval && input.interval && input.mode === 'indicators')
      columns.push({
        kind: 'interval',
        key: `interval:${indicator.id}:${year}`,
        indicator,
        year,
        of: `value:${indicator.id}:${year}`,
      });
  }
  const extras: Column[] = [];
  for (const [indicator, year] of extrasFor) {
    const of = `value:${indicator.id}:${year}`;
    const group: Column[] = [];
    if (input.deviation && base)
      group.push({
        kind: 'deviation',
        key: `deviation:${indicator.id}:${year}`,
        indicator,
        year,
        mode: input.deviation,
        of,
      });
    if (!input.noRank) group.push({ kind: 'rank', key: `rank:${indicator.id}:${year}`, indicator, year, of });
    if (input.mode === 'indicators') {
      // Keep each indicator's extras next to its value column.
      let at = columns.findIndex((c) => c.key === of);
      if (columns[at + 1]?.kind === 'interval') at++;
      columns.splice(at + 1, 0, ...group);
    } else {
      extras.push(...group);
    }
  }
  columns.push(...extras);

  const makeRow = (region: RegionInfo, order: number, reference: boolean): Row => {
    const cells: Row['cells'] = {};
    const trends: Row['trends'] = {};
    for (const [indicator, year] of pairs) {
      const cell: Cell = { ...input.cell(indicator.id, region.id, year) };
      const iv = isMissing(cell) ? undefined : input.interval?.(indicator.id, region.id, year);
      if (iv) {
        cell.interval = { low: iv.low, high: iv.high };
        if (iv.small) cell.small = true;
      }
      cells[`value:${indicator.id}:${year}`] = cell;
    }
    const trend = input.trend;
    // read on first use (a sparkline drawn): a windowed table draws only the rows in view
    if (trend)
      for (const { id } of input.indicators)
        Object.defineProperty(trends, id, {
          enumerable: true,
          configurable: true,
          get: () => {
            const points = trend(id, region.id);
            Object.defineProperty(trends, id, { value: points, enumerable: true });
            return points;
          },
        });
    return { id: region.id, name: region.name, reference, order, cells, trends };
  };
  const rows = input.regions.map((r, i) => makeRow(r, i, false));
  const references = input.references.map((r, i) => makeRow(r, i, true));
  const baseRow = references[0];

  for (const column of columns) {
    if (column.kind === 'deviation' && baseRow) {
      const b = baseRow.cells[column.of];
      for (const row of [...references, ...rows]) {
        row.cells[column.key] = deviation(row.cells[column.of], b, column.mode, column.indicator.polarity);
      }
    } else if (column.kind === 'rank') {
      const r = ranks(rows.map((row) => ({ id: row.id, cell: row.cells[column.of] })));
      for (const row of rows) {
        const rank = r.get(row.id);
        row.cells[column.key] =
          rank === undefined
            ? { value: null, status: missingSymbol(row.cells[column.of]) }
            : { value: rank, status: '' };
      }
      markOverlaps(rows, column);
    } else if (column.kind === 'interval') {
      for (const row of [...references, ...rows]) {
        const iv = row.cells[column.of].interval;
        row.cells[column.key] = iv ? { value: iv.low, status: '', interval: iv } : { value: null, status: '' };
      }
    }
  }
  return { mode: input.mode, columns, rows, references, base: base ? { id: base.id, name: base.name } : undefined };
}

/**
 * The row to highlight for a selected region: the row of that key, else the row of its
 * nearest ancestor (a Gemeinde selected in a map -> its amtsfreie Amt-level row or the Amt
 * that contains it). `via` is true when an ancestor matched. Undefined when none matches.
 */
export function matchSelected(
  selected: string,
  has: (id: string) => boolean,
  parentOf: (id: string) => string | null | undefined,
): { id: string; via: boolean } | undefined {
  if (!selected) return undefined;
  if (has(selected)) return { id: selected, via: false };
  const seen = new Set<string>([selected]);
  for (let p = parentOf(selected); p && !seen.has(p); p = parentOf(p)) {
    if (has(p)) return { id: p, via: true };
    seen.add(p);
  }
  return undefined;
}

/**
 * Rank cells of rates with intervals: `overlap` when the interval overlaps the one of the
 * region ranked just above or below (their order could be chance), `range` the ranks the
 * value could plausibly take (uncertainty.ts: neighboursOverlap; `rankRanges`).
 */
function markOverlaps(rows: Row[], column: RankColumn): void {
  const ranked = rows
    .filter((row) => !isMissing(row.cells[column.key]))
    .sort((a, b) => (a.cells[column.key].value as number) - (b.cells[column.key].value as number) || a.order - b.order);
  const intervals = ranked.map((row) => row.cells[column.of].interval);
  if (!intervals.some(Boolean)) return;
  const overlaps = neighboursOverlap(intervals);
  const all = intervals.map((iv, i) => iv ?? pointOf(ranked[i].cells[column.of]));
  const ranges = rankRanges(all);
  ranked.forEach((row, i) => {
    const cell = row.cells[column.key] as RankCell;
    if (overlaps[i]) cell.overlap = true;
    cell.range = ranges[i];
  });
}

/** The number of sorted values greater than `x`. */
function countAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return sorted.length - lo;
}

/**
 * For each interval, `rankRange(own, all others)` of uncertainty.ts (best = 1 + the others
 * surely above, worst = 1 + the others possibly above) in O(n log n) instead of O(n²):
 * counts from the sorted lower and upper bounds, the interval itself taken out again.
 */
export function rankRanges(all: readonly Interval[]): { best: number; worst: number }[] {
  const lows = Float64Array.from(all, (iv) => iv.low).sort();
  const highs = Float64Array.from(all, (iv) => iv.high).sort();
  return all.map((own) => ({
    best: 1 + countAbove(lows, own.high) - (own.low > own.high ? 1 : 0),
    worst: 1 + countAbove(highs, own.low) - (own.high > own.low ? 1 : 0),
  }));
}

const pointOf = (cell: Cell) => ({ low: cell.value as number, high: cell.value as number });

/** Lowercase, without diacritics and ß, for forgiving search and sorting. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

const folded = new WeakMap<Row, string>();

/** Rows whose name contains the query (case- and accent-insensitive) or whose key starts with it. */
export function filterRows(rows: Row[], query: string): Row[] {
  const q = fold(query.trim());
  if (!q) return rows;
  return rows.filter((row) => {
    let name = folded.get(row);
    if (name === undefined) folded.set(row, (name = fold(row.name)));
    return name.includes(q) || row.id.startsWith(q);
  });
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return c;
}

/**
 * Sorts rows by a column (or by name with `NAME_KEY`). Missing values (suppressed and
 * other symbols without a number) sort last in both directions; ties keep name order.
 * Returns a new array.
 */
export function sortRows(rows: Row[], key: string, direction: SortDirection, locale = 'de-DE'): Row[] {
  const c = collator(locale);
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: Row, b: Row) => c.compare(a.name, b.name) || a.order - b.order;
  if (key === NAME_KEY) return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const x = a.cells[key];
    const y = b.cells[key];
    const mx = isMissing(x);
    const my = isMissing(y);
    if (mx || my) return mx === my ? byName(a, b) : mx ? 1 : -1;
    return sign * ((x.value as number) - (y.value as number)) || byName(a, b);
  });
}

/** The default direction when a column is first sorted: names A-Z, ranks 1 first, values highest first. */
export function defaultDirection(key: string): SortDirection {
  return key === NAME_KEY || key.startsWith('rank:') ? 'ascending' : 'descending';
}

/** Maps the `sort` attribute (`name`, an indicator id, a year, `rank:<id>`, a column key) to a column key. */
export function sortColumnKey(model: TableModel, sort: string): string | undefined {
  if (!sort) return undefined;
  if (sort === NAME_KEY) return NAME_KEY;
  const direct = model.columns.find((c) => c.key === sort);
  if (direct) return direct.key;
  const [kind, id] = sort.includes(':') ? sort.split(':') : ['value', sort];
  const matches = model.columns.filter((c) => c.kind === kind && (c.indicator.id === id || String(c.year) === id));
  return matches[matches.length - 1]?.key;
}
