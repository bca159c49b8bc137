/**
 * The chart templates, written in Vega-Lite: one per chart type (line, bar, column), each for
 * the screen and for image export. They hold no data and no data-dependent value: rows come
 * in as named datasets, colours, domains, sort orders, dashes, formats and texts as signals
 * (Vega-Lite params) whose values `chart-spec.ts` computes from the chart model.
 *
 * `scripts/compile-chart-templates.ts` compiles them to Vega and parses them to runtime specs
 * at build time (`chart-templates.generated.ts`, checked for staleness by a Node test), so the
 * browser needs neither the Vega-Lite compiler nor the Vega parser. `inlineTemplate()` puts
 * the values into the Vega-Lite spec instead (a self-contained spec, as it was drawn before),
 * for the test that draws every template both ways and compares the SVG.
 *
 * Where Vega-Lite has no expression for a property (scale ranges, axis titles), the template
 * holds a placeholder string `$signal:<name>` (or `['$signal:<name>']` for an array), which the
 * compile script turns into a Vega signal reference and `inlineTemplate()` into the value.
 *
 * Imported by Node (compile script, tests) and tests only, never by the element.
 */
import type { TopLevelSpec } from 'vega-lite';

export type ChartKind = 'line' | 'bar' | 'column';
export type TemplateName = ChartKind | `${ChartKind}-export`;
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'line',
  'bar',
  'column',
  'line-export',
  'bar-export',
  'column-export',
];

/** The run-time inputs of a template (what `buildChartSpec` returns). */
export interface ChartSpec {
  template: TemplateName;
  /** Total width (screen, `fit-x`) or width of the plot (export). */
  width: number;
  /** Height of the plot area. */
  height: number;
  /** d3-format locale of numbers. */
  locale: { decimal: string; thousands: string; grouping: readonly number[]; currency: readonly string[] };
  datasets: Record<string, object[]>;
  signals: Record<string, unknown>;
}

/** The datasets of each chart type. */
export const DATASETS: Record<ChartKind, readonly string[]> = {
  line: ['breaks', 'others', 'bands', 'main', 'marks'],
  bar: ['bars', 'whiskers', 'refs', 'marks'],
  column: ['columns', 'whiskers', 'marks'],
};

/** The signals of each template (beyond `width`/`height`), with neutral defaults. */
const COMMON = {
  active: null,
  selected: null,
  theme: {},
  legendColumns: 1,
  legendOffset: 18,
  legendLabelLimit: 220,
  valueTicks: 5,
  valueFormat: ',.1~f',
} as const;
export const SIGNALS: Record<ChartKind, Record<string, unknown>> = {
  line: {
    ...COMMON,
    xDomain: [0, 1],
    xValues: null,
    yDomain: [0, 1],
    yTitle: null,
    seriesDomain: [],
    seriesColors: [],
    seriesDashes: [],
    legendValues: [],
  },
  bar: {
    ...COMMON,
    barOrder: [],
    xDomain: [0, 1],
    xTitle: null,
    labelLimit: 120,
    focusNames: [],
    refDomain: [],
    refDashes: [],
  },
  column: {
    ...COMMON,
    categories: [],
    seriesDomain: [],
    seriesColors: [],
    yDomain: [0, 1],
    yTitle: null,
    showLabels: true,
  },
};
export const EXPORT_SIGNALS = { exportTitle: '', exportSubtitle: '', exportFooter: [] as string[] };

type Obj = Record<string, unknown>;

/** Placeholder for a value Vega-Lite cannot take as an expression. */
const sig = (name: string) => `$signal:${name}`;
const ex = (expr: string) => ({ expr });

function legend(extra: Obj = {}): Obj {
  return {
    orient: 'bottom',
    direction: 'horizontal',
    title: null,
    columns: ex('legendColumns'),
    // 0 when the legend has no entries (no references, too many series): it takes no room
    offset: ex('legendOffset'),
    labelLimit: ex('legendLabelLimit'),
    labelColor: ex('theme.text'),
    labelFont: ex('theme.font'),
    symbolStrokeWidth: 2.5,
    // the confidence band shares the colour legend: its symbols stay opaque
    symbolOpacity: 1,
    ...extra,
  };
}

const valueLabels = 'format(datum.value, valueFormat)';
const data = (name: string) => ({ name });

function lineLayers(): Obj[] {
  const x = {
    field: 'year',
    type: 'quantitative',
    title: null,
    scale: { domain: ex('xDomain'), nice: false, zero: false },
    axis: {
      format: 'd',
      values: ex('xValues'),
      tickMinStep: 1,
      labelOverlap: 'greedy',
      grid: false,
      labelFlush: false,
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: sig('yTitle'),
    // explicit: values and intervals (an empty band must not widen it)
    scale: { domain: ex('yDomain'), zero: false, nice: true },
    axis: { labelExpr: valueLabels, tickCount: ex('valueTicks') },
  };
  const lineLegend = legend({ symbolType: 'stroke', values: ex('legendValues') });
  const seriesScale = { domain: ex('seriesDomain'), range: [sig('seriesColors')] };
  const color = { field: 'name', type: 'nominal', scale: seriesScale, legend: lineLegend };
  const breakText = {
    type: 'text',
    align: 'left',
    baseline: 'top',
    dx: 4,
    dy: 2,
    color: ex('theme.muted'),
    font: ex('theme.font'),
    fontSize: 12,
    limit: 120,
  };
  return [
    {
      data: data('breaks'),
      mark: { type: 'rule', strokeDash: [3, 3], color: ex('theme.muted'), strokeWidth: 1.5 },
      encoding: { x: { field: 'x', type: 'quantitative' }, tooltip: { field: 'tip' } },
    },
    {
      data: data('breaks'),
      mark: breakText,
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { value: 0 },
        text: { field: 'label' },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('others'),
      mark: { type: 'line', invalid: 'break-paths-filter-domains', color: ex('theme.other'), opacity: 0.8 },
      encoding: {
        x,
        y,
        detail: { field: 'region' },
        strokeWidth: { condition: { test: 'datum.region === selected', value: 3 }, value: 1 },
      },
    },
    {
      data: data('others'),
      mark: { type: 'point', invalid: 'break-paths-filter-domains', filled: true, size: 40, opacity: 0 },
      encoding: { x, y, tooltip: { field: 'tip' } },
    },
    {
      // the confidence band of each primary or reference line (empty without counts)
      data: data('bands'),
      mark: { type: 'area', invalid: 'break-paths-filter-domains', opacity: 0.16 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
        color,
        detail: { field: 'region' },
      },
    },
    {
      data: data('main'),
      mark: { type: 'line', invalid: 'break-paths-filter-domains', strokeCap: 'round' },
      encoding: {
        x,
        y,
        color,
        strokeDash: {
          field: 'name',
          type: 'nominal',
          scale: { domain: ex('seriesDomain'), range: [sig('seriesDashes')] },
          legend: lineLegend,
        },
        strokeWidth: { condition: { test: 'datum.region === selected', value: 4 }, value: 2.5 },
      },
    },
    {
      data: data('main'),
      transform: [{ filter: '!datum.flagged' }],
      mark: { type: 'point', invalid: 'break-paths-filter-domains', filled: true, size: 30 },
      encoding: { x, y, color, tooltip: { field: 'tip' } },
    },
    {
      data: data('main'),
      transform: [{ filter: 'datum.flagged' }],
      mark: {
        type: 'point',
        invalid: 'break-paths-filter-domains',
        filled: false,
        fill: ex('theme.background'),
        size: 50,
        strokeWidth: 2,
      },
      encoding: { x, y, color, tooltip: { field: 'tip' } },
    },
    {
      data: data('marks'),
      transform: [{ filter: 'datum.key === active' }],
      mark: { type: 'point', filled: false, size: 260, strokeWidth: 3, color: ex('theme.text') },
      encoding: { x, y, tooltip: { field: 'tip' } },
    },
  ];
}

function barLayers(): Obj[] {
  const y = {
    field: 'name',
    type: 'nominal',
    title: null,
    scale: { domain: ex('barOrder') },
    axis: {
      labelLimit: ex('labelLimit'),
      labelFontWeight: ex("indexof(focusNames, datum.value) >= 0 ? 'bold' : 'normal'"),
      ticks: false,
      domain: false,
      labelPadding: 6,
    },
  };
  const x = {
    field: 'value',
    type: 'quantitative',
    title: sig('xTitle'),
    // never stacked: one bar per name (the lean runtime has no stack transform)
    stack: null,
    scale: { domain: ex('xDomain'), nice: false, zero: true },
    axis: {
      labelExpr: valueLabels,
      tickCount: ex('valueTicks'),
      grid: true,
      orient: 'top',
      titleLimit: ex('legendLabelLimit'),
    },
  };
  const roleScale = { domain: ['primary', 'other'], range: [ex('theme.accent'), ex('theme.other')] };
  return [
    {
      data: data('bars'),
      mark: { type: 'bar', invalid: 'filter', height: { band: 0.72 }, strokeWidth: 1.5 },
      encoding: {
        y,
        x,
        color: { field: 'role', type: 'nominal', scale: roleScale, legend: null },
        fillOpacity: {
          condition: [
            { test: 'datum.small', value: 0.3 },
            { test: 'datum.flagged', value: 0.5 },
          ],
          value: 1,
        },
        strokeDash: { condition: { test: 'datum.flagged', value: [3, 2] }, value: [1, 0] },
        stroke: { field: 'role', type: 'nominal', scale: roleScale, legend: null },
        tooltip: { field: 'tip' },
      },
    },
    {
      // whiskers: the confidence interval of each bar (empty without counts)
      data: data('whiskers'),
      mark: { type: 'rule', strokeWidth: 1.5, color: ex('theme.text') },
      encoding: {
        y,
        x: { field: 'low', type: 'quantitative' },
        x2: { field: 'high' },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('bars'),
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 12, font: ex('theme.font') },
      encoding: {
        y,
        x: { field: 'lx', type: 'quantitative' },
        text: { field: 'text' },
        color: { condition: { test: 'datum.missing', value: ex('theme.muted') }, value: ex('theme.text') },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('refs'),
      mark: { type: 'rule', invalid: 'filter', strokeWidth: 2, color: ex('theme.reference') },
      encoding: {
        x: { field: 'value', type: 'quantitative' },
        strokeDash: {
          field: 'legend',
          type: 'nominal',
          scale: { domain: ex('refDomain'), range: [sig('refDashes')] },
          legend: legend({ symbolType: 'stroke', symbolStrokeColor: ex('theme.reference'), values: ex('refDomain') }),
        },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('marks'),
      transform: [{ filter: 'datum.key === active' }],
      mark: {
        type: 'bar',
        fill: null,
        fillOpacity: 0,
        stroke: ex('theme.text'),
        strokeWidth: 3,
        height: { band: 0.72 },
      },
      encoding: { x, y, tooltip: { field: 'tip' } },
    },
  ];
}

function columnLayers(): Obj[] {
  const x = {
    field: 'category',
    type: 'nominal',
    title: null,
    scale: { domain: ex('categories') },
    axis: { labelAngle: 0, labelLimit: 120, ticks: false, labelPadding: 6 },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: sig('yTitle'),
    stack: null,
    scale: { domain: ex('yDomain'), zero: true, nice: true },
    axis: { labelExpr: valueLabels, tickCount: ex('valueTicks') },
  };
  const xOffset = { field: 'name', type: 'nominal', scale: { domain: ex('seriesDomain'), paddingInner: 0.08 } };
  const seriesScale = { domain: ex('seriesDomain'), range: [sig('seriesColors')] };
  const columnLegend = legend({ symbolType: 'square' });
  return [
    {
      data: data('columns'),
      mark: { type: 'bar', invalid: 'filter', strokeWidth: 1.5 },
      encoding: {
        x,
        xOffset,
        y,
        color: { field: 'name', type: 'nominal', scale: seriesScale, legend: columnLegend },
        stroke: { field: 'name', type: 'nominal', scale: seriesScale, legend: columnLegend },
        fillOpacity: {
          condition: [
            { test: 'datum.small', value: 0.3 },
            { test: 'datum.flagged', value: 0.5 },
          ],
          value: 1,
        },
        strokeDash: { condition: { test: 'datum.flagged', value: [3, 2] }, value: [1, 0] },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('whiskers'),
      mark: { type: 'rule', strokeWidth: 1.5, color: ex('theme.text') },
      encoding: {
        x,
        xOffset,
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('columns'),
      transform: [{ filter: 'showLabels || datum.missing' }],
      mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 12, font: ex('theme.font') },
      encoding: {
        x,
        xOffset,
        y: { field: 'lx', type: 'quantitative' },
        text: { field: 'label' },
        color: { condition: { test: 'datum.missing', value: ex('theme.muted') }, value: ex('theme.text') },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: data('marks'),
      transform: [{ filter: 'datum.key === active' }],
      mark: { type: 'bar', fill: null, fillOpacity: 0, stroke: ex('theme.text'), strokeWidth: 3 },
      encoding: { x, xOffset, y, tooltip: { field: 'tip' } },
    },
  ];
}

const CONFIG = {
  aria: false,
  view: { stroke: null },
  axis: {
    labelColor: ex('theme.text'),
    titleColor: ex('theme.muted'),
    domainColor: ex('theme.border'),
    tickColor: ex('theme.border'),
    gridColor: ex('theme.grid'),
    labelFont: ex('theme.font'),
    titleFont: ex('theme.font'),
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  legend: { labelFontSize: 12, symbolSize: 160 },
};

/** The Vega-Lite template `name` (no data, no values; see the file comment). */
export function template(name: TemplateName): TopLevelSpec {
  const kind = name.replace('-export', '') as ChartKind;
  const layer = kind === 'line' ? lineLayers() : kind === 'bar' ? barLayers() : columnLayers();
  const params = Object.entries({ ...SIGNALS[kind], ...(name.endsWith('-export') ? EXPORT_SIGNALS : {}) }).map(
    ([n, value]) => ({ name: n, value }),
  );
  const datasets = Object.fromEntries(DATASETS[kind].map((d) => [d, []]));
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', datasets, params };
  if (!name.endsWith('-export')) {
    return {
      ...base,
      autosize: { type: 'fit-x', contains: 'padding' },
      padding: { top: 8, right: 12, bottom: 4, left: 4 },
      background: null,
      config: CONFIG,
      width: 600,
      height: 260,
      layer,
    } as unknown as TopLevelSpec;
  }
  return {
    ...base,
    padding: 16,
    background: ex('theme.background'),
    config: {
      ...CONFIG,
      title: {
        anchor: 'start',
        color: ex('theme.text'),
        subtitleColor: ex('theme.muted'),
        font: ex('theme.font'),
        subtitleFont: ex('theme.font'),
        subtitleFontSize: 12,
      },
    },
    title: {
      text: ex('exportFooter'),
      orient: 'bottom',
      anchor: 'start',
      fontSize: 12,
      fontWeight: 'normal',
      color: ex('theme.muted'),
      offset: 12,
    },
    vconcat: [
      {
        width: 600,
        height: 260,
        title: { text: ex('exportTitle'), subtitle: sig('exportSubtitle'), fontSize: 15 },
        layer,
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Replaces placeholders: `['$signal:x']` and `'$signal:x'` by `replace('x')`. */
export function replacePlaceholders(value: unknown, replace: (name: string) => unknown): unknown {
  const name = (v: unknown) => (typeof v === 'string' && v.startsWith('$signal:') ? v.slice(8) : undefined);
  if (Array.isArray(value)) {
    const only = value.length === 1 ? name(value[0]) : undefined;
    if (only) return replace(only);
    return value.map((v) => replacePlaceholders(v, replace));
  }
  if (typeof value === 'string') {
    const n = name(value);
    return n ? replace(n) : value;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replacePlaceholders(v, replace)]));
  }
  return value;
}

/**
 * The template with every input written into it: datasets as values, params with their values,
 * placeholders replaced, width and height set. A self-contained Vega-Lite spec (for the test
 * that compares it, compiled in the browser, with the precompiled template).
 */
export function inlineTemplate(spec: ChartSpec): TopLevelSpec {
  const vl = replacePlaceholders(template(spec.template), (n) => spec.signals[n]) as Obj;
  vl.datasets = spec.datasets;
  vl.params = (vl.params as { name: string }[]).map((p) => ({ name: p.name, value: spec.signals[p.name] ?? null }));
  vl.config = { ...(vl.config as Obj), locale: { number: spec.locale } };
  const target = (vl.vconcat as Obj[] | undefined)?.[0] ?? vl;
  target.width = spec.width;
  target.height = spec.height;
  return vl as unknown as TopLevelSpec;
}
