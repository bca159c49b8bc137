/**
 * Pure: chart view model -> the inputs of a chart template (`chart-templates.ts`, Vega-Lite
 * compiled to Vega at build time): which template, its datasets (rows) and signals (colours,
 * domains, sort orders, dashes, formats, texts). No DOM, no Vega import.
 *
 * Conventions of the templates (the element and the tests rely on them):
 * - every mark's datum carries `key`, `region`, `tip` (tooltip text, already localized);
 * - signals `active` (key of the keyboard-focused mark) and `selected` (region id);
 * - missing values stay `null`: lines break (`invalid: 'break-paths-filter-domains'`),
 *   bars are left out and replaced by a text marker, never drawn as zero;
 * - numbers inside Vega use the view's locale (German: decimal comma, no network).
 */
import { missingText, t, type ChartModel } from './chart-model.js';
import type { ChartSpec } from './chart-templates.js';

export type { ChartSpec };

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
  /** For PNG/SVG downloads: a title (and subtitle line, drawn even when empty) above, the source lines below. */
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

/** Height of one legend row and of the axes (12 px labels), in SVG pixels. */
const LEGEND_ROW = 16;
const AXIS = 22;

/**
 * The height of the drawn SVG for a chart type and width: plot, axes, padding and legend
 * rows. The skeleton and the drawn chart's box both use it, so nothing shifts when the
 * chart arrives. `series`: legend entries (line, column; references of a bar chart);
 * `bars`: number of bars (unknown before the data: the default plot height).
 */
export function plotHeight(
  type: string,
  width: number,
  o: { height?: number; series?: number; bars?: number } = {},
): number {
  const bar = type === 'bar';
  const plot = o.height ?? (bar && o.bars ? Math.max(60, o.bars * BAR_STEP) : 260);
  const entries = o.series ?? 0;
  const legendRows = entries > 0 && entries <= MAX_LEGEND ? Math.ceil(entries / legendColumns(width)) : 0;
  const legend = legendRows ? 18 + legendRows * LEGEND_ROW : 0;
  return Math.ceil(plot + 12 + AXIS + (bar ? 16 : 0) + legend);
}

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

/** More series than this: no legend (the lines are named in the tooltip and the table). */
const MAX_LEGEND = 12;

/** The years labelled on the time axis: all of them when there is room (about 44 px a label), else every n-th. */
export function yearTicks(years: number[], width: number): number[] | null {
  if (years.length > 16 && width >= 600) return null;
  const step = Math.max(1, Math.ceil((years.length * 44) / Math.max(120, width - 70)));
  const last = years[years.length - 1];
  return years.filter((y) => (last - y) % step === 0);
}

/** [min, max] of the values and interval ends of `rows` (with `zero`: including 0); [0, 1] without values. */
function valueDomain(rows: ChartModel['rows'], zero: boolean): [number, number] {
  const v = rows.flatMap((r) => [r.value, r.low, r.high]).filter((x): x is number => x !== null);
  if (!v.length) return [0, 1];
  let lo = Math.min(...v, ...(zero ? [0] : []));
  let hi = Math.max(...v, ...(zero ? [0] : []));
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  return [lo, hi];
}

/** Rows with an interval, for the band (line) or whiskers (bar, column). */
const withInterval = (rows: ChartModel['rows']) => rows.filter((r) => r.low !== null && r.high !== null);

function lineInputs(model: ChartModel, theme: ChartTheme, width: number) {
  const years = model.years;
  const { domain, colors, dashes } = seriesScales(model, theme);
  const breaks = model.breaks.map((b) => ({
    x: b.year - 0.5,
    key: `break|${b.year}`,
    region: '',
    label: t(model.lang, 'breakLabel', { year: b.year }),
    tip: `${t(model.lang, 'seriesBreak')} ${b.year}: ${b.note}`,
  }));
  return {
    datasets: {
      breaks,
      others: model.rows.filter((r) => r.role === 'other'),
      // every row of a line with an interval somewhere, so that the band breaks where the line does
      bands: model.intervals
        ? model.rows.filter(
            (r) => r.role !== 'other' && model.rows.some((o) => o.region === r.region && o.low !== null),
          )
        : [],
      main: model.rows.filter((r) => r.role !== 'other'),
      marks: model.rows.filter((r) => !r.missing),
    },
    signals: {
      xDomain: [years[0] - 0.4, years[years.length - 1] + 0.4],
      xValues: yearTicks(years, width),
      // the bundle of other regions has no bands
      yDomain: valueDomain(
        model.rows.map((r) => (r.role === 'other' ? { ...r, low: null, high: null } : r)),
        false,
      ),
      yTitle: model.unit || null,
      seriesDomain: domain,
      seriesColors: colors,
      seriesDashes: dashes,
      legendValues: domain.length > MAX_LEGEND ? [] : domain,
    },
  };
}

/** Bars and columns: the value label right of the whisker; a small count marked with `*`. */
function barRows(model: ChartModel): Obj[] {
  return model.rows.map((r) => ({
    ...r,
    lx: Math.max(r.value ?? 0, r.high ?? 0),
    text: r.missing ? `${r.label} ${missingText(r.status, model.lang)}` : `${r.label}${r.small ? '*' : ''}`,
    label: `${r.label}${r.small ? '*' : ''}`,
  }));
}

function barInputs(model: ChartModel, width: number) {
  const values = [...model.rows, ...model.refs].flatMap((r) => [r.value, r.high]).filter((v) => v !== null);
  const max = values.length ? Math.max(0, ...values) : 1;
  const min = values.length ? Math.min(0, ...values) : 0;
  const focus = model.rows
    .filter((r) => r.role === 'primary' && model.rows.some((o) => o.role === 'other'))
    .map((r) => r.name);
  const refs = model.refs.map((r) => ({ ...r, legend: `${r.name}: ${r.label}` }));
  return {
    datasets: {
      bars: barRows(model),
      whiskers: withInterval(model.rows),
      refs,
      marks: model.rows.filter((r) => !r.missing),
    },
    signals: {
      barOrder: model.rows.map((r) => r.name),
      // room for the value labels right of the longest bar: more on a narrow chart
      xDomain: [min, max === 0 ? 1 : max * (width < 480 ? 1.3 : 1.18)],
      xTitle: model.unit || null,
      labelLimit: Math.round(Math.min(260, Math.max(120, width * 0.36))),
      focusNames: focus,
      refDomain: refs.map((r) => r.legend),
      refDashes: refs.map((_, i) => REFERENCE_DASHES[i % REFERENCE_DASHES.length]),
    },
  };
}

function columnInputs(model: ChartModel, theme: ChartTheme) {
  const { domain, colors } = seriesScales(model, theme);
  return {
    datasets: {
      columns: barRows(model),
      whiskers: withInterval(model.rows),
      marks: model.rows.filter((r) => !r.missing),
    },
    signals: {
      categories: model.categories,
      yDomain: valueDomain(model.rows, true),
      seriesDomain: domain,
      seriesColors: colors,
      yTitle: model.unit || null,
      showLabels: model.rows.length <= 24 && !model.intervals,
    },
  };
}

/** The number of legend entries: series of a line or column chart, references of a bar chart. */
function legendEntries(signals: Record<string, unknown>): number {
  const entries = signals.legendValues ?? signals.refDomain ?? signals.seriesDomain;
  return (entries as unknown[]).length;
}

/** The template and its inputs for a chart model (drawn by `vega-view.ts`). */
export function buildChartSpec(model: ChartModel, options: SpecOptions): ChartSpec {
  const theme = options.theme ?? DEFAULT_THEME;
  const height = options.height ?? defaultHeight(model);
  const { datasets, signals } =
    model.type === 'line'
      ? lineInputs(model, theme, options.width)
      : model.type === 'bar'
        ? barInputs(model, options.width)
        : columnInputs(model, theme);
  const common = {
    active: null,
    selected: null,
    theme: {
      font: theme.font,
      text: theme.text,
      muted: theme.muted,
      border: theme.border,
      grid: theme.grid,
      background: theme.background,
      accent: theme.accent,
      reference: theme.reference,
      other: theme.other,
    },
    legendColumns: legendColumns(options.width),
    legendOffset: legendEntries(signals) ? 18 : 0,
    // legend labels (and the bar chart's axis title) within the plot's width: a bar chart's plot starts after its labels
    legendLabelLimit: Math.max(
      80,
      Math.min(220, options.width - 60 - ('labelLimit' in signals ? signals.labelLimit + 10 : 0)),
    ),
    valueTicks: options.width < 420 ? 3 : 5,
    valueFormat: `,.${model.decimals}~f`,
  };
  const locale = NUMBER_LOCALES[model.lang];
  if (!options.export) {
    return { template: model.type, width: options.width, height, locale, datasets, signals: { ...common, ...signals } };
  }
  const { title, subtitle, footer } = options.export;
  return {
    template: `${model.type}-export`,
    width: Math.max(200, options.width - 160),
    height,
    locale,
    datasets,
    signals: { ...common, ...signals, exportTitle: title, exportSubtitle: subtitle ?? '', exportFooter: footer },
  };
}
