/**
 * Reference: the same lines drawn with Observable Plot (SVG), as a user of that library
 * would: one line per region, a colour legend, a grid; the data from the same endpoint
 * files and the same pure model (chart-data.ts). No element, no Lit, no validation.
 */
import * as Plot from '@observablehq/plot';
import { chartModel, chartWidth, CHART_HEIGHT } from './chart-data.js';
import { fail, painted, report } from './common.js';

async function main(): Promise<void> {
  const start = performance.now();
  const model = await chartModel();
  const container = document.getElementById('chart')!;
  const chart = Plot.plot({
    width: chartWidth(container),
    height: CHART_HEIGHT,
    x: { label: null, tickFormat: 'd' },
    y: { label: model.unit, grid: true },
    color: { legend: true },
    marks: [Plot.lineY(model.rows, { x: 'year', y: 'value', stroke: 'name' })],
  });
  container.append(chart);
  const done = performance.now();
  report({ start, done, painted: await painted(), count: model.count });
}

main().catch(fail);
