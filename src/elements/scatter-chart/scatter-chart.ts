import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CsvFlavour } from '../../data/csv.js';
import { formatValue } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { styleProps } from '../../internal/style-props.js';
import { DataTask } from '../../internal/data-task.js';
import { reportDrawError } from '../../internal/draw-controller.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { SelectionController } from '../../internal/selection.js';
import { common, msg } from '../../internal/i18n.js';
import { captionLines, renderCaption } from '../../internal/caption.js';
import { svgToPng } from '../../internal/svg-image.js';
import {
  blobToDataUrl,
  renderToolbar,
  saveDownload,
  type Downloadable,
  type DownloadKind,
  type ImageFormat,
} from '../../internal/downloads.js';
import { messages } from './messages.js';
import { styles } from './scatter-chart.styles.js';
import { MOVE_KEYS, nextPoint } from './scatter-model.js';
import {
  loadScatter,
  pointText,
  scatterCsv,
  scatterFileBase,
  type ScatterArgs,
  type ScatterData,
} from './scatter-data.js';
import { geometry, plotDocument, plotTemplate } from './scatter-view.js';

/**
 * Two indicators against each other for all regions of a level (e.g. birth rate against the
 * share aged 65 and over), drawn as plain SVG: the selected region highlighted and named,
 * regions whose rates rest on small counts drawn hollow, a careful sentence on the
 * association (Pearson and Spearman with n, no causal wording), the regions as a table.
 * Keyboard: one tab stop; arrow keys move between points, the tooltip follows, Enter selects.
 *
 * @tag scatter-chart
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year`, default both).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - After the plot has been rendered; `detail: { indicators, count }` (count = points).
 * @fires fokus-error - When the plot cannot be shown; `detail: { code, message, error }`.
 * @fires fokus-select - When a point is clicked or chosen with Enter; `detail: { region, year }`.
 * @csspart title - The heading (`label`, default "y by x").
 * @csspart chart - The focusable plot area.
 * @csspart tooltip - The tooltip of the hovered or focused point.
 * @csspart association - The sentence on the association.
 * @csspart notes - Notes: no causes, small counts, regions left out.
 * @csspart toolbar - The table toggle and the downloads (CSV for Excel, CSV for machines, PNG, SVG).
 * @csspart table - The table of the regions.
 * @csspart caption - Source, licence and data year.
 * @csspart loading - The skeleton while loading.
 * @csspart empty - The "no data" message.
 * @csspart error - The error message.
 * @cssprop --fokus-chart-grid - Colour of the grid lines (default #e4e7eb).
 * @cssprop --fokus-color-selected - Background of the selected row in the table.
 */
export class ScatterChartElement extends FokusElement implements Downloadable {
  static override styles = [...FokusElement.styles, styles];

  // --- properties -----------------------------------------------------------------------

  /** Indicator id of the x axis, e.g. `geburtenrate` (required). */
  @property() x = '';
  /** Indicator id of the y axis, e.g. `anteil-65plus` (required). */
  @property() y = '';
  /** Level of the regions: `gemeinde` (default), `amt`, `kreis` or `land`. */
  @property() level = 'gemeinde';
  /** The region whose regions of `level` are shown, e.g. `01056`; default all of the level. */
  @property() parent = '';
  /** The year; default the latest in which both indicators have values. Follows the group's `year`. */
  @property({ type: Number }) year?: number;
  /** Heading; default "<y> nach <x>". */
  @property() label = '';
  /** Key of the selected region (highlighted); set by a click and by the group's `region`. */
  @property({ reflect: true }) selected = '';
  /** Hides the table button. */
  @property({ type: Boolean, attribute: 'no-table' }) noTable = false;

  // --- state ----------------------------------------------------------------------------

  @state() private showTable = false;
  @state() private active?: string;
  @state() private hover?: string;
  @state() private width = 0;
  private observer?: ResizeObserver;

  private data = new DataTask(this, {
    args: (): ScatterArgs => ({
      endpoint: this.resolvedEndpoint,
      x: this.x,
      y: this.y,
      level: this.level,
      parent: this.parent,
      year: this.year,
      label: this.label,
      lang: this.uiLang,
      locale: this.locale,
    }),
    load: loadScatter,
    describe: (v: ScatterData) => ({ indicators: [v.x.indicator.id, v.y.indicator.id], count: v.points.length }),
  });

  /** Linked views: the group's region is highlighted, its year shown. */
  private selection = new SelectionController(this, {
    keys: ['region', 'year'],
    apply: (s, changed) => {
      if (changed.includes('region') && s.region) this.selected = s.region;
      if (changed.includes('year') && s.year) this.year = s.year;
    },
  });

  // --- lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer ??= new ResizeObserver(() => {
      const w = this.renderRoot.querySelector('.plot')?.clientWidth ?? this.clientWidth;
      if (w && Math.abs(w - this.width) > 1) this.width = w;
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  // --- public methods -------------------------------------------------------------------

  /** Base of the download file names, e.g. `geburtenrate-anteil-65plus-01056-2023`; empty before the data. */
  get fileName(): string {
    return this.data.value ? scatterFileBase(this.data.value, this.parent) : '';
  }

  /** The regions as CSV: `excel-de` (`;`, decimal comma, BOM) or `machine`, with the sentence and source lines. */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.data.value ? scatterCsv(this.data.value, flavour) : '';
  }

  /** The plot as an SVG text or PNG data URL, with title, the sentence, source and licence. */
  async image(format: ImageFormat): Promise<string> {
    const v = this.data.value;
    if (!v) return '';
    const footer = captionLines(v.catalog, [v.x.indicator, v.y.indicator], v.lang).filter(Boolean);
    const doc = plotDocument(v, this.selected, footer, Math.max(480, this.width || 640));
    return format === 'svg' ? doc.svg : blobToDataUrl(await svgToPng(doc));
  }

  /** Selects a region: highlights it, publishes it to the group and fires `fokus-select`. */
  select(region: string): void {
    this.selected = region;
    const year = this.data.value?.year;
    this.selection.select({ region, ...(year ? { year } : {}) });
    this.dispatchEvent(new FokusSelectEvent({ region, ...(year ? { year } : {}) }));
  }

  // --- interaction ----------------------------------------------------------------------

  private download = (kind: DownloadKind) =>
    saveDownload(this, kind, { machine: 'data' }).catch((error: unknown) => reportDrawError(this, error));

  private onKeyDown(e: KeyboardEvent): void {
    const v = this.data.shown;
    if (!v) return;
    if (e.key === 'Escape') {
      this.active = undefined;
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.active) {
      e.preventDefault();
      this.select(this.active);
      return;
    }
    if (!(MOVE_KEYS as readonly string[]).includes(e.key)) return;
    e.preventDefault();
    this.active = nextPoint(v.points, this.active ?? (this.selected || undefined), e.key);
  }

  // --- render by state ------------------------------------------------------------------

  override render() {
    return this.data.render({
      skeleton: () => html`<div class="skeleton scatter"></div>`,
      complete: (v) => this.renderPlot(v),
    });
  }

  private renderPlot(v: ScatterData) {
    const lang = v.lang;
    const g = geometry(v, this.width || this.clientWidth || 600);
    const tipKey = this.active ?? this.hover;
    const tipAt = g.points.find((p) => p.point.region === tipKey);
    const f = g.frame;
    const align = tipAt ? (tipAt.cx < f.width * 0.25 ? 'start' : tipAt.cx > f.width * 0.75 ? 'end' : '') : '';
    const activePoint = v.points.find((p) => p.region === this.active);
    return html`<figure aria-labelledby="title">
      ${this.renderTitle(v.title)}
      <p class="scope">${v.scope}</p>
      <p class="sentence" id="association" part="association">${v.sentence}</p>
      <div class="plot-wrap">
        <div
          class="plot"
          part="chart"
          tabindex="0"
          role="group"
          aria-roledescription=${msg(messages, lang, 'chart')}
          aria-labelledby="title"
          aria-describedby="association key-hint"
          @keydown=${this.onKeyDown}
          @blur=${() => (this.active = undefined)}
        >
          ${plotTemplate(v, g, this.selected, this.active, {
            click: (region) => this.select(region),
            hover: (region) => (this.hover = region),
          })}
        </div>
        <div
          class="tooltip ${align}"
          part="tooltip"
          aria-hidden="true"
          ?hidden=${!tipAt}
          style=${styleProps({ left: `${(tipAt?.cx ?? 0) * this.scaleOf(f.width)}px`, top: `${(tipAt?.cy ?? 0) * this.scaleOf(f.width)}px` })}
        >
          ${tipAt ? pointText(v, tipAt.point) : ''}
        </div>
      </div>
      <p id="key-hint" class="visually-hidden">${msg(messages, lang, 'keyHint')}</p>
      <div class="visually-hidden" aria-live="polite">${activePoint ? pointText(v, activePoint) : ''}</div>
      <div class="notes" part="notes">${v.notes.map((n) => html`<p>${n}</p>`)}</div>
      ${renderToolbar(lang, {
        toggles: [
          this.noTable
            ? undefined
            : {
                controls: 'table',
                open: this.showTable,
                label: msg(common, lang, this.showTable ? 'hideTable' : 'showTable'),
                onToggle: () => (this.showTable = !this.showTable),
              },
        ],
        download: this.download,
      })}
      ${this.showTable && !this.noTable ? this.renderTable(v) : nothing}
      ${renderCaption(v.catalog, [v.x.indicator, v.y.indicator], lang)}
    </figure>`;
  }

  /** The SVG is scaled down (max-width 100 %) when the box is narrower than its frame. */
  private scaleOf(frameWidth: number): number {
    const shown = this.renderRoot.querySelector('.plot-svg')?.getBoundingClientRect().width;
    return shown && frameWidth ? shown / frameWidth : 1;
  }

  private renderTable(v: ScatterData) {
    const lang = v.lang;
    const small = ` (${msg(messages, lang, 'smallMark')})`;
    return html`<div class="table-wrap" id="table">
      <table part="table">
        <caption>
          ${v.title}, ${v.scope}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg(common, lang, 'region')}</th>
            <th scope="col" class="num">${v.x.title}</th>
            <th scope="col" class="num">${v.y.title}</th>
          </tr>
        </thead>
        <tbody>
          ${v.points.map(
            (p) =>
              html`<tr
                class=${p.region === this.selected ? 'selected' : ''}
                aria-current=${p.region === this.selected ? 'true' : nothing}
                data-region=${p.region}
              >
                <th scope="row">${p.name}</th>
                <td class="num">${formatValue(p.x, '', v.x.indicator.decimals, v.locale)}${p.smallX ? small : ''}</td>
                <td class="num">${formatValue(p.y, '', v.y.indicator.decimals, v.locale)}${p.smallY ? small : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
