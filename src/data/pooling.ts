/**
 * Pooled rates for small areas: a ratio over a moving window of years (computation
 * `window`, e.g. 3), the sum of the numerator over the window divided by the sum of the
 * denominator, so that a Gemeinde with a handful of births a year gets a rate that means
 * something. The value of 2024 with a 3-year window is that of 2022-2024; the catalog's
 * `period` ("3-Jahres-Mittel" / "3-year average") says so in every view.
 *
 * - Sums follow the status rules of aggregate.ts: a window with a secret year is secret
 *   (so pooling never reveals what disclosure control suppressed), `p` etc. propagate.
 * - A window that spans a break in series gets `()` (limited validity) unless it carries
 *   another symbol.
 * - The file's numerator and denominator are the window sums (the counts the rate rests on).
 */
import type { Indicator, IndicatorFile, LocalizedText, Region } from './schema.js';
import { windowLength } from './period.js';

export { windowLength, yearSpan } from './period.js';
import {
  computeIndicator,
  indicatorFile,
  pushCells,
  ratioCell,
  sumCells,
  type Cell,
  type CellStatus,
  type CountTable,
  type IndicatorDefinition,
} from './aggregate.js';

/** The years a value of `year` is pooled over, ascending (just `year` when not pooled). */
export function windowYears(indicator: Pick<Indicator, 'computation'>, year: number): number[] {
  const w = windowLength(indicator);
  return Array.from({ length: w }, (_, i) => year - w + 1 + i);
}

/** The default `period` label of a window: "3-Jahres-Mittel" / "3-year average". */
export function defaultPeriod(window: number): LocalizedText {
  return { de: `${window}-Jahres-Mittel`, en: `${window}-year average` };
}

/** The indicator with `period` filled in when it is pooled and has none. */
export function withPeriod<T extends Pick<Indicator, 'computation' | 'period'>>(indicator: T): T {
  const w = windowLength(indicator);
  return w > 1 && !indicator.period ? { ...indicator, period: defaultPeriod(w) } : indicator;
}

/**
 * What a value of `year` stands for, for captions and axes: "2022–2024 (3-Jahres-Mittel)"
 * for a pooled indicator, else the year.
 */
export function periodText(indicator: Pick<Indicator, 'computation' | 'period'>, year: number, lang = 'de'): string {
  const w = windowLength(indicator);
  if (w <= 1) return String(year);
  const label = withPeriod(indicator).period!;
  const text = (lang.toLowerCase().startsWith('en') && label.en) || label.de;
  return `${year - w + 1}–${year} (${text})`;
}

/** Every year whose counts an indicator needs: its years and, when pooled, the years before them in the window. */
export function countYears(indicator: Pick<Indicator, 'computation' | 'years'>): number[] {
  const years = new Set<number>();
  for (const y of indicator.years) for (const w of windowYears(indicator, y)) years.add(w);
  return [...years].sort((a, b) => a - b);
}

type Definition = IndicatorDefinition & Partial<Pick<Indicator, 'breaks'>>;

/**
 * The indicator file of a pooled ratio: for every region and year, the sums over the
 * window. Years of the window that the table lacks count as unknown (`.`).
 */
export function computePooledIndicator(
  regions: readonly Region[],
  table: CountTable,
  indicator: Definition,
): IndicatorFile {
  const c = indicator.computation;
  if (c.type !== 'ratio' || !c.window || c.window < 2) return computeIndicator(regions, table, indicator);
  const levels = new Set(indicator.levels);
  const rows = regions.filter((r) => levels.has(r.level));
  const yearIndex = new Map(table.years.map((y, i) => [y, i]));
  const unknown: Cell = { value: null, status: '.' };
  const cellsOf = (count: string, region: string): Cell[] => {
    const byRegion = table.counts.get(count);
    if (!byRegion) throw new Error(`indicator ${indicator.id}: unknown count ${count}`);
    return byRegion.get(region) ?? [];
  };
  const windowSum = (cells: Cell[], year: number): Cell =>
    sumCells(
      windowYears(indicator, year).map((y) => {
        const i = yearIndex.get(y);
        return i === undefined ? unknown : (cells[i] ?? unknown);
      }),
    );
  const breaks = (indicator.breaks ?? []).map((b) => b.year);
  const spansBreak = (year: number) => breaks.some((b) => b > year - c.window! + 1 && b <= year);

  const values: (number | null)[][] = [];
  const numerator: (number | null)[][] = [];
  const denominator: (number | null)[][] = [];
  const status: Record<string, CellStatus[]> = {};
  for (const r of rows) {
    const num = cellsOf(c.numerator, r.id);
    const den = cellsOf(c.denominator, r.id);
    const nums = indicator.years.map((y) => windowSum(num, y));
    const dens = indicator.years.map((y) => windowSum(den, y));
    const cells = nums.map((n, i) => {
      const cell = ratioCell(n, dens[i], c.factor, indicator.decimals);
      return cell.status === '' && spansBreak(indicator.years[i]) ? { ...cell, status: '()' as const } : cell;
    });
    pushCells(cells, r.id, indicator.decimals, values, status);
    numerator.push(nums.map((x) => x.value));
    denominator.push(dens.map((x) => x.value));
  }
  return { ...indicatorFile(indicator.id, indicator.years, rows, values, status), numerator, denominator };
}

/** The indicator file of any definition: pooled when it has a window, else as `computeIndicator`. */
export function computeIndicatorFile(
  regions: readonly Region[],
  table: CountTable,
  indicator: Definition,
): IndicatorFile {
  return windowLength(indicator) > 1
    ? computePooledIndicator(regions, table, indicator)
    : computeIndicator(regions, table, indicator);
}
