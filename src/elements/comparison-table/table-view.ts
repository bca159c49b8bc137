/**
 * Lit templates of the table body: header rows, cells with official symbols, the
 * deviation text, the sparkline and the key to symbols. Kept apart from the element
 * class so that stays thin; no state here.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../../internal/style-props.js';
import type { StatusSymbol } from '../../data/schema.js';
import { formatValue, numberFormat } from '../../data/format.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { sparkline } from './sparkline.js';
import { intervalText } from './table-csv.js';
import {
  isMissing,
  NAME_KEY,
  type Cell,
  type Column,
  type DeviationCell,
  type RankCell,
  type Row,
  type SortDirection,
  type TableModel,
  type TrendPoint,
} from './table-model.js';

export interface ViewContext {
  lang: Lang;
  locale: string;
  model: TableModel;
  sortKey: string;
  direction: SortDirection;
  /** Meaning of an official symbol, in the UI language. */
  symbolLabel: (status: StatusSymbol) => string;
  noSparkline: boolean;
  /** Key of the highlighted row (the selected region, or the row that contains it). */
  selected: string;
  /** Name of the selected region when the highlighted row is the one that contains it. */
  selectedVia?: string;
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

/**
 * A row, rendered again only when something it shows changed (its data, position,
 * highlight, language, columns): selecting a row re-renders one or two rows, not all of
 * them. The rows are keyed by region (`repeat` in `renderGrid`): a scroll step keeps the
 * DOM of the rows that stay in the window and builds only the rows that enter it.
 */
export function renderRowOnce(row: Row, index: number, rowIndex: number, ctx: ViewContext): unknown {
  const selected = row.id === ctx.selected;
  return guard(
    [row, index, rowIndex, selected, selected && ctx.selectedVia, ctx.lang, ctx.model, ctx.noSparkline],
    () => renderRow(row, index, rowIndex, ctx),
  );
}

/** One row: the region name as a button (selects it), then the cells; `rowIndex` is the aria-rowindex. */
export function renderRow(row: Row, index: number, rowIndex: number, ctx: ViewContext): TemplateResult {
  const selected = row.id === ctx.selected;
  const trendColumn = ctx.model.mode === 'years' && !ctx.noSparkline;
  const first = ctx.model.columns.find((c) => c.kind === 'value');
  return html`<tr
    aria-rowindex=${rowIndex}
    class=${`${row.reference ? 'reference' : ''} ${selected ? 'selected' : ''}`}
    @click=${(e: Event) => (e.target as Element).closest('button') || ctx.onSelect(row)}
  >
    <th scope="row">
      <button
        type="button"
        class="region"
        tabindex="-1"
        data-index=${index}
        aria-current=${selected ? 'true' : nothing}
        @click=${() => ctx.onSelect(row)}
      >
        ${row.name}</button
      >${row.reference ? html`<span class="visually-hidden"> (${msg(messages, ctx.lang, 'reference')})</span>` : nothing}${
        selected && ctx.selectedVia && ctx.selectedVia !== row.name
          ? html`<span class="visually-hidden">
              (${msg(messages, ctx.lang, 'contains', { name: ctx.selectedVia })})</span
            >`
          : nothing
      }
    </th>
    ${ctx.model.columns.map((c) => renderCell(row, c, ctx))}
    ${trendColumn ? html`<td class="trend">${first ? renderSparkline(row.trends[first.indicator.id], first.indicator.decimals, ctx) : nothing}</td>` : nothing}
  </tr>`;
}

/** The mark of a rate on a small count (and its key entry). */
export const SMALL_MARK = '*';
/** The mark of a rank whose interval overlaps a neighbour's. */
export const OVERLAP_MARK = '≈';

/** Cached number format with a sign (+1,2 / -1,2 / 0,0), for deviations. */
export const signedFormat = (locale: string, decimals: number) => numberFormat(locale, decimals, true);

/** A value cell's content: the number in the locale's format, the official symbol shown as such and said in words. */
export function renderValue(cell: Cell | undefined, decimals: number, ctx: ViewContext, minCount = 20): TemplateResult {
  const c = cell ?? { value: null, status: '.' };
  if (isMissing(c) || c.status === '-') {
    const symbol = (c.status || '.') as StatusSymbol;
    return html`<span class="symbol" aria-hidden="true">${symbol}</span
      ><span class="visually-hidden">${ctx.symbolLabel(symbol)}</span>`;
  }
  const n = numberFormat(ctx.locale, decimals).format(c.value as number);
  const small = c.small
    ? html`<span class="small-count" aria-hidden="true">${SMALL_MARK}</span
        ><span class="visually-hidden">, ${msg(messages, ctx.lang, 'smallCount', { n: minCount })}</span>`
    : nothing;
  if (!c.status) return html`<span class="n">${n}</span>${small}`;
  const said = html`<span class="visually-hidden">, ${ctx.symbolLabel(c.status)}</span>`;
  if (c.status === '()') return html`<span class="n">(${n})</span>${said}${small}`;
  return html`<span class="n">${n}</span><sup class="flag" aria-hidden="true">${c.status}</sup>${said}${small}`;
}

function renderDeviation(cell: DeviationCell | undefined, column: Column, row: Row, ctx: ViewContext): TemplateResult {
  if (!cell) return html``;
  if (row.id === ctx.model.base?.id && row.reference)
    return html`<span class="tone">${msg(messages, ctx.lang, 'baseValue')}</span>`;
  if (cell.value === null) return renderValue(cell, 0, ctx);
  const decimals = column.kind === 'deviation' && column.mode === 'percent' ? 1 : column.indicator.decimals;
  const n = signedFormat(ctx.locale, decimals).format(cell.value);
  const tone =
    cell.tone === 'better' || cell.tone === 'worse' || cell.tone === 'equal' ? msg(messages, ctx.lang, cell.tone) : '';
  return html`<span class="n">${n}</span>${tone ? html`<span class="tone">${tone}</span>` : nothing}`;
}

/** Geometry and text of each series' sparkline (computed once: scrolling renders rows again). */
const sparkCache = new WeakMap<TrendPoint[], { key: string; g: ReturnType<typeof sparkline>; label: string }>();

/** A small inline SVG of a series, with a text alternative ("Verlauf 2015–2024: von 8,1 auf 9,4"). */
export function renderSparkline(
  points: TrendPoint[] | undefined,
  decimals: number,
  ctx: ViewContext,
): TemplateResult | typeof nothing {
  if (ctx.noSparkline || !points || points.length < 2) return nothing;
  const key = `${ctx.lang}|${ctx.locale}|${decimals}`;
  let known = sparkCache.get(points);
  if (known?.key !== key) {
    const g = sparkline(points);
    const label =
      g?.first && g.end
        ? msg(messages, ctx.lang, 'trendLabel', {
            from: g.first.year,
            to: g.end.year,
            a: formatValue(g.first.value, g.first.status, decimals, ctx.locale),
            b: formatValue(g.end.value, g.end.status, decimals, ctx.locale),
          })
        : '';
    sparkCache.set(points, (known = { key, g, label }));
  }
  const { g, label } = known;
  if (!g || !label) return nothing;
  return html`<svg
    class="spark"
    part="sparkline"
    role="img"
    aria-label=${label}
    width=${g.width}
    height=${g.height}
    viewBox="0 0 ${g.width} ${g.height}"
  >
    ${g.d ? svg`<path d=${g.d}></path>` : nothing}
    ${g.dots.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="1.5"></circle>`)}
    ${g.last ? svg`<circle cx=${g.last.x} cy=${g.last.y} r="2.2"></circle>` : nothing}
  </svg>`;
}

/** One `<td>` for a column of a row. */
export function renderCell(row: Row, column: Column, ctx: ViewContext): TemplateResult {
  const cell = row.cells[column.key];
  if (column.kind === 'deviation') {
    const tone = (cell as DeviationCell | undefined)?.tone ?? 'neutral';
    return html`<td class="num deviation ${tone}">
      ${renderDeviation(cell as DeviationCell | undefined, column, row, ctx)}
    </td>`;
  }
  if (column.kind === 'rank') {
    if (row.reference) return html`<td class="num rank"></td>`;
    const r = cell as RankCell | undefined;
    const small = row.cells[column.of]?.small;
    const range =
      r?.range && r.range.best !== r.range.worst
        ? msg(messages, ctx.lang, 'rankRange', { best: r.range.best, worst: r.range.worst })
        : '';
    return html`<td class="num rank">
      ${renderValue(r ? { value: r.value, status: r.status } : undefined, 0, ctx)}${
        r?.overlap || small
          ? html`<span class="overlap" aria-hidden="true">${OVERLAP_MARK}</span
              ><span class="visually-hidden">, ${msg(messages, ctx.lang, 'overlap')}</span>`
          : nothing
      }${range ? html`<span class="visually-hidden">, ${range}</span>` : nothing}
    </td>`;
  }
  if (column.kind === 'interval') {
    const iv = cell?.interval;
    return html`<td class="num interval">
      ${iv ? intervalText(iv, column.indicator.decimals, ctx.locale) : nothing}
    </td>`;
  }
  const trend =
    ctx.model.mode === 'indicators'
      ? renderSparkline(row.trends[column.indicator.id], column.indicator.decimals, ctx)
      : nothing;
  return html`<td class="num value">
    <span class="cell"
      >${trend}<span class="v"
        >${renderValue(cell, column.indicator.decimals, ctx, column.indicator.minCount)}</span
      ></span
    >
  </td>`;
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
            ? html`<tbody class="references">
                ${refs.map((r, i) => renderRowOnce(r, i - refs.length, heads + i + 1, ctx))}
              </tbody>`
            : nothing
        }
        <tbody class="rows">
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
