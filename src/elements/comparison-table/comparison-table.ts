import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StatusSymbol } from '../../data/schema.js';
import { statusLabel } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { SelectionController } from '../../internal/selection.js';
import { common, msg } from '../../internal/i18n.js';
import { captionLines, renderCaption } from '../../internal/caption.js';
import { saveFile, fileName } from '../../internal/download.js';
import { messages } from './messages.js';
import { styles } from './comparison-table.styles.js';
import {
  defaultDirection,
  filterRows,
  NAME_KEY,
  sortRows,
  type Row,
  type SortDirection,
  type TableModel,
} from './table-model.js';
import { columnLabel, headerRowCount, renderHead, renderKey, renderRow, type ViewContext } from './table-view.js';
import { csvLabels, tableCsv, type CsvFlavour } from './table-csv.js';
import { windowSlice } from './windowing.js';
import { loadTable, type TableArgs, type View } from './table-data.js';

/**
 * Compares regions across indicators (one year) or across years (one indicator), as a real,
 * sortable, filterable table with pinned reference rows, deviation, rank and sparklines.
 * Large tables (more than `windowThreshold` rows) render only the visible rows.
 *
 * @tag comparison-table
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year indicator`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - The table shows data; `detail.count` is the number of compared regions.
 * @fires fokus-error - The table shows an error; `detail.code` says what went wrong.
 * @fires fokus-select - A region row was activated (click or Enter/Space on its name).
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell.
 * @csspart filter - The filter input.
 * @csspart sparkline - Each trend line.
 * @csspart key - The key to symbols and notes under the table.
 * @csspart caption - Source, licence and attribution lines.
 * @csspart toolbar - The download buttons.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-color-better - Colour of favourable deviations (text says it too).
 * @cssprop --fokus-color-worse - Colour of unfavourable deviations.
 * @cssprop --fokus-color-selected - Background of the selected row.
 * @cssprop --fokus-table-max-height - Height of the scroll area of large (windowed) tables; default 32rem.
 */
export class ComparisonTableElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Indicator ids, comma-separated: regions x indicators for one `year` (default mode). */
  @property() indicators = '';
  /** One indicator id: regions x years from `from` to `to` (takes precedence over `indicators`). */
  @property() indicator = '';
  /** Year of the indicators mode; default: the latest year with data. */
  @property({ type: Number }) year?: number;
  /** First year of the years mode; default: the first year of the indicator. */
  @property({ type: Number }) from?: number;
  /** Last year of the years mode; default: the last year of the indicator. */
  @property({ type: Number }) to?: number;
  /** Level of the compared regions: `gemeinde` (default), `amt`, `kreis` or `land`. */
  @property() level = 'gemeinde';
  /** Region key whose regions of `level` are compared, e.g. `01056`; default: all of the level. */
  @property() parent = '';
  /** An explicit list of region keys to compare instead of `level`/`parent`. */
  @property() regions = '';
  /** Region keys pinned on top as reference rows, e.g. `01056,01`. */
  @property() reference = '';
  /** Deviation from the first reference region: `absolute` or `percent`; none by default. */
  @property() deviation = '';
  /** Sort column: `name`, an indicator id, a year, or `rank:<indicator>`; default: official order. */
  @property() sort = '';
  /** Sort direction: `ascending` or `descending`; default depends on the column. */
  @property() direction = '';
  /** Key of the highlighted region; set by a click and by other elements of the same `group`. */
  @property({ reflect: true }) selected = '';
  /** Caption text; default: built from the regions, indicator and years. */
  @property() label = '';
  /** Hide the rank columns. */
  @property({ type: Boolean, attribute: 'no-rank' }) noRank = false;
  /** Hide the sparklines. */
  @property({ type: Boolean, attribute: 'no-sparkline' }) noSparkline = false;
  /** Hide the filter box. */
  @property({ type: Boolean, attribute: 'no-filter' }) noFilter = false;
  /** Hide the download buttons. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;
  /** Above this many rows only the visible rows are rendered (windowing). */
  @property({ type: Number, attribute: 'window-threshold' }) windowThreshold = 200;

  @state() private query = '';
  @state() private sortKey = '';
  @state() private sortDirection: SortDirection = 'descending';
  @state() private slice = { start: 0, end: 0 };
  @state() private announcement = '';
  private rowHeight = 0;
  private rowsTop = 0;
  private shown: Row[] = [];
  private shownFor?: unknown[];

  private data = new DataTask<TableArgs, View>(this, {
    args: () =>
      [
        this.resolvedEndpoint,
        this.indicators,
        this.indicator,
        this.year,
        this.from,
        this.to,
        this.level,
        this.parent,
        this.regions,
        this.reference,
        this.deviation,
        this.noRank,
        this.uiLang,
      ] as const,
    load: (args, { signal, client }) => loadTable(client, args, signal),
    describe: (v: View) => ({ indicators: v.indicators.map((i) => i.id), count: v.model.rows.length }),
  });

  /**
   * Linked views: the group's region is highlighted; its year is shown in the indicators
   * mode and its indicator in the years mode (narrow with `link`, e.g. `link="region"`).
   */
  private selection = new SelectionController(this, {
    keys: ['region', 'year', 'indicator'],
    apply: (s, changed) => {
      if (changed.includes('region') && s.region) this.selected = s.region;
      if (changed.includes('year') && s.year && !this.indicator) this.year = s.year;
      if (changed.includes('indicator') && s.indicator && this.indicator) this.indicator = s.indicator;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort') || changed.has('direction')) {
      this.sortKey = this.sort;
      this.sortDirection =
        this.direction === 'ascending' || this.direction === 'descending'
          ? this.direction
          : defaultDirection(this.sort || NAME_KEY);
    }
    const view = this.data.value;
    const key = [view, this.query, this.sortKey, this.sortDirection, this.uiLang];
    if (view && (!this.shownFor || key.some((k, i) => k !== this.shownFor![i]))) {
      this.shownFor = key;
      const column = this.resolveSortKey(view.model, this.sortKey);
      const filtered = filterRows(view.model.rows, this.query);
      this.shown = column ? sortRows(filtered, column, this.sortDirection, this.locale) : filtered;
      this.updateSlice();
    }
  }

  /** Maps the `sort` attribute (`name`, an indicator id, a year, `rank:<id>`, a column key) to a column key. */
  private resolveSortKey(model: TableModel, sort: string): string | undefined {
    if (!sort) return undefined;
    if (sort === NAME_KEY) return NAME_KEY;
    const direct = model.columns.find((c) => c.key === sort);
    if (direct) return direct.key;
    const [kind, id] = sort.includes(':') ? sort.split(':') : ['value', sort];
    const matches = model.columns.filter((c) => c.kind === kind && (c.indicator.id === id || String(c.year) === id));
    return matches[matches.length - 1]?.key;
  }

  private get windowed(): boolean {
    return this.shown.length > this.windowThreshold;
  }

  private updateSlice(scroller = this.renderRoot?.querySelector<HTMLElement>('.scroller')): void {
    if (!this.windowed) {
      this.slice = { start: 0, end: this.shown.length };
      return;
    }
    const rowHeight = this.rowHeight || 32;
    const top = scroller?.scrollTop ?? 0;
    const viewport = scroller?.clientHeight || 512;
    const s = windowSlice(this.shown.length, top - this.rowsTop, viewport, rowHeight, 10);
    // At the very bottom, always include the last rows (estimated heights may be a little off).
    if (scroller && top + viewport >= scroller.scrollHeight - 2) s.end = this.shown.length;
    if (s.start !== this.slice.start || s.end !== this.slice.end) this.slice = { start: s.start, end: s.end };
  }

  private onScroll = (e: Event) => this.updateSlice(e.currentTarget as HTMLElement);

  protected override updated(): void {
    const root = this.renderRoot;
    // Sizes through the CSSOM only: style attributes are blocked by a strict CSP.
    const scroller = root.querySelector<HTMLElement>('.scroller');
    const thead = root.querySelector<HTMLElement>('thead');
    if (scroller && thead) scroller.style.setProperty('--_ref-top', `${thead.offsetHeight}px`);
    root
      .querySelectorAll<HTMLTableCellElement & { spacerHeight: number }>('tr.spacer td')
      .forEach((td) => (td.style.height = `${td.spacerHeight}px`));
    const rendered = root.querySelectorAll<HTMLElement>('tbody.rows tr[aria-rowindex]');
    const rows = root.querySelector<HTMLElement>('tbody.rows');
    if (rendered.length > 1 && rows && this.windowed) {
      // Average height over the rendered rows: single rows differ by fractions of a pixel.
      const first = rendered[0].getBoundingClientRect();
      const last = rendered[rendered.length - 1].getBoundingClientRect();
      const measured = (last.bottom - first.top) / rendered.length;
      const top = rows.offsetTop;
      if (Math.abs(measured - this.rowHeight) > 1 || top !== this.rowsTop) {
        this.rowHeight = measured;
        this.rowsTop = top;
        this.updateSlice();
      }
    }
  }

  private onSort(key: string): void {
    const view = this.data.value;
    if (!view) return;
    const current = this.resolveSortKey(view.model, this.sortKey);
    this.sortDirection =
      current === key ? (this.sortDirection === 'ascending' ? 'descending' : 'ascending') : defaultDirection(key);
    this.sortKey = key;
    const label =
      key === NAME_KEY
        ? msg(messages, this.uiLang, 'region')
        : columnLabel(
            view.model,
            view.model.columns.find((c) => c.key === key)!,
            this.uiLang,
            true,
          );
    this.announcement = msg(messages, this.uiLang, 'sortedBy', {
      column: label,
      direction: msg(messages, this.uiLang, this.sortDirection),
    });
  }

  private onFilter(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private select(row: Row): void {
    this.selected = row.id;
    const model = this.data.value!.model;
    const last = model.columns.filter((c) => c.kind === 'value').at(-1);
    this.dispatchEvent(new FokusSelectEvent({ region: row.id, year: last?.year, indicator: last?.indicator.id }));
    this.selection.select({ region: row.id });
  }

  /** Arrow keys, Home and End move between the region buttons over all rows (also off-window ones). */
  private async onRowKey(e: KeyboardEvent, index: number): Promise<void> {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: this.shown.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const target = Math.max(0, Math.min(this.shown.length - 1, moves[e.key]));
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (this.windowed && scroller && (target < this.slice.start || target >= this.slice.end)) {
      scroller.scrollTop = this.rowsTop + target * this.rowHeight - scroller.clientHeight / 2;
      this.updateSlice(scroller);
      await this.updateComplete;
    }
    this.renderRoot.querySelector<HTMLElement>(`button.region[data-index="${target}"]`)?.focus();
  }

  private download(view: View, flavour: CsvFlavour): void {
    const rows = [...view.model.references, ...this.shown];
    const lang = this.uiLang;
    const text = tableCsv(
      view.model,
      rows,
      flavour,
      csvLabels(view.model, lang),
      captionLines(view.catalog, view.indicators, lang),
    );
    const years = [...new Set(view.model.columns.filter((c) => c.kind === 'value').map((c) => c.year))];
    saveFile(
      fileName(
        [
          'vergleich',
          ...view.indicators.map((i) => i.id),
          years[0],
          years.length > 1 ? years.at(-1) : undefined,
          flavour,
        ],
        'csv',
      ),
      text,
      'text/csv;charset=utf-8',
    );
  }

  private renderTable(view: View): TemplateResult {
    const lang = this.uiLang;
    const ctx: ViewContext = {
      lang,
      locale: this.locale,
      model: view.model,
      sortKey: this.resolveSortKey(view.model, this.sortKey) ?? '',
      direction: this.sortDirection,
      symbolLabel: (s: StatusSymbol) => statusLabel(s, lang),
      noSparkline: this.noSparkline,
      selected: this.selected,
      onSelect: (row) => this.select(row),
      onRowKey: (e, index) => void this.onRowKey(e, index),
    };
    const heads = headerRowCount(ctx);
    const refs = view.model.references;
    const total = view.model.rows.length;
    const width = 1 + view.model.columns.length + (view.model.mode === 'years' && !this.noSparkline ? 1 : 0);
    const windowed = this.windowed;
    const { start, end } = windowed ? this.slice : { start: 0, end: this.shown.length };
    const rowH = this.rowHeight || 32;
    const count = this.query
      ? msg(messages, lang, 'rowCountFiltered', { shown: this.shown.length, count: total })
      : msg(messages, lang, 'rowCount', { count: total });
    return html`
      ${
        this.noFilter
          ? nothing
          : html`<div class="controls">
              <label for="filter">${msg(messages, lang, 'filterLabel')}</label>
              <input
                id="filter"
                type="search"
                part="filter"
                autocomplete="off"
                placeholder=${msg(messages, lang, 'filterPlaceholder')}
                .value=${this.query}
                @input=${this.onFilter}
              />
              <span class="count" role="status">${count}</span>
            </div>`
      }
      <div
        class="scroller ${windowed ? 'windowed' : ''}"
        tabindex=${windowed ? 0 : nothing}
        role=${windowed ? 'region' : nothing}
        aria-labelledby=${windowed ? 'cap' : nothing}
        @scroll=${this.onScroll}
      >
        <table part="table" aria-rowcount=${heads + refs.length + this.shown.length}>
          <caption id="cap">
            ${this.label || view.title}
          </caption>
          ${renderHead(ctx, (key) => this.onSort(key))}
          ${
            refs.length
              ? html`<tbody class="references">
                  ${refs.map((r, i) => renderRow(r, -1, heads + i + 1, ctx))}
                </tbody>`
              : nothing
          }
          <tbody class="rows">
            ${
              start > 0
                ? html`<tr class="spacer before" aria-hidden="true">
                    <td colspan=${width} .spacerHeight=${start * rowH}></td>
                  </tr>`
                : nothing
            }
            ${repeat(
              this.shown.slice(start, end),
              (row) => row.id,
              (row, i) => renderRow(row, start + i, heads + refs.length + start + i + 1, ctx),
            )}
            ${
              end < this.shown.length
                ? html`<tr class="spacer after" aria-hidden="true">
                    <td colspan=${width} .spacerHeight=${(this.shown.length - end) * rowH}></td>
                  </tr>`
                : nothing
            }
          </tbody>
        </table>
        ${this.shown.length === 0 ? html`<p class="nomatch">${msg(messages, lang, 'noMatch', { query: this.query })}</p>` : nothing}
      </div>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${renderKey(ctx, msg(common, lang, 'symbolKey'))} ${renderCaption(view.catalog, view.indicators, lang)}
      ${
        this.noDownload
          ? nothing
          : html`<div class="toolbar" part="toolbar">
              <button type="button" data-csv="excel-de" @click=${() => this.download(view, 'excel-de')}>
                ${msg(common, lang, 'csvExcel')}
              </button>
              <button type="button" data-csv="machine" @click=${() => this.download(view, 'machine')}>
                ${msg(common, lang, 'csvMachine')}
              </button>
            </div>`
      }
    `;
  }

  override render() {
    return this.data.render({
      skeleton: () =>
        html`<div class="skeleton skeleton-row short"></div>
          ${Array.from({ length: 10 }, () => html`<div class="skeleton skeleton-row"></div>`)}`,
      complete: (view) => this.renderTable(view),
    });
  }
}
