/** Template parts of `<indicator-chart>`: notes, data table, toggles; the theme read from CSS. */
import { html, nothing, type TemplateResult } from 'lit';
import { statusLabel } from '../../data/format.js';
import { common, msg, type Lang } from '../../internal/i18n.js';
import { t, type ChartModel } from './chart-model.js';
import type { ChartTable } from './chart-text.js';
import { DEFAULT_THEME, type ChartTheme } from './chart-spec.js';
import type { Toggle } from '../../internal/downloads.js';

/** Breaks in series, the key to the official symbols used, and how marked values look. */
export function renderNotes(model: ChartModel): TemplateResult | typeof nothing {
  const lang = model.lang;
  const marked = model.rows.some((r) => r.flagged || r.missing);
  const small = model.rows.some((r) => r.small);
  if (!model.breaks.length && !model.symbols.length && !marked && !model.intervals) return nothing;
  const key = model.symbols.map((s) => `${s} = ${statusLabel(s, lang)}`).join('; ');
  return html`<div class="notes">
    ${model.breaks.map((b) => html`<p>${t(lang, 'seriesBreak')} ${b.year}: ${b.note}</p>`)}
    ${key ? html`<p>${msg(common, lang, 'symbolKey')}: ${key}</p>` : nothing}
    ${marked ? html`<p>${t(lang, 'markerHint')}</p>` : nothing}
    ${model.intervals ? html`<p class="interval-note">${t(lang, 'intervalHint')}</p>` : nothing}
    ${
      small
        ? html`<p class="small-note">
            ${
              model.type === 'line'
                ? t(lang, 'smallLineHint', { min: model.minCount })
                : html`<span class="small-key" aria-hidden="true"></span
                    >${t(lang, 'smallHint', { min: model.minCount })}`
            }
          </p>`
        : nothing
    }
  </div>`;
}

/** The data-table alternative: a real table with caption and row and column headers. */
export function renderTable(table: ChartTable, lang: Lang): TemplateResult {
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

/** The chart colours and font from the element's computed style (theme tokens). */
export function readTheme(element: Element): ChartTheme {
  const cs = getComputedStyle(element);
  const get = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const bg = get('--_bg', DEFAULT_THEME.background);
  return {
    ...DEFAULT_THEME,
    font: cs.fontFamily || DEFAULT_THEME.font,
    text: get('--_text', DEFAULT_THEME.text),
    muted: get('--_muted', DEFAULT_THEME.muted),
    border: get('--_border', DEFAULT_THEME.border),
    grid: get('--fokus-chart-grid', DEFAULT_THEME.grid),
    background: bg === 'transparent' ? '#ffffff' : bg,
    accent: get('--_accent', DEFAULT_THEME.accent),
    reference: get('--_reference', DEFAULT_THEME.reference),
    referenceLight: get('--fokus-chart-reference-light', DEFAULT_THEME.referenceLight),
    other: get('--fokus-chart-other', DEFAULT_THEME.other),
  };
}

/** The chart's toggles before the downloads: table and definition (undefined: no button). */
export function chartToggles(
  lang: Lang,
  s: { table?: boolean; definition?: boolean; toggleTable: () => void; toggleDefinition: () => void },
): (Toggle | undefined)[] {
  return [
    s.table === undefined
      ? undefined
      : {
          controls: 'table',
          open: s.table,
          label: msg(common, lang, s.table ? 'hideTable' : 'showTable'),
          onToggle: s.toggleTable,
        },
    s.definition === undefined
      ? undefined
      : {
          controls: 'definition',
          open: s.definition,
          label: msg(common, lang, 'definition'),
          onToggle: s.toggleDefinition,
        },
  ];
}
