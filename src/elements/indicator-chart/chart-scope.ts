/**
 * What an `<indicator-chart>` reads, from its attributes and the catalog: the file of each
 * indicator it shows (every member of a breakdown), each the smallest file that holds the
 * scope (`level`/`parent`, `region`, `compare`). For the chart's loader (chart-data.ts) and
 * for the loader script's warm-up (`warmChart`, started while the chart's code downloads), so
 * both ask the client for the same files. Small on purpose: no Lit, no chart model.
 */
import { getClient, type FokusClient, type RequestOptions } from '../../data/client.js';
import { breakdownById, type IndicatorData } from '../../data/model.js';
import type { Breakdown, Catalog } from '../../data/schema.js';

/** The chart types with a template (chart-model.ts `CHART_TYPES`; a test keeps them equal). */
export const TEMPLATE_TYPES = ['line', 'bar', 'column'] as const;

/** True when `type` (an attribute's text; empty is `line`) names a chart type. */
export function isChartType(type: string | null | undefined): boolean {
  return (TEMPLATE_TYPES as readonly string[]).includes((type || 'line').trim().toLowerCase());
}

/** The attributes that decide which files a chart reads. */
export interface ChartFileArgs {
  indicator: string;
  /** The parsed type (`line`, `bar`, `column`). */
  type: string;
  region: string;
  compare: string;
  level: string;
  parent: string;
}

/**
 * Requests the chart's indicator files at once: the breakdown `indicator` names (or, for a
 * column chart, the one it belongs to) with all its members, else the one indicator.
 */
export function requestChartData(
  client: FokusClient,
  endpoint: string,
  catalog: Catalog,
  args: ChartFileArgs,
  options: RequestOptions = {},
): { breakdown: Breakdown | undefined; data: Promise<IndicatorData>[] } {
  const id = args.indicator.trim();
  const breakdown =
    breakdownById(catalog, id) ??
    (args.type === 'column' ? catalog.breakdowns?.find((b) => b.indicators.includes(id)) : undefined);
  const ids = breakdown ? breakdown.indicators : [id];
  const scope = {
    level: args.level?.trim(),
    parent: args.parent,
    regions: `${args.region ?? ''},${args.compare ?? ''}`.split(/[\s,;]+/).filter(Boolean),
  };
  const data = ids.map((i) => client.getIndicator(endpoint, i, { ...options, ...scope }));
  for (const d of data) d.catch(() => undefined); // the caller awaits them all
  return { breakdown, data };
}

/**
 * The warm-up of a chart not yet defined (the loader script's): the catalog, then the files
 * its attributes name (the defaults of the element's properties). A chart in a `group` may
 * take another indicator or region from the group: nothing but the catalog is warmed, as for
 * a chart without an indicator or with an unknown type. With a known type, also the Vega
 * runtime chunk, which the chart imports at once. Resolves when its requests settled.
 */
export function warmChart(el: Element, endpoint: string): Promise<unknown> {
  const attr = (name: string) => el.getAttribute(name) ?? '';
  const client = getClient();
  const options = { warm: true };
  // the chart imports its Vega runtime as soon as it is on the page (with a known type)
  if (isChartType(attr('type'))) import('./vega-runtime.js').catch(() => undefined);
  const catalog = client.getCatalog(endpoint, options);
  if (!attr('indicator').trim() || !isChartType(attr('type')) || el.hasAttribute('group'))
    return catalog.catch(() => undefined);
  const args: ChartFileArgs = {
    indicator: attr('indicator'),
    type: (attr('type') || 'line').trim().toLowerCase(),
    region: attr('region'),
    compare: attr('compare'),
    level: attr('level'),
    parent: attr('parent'),
  };
  return catalog
    .then((c) => Promise.allSettled(requestChartData(client, endpoint, c, args, options).data))
    .catch(() => undefined);
}
