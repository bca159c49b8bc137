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
 * - Secondary: every total and its direct parts form one equation, total = sum of parts.
 *   Wherever exactly one cell of an equation is unknown (suppressed here or missing in the
 *   input), it could be recovered by difference, so a second cell is suppressed: the
 *   smallest published part above 0 (then any part, then the total). This repeats until no
 *   equation has exactly one unknown. In a tree of such equations that is enough to stop
 *   exact recovery: each unknown can be moved by +1 while a partner in each of its
 *   equations moves by -1 (or its total by +1), so the published figures fit more than one
 *   value. (Protection against interval estimates beyond that is not attempted.)
 * - Pooled indicators (window sums) are computed from the protected yearly cells: a
 *   window with a suppressed year is suppressed, so windows reveal nothing more.
 */
import * as v from 'valibot';
import type { Indicator, Region } from '../data/schema.js';
import type { IndicatorFile } from '../data/schema.js';
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

type State = 'published' | 'suppressed' | 'unknown' | 'excluded';

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

/**
 * Applies primary and secondary suppression to the counts of the opted-in indicators.
 * Returns the rows to build from (unprotected counts unchanged; protected counts with a row
 * for every region and year, suppressed cells as `.`) and the report.
 */
export function protectCounts(
  regions: readonly Region[],
  rows: readonly CountRow[],
  indicators: readonly Indicator[],
  options: DisclosureOptions,
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
  const out: CountRow[] = rows.filter((r) => !targets.has(r.count));
  const nameOf = new Map(regions.map((r) => [r.id, r.name]));
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parent != null) children.set(r.parent, [...(children.get(r.parent) ?? []), r.id]);
  const groups = [...children].map(([total, parts]) => ({ total, parts }));

  for (const count of targets.keys()) {
    const own = rows.filter((r) => r.count === count);
    if (!own.length) continue;
    const table = aggregateCounts(regions, own);
    const cellsByRegion = table.counts.get(count)!;
    table.years.forEach((year, yi) => {
      const cell = (id: string): Cell => cellsByRegion.get(id)![yi]!;
      const state = new Map<string, State>();
      for (const r of regions) {
        const c = cell(r.id);
        state.set(
          r.id,
          c.status === 'x' ? 'excluded' : isMissing(c.status) || c.value === null ? 'unknown' : 'published',
        );
      }
      const suppress = (id: string, reason: SuppressedCell['reason'], why: string, total?: string) => {
        state.set(id, 'suppressed');
        report[reason]++;
        report.cells.push({
          count,
          region: id,
          name: nameOf.get(id) ?? id,
          year,
          reason,
          why,
          ...(total ? { total } : {}),
        });
      };
      // Primary.
      for (const r of regions) {
        const c = cell(r.id);
        if (state.get(r.id) !== 'published' || c.value === null) continue;
        if ((c.value > 0 || options.zeros) && c.value < options.threshold)
          suppress(r.id, 'primary', `${c.value === 0 ? '0' : 'fewer than ' + options.threshold} cases`);
      }
      // Secondary, until no equation has exactly one unknown.
      for (let changed = true; changed;) {
        changed = false;
        for (const { total, parts } of groups) {
          const members = [total, ...parts].filter((id) => state.get(id) !== 'excluded');
          const hidden = members.filter((id) => state.get(id) !== 'published');
          if (hidden.length !== 1) continue;
          const lone = hidden[0];
          const open = parts.filter((id) => state.get(id) === 'published');
          const value = (id: string) => cell(id).value ?? 0;
          const byValue = (a: string, b: string) => value(a) - value(b) || a.localeCompare(b);
          const pick = open.filter((id) => value(id) > 0).sort(byValue)[0] ?? open.sort(byValue)[0] ?? total;
          const why =
            lone === total
              ? `${nameOf.get(total) ?? total} is suppressed and would be the sum of its published parts`
              : `${nameOf.get(lone) ?? lone} would follow from the published total of ${nameOf.get(total) ?? total} minus its other parts`;
          suppress(pick, 'secondary', why, total);
          changed = true;
        }
      }
      for (const r of regions) {
        const c = cell(r.id);
        const s = state.get(r.id);
        out.push(
          s === 'suppressed'
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
