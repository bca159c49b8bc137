/**
 * The body rows of `<comparison-table>`: one Lit template per row and per kind of cell,
 * with only the elements a cell shows (a mark, flag or spoken text is drawn where the cell
 * has one), over texts formatted once per row, language and locale:
 * a row that scrolls into the window again is neither formatted nor laid out as a
 * sparkline again, only its DOM is built.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { StatusSymbol } from '../../data/schema.js';
import { formatValue, numberFormat } from '../../data/format.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { sparkline, type SparklineGeometry } from './sparkline.js';
import { intervalText } from './table-csv.js';
import {
  isMissing,
  type Cell,
  type Column,
  type DeviationCell,
  type RankCell,
  type Row,
  type TableModel,
  type TrendPoint,
} from './table-model.js';

/** What the rows need from the element (a part of the view context). */
export interface RowContext {
  lang: Lang;
  locale: string;
  model: TableModel;
  /** Meaning of an official symbol, in the UI language. */
  symbolLabel: (status: StatusSymbol) => string;
  noSparkline: boolean;
  /** Key of the highlighted row (the selected region, or the row that contains it). */
  selected: string;
  /** Name of the selected region when the highlighted row is the one that contains it. */
  selectedVia?: string;
}

/** The mark of a rate on a small count (and its key entry). */
export const SMALL_MARK = '*';
/** The mark of a rank whose interval overlaps a neighbour's. */
export const OVERLAP_MARK = '≈';

/** A cell as shown: each part empty when the cell has none. */
interface CellText {
  /** The number (also `(9,4)` for limited validity), or the symbol of a missing value. */
  n: string;
  /** `n` is a symbol: bold, hidden from assistive technology (said in `said`). */
  symbol: boolean;
  /** The status flag in superscript (`p`, `r`, `s`). */
  flag: string;
  /** The small-count or overlap mark. */
  mark: string;
  /** The word on a deviation's direction (`günstiger`), or `Bezug` on the base row. */
  tone: string;
  /** What is said in words only (visually hidden): the symbol's meaning, small count, overlap, rank range. */
  said: string;
}

interface Spark {
  g: SparklineGeometry;
  label: string;
}

/** The formatted cells and sparklines of a row, for one language, locale and sparkline setting. */
interface RowText {
  key: string;
  cells: CellText[];
  /** The sparkline of each column (indicators mode), or of the trend column (years mode, last). */
  sparks: (Spark | undefined)[];
}

const texts = new WeakMap<Row, RowText>();

function numberText(c: Cell, decimals: number, ctx: RowContext): CellText {
  if (isMissing(c) || c.status === '-') {
    const symbol = (c.status || '.') as StatusSymbol;
    return { n: symbol, symbol: true, flag: '', mark: '', tone: '', said: ctx.symbolLabel(symbol) };
  }
  const n = numberFormat(ctx.locale, decimals).format(c.value as number);
  const limited = c.status === '()';
  return {
    n: limited ? `(${n})` : n,
    symbol: false,
    flag: c.status && !limited ? c.status : '',
    mark: '',
    tone: '',
    said: c.status ? `, ${ctx.symbolLabel(c.status)}` : '',
  };
}

function cellText(row: Row, column: Column, ctx: RowContext): CellText {
  const cell = row.cells[column.key];
  const { lang } = ctx;
  if (column.kind === 'value') {
    const t = numberText(cell ?? { value: null, status: '.' }, column.indicator.decimals, ctx);
    if (cell?.small && !t.symbol) {
      t.mark = SMALL_MARK;
      t.said += `, ${msg(messages, lang, 'smallCount', { n: column.indicator.minCount ?? 20 })}`;
    }
    return t;
  }
  if (column.kind === 'rank') {
    const r = cell as RankCell | undefined;
    const t = numberText(r ? { value: r.value, status: r.status } : { value: null, status: '.' }, 0, ctx);
    if (r?.overlap || row.cells[column.of]?.small) {
      t.mark = OVERLAP_MARK;
      t.said += `, ${msg(messages, lang, 'overlap')}`;
    }
    if (r?.range && r.range.best !== r.range.worst)
      t.said += `, ${msg(messages, lang, 'rankRange', { best: r.range.best, worst: r.range.worst })}`;
    return t;
  }
  if (column.kind === 'interval') {
    const iv = cell?.interval;
    const n = iv ? intervalText(iv, column.indicator.decimals, ctx.locale) : '';
    return { n, symbol: false, flag: '', mark: '', tone: '', said: '' };
  }
  const d = cell as DeviationCell | undefined;
  const none = { n: '', symbol: false, flag: '', mark: '', tone: '', said: '' };
  if (!d) return none;
  if (row.id === ctx.model.base?.id && row.reference) return { ...none, tone: msg(messages, lang, 'baseValue') };
  if (d.value === null) return numberText(d, 0, ctx);
  const decimals = column.mode === 'percent' ? 1 : column.indicator.decimals;
  const tone = d.tone === 'better' || d.tone === 'worse' || d.tone === 'equal' ? msg(messages, lang, d.tone) : '';
  return { ...none, n: numberFormat(ctx.locale, decimals, true).format(d.value), tone };
}

/** Geometry and text alternative of a series' sparkline ("Verlauf 2015–2024: von 8,1 auf 9,4"). */
function sparkOf(points: TrendPoint[] | undefined, decimals: number, ctx: RowContext): Spark | undefined {
  if (ctx.noSparkline || !points || points.length < 2) return undefined;
  const g = sparkline(points);
  if (!g?.first || !g.end) return undefined;
  const label = msg(messages, ctx.lang, 'trendLabel', {
    from: g.first.year,
    to: g.end.year,
    a: formatValue(g.first.value, g.first.status, decimals, ctx.locale),
    b: formatValue(g.end.value, g.end.status, decimals, ctx.locale),
  });
  return { g, label };
}

/** The row's texts, formatted on first use for this language, locale and sparkline setting. */
function rowText(row: Row, ctx: RowContext): RowText {
  const key = `${ctx.lang}|${ctx.locale}|${ctx.noSparkline}`;
  let t = texts.get(row);
  if (t?.key === key) return t;
  const { model } = ctx;
  const cells = model.columns.map((c) => cellText(row, c, ctx));
  let sparks: (Spark | undefined)[];
  if (model.mode === 'indicators')
    sparks = model.columns.map((c) =>
      c.kind === 'value' ? sparkOf(row.trends[c.indicator.id], c.indicator.decimals, ctx) : undefined,
    );
  else {
    const first = model.columns.find((c) => c.kind === 'value');
    sparks = [first ? sparkOf(row.trends[first.indicator.id], first.indicator.decimals, ctx) : undefined];
  }
  texts.set(row, (t = { key, cells, sparks }));
  return t;
}

function renderSpark(s: Spark | undefined): TemplateResult | typeof nothing {
  if (!s) return nothing;
  const { g } = s;
  const dots = g.dots.length ? g.dots.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="1.5"></circle>`) : nothing;
  const last = g.last ? svg`<circle cx=${g.last.x} cy=${g.last.y} r="2.2"></circle>` : nothing;
  // no white space between the parts (each would be a text node in every sparkline)
  // prettier-ignore
  return html`<svg class="spark" part="sparkline" role="img" aria-label=${s.label} width=${g.width} height=${g.height} viewBox="0 0 ${g.width} ${g.height}"><path d=${g.d || nothing}></path>${dots}${last}</svg>`;
}

// One template per kind of cell, with only the elements the cell shows: the number is a
// text node (a symbol a bold span, hidden from assistive technology), and the flag, mark
// and spoken text are drawn only in the cells that have one (no empty hidden elements:
// they were a quarter of the 49-row table's 2,400 elements, and cost layout all the same).
const main = (t: CellText) => (t.symbol ? html`<span class="symbol" aria-hidden="true">${t.n}</span>` : t.n);

const said = (t: CellText) => (t.said ? html`<span class="visually-hidden">${t.said}</span>` : nothing);

/**
 * Flag (superscript), mark and spoken text after a number, as one flat template for each
 * combination that occurs (a flag and a mark always come with their spoken text): each
 * binding costs a marker node, nested templates per part would cost twice as many.
 */
function extras(t: CellText, markClass: string): TemplateResult | typeof nothing {
  if (t.flag && t.mark)
    return html`<sup class="flag" aria-hidden="true">${t.flag}</sup
      ><span class=${markClass} aria-hidden="true">${t.mark}</span><span class="visually-hidden">${t.said}</span>`;
  if (t.flag)
    return html`<sup class="flag" aria-hidden="true">${t.flag}</sup><span class="visually-hidden">${t.said}</span>`;
  if (t.mark)
    return html`<span class=${markClass} aria-hidden="true">${t.mark}</span
      ><span class="visually-hidden">${t.said}</span>`;
  return said(t);
}

const valueCell = (t: CellText, spark: Spark | undefined) =>
  html`<td class="num value">${renderSpark(spark)}<span class="v">${main(t)}${extras(t, 'small-count')}</span></td>`;

const rankCell = (t: CellText) => html`<td class="num rank">${main(t)}${extras(t, 'overlap')}</td>`;

const deviationCell = (t: CellText, tone: string) =>
  html`<td class="num deviation ${tone}">
    ${
      t.n
        ? html`<span class=${t.symbol ? 'symbol' : 'n'} aria-hidden=${t.symbol ? 'true' : nothing}>${t.n}</span>`
        : nothing
    }${t.flag ? html`<sup class="flag" aria-hidden="true">${t.flag}</sup>` : nothing}${
      t.tone ? html`<span class="tone">${t.tone}</span>` : nothing
    }${said(t)}
  </td>`;

/** One `<td>` of a row. */
function renderCell(row: Row, column: Column, i: number, text: RowText): TemplateResult {
  const t = text.cells[i];
  if (column.kind === 'value') return valueCell(t, text.sparks[i]);
  if (column.kind === 'rank') return row.reference ? html`<td class="num rank"></td>` : rankCell(t);
  if (column.kind === 'interval') return html`<td class="num interval">${t.n}</td>`;
  const tone = (row.cells[column.key] as DeviationCell | undefined)?.tone ?? 'neutral';
  return deviationCell(t, tone);
}

/**
 * One row: the region name as a button (a click anywhere on the row selects it: one
 * listener on the table body, `data-index` names the row), then the cells; `index` is the
 * position in the shown rows (negative for reference rows), `rowIndex` the aria-rowindex.
 */
export function renderRow(row: Row, index: number, rowIndex: number, ctx: RowContext): TemplateResult {
  const selected = row.id === ctx.selected;
  const text = rowText(row, ctx);
  const { model } = ctx;
  const note = [
    row.reference ? ` (${msg(messages, ctx.lang, 'reference')})` : '',
    selected && ctx.selectedVia && ctx.selectedVia !== row.name
      ? ` (${msg(messages, ctx.lang, 'contains', { name: ctx.selectedVia })})`
      : '',
  ].join('');
  const cls = `${row.reference ? 'reference' : ''}${selected ? ' selected' : ''}${index >= 0 && index % 2 ? ' odd' : ''}`;
  const trend =
    model.mode === 'years' && !ctx.noSparkline ? html`<td class="trend">${renderSpark(text.sparks[0])}</td>` : nothing;
  const current = selected ? 'true' : nothing;
  const spoken = note ? html`<span class="visually-hidden">${note}</span>` : nothing;
  // no white space between the parts (each would be a text node in every row)
  // prettier-ignore
  return html`<tr aria-rowindex=${rowIndex} class=${cls}><th scope="row"><button type="button" class="region" tabindex="-1" data-index=${index} aria-current=${current}>${row.name}</button>${spoken}</th>${model.columns.map((c, i) => renderCell(row, c, i, text))}${trend}</tr>`;
}

/**
 * A row, rendered again only when something it shows changed (its data, position,
 * highlight, language, columns): selecting a row re-renders one or two rows, not all of
 * them. The rows are keyed by region (`repeat` in `renderGrid`): a scroll step keeps the
 * DOM of the rows that stay in the window and builds only the rows that enter it.
 */
export function renderRowOnce(row: Row, index: number, rowIndex: number, ctx: RowContext): unknown {
  const selected = row.id === ctx.selected;
  return guard(
    [row, index, rowIndex, selected, selected && ctx.selectedVia, ctx.lang, ctx.locale, ctx.model, ctx.noSparkline],
    () => renderRow(row, index, rowIndex, ctx),
  );
}

/** The row of a click inside a table body (`data-index` of its region button), if any. */
export function rowOfEvent(e: Event, shown: readonly Row[], references: readonly Row[]): Row | undefined {
  const button = (e.target as Element).closest('tr')?.querySelector<HTMLElement>('button.region[data-index]');
  if (!button) return undefined;
  const index = Number(button.dataset.index);
  return index < 0 ? references[references.length + index] : shown[index];
}
