/** Template parts of `<indicator-chart>`: toolbar, notes, data table; tooltip placement. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CsvFlavour } from '../../data/csv.js';
import { statusLabel } from '../../data/format.js';
import { common, msg, type Lang } from '../../internal/i18n.js';
import { t, type ChartModel } from './chart-model.js';
import type { TableModel } from './chart-text.js';

export type Download = CsvFlavour | 'png' | 'svg';

export interface Tip {
  text: string;
  x: number;
  y: number;
  below: boolean;
  /** Horizontal anchor, so that the tooltip stays inside the chart near the edges. */
  align: 'start' | 'center' | 'end';
}

/** A tooltip at (x, y) of a chart `width` wide: above the point, below it near the top. */
export function placeTip(text: string, x: number, y: number, width: number): Tip {
  const align = x < width * 0.25 ? 'start' : x > width * 0.75 ? 'end' : 'center';
  return { text, x, y, below: y < 48, align };
}

export interface ToolbarState {
  /** Table shown; undefined: no table button. */
  table?: boolean;
  /** Definition shown; undefined: no definition button. */
  definition?: boolean;
  toggleTable: () => void;
  toggleDefinition: () => void;
  download: (kind: Download) => void;
}

export function renderToolbar(lang: Lang, s: ToolbarState): TemplateResult {
  const toggle = (open: boolean | undefined, controls: string, label: string, onClick: () => void) =>
    open === undefined
      ? nothing
      : html`<button type="button" aria-expanded=${String(open)} aria-controls=${controls} @click=${onClick}>
          ${label}
        </button>`;
  const button = (kind: Download, label: string) =>
    html`<button type="button" @click=${() => s.download(kind)}>${label}</button>`;
  return html`<div class="toolbar" part="toolbar">
    ${toggle(s.table, 'table', msg(common, lang, s.table ? 'hideTable' : 'showTable'), s.toggleTable)}
    ${toggle(s.definition, 'definition', msg(common, lang, 'definition'), s.toggleDefinition)}
    ${button('excel-de', msg(common, lang, 'csvExcel'))} ${button('machine', msg(common, lang, 'csvMachine'))}
    ${button('png', t(lang, 'png'))} ${button('svg', t(lang, 'svg'))}
  </div>`;
}

/** Breaks in series, the key to the official symbols used, and how marked values look. */
export function renderNotes(model: ChartModel): TemplateResult | typeof nothing {
  const lang = model.lang;
  const marked = model.rows.some((r) => r.flagged || r.missing);
  if (!model.breaks.length && !model.symbols.length && !marked) return nothing;
  const key = model.symbols.map((s) => `${s} = ${statusLabel(s, lang)}`).join('; ');
  return html`<div class="notes">
    ${model.breaks.map((b) => html`<p>${t(lang, 'seriesBreak')} ${b.year}: ${b.note}</p>`)}
    ${key ? html`<p>${msg(common, lang, 'symbolKey')}: ${key}</p>` : nothing}
    ${marked ? html`<p>${t(lang, 'markerHint')}</p>` : nothing}
  </div>`;
}

/** The data-table alternative: a real table with caption and row and column headers. */
export function renderTable(table: TableModel, lang: Lang): TemplateResult {
  return html`<div class="table-wrap" id="table">
    <table part="table">
      <caption>
        ${table.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(common, lang, 'region')}</th>
          ${table.columns.map((c) => html`<th scope="col" class="num">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (r) =>
            html`<tr class=${r.role}>
              <th scope="row">${r.header}</th>
              ${r.cells.map((c) => html`<td class="num">${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
