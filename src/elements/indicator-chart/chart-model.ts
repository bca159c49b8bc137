/**
 * Pure: catalog + indicator data + the element's attributes -> the chart's view model
 * (one row per mark, with formatted labels and tooltip texts). No DOM, no Vega.
 */
import type { Breakdown, Catalog, LevelId, SeriesBreak, StatusSymbol } from '../../data/schema.js';
import {
  childrenOf,
  isMissing,
  levelLabel,
  parseLevel,
  parseRegionList,
  regionById,
  type IndicatorData,
} from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { formatValue, localText, statusLabel } from '../../data/format.js';
import { FokusUsageError } from '../../internal/errors.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { intervalOf, minCountOf } from '../../data/uncertainty.js';
import { messages, type MessageKey } from './messages.js';

export type ChartType = 'line' | 'bar' | 'column';
export const CHART_TYPES: readonly ChartType[] = ['line', 'bar', 'column'];

/** primary: the regions asked for; reference: `compare`; other: the rest of a ranking. */
export type Role = 'primary' | 'reference' | 'other';

/** Symbols whose value is drawn but marked (hollow point, pale bar). */
const FLAGGED: ReadonlySet<string> = new Set(['p', 's', 'r', '()']);

/** The element's attributes, as given. */
export interface ChartRequest {
  type: ChartType;
  region?: string;
  compare?: string;
  level?: string;
  parent?: string;
  from?: number;
  to?: number;
  year?: number;
  /** The heading given (`label`); default a generated title naming indicator, regions and period. */
  label?: string;
  /** Confidence intervals from the numerator counts (default true; `no-interval` turns them off). */
  interval?: boolean;
}

/** What was loaded: the catalog and one `IndicatorData` (line, bar) or one per category (column). */
export interface ChartSource {
  catalog: Catalog;
  data: IndicatorData[];
  breakdown?: Breakdown;
}

/** One mark (a point of a line, a bar, a column). */
export interface ChartRow {
  /** Unique key of the mark: region, year and category. */
  key: string;
  region: string;
  name: string;
  role: Role;
  year: number;
  /** The category label (column charts), else ''. */
  category: string;
  value: number | null;
  status: StatusSymbol | '';
  /** Drawn but marked: provisional, estimated, revised, limited. */
  flagged: boolean;
  /** No value: a gap, never zero. */
  missing: boolean;
  /** The value as text with its symbol, e.g. `9,1 p`, or the bare symbol. */
  label: string;
  /** The tooltip and screen-reader text of the mark. */
  tip: string;
  /** The 95 % confidence interval of the rate from its numerator count; null without counts. */
  low: number | null;
  high: number | null;
  /** The numerator count (cases) the rate rests on; null when unknown. */
  cases: number | null;
  /** The rate rests on fewer cases than the indicator's `minCount`. */
  small: boolean;
}

export interface ChartSeries {
  id: string;
  name: string;
  role: Role;
}

export interface ChartModel {
  type: ChartType;
  lang: Lang;
  locale: string;
  /** Indicator ids shown (one, or the members of a breakdown). */
  indicatorIds: string[];
  /** The id the element was asked for (indicator or breakdown). */
  id: string;
  title: string;
  indicatorLabel: string;
  unit: string;
  decimals: number;
  definition: string;
  /** Years shown on the time axis (line), ascending. */
  years: number[];
  /** The year shown (bar, column). */
  year?: number;
  categories: string[];
  series: ChartSeries[];
  /** Marks, in drawing order (bars: ranked, highest first). */
  rows: ChartRow[];
  /** Reference values drawn as rules (bar). */
  refs: ChartRow[];
  breaks: { year: number; note: string }[];
  /** The regions shown, as text ("Elmshorn, Kreis Pinneberg und Schleswig-Holstein"). */
  scope: string;
  /** Official symbols that occur, in symbol order. */
  symbols: StatusSymbol[];
  /** Number of drawn values (0 renders the empty state). */
  count: number;
  /** Some rows carry a confidence interval (drawn as a band or whiskers). */
  intervals: boolean;
  /** The small-count threshold of the indicator (catalog `minCount`, default 20). */
  minCount: number;
  /** Every mark is missing and every one of them carries the same symbol (e.g. `.`), else ''. */
  allMissing: StatusSymbol | '';
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return msg(messages, lang, key, params);
}

/** "A, B und C". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(lang, 'and')} ${items[items.length - 1]}`;
}

/** Short text for a missing value, for tooltips and bar labels. */
export function missingText(status: StatusSymbol | '', lang: Lang): string {
  return isMissing(status) ? t(lang, `short.${status}` as MessageKey) : t(lang, 'noValue');
}

function parseType(type: string): ChartType {
  const value = (type || 'line').trim().toLowerCase();
  if ((CHART_TYPES as readonly string[]).includes(value)) return value as ChartType;
  throw new FokusUsageError('invalid-attribute', 'type', type);
}

export { parseType as parseChartType };

function checkYear(name: string, year: number | undefined, years: readonly number[]): void {
  if (year === undefined || Number.isNaN(year)) return;
  if (!Number.isInteger(year) || year < years[0] - 100 || year > years[years.length - 1] + 100) {
    throw new FokusUsageError('invalid-attribute', name, String(year));
  }
}

function num(value: number | undefined): number | undefined {
  return value === undefined || value === null || Number.isNaN(value) ? undefined : value;
}

interface Regions {
  primary: string[];
  others: string[];
  refs: string[];
  scope: string;
  /** The regions for a title: "Gemeinden im Kreis Pinneberg" ('' for a list of regions). */
  title: string;
}

function selectRegions(catalog: Catalog, req: ChartRequest, lang: Lang): Regions {
  const primary = req.region?.trim() ? parseRegionList(catalog, req.region) : [];
  const refs = req.compare?.trim() ? parseRegionList(catalog, req.compare).filter((id) => !primary.includes(id)) : [];
  let level: LevelId | undefined;
  if (req.level?.trim()) level = parseLevel(req.level, catalog);
  let parent: string | undefined;
  if (req.parent?.trim()) {
    parent = req.parent.trim();
    if (!regionById(catalog, parent)) throw new FokusDataError('unknown-region', { subject: parent });
  }
  const name = (id: string) => regionById(catalog, id)?.name ?? id;
  if (level || parent) {
    if (!level) throw new FokusUsageError('missing-attribute', 'level');
    const set = (parent ? childrenOf(catalog, parent, level) : catalog.regions.filter((r) => r.level === level)).map(
      (r) => r.id,
    );
    const scope = t(lang, 'regionsOf', {
      count: set.length,
      level: levelLabel(catalog, level, lang),
      parent: parent ? name(parent) : localText(catalog.title, lang),
    });
    const others = set.filter((id) => !primary.includes(id) && !refs.includes(id));
    const plural = t(lang, `plural.${level}` as MessageKey);
    const parentName = parent ? name(parent) : localText(catalog.title, lang);
    const article = lang === 'de' && /^(Kreis|Amt|Landkreis) /.test(parentName) ? 'im' : t(lang, 'in');
    const title = `${plural} ${article} ${parentName}`;
    return { primary, others, refs, scope, title };
  }
  if (primary.length === 0) throw new FokusUsageError('missing-attribute', 'region');
  return { primary, others: [], refs, scope: joinList([...primary, ...refs].map(name), lang), title: '' };
}

function makeRow(
  data: IndicatorData,
  region: string,
  name: string,
  role: Role,
  year: number,
  category: string,
  unit: string,
  lang: Lang,
  locale: string,
  withInterval = true,
): ChartRow {
  const { value, status } = data.get(region, year);
  const missing = value === null;
  const label = formatValue(value, status, data.indicator.decimals, locale);
  const where = category ? `${name}, ${category}, ${year}` : `${name}, ${year}`;
  const detail = status ? statusLabel(status, lang) : '';
  const ci = !missing && withInterval ? intervalOf(data, region, year) : undefined;
  const fmt = (v: number) => formatValue(v, '', data.indicator.decimals, locale);
  const ciText = ci
    ? `; ${t(lang, 'tipInterval', { low: fmt(ci.low), high: fmt(ci.high), cases: ci.numerator })}` +
      (ci.small ? `; ${t(lang, 'tipSmall')}` : '')
    : '';
  const tip = missing
    ? `${where}: ${missingText(status, lang)}${status ? ` (${status})` : ''}`
    : `${where}: ${label}${unit ? ` ${unit}` : ''}${detail && !isMissing(status) ? ` (${detail})` : ''}${ciText}`;
  return {
    key: `${region}|${year}|${category}`,
    region,
    name,
    role,
    year,
    category,
    value,
    status,
    flagged: !missing && FLAGGED.has(status),
    missing,
    label,
    tip,
    low: ci ? ci.low : null,
    high: ci ? ci.high : null,
    cases: ci ? ci.numerator : null,
    small: ci ? ci.small : false,
  };
}

/** The latest year in `years` for which one of `regions` has a value in every data set. */
function latestYear(data: IndicatorData[], regions: string[], years: readonly number[]): number | undefined {
  for (let i = years.length - 1; i >= 0; i--) {
    if (regions.some((id) => data.some((d) => d.get(id, years[i]).value !== null))) return years[i];
  }
  return undefined;
}

/** Builds the view model; throws `FokusUsageError` / `FokusDataError` for bad attributes. */
export function buildChartModel(source: ChartSource, req: ChartRequest, lang: Lang, locale: string): ChartModel {
  const { catalog, data, breakdown } = source;
  const type: ChartType = breakdown ? 'column' : parseType(req.type);
  const first = data[0];
  const indicator = first.indicator;
  const allYears = [...first.years];
  const from = num(req.from);
  const to = num(req.to);
  const yearAttr = num(req.year);
  checkYear('from', from, allYears);
  checkYear('to', to, allYears);
  checkYear('year', yearAttr, allYears);
  if (from !== undefined && to !== undefined && from > to)
    throw new FokusUsageError('invalid-attribute', 'from', String(from));
  const regions = selectRegions(catalog, req, lang);
  const ci = req.interval !== false;
  const name = (id: string) => regionById(catalog, id)?.name ?? id;
  const unit = localText(indicator.unit, lang);
  const indicatorLabel = breakdown ? localText(breakdown.label, lang) : localText(indicator.label, lang);
  const rows: ChartRow[] = [];
  const refs: ChartRow[] = [];
  let series: ChartSeries[] = [];
  let years: number[] = [];
  let year: number | undefined;
  let categories: string[] = [];
  let breaks: { year: number; note: string }[] = [];

  if (type === 'line') {
    years = allYears.filter((y) => (from === undefined || y >= from) && (to === undefined || y <= to));
    const focus = regions.primary.length > 0;
    series = [
      ...regions.primary.map((id) => ({ id, name: name(id), role: 'primary' as Role })),
      ...regions.others.map((id) => ({ id, name: name(id), role: (focus ? 'other' : 'primary') as Role })),
      ...regions.refs.map((id) => ({ id, name: name(id), role: 'reference' as Role })),
    ];
    for (const s of series) {
      for (const y of years) rows.push(makeRow(first, s.id, s.name, s.role, y, '', unit, lang, locale, ci));
    }
    breaks = (indicator.breaks ?? [])
      .filter((b: SeriesBreak) => years.length > 1 && b.year > years[0] && b.year <= years[years.length - 1])
      .map((b) => ({ year: b.year, note: localText(b.note, lang) }));
  } else {
    const shown = [...regions.primary, ...regions.others];
    year = yearAttr ?? latestYear(data, [...shown, ...regions.refs], allYears) ?? allYears[allYears.length - 1];
    if (yearAttr !== undefined && !allYears.includes(yearAttr))
      throw new FokusUsageError('invalid-attribute', 'year', String(yearAttr));
    const y = year;
    if (type === 'bar') {
      const hasFocus = regions.others.length > 0 && regions.primary.length > 0;
      const bars = shown.map((id) =>
        makeRow(
          first,
          id,
          name(id),
          hasFocus && !regions.primary.includes(id) ? 'other' : 'primary',
          y,
          '',
          unit,
          lang,
          locale,
          ci,
        ),
      );
      bars.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, locale));
      rows.push(...bars);
      for (const id of regions.refs)
        refs.push(makeRow(first, id, name(id), 'reference', y, '', unit, lang, locale, ci));
      series = regions.refs.map((id) => ({ id, name: name(id), role: 'reference' as Role }));
    } else {
      if (!breakdown) throw new FokusUsageError('invalid-attribute', 'type', 'column');
      categories = breakdown.categories.map((c) => localText(c, lang));
      series = [
        ...shown.map((id) => ({ id, name: name(id), role: 'primary' as Role })),
        ...regions.refs.map((id) => ({ id, name: name(id), role: 'reference' as Role })),
      ];
      for (const s of series) {
        data.forEach((d, i) => rows.push(makeRow(d, s.id, s.name, s.role, y, categories[i], unit, lang, locale, ci)));
      }
    }
  }

  const all = [...rows, ...refs];
  const used = new Set(all.map((r) => r.status).filter(Boolean));
  const missingSymbols = new Set(all.map((r) => (r.missing ? r.status : '!')));
  const allMissing =
    all.length > 0 && missingSymbols.size === 1 && !missingSymbols.has('!') ? (all[0].status as StatusSymbol | '') : '';
  const title =
    req.label?.trim() ||
    chartTitle(type, indicatorLabel, lang, {
      regions: regions.primary.length ? regions.primary.map(name) : [],
      scope: regions.title,
      years,
      year,
    });
  const order = ['-', '.', '/', 'x', '...', '()', 'p', 'r', 's'] as const;
  return {
    type,
    lang,
    locale,
    id: breakdown?.id ?? indicator.id,
    indicatorIds: data.map((d) => d.id),
    title,
    indicatorLabel,
    unit,
    decimals: indicator.decimals,
    definition: breakdown
      ? data.map((d) => `${localText(d.indicator.label, lang)}: ${localText(d.indicator.description, lang)}`).join(' ')
      : localText(indicator.description, lang),
    years,
    year,
    categories,
    series,
    rows,
    refs,
    breaks,
    scope: regions.scope,
    symbols: order.filter((s) => used.has(s)),
    count: rows.filter((r) => !r.missing).length,
    intervals: all.some((r) => r.low !== null),
    minCount: minCountOf(indicator),
    allMissing,
  };
}

/**
 * The generated heading: "Geburtenrate in Elmshorn, 2010–2024" (line),
 * "Geburtenrate 2024: Gemeinden im Kreis Pinneberg" (bar), "Altersstruktur 2024: Elmshorn" (column).
 */
export function chartTitle(
  type: ChartType,
  indicator: string,
  lang: Lang,
  o: { regions: string[]; scope: string; years: number[]; year?: number },
): string {
  const list = joinList(o.regions, lang);
  if (type === 'line') {
    const from = o.years[0];
    const to = o.years[o.years.length - 1];
    const period = from === to ? String(from) : `${from}–${to}`;
    if (o.regions.length && o.regions.length <= 3) return t(lang, 'titleLine', { indicator, where: list, period });
    return t(lang, 'titleLineScope', { indicator, where: o.scope || list, period });
  }
  const where = type === 'bar' ? o.scope || list : list || o.scope;
  return t(lang, 'titleYear', { indicator, year: o.year ?? '', where });
}

/** What a key pressed on the chart does: clear the active mark, select its row, move to another mark, or nothing. */
export type ChartKeyAction = { clear: true } | { select: ChartRow } | { move: string | undefined } | undefined;

export function chartKeyAction(model: ChartModel, active: string | undefined, key: string): ChartKeyAction {
  if (key === 'Escape') return { clear: true };
  if ((key === 'Enter' || key === ' ') && active) {
    const row = model.rows.find((r) => r.key === active);
    return row ? { select: row } : undefined;
  }
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) return undefined;
  return { move: nextKey(model, active, key) };
}

/** Keyboard navigation over the marks: the key of the next mark for an arrow key. */
export function nextKey(model: ChartModel, current: string | undefined, key: string): string | undefined {
  const rows = model.rows;
  if (rows.length === 0) return undefined;
  const index = rows.findIndex((r) => r.key === current);
  if (index < 0) return rows[0].key;
  const row = rows[index];
  const vertical = key === 'ArrowUp' || key === 'ArrowDown';
  const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0;
  if (key === 'Home') return rows[0].key;
  if (key === 'End') return rows[rows.length - 1].key;
  if (step === 0) return row.key;
  if (model.type === 'bar') return rows[Math.min(rows.length - 1, Math.max(0, index + step))].key;
  // line: left/right along the series (years), up/down across series at the same year;
  // column: left/right across categories, up/down across regions.
  const groupOf = (r: ChartRow) => r.region;
  const posOf = (r: ChartRow) => (model.type === 'line' ? String(r.year) : r.category);
  if (!vertical) {
    const same = rows.filter((r) => groupOf(r) === groupOf(row));
    const i = same.indexOf(row);
    return same[Math.min(same.length - 1, Math.max(0, i + step))].key;
  }
  const ids = model.series.map((s) => s.id);
  const si = ids.indexOf(row.region);
  const target = ids[Math.min(ids.length - 1, Math.max(0, si + step))];
  return rows.find((r) => r.region === target && posOf(r) === posOf(row))?.key ?? row.key;
}
