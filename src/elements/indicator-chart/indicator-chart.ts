import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CsvFlavour } from '../../data/csv.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { styleProps } from '../../internal/style-props.js';
import { DataTask } from '../../internal/data-task.js';
import { DrawController, reportDrawError, type DrawJob } from '../../internal/draw-controller.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { SelectionController } from '../../internal/selection.js';
import { renderCaption } from '../../internal/caption.js';
import { widthOf } from '../../internal/skeleton.js';
import {
  renderToolbar,
  saveDownload,
  type Downloadable,
  type DownloadKind,
  type ImageFormat,
} from '../../internal/downloads.js';
import { CHART_TYPES, chartKeyAction, t, type ChartType } from './chart-model.js';
import { buildChartSpec, legendColumns, NUMBER_LOCALES } from './chart-spec.js';
import { statusLabel } from '../../data/format.js';
import { chartTable, describeChart } from './chart-text.js';
import { ChartView, chartImage } from './vega-view.js';
import { prepareFormats } from '../../data/format.js';
import { chartToggles, readTheme, renderNotes, renderTable } from './chart-parts.js';
import { chartArgs, chartCsv, chartFileBase, followSelection, loadChart, type ChartData } from './chart-data.js';
import { ChartTooltip } from './chart-tooltip.js';
import { chartMinHeight, renderChartSkeleton } from './chart-skeleton.js';
import { CatalogPreview, captionPreview } from '../../internal/catalog-preview.js';
import { styles } from './indicator-chart.styles.js';

/**
 * One indicator over time (`line`), regions ranked for one year (`bar`) or the categories
 * of a breakdown such as age groups (`column`), drawn with Vega (templates compiled from Vega-Lite at build time), with reference regions,
 * official value symbols, a German description, a data table and downloads.
 *
 * @tag indicator-chart
 * @fires fokus-load - After the chart has been drawn; `detail: { indicators, count }` (count = drawn values).
 * @fires fokus-error - When the chart cannot be shown; `detail: { code, message, error }`.
 * @fires fokus-select - When a region is clicked or chosen with Enter; `detail: { region, year, indicator }`.
 * @attr link - Linked views: the keys of the group's selection this chart follows (`region year indicator`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @csspart title - The heading (`label`, default the indicator's label).
 * @csspart chart - The focusable chart area (arrow keys step through the values).
 * @csspart tooltip - The tooltip of a mark.
 * @csspart toolbar - The row of buttons: table, definition, then the downloads (CSV for Excel, CSV for machines, PNG, SVG).
 * @csspart table - The data table.
 * @csspart definition - The indicator's definition.
 * @csspart caption - Source, licence and data year.
 * @csspart loading - The skeleton while loading.
 * @csspart empty - The "no data" message.
 * @csspart error - The error message.
 * @cssprop --fokus-color-accent - Colour of the main region.
 * @cssprop --fokus-color-reference - Colour of the reference regions.
 * @cssprop --fokus-chart-other - Colour of the other regions of a ranking (default #8fa3b8).
 * @cssprop --fokus-chart-grid - Colour of the grid lines (default #e4e7eb).
 * @cssprop --fokus-chart-reference-light - Colour of every second reference region (default #86929e).
 */
export class IndicatorChartElement extends FokusElement implements Downloadable {
  static override styles = [...FokusElement.styles, styles];

  // --- properties -----------------------------------------------------------------------

  /** Indicator id from the catalog, or a breakdown id (then the chart shows columns). */
  @property() indicator = '';
  /** `line` (time series, default), `bar` (regions ranked for one year) or `column` (categories). */
  @property() type: ChartType = 'line';
  /** One or more region keys, separated by commas or spaces (e.g. `01056015`). */
  @property() region = '';
  /** Reference regions drawn distinct (dashed lines, rules), e.g. `01056,01`. */
  @property() compare = '';
  /** With `parent`: show all regions of this level (`land`, `kreis`, `amt`, `gemeinde`). */
  @property() level = '';
  /** With `level`: the region whose descendants are shown, e.g. `01056`. */
  @property() parent = '';
  /** First year of a time series. */
  @property({ type: Number }) from?: number;
  /** Last year of a time series. */
  @property({ type: Number }) to?: number;
  /** The year of a bar or column chart; default the latest year with data. */
  @property({ type: Number }) year?: number;
  /**
   * Heading; default a title naming indicator, regions and period ("Geburtenrate in Elmshorn,
   * 2010–2024", "Geburtenrate 2024: Gemeinden im Kreis Pinneberg").
   */
  @property() label = '';
  /** Height of the plot area in pixels; default 260 (bars: 24 per region). */
  @property({ type: Number }) height?: number;
  /** Hides the data-table button. */
  @property({ type: Boolean, attribute: 'no-table' }) noTable = false;
  /** Hides the source and licence caption (keep it somewhere else on the page). */
  @property({ type: Boolean, attribute: 'no-source' }) noSource = false;
  /**
   * Hides the 95 % confidence intervals (band or whiskers), shown by default where the
   * indicator's file carries its numerator and denominator counts.
   */
  @property({ type: Boolean, attribute: 'no-interval' }) noInterval = false;

  // --- state ----------------------------------------------------------------------------

  @state() private showTable = false;
  @state() private showDefinition = false;
  @state() private active?: string;
  private tooltip = new ChartTooltip(this);
  private selected?: string;
  private width = 0;
  private view = new ChartView();

  private data = new DataTask(this, {
    drawn: true,
    args: () => chartArgs(this),
    load: loadChart,
    describe: (v: ChartData) => ({ indicators: v.model.indicatorIds, count: v.model.count }),
  });

  /** Vega draws asynchronously: stale draws are dropped, the view follows the width, `fokus-load` once painted. */
  private drawing = new DrawController<ChartData>(this, {
    value: () => this.data.shown,
    container: () => this.renderRoot.querySelector<HTMLElement>('.vega'),
    draw: (job) => this.draw(job),
    resize: (_job, width) => {
      const before = this.width;
      this.width = width;
      if (legendColumns(width) === legendColumns(before)) void this.view.resize(width);
      else this.drawing.redraw();
    },
    teardown: () => this.view.finalize(),
    painted: (v) => void this.data.announceLoad(v, true),
    failed: (error) => this.drawFailed(error),
  });

  /**
   * A failed draw or download is reported (reportDrawError stays silent while the page is
   * being left), unless the element was removed meanwhile: then nobody sees the chart.
   */
  private drawFailed(error: unknown): void {
    if (this.isConnected) reportDrawError(this, error);
  }

  /**
   * Linked views (`group`): the group's region is highlighted (a line or column chart that
   * does not show it takes it as its region), its year is shown by bar and column charts,
   * its indicator by every chart except a breakdown's columns. `link` narrows what is followed.
   */
  private selection = new SelectionController(this, {
    keys: ['region', 'year', 'indicator'],
    apply: (s, changed) => {
      const follow = followSelection(this.data.value, this, s, changed);
      if (follow.region) this.region = follow.region;
      if (follow.year) this.year = follow.year;
      if (follow.indicator) this.indicator = follow.indicator;
      if (follow.highlight) this.highlight(follow.highlight);
    },
  });

  /** While loading: the catalog's caption, so the skeleton reserves its lines. */
  private preview = new CatalogPreview(this, captionPreview);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data.loading) {
      this.preview.update(this.resolvedEndpoint, this.indicator);
      // the template the chart will most likely be drawn with, made ready while the data load
      const type = CHART_TYPES.find((c) => c === (this.type || 'line').trim().toLowerCase());
      if (type) this.view.prepare(type, NUMBER_LOCALES[this.uiLang]);
      prepareFormats(this.locale);
    }
  }

  // --- downloads ------------------------------------------------------------------------

  /** Base of the download file names, e.g. `geburtenrate-2019-2023`; empty before the data. */
  get fileName(): string {
    return this.data.value ? chartFileBase(this.data.value.model) : '';
  }

  /** The data as CSV: `excel-de` (`;`, decimal comma, BOM, then the source lines) or `machine` (data only). */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.data.value ? chartCsv(this.data.value, flavour) : '';
  }

  /** The chart as an SVG text or PNG data URL, with title, source and licence. */
  async image(format: ImageFormat): Promise<string> {
    const v = this.data.value;
    if (!v) return '';
    const width = Math.max(480, this.renderRoot.querySelector('.plot')?.clientWidth ?? 640);
    return chartImage(v, format, { width, height: this.height, theme: readTheme(this) });
  }

  private download = (kind: DownloadKind) =>
    saveDownload(this, kind, { machine: 'data' }).catch((error: unknown) => this.drawFailed(error));

  // --- drawing --------------------------------------------------------------------------

  private async draw({ container, value, redraw, current }: DrawJob<ChartData>): Promise<boolean> {
    if (!redraw) {
      this.active = undefined;
      this.tooltip.hide();
    }
    const width = container.clientWidth || 600;
    this.width = width;
    const spec = buildChartSpec(value.model, { width, height: this.height, theme: readTheme(this) });
    if (!(await this.view.draw(container, spec, this.tooltip.onHover)) || !current()) return false;
    this.view.onClick((d, event) => this.onMarkClick(d, event));
    if (this.selected) await this.view.signal('selected', this.selected);
    return true;
  }

  // --- interaction ----------------------------------------------------------------------

  /**
   * A click or tap: on a mark it shows the mark's tooltip (touch has no hover) and selects its
   * region; elsewhere in the chart it hides the tooltip.
   */
  private onMarkClick(d: Record<string, unknown> | undefined, event: MouseEvent): void {
    const tip = typeof d?.tip === 'string' ? d.tip : '';
    this.tooltip.showAt(tip, event);
    if (tip && typeof d?.region === 'string' && d.region) this.select(d.region, d.year as number);
  }

  private select(region: string, year?: number): void {
    this.highlight(region);
    this.selection.select({ region, ...(year ? { year } : {}) });
    const indicator = this.data.value?.model.indicatorIds[0];
    const event = new FokusSelectEvent({ region, ...(year ? { year } : {}), ...(indicator ? { indicator } : {}) });
    this.dispatchEvent(event);
  }

  /** Highlights a region (line, bar or column of it) without publishing it. */
  private highlight(region: string): void {
    this.selected = region;
    void this.view.signal('selected', region);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const model = this.data.value?.model;
    const action = model && chartKeyAction(model, this.active, e.key);
    if (!action) return;
    if ('clear' in action) return void this.setActive(undefined);
    e.preventDefault();
    if ('select' in action) this.select(action.select.region, action.select.year);
    else void this.setActive(action.move);
  }

  /** Moves the keyboard's active mark and puts the tooltip over it. */
  private async setActive(key: string | undefined): Promise<void> {
    this.active = key;
    await this.view.signal('active', key ?? null);
    const row = this.data.value?.model.rows.find((r) => r.key === key);
    if (row) this.tooltip.showAtMark(row.tip, key ? this.view.markBox(key) : undefined);
    else this.tooltip.hide();
  }

  // --- render by state ------------------------------------------------------------------

  override render() {
    const v = this.data.value;
    if (v && !this.data.loading && v.model.count === 0 && v.model.allMissing) {
      const symbol = v.model.allMissing;
      const label = statusLabel(symbol, v.model.lang);
      return html`${this.renderTitle(v.model.title)}
        <div class="state empty" role="status" part="empty">${t(v.model.lang, 'allMissing', { symbol, label })}</div>`;
    }
    return this.data.render({
      skeleton: () => renderChartSkeleton(this, widthOf(this) || 600, this.preview.value),
      skeletonKey: this.preview.value,
      complete: (v) => this.renderChart(v),
    });
  }

  private renderChart(v: ChartData) {
    const { model } = v;
    const lang = model.lang;
    const activeRow = model.rows.find((r) => r.key === this.active);
    const minHeight = chartMinHeight(model, this.width || widthOf(this) || 600, this.height);
    return html`<figure aria-labelledby="title">
      ${this.renderTitle(model.title)}
      <div class="plot-wrap">
        <div
          class="plot"
          part="chart"
          tabindex="0"
          role="group"
          aria-roledescription=${t(lang, 'chart')}
          aria-labelledby="title"
          aria-describedby="description key-hint"
          @keydown=${this.onKeyDown}
          @blur=${() => this.setActive(undefined)}
          @mouseleave=${() => this.tooltip.hide()}
        >
          <div class="vega" aria-hidden="true" style=${styleProps({ 'min-height': `${minHeight}px` })}></div>
        </div>
        ${this.tooltip.render()}
      </div>
      <p id="description" class="visually-hidden">${describeChart(model)}</p>
      <p id="key-hint" class="visually-hidden">${t(lang, 'keyHint')}</p>
      <div class="visually-hidden" aria-live="polite">${activeRow?.tip ?? ''}</div>
      ${renderNotes(model)}
      ${renderToolbar(lang, {
        toggles: chartToggles(lang, {
          table: this.noTable ? undefined : this.showTable,
          definition: model.definition ? this.showDefinition : undefined,
          toggleTable: () => (this.showTable = !this.showTable),
          toggleDefinition: () => (this.showDefinition = !this.showDefinition),
        }),
        download: this.download,
      })}
      ${this.showDefinition ? html`<p id="definition" class="definition" part="definition">${model.definition}</p>` : nothing}
      ${this.showTable && !this.noTable ? renderTable(chartTable(model), lang) : nothing}
      ${this.noSource ? nothing : renderCaption(v.catalog, v.indicators, lang)}
    </figure>`;
  }
}
