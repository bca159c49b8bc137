/**
 * Lit templates of the table body: header rows, cells with official symbols, the
 * deviation text, the sparkline and the key to symbols. Kept apart from the element
 * class so that stays thin; no state here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../../internal/style-props.js';
import type { StatusSymbol } from '../../data/schema.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { OVERLAP_MARK, renderRowOnce, rowOfEvent, SMALL_MARK, type RowContext } from './table-rows.js';
import { NAME_KEY, type Column, type RankCell, type Row, type SortDirection, type TableModel } from './table-model.js';

export interface ViewContext extends RowContext {
  sortKey: string;
  direction: SortDirection;
  onSelect: (row: Row) => void;
}

/** A column's header text (without unit); `long` adds the indicator, for announcements. */
export function columnLabel(model: TableModel, column: Column, lang: Lang, long = false): string {
  const base = model.base?.name ?? '';
  if (column.kind === 'rank')
    return long ? `${msg(messages, lang, 'rank')} ${column.indicator.label}` : msg(messages, lang, 'rank');
  if (column.kind === 'deviation') {
    const text = msg(messages, lang, column.mode === 'percent' ? 'deviationPercent' : 'deviationAbsolute', { base });
    return long ? `${column.indicator.label}: ${text}` : text;
  }
  if (column.kind === 'interval')
    return long ? `${column.indicator.label}: ${msg(messages, lang, 'intervalLong')}` : msg(messages, lang, 'interval');
  if (model.mode === 'years') return String(column.year);
  return long || model.columns.every((c) => c.kind === 'value') ? column.indicator.label : msg(messages, lang, 'value');
}

/** Header groups: the value column of an indicator (or the years) with its deviation and rank columns. */
interface HeaderGroup {
  label: string;
  unit?: string;
  columns: Column[];
}

function headerGroups(ctx: ViewContext): HeaderGroup[] {
  const { model } = ctx;
  const groups: HeaderGroup[] = [];
  if (model.mode === 'indicators') {
    for (const column of model.columns) {
      if (column.kind === 'value')
        groups.push({ label: column.indicator.label, unit: column.indicator.unit, columns: [column] });
      else groups[groups.length - 1].columns.push(column);
    }
  } else {
    const values = model.columns.filter((c) => c.kind === 'value');
    const extras = model.columns.filter((c) => c.kind !== 'value');
    const indicator = values[0].indicator;
    groups.push({ label: indicator.label, unit: indicator.unit, columns: values });
    if (extras.length)
      groups.push({ label: msg(messages, ctx.lang, 'comparison', { year: extras[0].year }), columns: extras });
  }
  return groups;
}

export function headerRowCount(ctx: ViewContext): number {
  return headerGroups(ctx).some((g) => g.columns.length > 1) ? 2 : 1;
}

function sortHeader(
  key: string,
  label: string,
  unit: string | undefined,
  numeric: boolean,
  rowspan: number,
  colspan: number,
  ctx: ViewContext,
  onSort: (key: string) => void,
): TemplateResult {
  const active = ctx.sortKey === key;
  const arrow = active ? (ctx.direction === 'ascending' ? '▲' : '▼') : '↕';
  return html`<th
    scope="col"
    class=${numeric ? 'num' : ''}
    rowspan=${rowspan}
    colspan=${colspan}
    aria-sort=${active ? ctx.direction : nothing}
    part="header"
  >
    <button type="button" class="sort" tabindex="-1" data-sort=${key} @click=${() => onSort(key)}>
      <span class="label">${label}${unit ? html` <span class="unit">${unit}</span>` : nothing}</span>
      <span class="arrow" aria-hidden="true">${arrow}</span>
    </button>
  </th>`;
}

/** The `<thead>`: one row, or two when a group has several columns (value, deviation, rank). */
export function renderHead(ctx: ViewContext, onSort: (key: string) => void): TemplateResult {
  const groups = headerGroups(ctx);
  const rows = headerRowCount(ctx);
  const trendColumn = ctx.model.mode === 'years' && !ctx.noSparkline;
  const first = html`<tr aria-rowindex="1">
    ${sortHeader(NAME_KEY, msg(messages, ctx.lang, 'region'), undefined, false, rows, 1, ctx, onSort)}
    ${groups.map((g) =>
      g.columns.length === 1
        ? sortHeader(
            g.columns[0].key,
            columnLabel(ctx.model, g.columns[0], ctx.lang) || g.label,
            g.unit,
            true,
            rows,
            1,
            ctx,
            onSort,
          )
        : html`<th scope="colgroup" colspan=${g.columns.length}>
            ${g.label}${g.unit ? html` <span class="unit">${g.unit}</span>` : nothing}
          </th>`,
    )}
    ${trendColumn ? html`<th scope="col" rowspan=${rows}>${msg(messages, ctx.lang, 'trend')}</th>` : nothing}
  </tr>`;
  if (rows === 1)
    return html`<thead>
      ${first}
    </thead>`;
  return html`<thead>
    ${first}
    <tr aria-rowindex="2">
      ${groups
        .filter((g) => g.columns.length > 1)
        .flatMap((g) =>
          g.columns.map((c) =>
            c.kind === 'interval'
              ? html`<th scope="col" class="num" part="header">
                  <abbr title=${msg(messages, ctx.lang, 'intervalLong')}>${columnLabel(ctx.model, c, ctx.lang)}</abbr>
                </th>`
              : sortHeader(c.key, columnLabel(ctx.model, c, ctx.lang), undefined, true, 1, 1, ctx, onSort),
          ),
        )}
    </tr>
  </thead>`;
}

/** The statuses that occur in the table, for the key to symbols. */
export function symbolsIn(model: TableModel): StatusSymbol[] {
  const found = new Set<StatusSymbol>();
  for (const row of [...model.references, ...model.rows]) {
    for (const column of model.columns) {
      if (column.kind === 'interval') continue;
      const cell = row.cells[column.key];
      if (cell?.status) found.add(cell.status);
      else if (cell && cell.value === null) found.add('.');
    }
  }
  const order: StatusSymbol[] = ['-', '.', '/', 'x', '...', '()', 'p', 'r', 's'];
  return order.filter((s) => found.has(s));
}

/** The key to symbols and the notes on deviation and rank, under the table (rendered again only for a new model or language). */
export function renderKey(ctx: ViewContext, symbolKeyTitle: string): unknown {
  return guard([ctx.model, ctx.lang, symbolKeyTitle], () => renderKeyOnce(ctx, symbolKeyTitle));
}

function renderKeyOnce(ctx: ViewContext, symbolKeyTitle: string): TemplateResult {
  const symbols = symbolsIn(ctx.model);
  const hasRank = ctx.model.columns.some((c) => c.kind === 'rank');
  const hasDeviation = ctx.model.columns.some((c) => c.kind === 'deviation');
  const hasInterval = ctx.model.columns.some((c) => c.kind === 'interval');
  const rows = [...ctx.model.references, ...ctx.model.rows];
  const values = ctx.model.columns.filter((c) => c.kind === 'value');
  const small = [
    ...new Set(values.filter((c) => rows.some((r) => r.cells[c.key]?.small)).map((c) => c.indicator.minCount ?? 20)),
  ];
  const overlap = ctx.model.columns.some(
    (c) => c.kind === 'rank' && ctx.model.rows.some((r) => (r.cells[c.key] as RankCell | undefined)?.overlap),
  );
  return html`<div class="key" part="key">
    ${
      symbols.length
        ? html`<div class="symbols">
            <span>${symbolKeyTitle}:</span>
            <dl>
              ${symbols.map(
                (s) =>
                  html`<dt>${s}</dt>
                    <dd>${ctx.symbolLabel(s)}</dd> `,
              )}
            </dl>
          </div>`
        : nothing
    }
    ${
      small.length || overlap
        ? html`<dl class="marks">
            ${small.map(
              (n) =>
                html`<dt>${SMALL_MARK}</dt>
                  <dd>${msg(messages, ctx.lang, 'smallCountKey', { n })}</dd> `,
            )}
            ${
              overlap || small.length
                ? html`<dt>${OVERLAP_MARK}</dt>
                    <dd>${msg(messages, ctx.lang, 'overlap')}</dd>`
                : nothing
            }
          </dl>`
        : nothing
    }
    ${hasInterval ? html`<p>${msg(messages, ctx.lang, 'intervalHint')}</p>` : nothing}
    ${hasDeviation && ctx.model.base ? html`<p>${msg(messages, ctx.lang, 'deviationHint', { base: ctx.model.base.name })}</p>` : nothing}
    ${hasRank ? html`<p>${msg(messages, ctx.lang, 'rankHint')}</p>` : nothing}
  </div>`;
}

/** The filter box with the count of the rows shown. */
export function renderFilter(
  lang: Lang,
  query: string,
  shown: number,
  total: number,
  onQuery: (query: string) => void,
): TemplateResult {
  const count = query
    ? msg(messages, lang, 'rowCountFiltered', { shown, count: total })
    : msg(messages, lang, 'rowCount', { count: total });
  return html`<div class="controls">
    <label for="filter">${msg(messages, lang, 'filterLabel')}</label>
    <input
      id="filter"
      type="search"
      part="filter"
      autocomplete="off"
      placeholder=${msg(messages, lang, 'filterPlaceholder')}
      .value=${query}
      @input=${(e: Event) => onQuery((e.target as HTMLInputElement).value)}
    />
    <span class="count" role="status">${count}</span>
  </div>`;
}

export interface GridOptions {
  caption: string;
  /** The compared rows in the current order and filter. */
  shown: readonly Row[];
  /** Only rows `start` to `end` are rendered, spacer rows stand in for the others. */
  windowed: boolean;
  start: number;
  end: number;
  /** Height of one row for the spacers, px. */
  rowHeight: number;
  query: string;
  onScroll: (scroller: HTMLElement) => void;
  onSort: (key: string) => void;
  /** Arrow keys, Home/End, PageUp/PageDown and Escape inside the scroll region (roving focus). */
  onKey: (e: KeyboardEvent) => void;
}

/** The scroll area with the `<table>`: caption, header, pinned reference rows, the (windowed) rows. */
export function renderGrid(ctx: ViewContext, o: GridOptions): TemplateResult {
  const { model } = ctx;
  const heads = headerRowCount(ctx);
  const refs = model.references;
  const width = 1 + model.columns.length + (model.mode === 'years' && !ctx.noSparkline ? 1 : 0);
  const spacer = (where: string, rows: number) =>
    rows > 0
      ? html`<tr class="spacer ${where}" aria-hidden="true">
          <td colspan=${width} style=${styleProps({ height: `${rows * o.rowHeight}px` })}></td>
        </tr>`
      : nothing;
  const select = (e: Event) => {
    const row = rowOfEvent(e, o.shown, refs);
    if (row) ctx.onSelect(row);
  };
  // The scroll region is the table's one Tab stop; rows and column headers are reached
  // with the arrow keys from there (their buttons have tabindex -1).
  return html`<div
      class="scroller ${o.windowed ? 'windowed' : ''}"
      tabindex="0"
      role="region"
      aria-labelledby="cap"
      aria-describedby="kbd-hint"
      @scroll=${(e: Event) => o.onScroll(e.currentTarget as HTMLElement)}
      @keydown=${o.onKey}
    >
      <table part="table" aria-rowcount=${heads + refs.length + o.shown.length}>
        <caption id="cap">
          ${o.caption}
        </caption>
        ${guard([ctx.model, ctx.lang, ctx.sortKey, ctx.direction, ctx.noSparkline], () => renderHead(ctx, o.onSort))}
        ${
          refs.length
            ? html`<tbody class="references" @click=${select}>
                ${refs.map((r, i) => renderRowOnce(r, i - refs.length, heads + i + 1, ctx))}
              </tbody>`
            : nothing
        }
        <tbody class="rows" @click=${select}>
          ${spacer('before', o.start)}
          ${repeat(
            o.shown.slice(o.start, o.end),
            (row) => row.id,
            (row, i) => renderRowOnce(row, o.start + i, heads + refs.length + o.start + i + 1, ctx),
          )}
          ${spacer('after', o.shown.length - o.end)}
        </tbody>
      </table>
      ${o.shown.length === 0 ? html`<p class="nomatch">${msg(messages, ctx.lang, 'noMatch', { query: o.query })}</p>` : nothing}
    </div>
    <p class="kbd-hint" id="kbd-hint">${msg(messages, ctx.lang, 'keyboardHint')}</p>`;
}
