/**
 * Disclosure control for `fokus-data build` (opt-in): primary suppression of small counts
 * and secondary suppression so that no suppressed cell can be recovered from what the
 * endpoint publishes. Node only (used by the build and the validator); the logic is pure.
 *
 * Which cells: the counts an opted-in indicator rests on (the numerator of a ratio, the
 * count of a count indicator), in every region (Gemeinde, Amt, Kreis, Land) and year.
 * Every indicator that uses such a count reads the protected cells, so a suppressed count
 * also suppresses each rate built on it, as numerator or denominator; a rate times its
 * published denominator therefore never gives a suppressed count back.
 *
 * - Primary: a count with 0 < n < threshold (default 3; with `zeros`, also 0).
 * - Totals (Amt, Kreis, Land) are published from the full data, as statistical offices do,
 *   and pinned as given rows, so that one secret Gemeinde does not blank the Kreis.
 * - Secondary: every total and its direct parts form one equation, total = sum of parts;
 *   so does every breakdown whose parts add up to their common denominator in the data
 *   (age groups of the population, `breakdowns` in the definitions). Wherever exactly one
 *   cell of an equation is hidden (suppressed here or missing in the input), it could be
 *   recovered by difference, so a second cell is suppressed: the smallest published part
 *   above 0 (of a protected count first), then any part, then the total. This repeats
 *   until no equation has exactly one hidden cell.
 * - Audit: several equations together can still fix a cell (a "triangle" of totals). An
 *   exact elimination over all hidden cells finds every determined one, a partner of it is
 *   suppressed, and the rules run again until nothing is determined. (Protection against
 *   narrow interval estimates beyond that is not attempted.)
 * - Relations the definitions do not declare (e.g. age groups without a breakdown) are not
 *   known here: declare them as a breakdown.
 * - Pooled indicators (window sums) are computed from the protected yearly cells: a
 *   window with a suppressed year is suppressed, so windows reveal nothing more.
 */
import * as v from 'valibot';
import type { Breakdown, Indicator, IndicatorFile, Region } from '../data/schema.js';
import { aggregateCounts, isMissing, type Cell, type CountRow } from '../data/aggregate.js';

/** The default threshold: counts of 1 and 2 are secret (the usual rule of German official statistics). */
export const DEFAULT_THRESHOLD = 3;

/** The `disclosure` section of catalog.yaml. */
export const DisclosureConfig = v.object({
  /** Counts below this (and above 0) are suppressed. */
  threshold: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), DEFAULT_THRESHOLD),
  /** `all` (the whole endpoint) or the ids of the indicators whose counts are protected. */
  indicators: v.optional(v.union([v.literal('all'), v.array(v.string())]), 'all'),
  /** Also suppress counts of 0 (default: a 0 is published). */
  zeros: v.optional(v.boolean(), false),
});
export type DisclosureOptions = v.InferOutput<typeof DisclosureConfig>;

/** Reads the `disclosure` section (undefined or `false`: off; `true`: all indicators, threshold 3). */
export function parseDisclosure(raw: unknown): DisclosureOptions | undefined {
  if (raw === undefined || raw === null || raw === false) return undefined;
  return v.parse(DisclosureConfig, raw === true ? {} : raw);
}

export interface SuppressedCell {
  count: string;
  region: string;
  name: string;
  year: number;
  reason: 'primary' | 'secondary';
  /** Why, in words. */
  why: string;
  /** For secondary suppression: the total whose equation had only one unknown. */
  total?: string;
}

export interface DisclosureReport {
  threshold: number;
  zeros: boolean;
  /** The protected counts and the indicators that asked for them. */
  counts: { count: string; indicators: string[] }[];
  primary: number;
  secondary: number;
  cells: SuppressedCell[];
}

/** The counts to protect: count id -> the opted-in indicators resting on it. */
export function protectedCounts(indicators: readonly Indicator[], options: DisclosureOptions): Map<string, string[]> {
  const chosen =
    options.indicators === 'all' ? indicators : indicators.filter((i) => options.indicators.includes(i.id));
  if (options.indicators !== 'all') {
    const known = new Set(indicators.map((i) => i.id));
    const unknown = options.indicators.filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`disclosure: unknown indicator(s) ${unknown.join(', ')}`);
  }
  const out = new Map<string, string[]>();
  for (const ind of chosen) {
    const c = ind.computation;
    const count = c.type === 'ratio' ? c.numerator : c.count;
    out.set(count, [...(out.get(count) ?? []), ind.id]);
  }
  return out;
}

type State = 'published' | 'suppressed' | 'unknown' | 'excluded';

/** One published linear relation between cells: `total` = sum of `parts` (cells are `count|region`). */
export interface Equation {
  total: string;
  parts: string[];
  /** What the relation is, for the report. */
  label: string;
}

/**
 * The cells that the equations determine uniquely although they are hidden: reduced row
 * echelon form over the hidden cells (published cells are constants); a hidden cell is
 * determined when its pivot row has no other hidden cell. Exact for the ±1 systems here.
 */
export function determinedCells(equations: readonly Equation[], hidden: ReadonlySet<string>): string[] {
  const index = new Map<string, number>();
  const rows: Map<number, number>[] = [];
  for (const e of equations) {
    const row = new Map<number, number>();
    const add = (cell: string, coef: number) => {
      if (!hidden.has(cell)) return;
      let i = index.get(cell);
      if (i === undefined) index.set(cell, (i = index.size));
      const v = (row.get(i) ?? 0) + coef;
      if (v === 0) row.delete(i);
      else row.set(i, v);
    };
    add(e.total, 1);
    for (const p of e.parts) add(p, -1);
    if (row.size) rows.push(row);
  }
  const n = index.size;
  const pivotRow: Map<number, number>[] = [];
  const pivots: number[] = [];
  // Gauss-Jordan on sparse rows.
  for (let col = 0, r = 0; col < n && r < rows.length; col++) {
    let sel = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i].get(col) ?? 0) > 1e-9) sel = i;
    if (sel < 0) continue;
    [rows[r], rows[sel]] = [rows[sel], rows[r]];
    const pr = rows[r];
    const pv = pr.get(col)!;
    for (const [k, v] of pr) pr.set(k, v / pv);
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i].get(col);
      if (!f) continue;
      for (const [k, v] of pr) {
        const x = (rows[i].get(k) ?? 0) - f * v;
        if (Math.abs(x) < 1e-9) rows[i].delete(k);
        else rows[i].set(k, x);
      }
    }
    pivotRow.push(pr);
    pivots.push(col);
    r++;
  }
  const names = [...index.keys()];
  return pivots.filter((col, i) => pivotRow[i].size === 1 && pivotRow[i].has(col)).map((col) => names[col]);
}

const key = (count: string, region: string) => `${count}|${region}`;

/**
 * The breakdowns whose parts are ratios on one denominator and really add up to it in the
 * data (e.g. the age groups of the population): denominator -> the part numerators.
 */
function additiveBreakdowns(
  definitions: { indicators: readonly Indicator[]; breakdowns?: readonly Breakdown[] },
  table: (count: string) => Map<string, Cell[]> | undefined,
): { denominator: string; parts: string[]; id: string }[] {
  const out: { denominator: string; parts: string[]; id: string }[] = [];
  for (const b of definitions.breakdowns ?? []) {
    const members = b.indicators.map((id) => definitions.indicators.find((i) => i.id === id)?.computation);
    if (members.some((c) => c?.type !== 'ratio')) continue;
    const ratios = members as Extract<Indicator['computation'], { type: 'ratio' }>[];
    const denominator = ratios[0].denominator;
    if (ratios.some((c) => c.denominator !== denominator)) continue;
    const parts = ratios.map((c) => c.numerator);
    const den = table(denominator);
    const nums = parts.map(table);
    if (!den || nums.some((n) => !n)) continue;
    let adds = true;
    let checked = 0;
    for (const [region, cells] of den) {
      cells.forEach((d, yi) => {
        const ps = nums.map((n) => n!.get(region)?.[yi]);
        if (d.value === null || ps.some((c) => !c || c.value === null)) return;
        checked++;
        if (Math.abs(d.value - ps.reduce((sum, c) => sum + c!.value!, 0)) > 1e-9) adds = false;
      });
    }
    if (adds && checked) out.push({ denominator, parts, id: b.id });
  }
  return out;
}

/**
 * Applies primary and secondary suppression to the counts of the opted-in indicators.
 * Returns the rows to build from (other counts unchanged; protected counts, and counts
 * linked to them by an additive breakdown, with a row for every region and year,
 * suppressed cells as `.`) and the report.
 */
export function protectCounts(
  regions: readonly Region[],
  rows: readonly CountRow[],
  indicators: readonly Indicator[],
  options: DisclosureOptions,
  breakdowns: readonly Breakdown[] = [],
): { rows: CountRow[]; report: DisclosureReport } {
  const targets = protectedCounts(indicators, options);
  const report: DisclosureReport = {
    threshold: options.threshold,
    zeros: options.zeros,
    counts: [...targets].map(([count, ids]) => ({ count, indicators: ids })),
    primary: 0,
    secondary: 0,
    cells: [],
  };
  const nameOf = new Map(regions.map((r) => [r.id, r.name]));
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parent != null) children.set(r.parent, [...(children.get(r.parent) ?? []), r.id]);

  // Full-data tables of every count (published totals pinned as given).
  const full = aggregateCounts(regions, rows);
  const tableOf = (count: string) => full.counts.get(count);
  const linked = additiveBreakdowns({ indicators, breakdowns }, tableOf).filter(
    (b) => targets.has(b.denominator) || b.parts.some((p) => targets.has(p)),
  );
  // Counts in scope: the protected ones and those an additive breakdown ties to them.
  const scope = new Set([...targets.keys()].filter((c) => tableOf(c)));
  for (const b of linked) for (const c of [b.denominator, ...b.parts]) scope.add(c);

  const equations: Equation[] = [];
  for (const count of scope)
    for (const [total, parts] of children)
      equations.push({
        total: key(count, total),
        parts: parts.map((p) => key(count, p)),
        label: `the total ${count} of ${nameOf.get(total) ?? total}`,
      });
  for (const b of linked)
    for (const r of regions)
      equations.push({
        total: key(b.denominator, r.id),
        parts: b.parts.map((p) => key(p, r.id)),
        label: `${b.denominator} of ${r.name} = ${b.parts.join(' + ')} (breakdown ${b.id})`,
      });
  const equationsOf = new Map<string, Equation[]>();
  for (const e of equations)
    for (const c of [e.total, ...e.parts]) equationsOf.set(c, [...(equationsOf.get(c) ?? []), e]);
  const split = (cell: string) => {
    const i = cell.lastIndexOf('|');
    return { count: cell.slice(0, i), region: cell.slice(i + 1) };
  };
  const describe = (cell: string) => {
    const { count, region } = split(cell);
    return `${count} of ${nameOf.get(region) ?? region}`;
  };

  full.years.forEach((year, yi) => {
    const cell = (k: string): Cell => {
      const { count, region } = split(k);
      return tableOf(count)!.get(region)![yi]!;
    };
    const state = new Map<string, State>();
    for (const count of scope)
      for (const r of regions) {
        const k = key(count, r.id);
        const c = cell(k);
        state.set(k, c.status === 'x' ? 'excluded' : isMissing(c.status) || c.value === null ? 'unknown' : 'published');
      }
    const suppress = (k: string, reason: SuppressedCell['reason'], why: string, total?: string) => {
      state.set(k, 'suppressed');
      report[reason]++;
      const { count, region } = split(k);
      report.cells.push({
        count,
        region,
        name: nameOf.get(region) ?? region,
        year,
        reason,
        why,
        ...(total ? { total } : {}),
      });
    };
    // Primary: only the protected counts.
    for (const count of targets.keys()) {
      if (!scope.has(count)) continue;
      for (const r of regions) {
        const k = key(count, r.id);
        const c = cell(k);
        if (state.get(k) !== 'published' || c.value === null) continue;
        if ((c.value > 0 || options.zeros) && c.value < options.threshold)
          suppress(k, 'primary', `${c.value === 0 ? '0' : 'fewer than ' + options.threshold} cases`);
      }
    }
    const value = (k: string) => cell(k).value ?? 0;
    // The partner of a lone hidden cell in an equation: the smallest published part above 0
    // (of a protected count first), then any published part, then the total.
    const partner = (e: Equation): string | undefined => {
      const open = e.parts.filter((p) => state.get(p) === 'published');
      const rank = (a: string, b: string) =>
        Number(!targets.has(split(a).count)) - Number(!targets.has(split(b).count)) ||
        value(a) - value(b) ||
        a.localeCompare(b);
      return (
        open.filter((p) => value(p) > 0).sort(rank)[0] ??
        open.sort(rank)[0] ??
        (state.get(e.total) === 'published' ? e.total : undefined)
      );
    };
    const hiddenIn = (e: Equation) =>
      [e.total, ...e.parts].filter((c) => state.get(c) !== 'published' && state.get(c) !== 'excluded');
    for (let round = 0; ; round++) {
      // Secondary, until no equation has exactly one hidden cell.
      for (let changed = true; changed;) {
        changed = false;
        for (const e of equations) {
          const hidden = hiddenIn(e);
          if (hidden.length !== 1) continue;
          const lone = hidden[0];
          const pick = partner(e);
          if (!pick) continue;
          const why =
            lone === e.total
              ? `${describe(lone)} is hidden and would be the sum of its published parts (${e.label})`
              : `${describe(lone)} would follow from ${e.label} minus the other parts`;
          suppress(pick, 'secondary', why, split(e.total).region);
          changed = true;
        }
      }
      // Audit: cells that several equations together still determine.
      const hidden = new Set([...state].filter(([, s]) => s === 'suppressed' || s === 'unknown').map(([k]) => k));
      const relevant = equations.filter((e) => hiddenIn(e).length > 0);
      const determined = determinedCells(relevant, hidden).filter((k) => state.get(k) === 'suppressed');
      if (!determined.length || round > 1000) break;
      const k = determined[0];
      const e = (equationsOf.get(k) ?? []).find((x) => partner(x) !== undefined);
      if (!e) break;
      suppress(
        partner(e)!,
        'secondary',
        `${describe(k)} would follow from several published totals together (${e.label})`,
        split(e.total).region,
      );
    }
  });

  const out: CountRow[] = rows.filter((r) => !scope.has(r.count));
  const suppressed = new Set(report.cells.map((c) => `${key(c.count, c.region)}|${c.year}`));
  for (const count of scope) {
    const cells = tableOf(count)!;
    full.years.forEach((year, yi) => {
      for (const r of regions) {
        const c = cells.get(r.id)![yi]!;
        out.push(
          suppressed.has(`${key(count, r.id)}|${year}`)
            ? { count, region: r.id, year, value: null, status: '.' }
            : { count, region: r.id, year, value: c.value, status: c.status },
        );
      }
    });
  }
  report.cells.sort((a, b) => a.count.localeCompare(b.count) || a.year - b.year || a.region.localeCompare(b.region));
  return { rows: out, report };
}

/** The report as console lines: a summary, then every suppressed cell. */
export function formatDisclosureReport(report: DisclosureReport): string[] {
  const lines = [
    `disclosure control: ${report.primary + report.secondary} cell(s) suppressed ` +
      `(${report.primary} primary: fewer than ${report.threshold} cases${report.zeros ? ' or 0' : ''}; ` +
      `${report.secondary} secondary: would be recoverable from totals) in ${report.counts
        .map((c) => `${c.count} (${c.indicators.join(', ')})`)
        .join(', ')}`,
  ];
  for (const c of report.cells) lines.push(`  ${c.count} ${c.year} ${c.region} ${c.name}: ${c.reason}, ${c.why}`);
  return lines;
}

/**
 * For `validate`: published cells of ratio numerators (and counts) that rest on 1 to
 * threshold - 1 cases, i.e. what disclosure control would suppress. Empty after a build
 * with disclosure control at that threshold.
 */
export function smallPublishedCounts(
  file: IndicatorFile,
  indicator: Indicator,
  threshold = DEFAULT_THRESHOLD,
): { region: string; year: number; value: number }[] {
  const matrix = indicator.computation.type === 'ratio' ? file.numerator : undefined;
  if (!matrix) return [];
  const out: { region: string; year: number; value: number }[] = [];
  matrix.forEach((row, r) =>
    row.forEach((n, y) => {
      const shown = file.values[r]?.[y];
      if (n !== null && n > 0 && n < threshold && shown !== null && shown !== undefined)
        out.push({ region: file.regions[r], year: file.years[y], value: n });
    }),
  );
  return out;
}
