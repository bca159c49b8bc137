/**
 * Pure: chart view model -> Vega-Lite spec. No DOM, no Vega import (types only).
 *
 * Conventions of the spec (the element and the tests rely on them):
 * - every mark's datum carries `key`, `region`, `tip` (tooltip text, already localized);
 * - params `active` (key of the keyboard-focused mark) and `selected` (region id);
 * - missing values stay `null`: lines break (`invalid: 'break-paths-filter-domains'`),
 *   bars are left out and replaced by a text marker, never drawn as zero;
 * - numbers inside Vega use `config.locale` (German: decimal comma, no network).
 */
import type { TopLevelSpec } from 'vega-lite';
import { missingText, t, type ChartModel, type ChartRow } from './chart-model.js';

export interface ChartTheme {
  font: string;
  text: string;
  muted: string;
  border: string;
  /** Grid lines (the theme's surface colour). */
  grid: string;
  background: string;
  accent: string;
  /** Colour of reference regions (Kreis, Land). */
  reference: string;
  /** Colour of every second reference region (still 3:1 against white). */
  referenceLight: string;
  /** Colour of the other regions of a ranking or a bundle of lines. */
  other: string;
  /** Colours of further primary series after `accent`. */
  palette: string[];
}

export const DEFAULT_THEME: ChartTheme = {
  font: 'system-ui, sans-serif',
  text: '#1f2933',
  muted: '#52606d',
  border: '#858f99',
  grid: '#e4e7eb',
  background: '#ffffff',
  accent: '#005b96',
  reference: '#5f6b76',
  referenceLight: '#86929e',
  other: '#8fa3b8',
  palette: ['#c24d00', '#2e7d32', '#8e24aa', '#a0522d', '#00838f', '#ad1457', '#3f51b5'],
};

export interface SpecOptions {
  /** Total width in pixels (the container's width). */
  width: number;
  /** Height of the plot area in pixels; default by type and number of bars. */
  height?: number;
  theme?: ChartTheme;
  /** For PNG/SVG downloads: a title above and the source lines below the chart. */
  export?: { title: string; subtitle?: string; footer: string[] };
}

/** d3-format locales (Vega `config.locale.number`). */
export const NUMBER_LOCALES = {
  de: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
} as const;

/** Dash patterns of the reference regions, in order. */
export const REFERENCE_DASHES: number[][] = [
  [6, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 2, 4, 6],
];

const BAR_STEP = 24;

/** The default plot height: a fixed height for time series and columns, one step per bar. */
export function defaultHeight(model: ChartModel): number {
  if (model.type === 'bar') return Math.max(60, model.rows.length * BAR_STEP);
  return 260;
}

type Obj = Record<string, unknown>;

/** Colour and dash of every series (by display name), for one shared legend. */
function seriesScales(model: ChartModel, theme: ChartTheme) {
  const shown = model.series.filter((s) => s.role !== 'other');
  let p = 0;
  let r = 0;
  const colors: string[] = [];
  const dashes: number[][] = [];
  for (const s of shown) {
    if (s.role === 'reference') {
      colors.push(r % 2 === 0 ? theme.reference : theme.referenceLight);
      dashes.push(REFERENCE_DASHES[r++ % REFERENCE_DASHES.length]);
    } else {
      const all = [theme.accent, ...theme.palette];
      colors.push(all[p++ % all.length]);
      dashes.push([1, 0]);
    }
  }
  return { domain: shown.map((s) => s.name), colors, dashes };
}

/** Legend columns for a chart width (about 230 px per entry). */
export function legendColumns(width: number): number {
  return Math.max(1, Math.floor((width - 40) / 230));
}

function legend(theme: ChartTheme, width: number, extra: Obj = {}): Obj {
  return {
    orient: 'bottom',
    direction: 'horizontal',
    title: null,
    columns: legendColumns(width),
    labelLimit: 220,
    labelColor: theme.text,
    symbolStrokeWidth: 2.5,
    ...extra,
  };
}

function axisFormat(model: ChartModel): string {
  return `,.${model.decimals}~f`;
}

/** A JSON string literal is a valid Vega expression string literal. */
function literal(value: unknown): string {
  return JSON.stringify(value);
}

function lineLayers(model: ChartModel, theme: ChartTheme, width: number): Obj[] {
  const years = model.years;
  const from = years[0];
  const to = years[years.length - 1];
  const { domain, colors, dashes } = seriesScales(model, theme);
  const colorScale = { domain, range: colors };
  const x = {
    field: 'year',
    type: 'quantitative',
    title: null,
    scale: { domain: [from - 0.4, to + 0.4], nice: false, zero: false },
    axis: {
      format: 'd',
      values: years.length <= 16 ? years : undefined,
      tickMinStep: 1,
      labelOverlap: 'greedy',
      grid: false,
      labelFlush: false,
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: model.unit || null,
    scale: { zero: false, nice: true },
    axis: { format: axisFormat(model), tickCount: 5 },
  };
  const main = model.rows.filter((r) => r.role !== 'other');
  const lineLegend = domain.length > 12 ? null : legend(theme, width, { symbolType: 'stroke' });
  const others = model.rows.filter((r) => r.role === 'other');
  const layers: Obj[] = [];
  if (model.breaks.length) {
    const data = model.breaks.map((b) => ({
      x: b.year - 0.5,
      key: `break|${b.year}`,
      region: '',
      label: t(model.lang, 'breakLabel', { year: b.year }),
      tip: `${t(model.lang, 'seriesBreak')} ${b.year}: ${b.note}`,
    }));
    layers.push({
      data: { values: data },
      mark: { type: 'rule', strokeDash: [3, 3], color: theme.muted, strokeWidth: 1.5 },
      encoding: { x: { field: 'x', type: 'quantitative' }, tooltip: { field: 'tip' } },
    });
    layers.push({
      data: { values: data },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        dx: 4,
        dy: 2,
        color: theme.muted,
        fontSize: 10,
        limit: 120,
      },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { value: 0 },
        text: { field: 'label' },
        tooltip: { field: 'tip' },
      },
    });
  }
  if (others.length) {
    layers.push({
      data: { values: others },
      mark: { type: 'line', invalid: 'break-paths-filter-domains', color: theme.other, opacity: 0.8 },
      encoding: {
        x,
        y,
        detail: { field: 'region' },
        strokeWidth: { condition: { test: 'datum.region === selected', value: 3 }, value: 1 },
      },
    });
    layers.push({
      data: { values: others },
      mark: { type: 'point', invalid: 'break-paths-filter-domains', filled: true, size: 40, opacity: 0 },
      encoding: { x, y, tooltip: { field: 'tip' } },
    });
  }
  layers.push({
    data: { values: main },
    mark: { type: 'line', invalid: 'break-paths-filter-domains', strokeCap: 'round' },
    encoding: {
      x,
      y,
      color: { field: 'name', type: 'nominal', scale: colorScale, legend: lineLegend },
      strokeDash: { field: 'name', type: 'nominal', scale: { domain, range: dashes }, legend: lineLegend },
      strokeWidth: { condition: { test: 'datum.region === selected', value: 4 }, value: 2.5 },
    },
  });
  const pointColor = { field: 'name', type: 'nominal', scale: colorScale, legend: lineLegend };
  layers.push({
    data: { values: main },
    transform: [{ filter: '!datum.flagged' }],
    mark: { type: 'point', invalid: 'break-paths-filter-domains', filled: true, size: 30 },
    encoding: { x, y, color: pointColor, tooltip: { field: 'tip' } },
  });
  layers.push({
    data: { values: main },
    transform: [{ filter: 'datum.flagged' }],
    mark: {
      type: 'point',
      invalid: 'break-paths-filter-domains',
      filled: false,
      fill: theme.background,
      size: 50,
      strokeWidth: 2,
    },
    encoding: { x, y, color: pointColor, tooltip: { field: 'tip' } },
  });
  layers.push(activeLayer(model, 'point', x, y, theme));
  return layers;
}

function activeLayer(
  model: ChartModel,
  kind: 'point' | 'bar',
  x: Obj,
  y: Obj,
  theme: ChartTheme,
  extra: Obj = {},
): Obj {
  const rows = model.rows.filter((r) => !r.missing);
  return {
    data: { values: rows },
    transform: [{ filter: 'datum.key === active' }],
    mark:
      kind === 'point'
        ? { type: 'point', filled: false, size: 260, strokeWidth: 3, color: theme.text }
        : { type: 'bar', fill: null, fillOpacity: 0, stroke: theme.text, strokeWidth: 3, ...extra },
    encoding: { x, y, tooltip: { field: 'tip' }, ...(extra.encoding as Obj) },
  };
}

function barRows(model: ChartModel): Obj[] {
  return model.rows.map((r) => ({
    ...r,
    lx: r.value ?? 0,
    text: r.missing ? `${r.label} ${missingText(r.status, model.lang)}` : r.label,
  }));
}

function barLayers(model: ChartModel, theme: ChartTheme, width: number): Obj[] {
  const rows = barRows(model);
  const values = [...model.rows, ...model.refs].filter((r) => r.value !== null).map((r) => r.value!);
  const max = values.length ? Math.max(0, ...values) : 1;
  const min = values.length ? Math.min(0, ...values) : 0;
  const focus = model.rows
    .filter((r) => r.role === 'primary' && model.rows.some((o) => o.role === 'other'))
    .map((r) => r.name);
  const y = {
    field: 'name',
    type: 'nominal',
    title: null,
    sort: model.rows.map((r) => r.name),
    axis: {
      labelLimit: Math.round(Math.min(260, Math.max(120, width * 0.36))),
      labelFontWeight: focus.length
        ? { expr: `indexof(${literal(focus)}, datum.value) >= 0 ? 'bold' : 'normal'` }
        : 'normal',
      ticks: false,
      domain: false,
      labelPadding: 6,
    },
  };
  const x = {
    field: 'value',
    type: 'quantitative',
    title: model.unit || null,
    scale: { domain: [min, max === 0 ? 1 : max * 1.18], nice: false, zero: true },
    axis: { format: axisFormat(model), tickCount: 5, grid: true, orient: 'top' },
  };
  const layers: Obj[] = [
    {
      data: { values: rows },
      mark: { type: 'bar', invalid: 'filter', height: { band: 0.72 }, strokeWidth: 1.5 },
      encoding: {
        y,
        x,
        color: {
          field: 'role',
          type: 'nominal',
          scale: { domain: ['primary', 'other'], range: [theme.accent, theme.other] },
          legend: null,
        },
        fillOpacity: { condition: { test: 'datum.flagged', value: 0.5 }, value: 1 },
        strokeDash: { condition: { test: 'datum.flagged', value: [3, 2] }, value: [1, 0] },
        stroke: {
          field: 'role',
          type: 'nominal',
          scale: { domain: ['primary', 'other'], range: [theme.accent, theme.other] },
          legend: null,
        },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: { values: rows },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11 },
      encoding: {
        y,
        x: { field: 'lx', type: 'quantitative' },
        text: { field: 'text' },
        color: { condition: { test: 'datum.missing', value: theme.muted }, value: theme.text },
        tooltip: { field: 'tip' },
      },
    },
  ];
  if (model.refs.length) {
    const { domain, dashes } = refScales(model);
    layers.push({
      data: { values: model.refs.map((r) => ({ ...r, legend: `${r.name}: ${r.label}` })) },
      mark: { type: 'rule', invalid: 'filter', strokeWidth: 2, color: theme.reference },
      encoding: {
        x: { field: 'value', type: 'quantitative' },
        strokeDash: {
          field: 'legend',
          type: 'nominal',
          scale: { domain, range: dashes },
          legend: legend(theme, width, { symbolType: 'stroke', symbolStrokeColor: theme.reference }),
        },
        tooltip: { field: 'tip' },
      },
    });
  }
  layers.push(activeLayer(model, 'bar', x, y, theme, { height: { band: 0.72 } }));
  return layers;
}

function refScales(model: ChartModel) {
  return {
    domain: model.refs.map((r) => `${r.name}: ${r.label}`),
    dashes: model.refs.map((_, i) => REFERENCE_DASHES[i % REFERENCE_DASHES.length]),
  };
}

function columnLayers(model: ChartModel, theme: ChartTheme, width: number): Obj[] {
  const { domain, colors } = seriesScales(model, theme);
  const rows = barRows(model);
  const x = {
    field: 'category',
    type: 'nominal',
    title: null,
    sort: model.categories,
    axis: { labelAngle: 0, labelLimit: 120, ticks: false, labelPadding: 6 },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: model.unit || null,
    scale: { zero: true, nice: true },
    axis: { format: axisFormat(model), tickCount: 5 },
  };
  const xOffset = { field: 'name', type: 'nominal', sort: domain, scale: { domain, paddingInner: 0.08 } };
  const withLabels = model.rows.length <= 24;
  const columnLegend = legend(theme, width, { symbolType: 'square' });
  const layers: Obj[] = [
    {
      data: { values: rows },
      mark: { type: 'bar', invalid: 'filter', strokeWidth: 1.5 },
      encoding: {
        x,
        xOffset,
        y,
        color: { field: 'name', type: 'nominal', scale: { domain, range: colors }, legend: columnLegend },
        stroke: { field: 'name', type: 'nominal', scale: { domain, range: colors }, legend: columnLegend },
        fillOpacity: { condition: { test: 'datum.flagged', value: 0.5 }, value: 1 },
        strokeDash: { condition: { test: 'datum.flagged', value: [3, 2] }, value: [1, 0] },
        tooltip: { field: 'tip' },
      },
    },
    {
      data: { values: rows },
      transform: withLabels ? [] : [{ filter: 'datum.missing' }],
      mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 10 },
      encoding: {
        x,
        xOffset,
        y: { field: 'lx', type: 'quantitative' },
        text: { field: 'label' },
        color: { condition: { test: 'datum.missing', value: theme.muted }, value: theme.text },
        tooltip: { field: 'tip' },
      },
    },
  ];
  layers.push(activeLayer(model, 'bar', x, y, theme, { encoding: { xOffset } }));
  return layers;
}

/** The Vega-Lite spec of a chart model. */
export function buildChartSpec(model: ChartModel, options: SpecOptions): TopLevelSpec {
  const theme = options.theme ?? DEFAULT_THEME;
  const height = options.height ?? defaultHeight(model);
  const layer =
    model.type === 'line'
      ? lineLayers(model, theme, options.width)
      : model.type === 'bar'
        ? barLayers(model, theme, options.width)
        : columnLayers(model, theme, options.width);
  const config = {
    locale: { number: NUMBER_LOCALES[model.lang] },
    font: theme.font,
    background: options.export ? theme.background : null,
    aria: false,
    view: { stroke: null },
    axis: {
      labelColor: theme.text,
      titleColor: theme.muted,
      domainColor: theme.border,
      tickColor: theme.border,
      gridColor: theme.grid,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
    },
    legend: { labelFontSize: 11, symbolSize: 160 },
    text: { font: theme.font },
  };
  const params = [
    { name: 'active', value: null },
    { name: 'selected', value: null },
  ];
  const chart: Obj = {
    width: options.width,
    height,
    layer,
  };
  if (!options.export) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      autosize: { type: 'fit-x', contains: 'padding' },
      padding: { top: 8, right: 12, bottom: 4, left: 4 },
      config,
      params,
      ...chart,
    } as unknown as TopLevelSpec;
  }
  const { title, subtitle, footer } = options.export;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    padding: 16,
    params,
    config: { ...config, title: { anchor: 'start', color: theme.text, subtitleColor: theme.muted } },
    title: {
      text: footer,
      orient: 'bottom',
      anchor: 'start',
      fontSize: 10,
      fontWeight: 'normal',
      color: theme.muted,
      offset: 12,
    },
    vconcat: [
      {
        ...chart,
        width: Math.max(200, options.width - 160),
        title: { text: title, subtitle: subtitle ?? '', fontSize: 15 },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Rows shown as marks (for counting in tests and for keyboard navigation). */
export function drawnRows(model: ChartModel): ChartRow[] {
  return model.rows.filter((r) => !r.missing);
}
