/**
 * Aggregation of counts up the region hierarchy and indicator values from counts.
 * Pure functions, no DOM or Node APIs: runs in the browser and in the tools.
 *
 * Rates are never averaged: every higher region gets the SUM of its parts' counts,
 * and a ratio indicator is numerator / denominator x factor of those sums.
 *
 * Status propagation (official symbols, see schema.ts):
 * - A sum over parts of which one is unknown (`.` secret, `/` unreliable, `...` not yet
 *   available) is unknown too, with that symbol (`...` before `.` before `/`). We cannot
 *   know the total; and publishing a total computed from the secret cell would
 *   disclose it to anybody who subtracts the other parts.
 *   Statistical offices DO publish totals of regions whose parts are partly secret
 *   (computed from the full data, protected by suppressing a second cell). Such a
 *   published total is passed in as a count row for the higher region itself: a given
 *   count always takes precedence over the computed sum.
 * - `x` (not meaningful, e.g. a gemeindefreies Gebiet without inhabitants) parts are
 *   left out of the sum; a sum of only `x` parts is `x`.
 * - `-` (nothing) counts as 0; a sum of only `-` parts is `-` with value 0.
 * - Numeric flags propagate: any `p` part makes the sum `p`, else `s`, else `()`, else `r`.
 * - A region without any row (and without parts) is not covered by the source: no value
 *   and no symbol (`{ value: null, status: '' }`, shown as "keine Angabe" / "no data"),
 *   never `.` (secret). A sum with a part that is not covered is not covered either.
 * - Counts listed in `unsummed` (published rates and shares) are never summed: a region
 *   without its own row has no value.
 */
import type { Indicator, IndicatorFile, Region, StatusSymbol } from './schema.js';
import { FORMAT_INDICATOR } from './schema.js';

export type CellStatus = StatusSymbol | '';

/** One count of one region in one year (a tidy row). */
export interface CountRow {
  count: string;
  region: string;
  year: number;
  /** null for a missing value (then `status` says why). */
  value: number | null;
  status?: CellStatus;
}

export interface Cell {
  value: number | null;
  status: CellStatus;
}

/** Counts of every region: count id -> region id -> one cell per year of `years`. */
export interface CountTable {
  years: number[];
  counts: Map<string, Map<string, Cell[]>>;
}

const UNKNOWN_ORDER: CellStatus[] = ['...', '.', '/'];
const FLAG_ORDER: CellStatus[] = ['p', 's', '()', 'r'];
const MISSING = new Set<CellStatus>(['.', '/', 'x', '...']);

/** True when the status means there is no number. */
export function isMissing(status: CellStatus): boolean {
  return MISSING.has(status);
}

/** Normalizes one input cell: `-` is 0, missing symbols have no value, a null without symbol is `.`. */
export function normalizeCell(value: number | null | undefined, status: CellStatus = ''): Cell {
  if (status === '-') return { value: 0, status: '-' };
  if (isMissing(status)) return { value: null, status };
  if (value == null || !Number.isFinite(value)) return { value: null, status: '.' };
  return { value, status };
}

/** No value and no symbol: the source does not cover this region or year. */
export const NOT_COVERED: Cell = Object.freeze({ value: null, status: '' }) as Cell;

/** True for a cell the source does not cover (no value, no symbol). */
export function isNotCovered(c: Cell): boolean {
  return c.value == null && c.status === '';
}

/** The sum of parts, with the status propagation described above. */
export function sumCells(parts: readonly Cell[]): Cell {
  const present = parts.filter((c) => c.status !== 'x');
  if (!present.length) return parts.length ? { value: null, status: 'x' } : { ...NOT_COVERED };
  for (const s of UNKNOWN_ORDER) if (present.some((c) => c.status === s)) return { value: null, status: s };
  if (present.some(isNotCovered)) return { ...NOT_COVERED };
  let value = 0;
  for (const c of present) value += c.value ?? 0;
  if (present.every((c) => c.status === '-')) return { value: 0, status: '-' };
  const flag = FLAG_ORDER.find((s) => present.some((c) => c.status === s)) ?? '';
  return { value, status: flag };
}

/** Rounds half away from zero to `decimals` digits without binary surprises (1.005 -> 1.01). */
export function roundTo(x: number, decimals: number): number {
  const sign = x < 0 ? -1 : 1;
  const r = Number(Math.round(Number(`${Math.abs(x)}e${decimals}`)) + `e-${decimals}`);
  return sign * r || 0;
}

/**
 * numerator / denominator x factor, rounded. Missing parts make the value missing
 * (the numerator's symbol first); a zero denominator is `x` (not meaningful); a zero
 * numerator (`-`) gives `-` with value 0; `p` etc. propagate as in sums.
 */
export function ratioCell(numerator: Cell, denominator: Cell, factor: number, decimals: number): Cell {
  for (const c of [numerator, denominator]) if (isMissing(c.status)) return { value: null, status: c.status };
  if (numerator.value == null || denominator.value == null) return { ...NOT_COVERED };
  if (denominator.value === 0) return { value: null, status: 'x' };
  const value = roundTo((numerator.value / denominator.value) * factor, decimals);
  if (numerator.status === '-') return { value: 0, status: '-' };
  const parts = [numerator, denominator];
  const flag = FLAG_ORDER.find((s) => parts.some((c) => c.status === s)) ?? '';
  return { value, status: flag };
}

/**
 * Builds the count table of every region: rows as given, and for every region without
 * a row its children's sum, bottom-up (Gemeinde -> Amt -> Kreis -> Land).
 * Throws on rows for unknown regions and on duplicate rows.
 */
export function aggregateCounts(
  regions: readonly Region[],
  rows: readonly CountRow[],
  years?: readonly number[],
  unsummed: ReadonlySet<string> = new Set(),
): CountTable {
  const known = new Map(regions.map((r) => [r.id, r]));
  const yearList = [...(years ?? new Set(rows.map((r) => r.year)))].sort((a, b) => a - b);
  const yearIndex = new Map(yearList.map((y, i) => [y, i]));
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (r.parent == null) continue;
    if (!known.has(r.parent)) throw new Error(`region ${r.id}: unknown parent ${r.parent}`);
    const list = children.get(r.parent) ?? [];
    list.push(r.id);
    children.set(r.parent, list);
  }

  // Given rows: count -> region -> (cell | undefined)[]
  const given = new Map<string, Map<string, (Cell | undefined)[]>>();
  for (const row of rows) {
    if (!known.has(row.region)) throw new Error(`count ${row.count}: unknown region ${row.region}`);
    const yi = yearIndex.get(row.year);
    if (yi === undefined) continue; // a year that is not asked for
    let byRegion = given.get(row.count);
    if (!byRegion) given.set(row.count, (byRegion = new Map()));
    let cells = byRegion.get(row.region);
    if (!cells) byRegion.set(row.region, (cells = new Array(yearList.length)));
    if (cells[yi]) throw new Error(`duplicate row: ${row.count} ${row.region} ${row.year}`);
    cells[yi] = normalizeCell(row.value, row.status ?? '');
  }

  // Children before parents: order regions by depth, deepest first.
  const depth = (id: string): number => {
    let d = 0;
    for (let p = known.get(id)?.parent; p != null; p = known.get(p)?.parent) d++;
    return d;
  };
  const depths = new Map(regions.map((r) => [r.id, depth(r.id)]));
  const bottomUp = [...regions].sort((a, b) => depths.get(b.id)! - depths.get(a.id)!);

  const counts = new Map<string, Map<string, Cell[]>>();
  for (const [count, byRegion] of given) {
    const out = new Map<string, Cell[]>();
    for (const region of bottomUp) {
      const own = byRegion.get(region.id);
      const kids = children.get(region.id) ?? [];
      out.set(
        region.id,
        yearList.map((_, yi) => {
          const cell = own?.[yi];
          if (cell) return cell;
          if (!kids.length || unsummed.has(count)) return { ...NOT_COVERED };
          return sumCells(kids.map((k) => out.get(k)![yi]!));
        }),
      );
    }
    counts.set(count, out);
  }
  return { years: yearList, counts };
}

/**
 * Adds the sums of counts an indicator names as `a+b` (e.g. `einwohner-65-75+einwohner-75plus`)
 * to the table: per region and year the sum of the parts' cells (status as in `sumCells`).
 */
export function addCountSums(table: CountTable, ids: Iterable<string>): void {
  for (const id of ids) {
    if (!id.includes('+') || table.counts.has(id)) continue;
    // A part with a leading minus (`geburten+-gestorbene`) is subtracted.
    const parts = id.split('+').map((p) => {
      const negative = p.startsWith('-');
      const part = table.counts.get(negative ? p.slice(1) : p);
      if (!part) throw new Error(`unknown count ${p} (in ${id})`);
      return { part, sign: negative ? -1 : 1 };
    });
    const cell = (c: Cell, sign: number): Cell => (sign > 0 || c.value == null ? c : { ...c, value: -c.value });
    const out = new Map<string, Cell[]>();
    for (const region of parts[0].part.keys())
      out.set(
        region,
        table.years.map((_, yi) => sumCells(parts.map((p) => cell(p.part.get(region)![yi]!, p.sign)))),
      );
    table.counts.set(id, out);
  }
}

/** The definition fields `computeIndicator` needs. */
export type IndicatorDefinition = Pick<Indicator, 'id' | 'decimals' | 'years' | 'levels' | 'computation'>;

/**
 * The indicator file (format v1) of one indicator: all regions of the indicator's
 * levels (in the order of `regions`) x the indicator's years.
 */
export function computeIndicator(
  regions: readonly Region[],
  table: CountTable,
  indicator: IndicatorDefinition,
): IndicatorFile {
  const levels = new Set(indicator.levels);
  const rows = regions.filter((r) => levels.has(r.level));
  const yearIndex = indicator.years.map((y) => {
    const i = table.years.indexOf(y);
    if (i < 0) throw new Error(`indicator ${indicator.id}: no counts for year ${y}`);
    return i;
  });
  const column = (count: string, region: string): Cell[] => {
    const byRegion = table.counts.get(count);
    if (!byRegion) throw new Error(`indicator ${indicator.id}: unknown count ${count}`);
    const cells = byRegion.get(region)!;
    return yearIndex.map((i) => cells[i]!);
  };

  const c = indicator.computation;
  const values: (number | null)[][] = [];
  const status: Record<string, CellStatus[]> = {};
  const numerator: (number | null)[][] = [];
  const denominator: (number | null)[][] = [];
  for (const r of rows) {
    let cells: Cell[];
    if (c.type === 'count') {
      cells = column(c.count, r.id);
    } else {
      const num = column(c.numerator, r.id);
      const den = column(c.denominator, r.id);
      numerator.push(num.map((x) => x.value));
      denominator.push(den.map((x) => x.value));
      cells = num.map((n, i) => ratioCell(n, den[i]!, c.factor, indicator.decimals));
    }
    pushCells(cells, r.id, indicator.decimals, values, status);
  }
  const file = indicatorFile(indicator.id, indicator.years, rows, values, status);
  if (c.type === 'ratio') {
    file.numerator = numerator;
    file.denominator = denominator;
  }
  return file;
}

/** Appends one region's cells to the value and status matrices of an indicator file. */
export function pushCells(
  cells: readonly Cell[],
  region: string,
  decimals: number,
  values: (number | null)[][],
  status: Record<string, CellStatus[]>,
): void {
  values.push(cells.map((x) => (x.value == null ? null : roundTo(x.value, decimals))));
  if (cells.some((x) => x.status !== '')) status[region] = cells.map((x) => x.status);
}

/** An indicator file of the given matrices (status only when a cell has one). */
export function indicatorFile(
  id: string,
  years: readonly number[],
  rows: readonly Pick<Region, 'id'>[],
  values: (number | null)[][],
  status: Record<string, CellStatus[]>,
): IndicatorFile {
  const file: IndicatorFile = {
    format: FORMAT_INDICATOR,
    indicator: id,
    years: [...years],
    regions: rows.map((r) => r.id),
    values,
  };
  if (Object.keys(status).length) file.status = status;
  return file;
}
