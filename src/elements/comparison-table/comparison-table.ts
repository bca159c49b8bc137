import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { StatusSymbol } from '../../data/schema.js';
import { statusLabel } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { SelectionController } from '../../internal/selection.js';
import { common, msg } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import {
  renderToolbar,
  saveDownload,
  type Downloadable,
  type DownloadKind,
  type ImageFormat,
} from '../../internal/downloads.js';
import { styles } from './comparison-table.styles.js';
import { sortColumnKey, type Row, type SortDirection } from './table-model.js';
import { renderFilter, renderGrid, renderKey, type ViewContext } from './table-view.js';
import { previewShape, renderSkeleton } from './table-skeleton.js';
import { CatalogPreview } from '../../internal/catalog-preview.js';
import type { CsvFlavour } from './table-csv.js';
import { tableCsvText, tableFileBase, tableImage } from './table-export.js';
import { RowWindow } from './row-window.js';
import { prepareFormats } from '../../data/format.js';
import { rovingKey } from './table-keyboard.js';
import { attributeSort, nextSort, ShownRows, sortAnnouncement } from './table-order.js';
import { badNumber, highlightOf, loadTable, type TableArgs, type View } from './table-data.js';

/**
 * Compares regions across indicators (one year) or across years (one indicator), as a real,
 * sortable, filterable table with pinned reference rows, deviation, rank and sparklines.
 * Large tables (more than `windowThreshold` rows) render only the visible rows.
 *
 * Keyboard: the table's scroll region is one Tab stop; the arrow keys lead from it to the
 * rows (up/down, Home/End, PageUp/PageDown) and the column headers (left/right), Enter
 * highlights a region or sorts, Escape returns to the region. The first column stays in
 * view while the table scrolls sideways. Printed, the table shows all rows with a header
 * repeated on every page, without filter, sort arrows and download buttons.
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
 * @csspart toolbar - The download buttons (CSV for Excel, CSV for machines, PNG, SVG).
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-color-better - Colour of favourable deviations (text says it too).
 * @cssprop --fokus-color-worse - Colour of unfavourable deviations.
 * @cssprop --fokus-color-selected - Background of the selected row.
 * @cssprop --fokus-table-max-height - Height of the scroll area of large (windowed) tables; default 32rem.
 */
export class ComparisonTableElement extends FokusElement implements Downloadable {
  static override styles = [...FokusElement.styles, styles];

  // --- properties -----------------------------------------------------------------------

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
  /**
   * Show the 95 % confidence interval of each rate ("95 %-KI" column, from the numerator
   * count); rates on fewer cases than the indicator's `minCount` are marked either way.
   */
  @property({ type: Boolean, attribute: 'show-interval' }) showInterval = false;
  /** Hide the sparklines. */
  @property({ type: Boolean, attribute: 'no-sparkline' }) noSparkline = false;
  /** Hide the filter box. */
  @property({ type: Boolean, attribute: 'no-filter' }) noFilter = false;
  /** Hide the download buttons. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;
  /** Above this many rows only the visible rows are rendered (windowing). */
  @property({ type: Number, attribute: 'window-threshold' }) windowThreshold = 200;

  // --- state ----------------------------------------------------------------------------

  @state() private query = '';
  @state() private sortKey = '';
  @state() private sortDirection: SortDirection = 'descending';
  @state() private announcement = '';
  /** The compared rows in the current filter and order. */
  private shown = new ShownRows();
  /** The window of rendered rows (large tables), and print mode (all rows). */
  private rows = new RowWindow(this);
  /** The size of the coming table, from the catalog, for the skeleton. */
  private preview = new CatalogPreview(this, previewShape);

  private data = new DataTask(this, {
    args: (): TableArgs => ({
      endpoint: this.resolvedEndpoint,
      indicators: this.indicators,
      indicator: this.indicator,
      year: this.year,
      from: this.from,
      to: this.to,
      level: this.level,
      parent: this.parent,
      regions: this.regions,
      reference: this.reference,
      deviation: this.deviation,
      noRank: this.noRank,
      showInterval: this.showInterval,
      lang: this.uiLang,
      badNumber: badNumber(this),
    }),
    load: loadTable,
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

  // --- lifecycle ------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort') || changed.has('direction')) {
      ({ key: this.sortKey, direction: this.sortDirection } = attributeSort(this.sort, this.direction));
    }
    if (this.data.loading) {
      this.updatePreview();
      prepareFormats(this.locale);
    }
    const view = this.data.value;
    const extra = [this.uiLang, this.rows.printing];
    if (view && this.shown.update(view.model, this.query, this.sortKey, this.sortDirection, this.locale, extra))
      this.rows.reset(this.shown.rows.length, this.windowThreshold);
  }

  // --- downloads ------------------------------------------------------------------------

  /** Base of the download file names, e.g. `vergleich-geburtenrate-2024`; empty before the data. */
  get fileName(): string {
    return this.data.value ? tableFileBase(this.data.value) : '';
  }

  /** The rows shown (reference rows, then the current order and filter) as CSV with the source lines. */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.data.value ? tableCsvText(this.data.value, this.shown.rows, flavour, this.uiLang) : '';
  }

  /** The rows shown as an image (SVG text or PNG data URL) with caption and source lines. */
  async image(format: ImageFormat): Promise<string> {
    const v = this.data.value;
    return v ? tableImage(v, this.shown.rows, format, this.label || v.title, this.uiLang, this.locale) : '';
  }

  private onQuery = (query: string) => (this.query = query);

  private download = (kind: DownloadKind) =>
    saveDownload(this, kind, { 'excel-de': 'excel-de', machine: 'machine' }).catch((e: unknown) =>
      console.error('comparison-table: download failed', e),
    );

  // --- interaction ----------------------------------------------------------------------

  /** While loading: sizes the skeleton like the coming table (from the shared catalog). */
  private updatePreview(): void {
    this.preview.update(this.resolvedEndpoint, {
      indicators: this.indicators,
      indicator: this.indicator,
      level: this.level,
      parent: this.parent,
      regions: this.regions,
      reference: this.reference,
      deviation: !!this.deviation,
      rank: !this.noRank,
      windowThreshold: this.windowThreshold,
      sparkline: !this.noSparkline,
    });
  }

  private onSort(key: string): void {
    const view = this.data.value;
    if (!view) return;
    const next = nextSort(view.model, { key: this.sortKey, direction: this.sortDirection }, key);
    this.sortKey = next.key;
    this.sortDirection = next.direction;
    this.announcement = sortAnnouncement(view.model, next.key, next.direction, this.uiLang);
  }

  private select(row: Row): void {
    this.selected = row.id;
    const model = this.data.value!.model;
    const last = model.columns.filter((c) => c.kind === 'value').at(-1);
    this.dispatchEvent(new FokusSelectEvent({ region: row.id, year: last?.year, indicator: last?.indicator.id }));
    this.selection.select({ region: row.id });
  }

  /** Arrow keys, Home/End, PageUp/PageDown and Escape inside the scroll region (table-keyboard.ts). */
  private onKey(e: KeyboardEvent): Promise<void> {
    const view = this.data.value;
    const highlighted = view ? highlightOf(view, this.selected)?.id : undefined;
    return rovingKey(e, {
      scroller: this.rows.scrollerOf(),
      sorts: () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.sort')],
      references: view?.model.references.length ?? 0,
      shown: this.shown.rows.length,
      highlighted: highlighted ? this.shown.rows.findIndex((r) => r.id === highlighted) : -1,
      focusRow: (index) => this.focusRow(index),
    });
  }

  /** Focuses the region button of a row: `index` in the shown rows, negative for reference rows. */
  private async focusRow(index: number): Promise<void> {
    if (index >= 0 && this.rows.reveal(index)) await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button.region[data-index="${index}"]`)?.focus();
  }

  // --- render by state ------------------------------------------------------------------

  override render() {
    return this.data.render({
      skeleton: () => renderSkeleton(this.preview.value, { filter: !this.noFilter, toolbar: !this.noDownload }),
      skeletonKey: this.preview.value,
      complete: (view) => this.renderTable(view),
    });
  }

  private renderTable(view: View): TemplateResult {
    const lang = this.uiLang;
    const { model } = view;
    const match = highlightOf(view, this.selected);
    const ctx: ViewContext = {
      lang,
      locale: this.locale,
      model,
      sortKey: sortColumnKey(model, this.sortKey) ?? '',
      direction: this.sortDirection,
      symbolLabel: (s: StatusSymbol) => statusLabel(s, lang),
      noSparkline: this.noSparkline,
      selected: match?.id ?? '',
      selectedVia: match?.via,
      onSelect: (row) => this.select(row),
    };
    const shown = this.shown.rows;
    const windowed = this.rows.windowed;
    const drawn = this.rows.rendering();
    const { start, end } = windowed ? drawn : { start: 0, end: shown.length };
    return html`
      ${
        this.noFilter
          ? nothing
          : guard([lang, this.query, shown.length, model.rows.length], () =>
              renderFilter(lang, this.query, shown.length, model.rows.length, this.onQuery),
            )
      }
      ${renderGrid(ctx, {
        caption: this.label || view.title,
        shown,
        windowed,
        start,
        end,
        rowHeight: drawn.estimate,
        query: this.query,
        onScroll: (scroller) => this.rows.scrolled(scroller),
        onSort: (key) => this.onSort(key),
        onKey: (e) => void this.onKey(e),
      })}
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${renderKey(ctx, msg(common, lang, 'symbolKey'))}
      ${guard([view, lang], () => renderCaption(view.catalog, view.indicators, lang))}
      ${this.noDownload ? nothing : guard([lang], () => renderToolbar(lang, { download: this.download }))}
    `;
  }
}
