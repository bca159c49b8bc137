/**
 * The data of a chart baseline page, as `<indicator-chart>` models it (same pure
 * chart-model.ts), fetched with plain fetch: shared by the vega-embed baseline and the
 * reference charts (Observable Plot, Chart.js), which draw the same lines with another library.
 */
import type { Catalog, IndicatorFile } from '../../../src/data/schema.js';
import { IndicatorData } from '../../../src/data/model.js';
import { buildChartModel, parseChartType, type ChartModel } from '../../../src/elements/indicator-chart/chart-model.js';
import { getJson, param, params } from './common.js';

export async function chartModel(): Promise<ChartModel> {
  const endpoint = param('endpoint', '/data/');
  const indicator = param('indicator');
  const catalog = await getJson<Catalog>(`${endpoint}catalog.json`);
  const def = catalog.indicators.find((i) => i.id === indicator);
  if (!def) throw new Error(`unknown indicator ${indicator}`);
  const file = await getJson<IndicatorFile>(`${endpoint}${def.file ?? `indicators/${def.id}.json`}`);
  const data = new IndicatorData(file, def, catalog);
  const num = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  return buildChartModel(
    { catalog, data: [data] },
    {
      type: parseChartType(param('type', 'line')),
      region: param('region'),
      compare: param('compare'),
      level: param('level'),
      parent: param('parent'),
      from: num('from'),
      to: num('to'),
      year: num('year'),
    },
    'de',
    'de-DE',
  );
}

/** Width of the chart: the element's (probed), else the container's. */
export function chartWidth(container: HTMLElement): number {
  return Number(param('width', String(container.clientWidth)));
}

export const CHART_HEIGHT = 300;
