/**
 * Reference: the same lines drawn with Chart.js (canvas), registering only what a line
 * chart needs (tree-shaken, as Chart.js documents), with legend and tooltip; animation off
 * so that "painted" is the finished chart. Data from the same endpoint files and the same
 * pure model (chart-data.ts). No element, no Lit, no validation.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { chartModel, chartWidth, CHART_HEIGHT } from './chart-data.js';
import { fail, painted, report } from './common.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

async function main(): Promise<void> {
  const start = performance.now();
  const model = await chartModel();
  const container = document.getElementById('chart')!;
  const canvas = document.createElement('canvas');
  canvas.width = chartWidth(container);
  canvas.height = CHART_HEIGHT;
  container.append(canvas);
  const byRegion = new Map<string, Map<number, number | null>>();
  for (const r of model.rows) {
    if (!byRegion.has(r.region)) byRegion.set(r.region, new Map());
    byRegion.get(r.region)!.set(r.year, r.value);
  }
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: model.years.map(String),
      datasets: model.series.map((s) => ({
        label: s.name,
        data: model.years.map((y) => byRegion.get(s.id)?.get(y) ?? null),
      })),
    },
    options: { animation: false, responsive: false, scales: { y: { title: { display: true, text: model.unit } } } },
  });
  const done = performance.now();
  report({ start, done, painted: await painted(), count: model.count });
}

main().catch(fail);
