/**
 * Loading of `<indicator-chart>`: checks the attributes, reads the catalog and the
 * indicator (or every member of a breakdown) and builds the chart model. No Lit, no DOM.
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { toCsv, type CsvFlavour } from '../../data/csv.js';
import { captionLines } from '../../internal/caption.js';
import { fileBase } from '../../internal/downloads.js';
import type { IndicatorData } from '../../data/model.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import type { Lang } from '../../internal/i18n.js';
import { buildChartModel, parseChartType, t, type ChartModel, type ChartType } from './chart-model.js';
import { chartCsvRows } from './chart-text.js';
import { requestChartData } from './chart-scope.js';

export interface ChartArgs {
  endpoint: string;
  indicator: string;
  type: ChartType;
  region: string;
  compare: string;
  level: string;
  parent: string;
  from: number | undefined;
  to: number | undefined;
  year: number | undefined;
  label: string;
  /** Confidence intervals from the counts (false: `no-interval`). */
  interval: boolean;
  lang: Lang;
  locale: string;
}

export interface ChartData {
  model: ChartModel;
  catalog: Catalog;
  indicators: Indicator[];
}

/** The load arguments from the element's attributes. */
export function chartArgs(
  el: Omit<ChartArgs, 'endpoint' | 'interval' | 'lang' | 'from' | 'to' | 'year'> & {
    from?: number;
    to?: number;
    year?: number;
    resolvedEndpoint: string;
    noInterval: boolean;
    uiLang: Lang;
  },
): ChartArgs {
  const { indicator, type, region, compare, level, parent, from, to, year, label, locale } = el;
  const common = { indicator, type, region, compare, level, parent, from, to, year, label, locale };
  return { endpoint: el.resolvedEndpoint, ...common, interval: !el.noInterval, lang: el.uiLang };
}

/** Loads what the chart shows; a missing `indicator` or an unknown id is an error naming it. */
export async function loadChart(args: ChartArgs, { client, signal }: LoadContext): Promise<ChartData> {
  const { endpoint, indicator, lang, locale } = args;
  if (!indicator.trim()) throw new FokusUsageError('missing-attribute', 'indicator');
  const chartType = parseChartType(args.type);
  const catalog = await client.getCatalog(endpoint, { signal });
  const { breakdown, data: requested } = requestChartData(
    client,
    endpoint,
    catalog,
    { ...args, type: chartType },
    { signal },
  );
  const data: IndicatorData[] = await Promise.all(requested);
  const { region, compare, level, parent, from, to, year, label, interval } = args;
  const request = { type: chartType, region, compare, level, parent, from, to, year, label, interval };
  const model = buildChartModel({ catalog, data, breakdown }, request, lang, locale);
  return { model, catalog, indicators: data.map((d) => d.indicator) };
}

/** `<id>-<first>-<last>` (line) or `<id>-<year>` (bar, column). */
export function chartFileBase(model: ChartModel): string {
  return fileBase([model.id, model.type === 'line' ? `${model.years[0]}-${model.years.at(-1)}` : model.year]);
}

/**
 * The data as CSV. `excel-de` (for people) ends with the source lines and the notes on breaks
 * in the series; `machine` (for programs) is the header and the rows only, as the table's.
 */
export function chartCsv(v: ChartData, flavour: CsvFlavour): string {
  if (flavour === 'machine') return toCsv(chartCsvRows(v.model), { flavour });
  const notes = v.model.breaks.map((b) => `${t(v.model.lang, 'seriesBreak')} ${b.year}: ${b.note}`);
  const footer = [...captionLines(v.catalog, v.indicators, v.model.lang), ...notes].filter(Boolean);
  return toCsv(chartCsvRows(v.model), { flavour }, footer);
}

/** What a chart takes from its group's selection (`link` has already narrowed the keys). */
export function followSelection(
  v: ChartData | undefined,
  attrs: { region: string; compare: string; level: string; type: ChartType },
  s: { region?: string; year?: number; indicator?: string },
  changed: readonly string[],
): { region?: string; year?: number; indicator?: string; highlight?: string } {
  const model = v?.model;
  const out: { region?: string; year?: number; indicator?: string; highlight?: string } = {};
  const type = model?.type ?? attrs.type;
  if (changed.includes('region') && s.region) {
    // Before the first load (e.g. a deep link), the attributes say what will be shown.
    const listed = `${attrs.region},${attrs.compare}`.split(/[\s,;]+/);
    const shown = model
      ? model.rows.some((r) => r.region === s.region) || model.refs.some((r) => r.region === s.region)
      : listed.includes(s.region) || !!attrs.level;
    if (!shown && type !== 'bar') out.region = s.region;
    out.highlight = s.region;
  }
  // A year the shown indicator does not have (e.g. from a group mixing indicators) is not taken.
  const known = !v || v.indicators.some((i) => i.years.includes(s.year!));
  if (changed.includes('year') && s.year && known && type !== 'line') out.year = s.year;
  const breakdown = model ? model.categories.length > 0 : attrs.type === 'column';
  if (changed.includes('indicator') && s.indicator && !breakdown) out.indicator = s.indicator;
  return out;
}
