/**
 * Baseline: plain vega-embed drawing the spec `<indicator-chart>` builds (same pure
 * functions chart-model.ts / chart-spec.ts, same embed options), from the same endpoint
 * files fetched with plain fetch (chart-data.ts: no validation, no element, no Lit).
 */
import embed from 'vega-embed';
import { buildChartSpec, DEFAULT_THEME, type ChartTheme } from '../../../src/elements/indicator-chart/chart-spec.js';
import { inlineTemplate } from '../../../src/elements/indicator-chart/chart-templates.js';
import { chartModel, chartWidth } from './chart-data.js';
import { fail, painted, param, params, report } from './common.js';

async function main(): Promise<void> {
  const start = performance.now();
  const model = await chartModel();
  const container = document.getElementById('chart')!;
  const width = chartWidth(container);
  // The element's theme comes from its CSS tokens; the benchmark passes the values it used.
  const theme: ChartTheme = param('theme')
    ? (JSON.parse(param('theme')) as ChartTheme)
    : { ...DEFAULT_THEME, font: getComputedStyle(container).fontFamily || DEFAULT_THEME.font };
  // The element's template with the inputs written in: a self-contained Vega-Lite spec.
  const spec = inlineTemplate(buildChartSpec(model, { width, theme }));
  const result = await embed(container, spec, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ast: true,
    defaultStyle: false,
    logLevel: 0,
  });
  const done = performance.now();
  report({
    start,
    done,
    painted: await painted(),
    count: model.count,
    spec: JSON.stringify(spec),
    marks: result.view.scenegraph() ? 1 : 0,
    // the probe compares the drawing with the element's (not in timed runs)
    ...(params.has('probe') ? { svg: await result.view.toSVG() } : {}),
  });
}

main().catch(fail);
