import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StatusSymbol } from '../../data/schema.js';
import { statusLabel } from '../../data/format.js';
import { getClient } from '../../data/client.js';
import { regionById } from '../../data/model.js';
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
import { applyStyles } from '../../internal/style-props.js';
import { messages } from './messages.js';
import { styles } from './comparison-table.styles.js';
import {
  defaultDirection,
  filterRows,
  matchSelected,
  NAME_KEY,
  sortColumnKey,
  sortRows,
  type Row,
  type SortDirection,
} from './table-model.js';
import { columnLabel, renderFilter, renderGrid, renderKey, type ViewContext } from './table-view.js';
import { previewShape, renderSkeleton, type PreviewShape } from './table-skeleton.js';
import type { CsvFlavour } from './table-csv.js';
import { tableCsvText, tableFileBase, tableImage } from './table-export.js';
import { RowWindow } from './row-window.js';
import { loadTable, type TableArgs, type View } from './table-data.js';

const NUMBER_ATTRIBUTES = ['year', 'from', 'to'] as const;

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
  /** True between `beforeprint` and `afterprint`: every row is rendered (no windowing). */
  @state() private printing = false;
  /** The size of the coming table, from the catalog, for the skeleton. */
  @state() private preview?: PreviewShape;
  private previewFor = '';
  private shown: Row[] = [];
  private shownFor?: unknown[];
  private rows = new RowWindow(this);

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
      badNumber: this.badNumber(),
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
      this.sortKey = this.sort;
      this.sortDirection =
        this.direction === 'ascending' || this.direction === 'descending'
          ? this.direction
          : defaultDirection(this.sort || NAME_KEY);
    }
    if (this.data.loading) this.updatePreview();
    const view = this.data.value;
    const key = [view, this.query, this.sortKey, this.sortDirection, this.uiLang, this.printing];
    if (view && (!this.shownFor || key.some((k, i) => k !== this.shownFor![i]))) {
      this.shownFor = key;
      const column = sortColumnKey(view.model, this.sortKey);
      const filtered = filterRows(view.model.rows, this.query);
      this.shown = column ? sortRows(filtered, column, this.sortDirection, this.locale) : filtered;
      this.rows.reset(this.shown.length, this.windowed, this.scroller);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onPrint);
    window.addEventListener('afterprint', this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.rows.disconnect();
    window.removeEventListener('beforeprint', this.onPrint);
    window.removeEventListener('afterprint', this.onPrint);
  }

  protected override updated(): void {
    // no measuring here (it would force a layout on every render and scroll): sizes come
    // from a ResizeObserver after layout
    const scroller = this.scroller;
    const table = this.renderRoot.querySelector('table[part=table]');
    this.rows.observe(
      {
        caption: table?.querySelector('caption') ?? null,
        head: table?.querySelector('thead') ?? null,
        references: table?.querySelector('tbody.references') ?? null,
        rows: table?.querySelector('tbody.rows') ?? null,
      },
      scroller,
      (px) => scroller && applyStyles(scroller, { '--_ref-top': `${px}px` }),
    );
  }

  // --- downloads ------------------------------------------------------------------------

  /** Base of the download file names, e.g. `vergleich-geburtenrate-2024`; empty before the data. */
  get fileName(): string {
    return this.data.value ? tableFileBase(this.data.value) : '';
  }

  /** The rows shown (reference rows, then the current order and filter) as CSV with the source lines. */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.data.value ? tableCsvText(this.data.value, this.shown, flavour, this.uiLang) : '';
  }

  /** The rows shown as an image (SVG text or PNG data URL) with caption and source lines. */
  async image(format: ImageFormat): Promise<string> {
    const v = this.data.value;
    return v ? tableImage(v, this.shown, format, this.label || v.title, this.uiLang, this.locale) : '';
  }

  private download = (kind: DownloadKind) =>
    saveDownload(this, kind, { 'excel-de': 'excel-de', machine: 'machine' }).catch((e: unknown) =>
      console.error('comparison-table: download failed', e),
    );

  // --- interaction ----------------------------------------------------------------------

  private get windowed(): boolean {
    return !this.printing && this.shown.length > this.windowThreshold;
  }

  private onPrint = (e: Event) => {
    this.printing = e.type === 'beforeprint';
  };

  /** `name=value` of the first of year/from/to that is not a whole number (the attribute text as given). */
  private badNumber(): string {
    for (const name of NUMBER_ATTRIBUTES) {
      const value = this[name];
      if (value !== undefined && value !== null && !Number.isInteger(value))
        return `${name}=${this.getAttribute(name) ?? String(value)}`;
    }
    return '';
  }

  /** While loading: reads the (shared, usually cached) catalog to size the skeleton like the table. */
  private updatePreview(): void {
    const endpoint = this.resolvedEndpoint;
    const shape = [endpoint, this.indicators, this.indicator, this.level, this.parent, this.regions, this.reference];
    const key = [...shape, this.deviation, this.noRank, this.noFilter, this.noSparkline, this.windowThreshold].join(
      '\u0000',
    );
    if (key === this.previewFor) return;
    this.previewFor = key;
    this.preview = undefined;
    getClient()
      .getCatalog(endpoint)
      .then((catalog) => {
        if (this.previewFor !== key) return;
        this.preview = previewShape(catalog, {
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
      })
      .catch(() => undefined); // the loader reports the error
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  private onSort(key: string): void {
    const view = this.data.value;
    if (!view) return;
    const current = sortColumnKey(view.model, this.sortKey);
    this.sortDirection =
      current === key ? (this.sortDirection === 'ascending' ? 'descending' : 'ascending') : defaultDirection(key);
    this.sortKey = key;
    const lang = this.uiLang;
    const column = view.model.columns.find((c) => c.key === key);
    const label =
      key === NAME_KEY || !column ? msg(messages, lang, 'region') : columnLabel(view.model, column, lang, true);
    this.announcement = msg(messages, lang, 'sortedBy', {
      column: label,
      direction: msg(messages, lang, this.sortDirection),
    });
  }

  private select(row: Row): void {
    this.selected = row.id;
    const model = this.data.value!.model;
    const last = model.columns.filter((c) => c.kind === 'value').at(-1);
    this.dispatchEvent(new FokusSelectEvent({ region: row.id, year: last?.year, indicator: last?.indicator.id }));
    this.selection.select({ region: row.id });
  }

  /**
   * Roving focus inside the scroll region: from the region, ArrowDown goes to the selected
   * (or first) row; on a row, up/down/Home/End/PageUp/PageDown move between the rows (also
   * to rows outside the window), ArrowUp on the top row goes to the column headers; on a
   * header, left/right/Home/End move between the headers, ArrowDown goes to the rows;
   * Escape returns to the region.
   */
  private async onKey(e: KeyboardEvent): Promise<void> {
    const target = e.target as HTMLElement;
    const scroller = this.scroller;
    if (!scroller) return;
    if (e.key === 'Escape' && target !== scroller) {
      e.preventDefault();
      scroller.focus();
      return;
    }
    const refs = this.data.value?.model.references.length ?? 0;
    const sorts = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.sort')];
    if (target === scroller) {
      if (e.key !== 'ArrowDown') return; // other keys scroll the region
      e.preventDefault();
      const index = this.shown.findIndex((r) => r.id === this.highlighted);
      await this.focusRow(index >= 0 ? index : this.shown.length ? 0 : -refs);
    } else if (target.matches('button.sort')) {
      const i = sorts.indexOf(target as HTMLButtonElement);
      const moves: Record<string, number> = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: sorts.length - 1 };
      if (e.key in moves) {
        e.preventDefault();
        sorts[Math.max(0, Math.min(sorts.length - 1, moves[e.key]))]?.focus();
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        await this.focusRow(refs ? -refs : 0);
      }
    } else if (target.matches('button.region[data-index]')) {
      const index = Number(target.dataset.index);
      const last = this.shown.length - 1;
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: -refs,
        End: last,
        PageDown: index + 10,
        PageUp: index - 10,
      };
      if (!(e.key in moves)) return;
      e.preventDefault();
      if (e.key === 'ArrowUp' && index === -refs) {
        sorts[0]?.focus();
        return;
      }
      await this.focusRow(Math.max(-refs, Math.min(last, moves[e.key])));
    }
  }

  /** Focuses the region button of a row: `index` in the shown rows, negative for reference rows. */
  private async focusRow(index: number): Promise<void> {
    if (index >= 0 && this.rows.reveal(index, this.scroller)) await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button.region[data-index="${index}"]`)?.focus();
  }

  /** The key of the highlighted row: the selected region's row, or the row that contains it. */
  private get highlighted(): string {
    return this.match()?.id ?? '';
  }

  private match(): { id: string; via: boolean } | undefined {
    const view = this.data.value;
    if (!view || !this.selected) return undefined;
    const ids = rowIds(view);
    return matchSelected(
      this.selected,
      (id) => ids.has(id),
      (id) => regionById(view.catalog, id)?.parent,
    );
  }

  // --- render by state ------------------------------------------------------------------

  override render() {
    return this.data.render({
      skeleton: () => renderSkeleton(this.preview, { filter: !this.noFilter, toolbar: !this.noDownload }),
      skeletonKey: this.preview,
      complete: (view) => this.renderTable(view),
    });
  }

  private renderTable(view: View): TemplateResult {
    const lang = this.uiLang;
    const { model } = view;
    const match = this.match();
    const ctx: ViewContext = {
      lang,
      locale: this.locale,
      model,
      sortKey: sortColumnKey(model, this.sortKey) ?? '',
      direction: this.sortDirection,
      symbolLabel: (s: StatusSymbol) => statusLabel(s, lang),
      noSparkline: this.noSparkline,
      selected: match?.id ?? '',
      selectedVia: match?.via ? regionById(view.catalog, this.selected)?.name : undefined,
      onSelect: (row) => this.select(row),
    };
    const windowed = this.windowed;
    const drawn = this.rows.rendering();
    const { start, end } = windowed ? drawn : { start: 0, end: this.shown.length };
    return html`
      ${
        this.noFilter
          ? nothing
          : renderFilter(lang, this.query, this.shown.length, model.rows.length, (q) => (this.query = q))
      }
      ${renderGrid(ctx, {
        caption: this.label || view.title,
        shown: this.shown,
        windowed,
        start,
        end,
        rowHeight: drawn.estimate,
        query: this.query,
        onScroll: (scroller) => this.rows.update(scroller),
        onSort: (key) => this.onSort(key),
        onKey: (e) => void this.onKey(e),
      })}
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${renderKey(ctx, msg(common, lang, 'symbolKey'))} ${renderCaption(view.catalog, view.indicators, lang)}
      ${this.noDownload ? nothing : renderToolbar(lang, { download: this.download })}
    `;
  }
}

const rowIdCache = new WeakMap<View, Set<string>>();
/** The keys of a view's rows (reference and compared). */
function rowIds(view: View): Set<string> {
  let ids = rowIdCache.get(view);
  if (!ids) rowIdCache.set(view, (ids = new Set([...view.model.references, ...view.model.rows].map((r) => r.id))));
  return ids;
}
