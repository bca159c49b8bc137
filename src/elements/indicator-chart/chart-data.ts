/**
 * Loading of `<indicator-chart>`: checks the attributes, reads the catalog and the
 * indicator (or every member of a breakdown) and builds the chart model. No Lit, no DOM.
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { breakdownById, type IndicatorData } from '../../data/model.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import type { Lang } from '../../internal/i18n.js';
import { buildChartModel, parseChartType, type ChartModel, type ChartType } from './chart-model.js';

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
  lang: Lang;
  locale: string;
}

export interface ChartData {
  model: ChartModel;
  catalog: Catalog;
  indicators: Indicator[];
}

/** Loads what the chart shows; a missing `indicator` or an unknown id is an error naming it. */
export async function loadChart(args: ChartArgs, { client, signal }: LoadContext): Promise<ChartData> {
  const { endpoint, indicator, lang, locale } = args;
  if (!indicator.trim()) throw new FokusUsageError('missing-attribute', 'indicator');
  const chartType = parseChartType(args.type);
  const catalog = await client.getCatalog(endpoint, { signal });
  const id = indicator.trim();
  const breakdown =
    breakdownById(catalog, id) ??
    (chartType === 'column' ? catalog.breakdowns?.find((b) => b.indicators.includes(id)) : undefined);
  const ids = breakdown ? breakdown.indicators : [id];
  const data: IndicatorData[] = await Promise.all(ids.map((i) => client.getIndicator(endpoint, i, { signal })));
  const { region, compare, level, parent, from, to, year, label } = args;
  const request = { type: chartType, region, compare, level, parent, from, to, year, label };
  const model = buildChartModel({ catalog, data, breakdown }, request, lang, locale);
  return { model, catalog, indicators: data.map((d) => d.indicator) };
}
