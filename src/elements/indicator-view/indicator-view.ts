import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CsvFlavour } from '../../data/csv.js';
import { localText } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { CatalogPreview, renderReserve } from '../../internal/catalog-preview.js';
import { reportDrawError } from '../../internal/draw-controller.js';
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
import { messages } from './messages.js';
import { styles } from './indicator-view.styles.js';
import { loadView, previewView, type ViewArgs, type ViewData } from './view-data.js';
import { isView, tabForKey, VIEWS, type ViewName } from './view-tabs.js';
import { renderPanel, type PanelContext } from './view-panels.js';
import { viewNotes, viewTitle } from './view-text.js';

/** The code of each tab, loaded when the tab is first opened (its own chunk: vega, leaflet). */
const MODULES: Record<ViewName, () => Promise<unknown>> = {
  chart: () => import('../indicator-chart/define.js'),
  map: () => import('../municipality-map/define.js'),
  table: () => import('../comparison-table/define.js'),
};

/**
 * One indicator as chart, map or table in one widget: a tablist (WAI-ARIA tabs: arrow keys,
 * Home/End, Enter or Space opens a tab), one title, one toolbar with the downloads of the
 * open tab, the same notes and source under every tab. Each tab is the library's own element
 * (`<indicator-chart type="bar">`, `<municipality-map>`, `<comparison-table>`), created with
 * the attributes given here; its code loads only when its tab is first opened.
 *
 * @tag indicator-view
 * @attr link - Linked views: the keys of the group's selection this element and its tabs follow (`region year indicator view`, default all).
 * @attr sync-url - Keeps the group's selection, the open tab included (`<group>.view`), in the page URL.
 * @fires fokus-load - From the open tab's element, after it has drawn (bubbles out of the view).
 * @fires fokus-error - When the indicator is unknown or `view` is invalid, or from the open tab's element.
 * @fires fokus-select - From the open tab's element when a region is chosen.
 * @csspart title - The heading (`label`, default a title naming indicator, regions and period of the open tab).
 * @csspart tabs - The tablist.
 * @csspart tab - Each tab button.
 * @csspart panel - The open tab's panel.
 * @csspart notes - Breaks in the series (under a line chart the chart names those of its period) and the period of pooled values.
 * @csspart definition - The indicator's definition.
 * @csspart toolbar - The definition toggle and the downloads of the open tab (CSV for Excel, CSV for machines, PNG, SVG).
 * @csspart caption - Source, licence and data year.
 * @csspart loading - The view while it loads (`aria-busy`): title, tabs and the open tab's element, which
 *   shows its own skeleton (sized as drawn), so that nothing below the view moves when it has loaded.
 * @csspart error - The error message.
 */
export class IndicatorViewElement extends FokusElement implements Downloadable {
  static override styles = [...FokusElement.styles, styles];

  // --- properties -----------------------------------------------------------------------

  /** Indicator id from the catalog (required). Follows the group's `indicator`. */
  @property() indicator = '';
  /** The open tab: `chart` (default), `map` or `table`. Follows the group's `view`. */
  @property({ reflect: true }) view: string = 'chart';
  /** Level of the regions of all tabs: `gemeinde` (default), `amt`, `kreis` or `land`. */
  @property() level = 'gemeinde';
  /** The region whose regions of `level` are shown, e.g. `01056`. */
  @property() parent = '';
  /** The year; default the latest with data. Follows the group's `year`. */
  @property({ type: Number }) year?: number;
  /**
   * Heading of every tab; default one generated for the open tab that names indicator,
   * regions and period ("Geburtenrate 2024: Gemeinden im Kreis Pinneberg"; line chart:
   * "Geburtenrate in Elmshorn, 2010–2024").
   */
  @property() label = '';
  /** Key of the selected region (map and table; the chart follows the group's region). */
  @property() selected = '';
  /** Chart: `bar` (regions ranked, default) or `line` (time series of `region` and `compare`). */
  @property() type: 'bar' | 'line' = 'bar';
  /** Chart (`line`): the regions drawn, e.g. `01056015`. */
  @property() region = '';
  /** Chart: reference regions drawn distinct, e.g. `01056,01`. */
  @property() compare = '';
  /** Chart (`line`) and table: first year of the time series. */
  @property({ type: Number }) from?: number;
  /** Chart (`line`) and table: last year of the time series. */
  @property({ type: Number }) to?: number;
  /** Map: reference region of the deviation colours; table: reference rows (e.g. `01056,01`). */
  @property() reference = '';
  /** Map: classification (`quantile`, `equal`, `jenks`, `manual`). */
  @property() method = '';
  /** Map: number of classes (1 to 9). */
  @property({ type: Number }) classes?: number;
  /** Map: manual class limits, e.g. `400, 500, 600`. */
  @property() breaks = '';
  /** Map: colour scheme (see `<municipality-map>`). */
  @property() scheme = '';
  /** Table: sort column (see `<comparison-table>`). */
  @property() sort = '';
  /** Table: `asc` or `desc`. */
  @property() direction = '';

  // --- state ----------------------------------------------------------------------------

  @state() private showDefinition = false;
  /** The tab that has the focus in the tablist (roving tabindex); the open tab when the list is left. */
  @state() private focusTab?: ViewName;
  /** The regions the line chart shows (it follows the group's region itself), for the title. */
  @state() private chartRegion?: string;

  private data = new DataTask(this, {
    drawn: true,
    args: (): ViewArgs => ({
      endpoint: this.resolvedEndpoint,
      indicator: this.indicator,
      invalidView: isView(this.view) ? '' : this.view,
      lang: this.uiLang,
      level: this.level,
      parent: this.parent,
      regions: `${this.region},${this.compare}`,
    }),
    load: loadView,
    describe: () => ({ indicators: [this.indicator], count: 1 }),
  });

  /** The catalog (shared, usually cached) while loading: title, tabs, notes and the open tab's element are drawn at once. */
  private catalog = new CatalogPreview(this, (catalog) => catalog);

  /** Linked views: the open tab (`view`), the indicator and the year of the group. */
  private selection = new SelectionController(this, {
    keys: ['view', 'indicator', 'year'],
    seed: () => (isView(this.view) ? { view: this.view } : {}),
    apply: (s, changed) => {
      if (changed.includes('view') && isView(s.view)) this.view = s.view;
      if (changed.includes('indicator') && s.indicator) this.indicator = s.indicator;
      if (changed.includes('year') && s.year) this.year = s.year;
    },
  });

  // --- lifecycle ------------------------------------------------------------------------

  override willUpdate(): void {
    this.catalog.update(this.resolvedEndpoint, '');
  }

  override updated(): void {
    // the open tab's code loads at once, alongside the view's data (its element is drawn while loading)
    if (isView(this.view)) MODULES[this.view]().catch((error: unknown) => reportDrawError(this, error));
  }

  // --- public methods -------------------------------------------------------------------

  /** The element of the open tab (undefined before the data). */
  get current(): (HTMLElement & Downloadable) | undefined {
    return this.renderRoot.querySelector<HTMLElement & Downloadable>('[role=tabpanel]:not([hidden]) > *') ?? undefined;
  }

  /** Base of the download file names: the open tab's. */
  get fileName(): string {
    return this.current?.fileName ?? '';
  }

  /** The open tab's data as CSV (`excel-de` or `machine`). */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.current?.csv(flavour) ?? '';
  }

  /** The open tab as an SVG text or PNG data URL. */
  image(format: ImageFormat): Promise<string> {
    return this.current?.image(format) ?? Promise.resolve('');
  }

  /** Opens a tab, as a click on it does (also published to the group). */
  open(view: ViewName): void {
    if (view === this.view) return;
    this.view = view;
    this.selection.select({ view });
  }

  // --- interaction ----------------------------------------------------------------------

  private download = (kind: DownloadKind) => {
    const el = this.current;
    if (el)
      saveDownload(el, kind, kind === 'machine' ? { machine: 'data' } : {}).catch((e: unknown) =>
        reportDrawError(this, e),
      );
  };

  private onTabKey(e: KeyboardEvent): void {
    const from = this.focusTab ?? (isView(this.view) ? this.view : 'chart');
    const next = tabForKey(from, e.key);
    if (!next) return;
    e.preventDefault();
    this.focusTab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  /** A tab's element has drawn: the line chart may show another region than `region` (the group's). */
  private onPanelLoad(e: Event): void {
    const el = e.target as HTMLElement & { region?: string; type?: string };
    this.chartRegion = el.localName === 'indicator-chart' && el.type === 'line' ? el.region : undefined;
  }

  private onTabsFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (!to || !this.renderRoot.querySelector('[role=tablist]')?.contains(to)) this.focusTab = undefined;
  }

  // --- render by state ------------------------------------------------------------------

  override render() {
    const shown = this.data.shown;
    if (shown) return this.renderView(shown, false);
    // Loading, once the catalog is read: the same template as loaded (the open tab's element
    // stays when the data arrive, and its own skeleton reserves its drawn size). Before the
    // catalog, and for the error state: one block, as tall as a page reserves for the view.
    const preview =
      this.data.loading && isView(this.view)
        ? previewView(this.catalog.value, this.indicator, this.uiLang, this.data.value)
        : undefined;
    if (preview) return this.renderView(preview, true);
    return this.data.render({
      skeleton: () => html`<div class="skeleton view"></div>`,
      complete: (v) => this.renderView(v, false),
    });
  }

  /**
   * The view, loaded or loading (then `v` is from the catalog alone). The title is the
   * view's own; the open tab's element gets it as `label` from its creation on, since the
   * chart's loader takes its label as an argument (a new label, a new load). Only without
   * `year` can it still change: the year is then the catalog's latest until the view's data
   * (the same file the chart waits for, requested first) name an earlier one, and the chart's
   * pending load restarts before it has drawn.
   */
  private renderView(v: ViewData, loading: boolean) {
    const lang = v.lang;
    const open = isView(this.view) ? this.view : 'chart';
    const definition = localText(v.indicator.description, lang);
    const { type, level, parent, year, from, to } = this;
    const region = this.chartRegion ?? this.region;
    const title = this.label || viewTitle({ ...v, tab: open, type, level, parent, region, year, from, to });
    // while loading the year of the title may still be a guess: its lines are reserved, not shown
    const guessed = loading && !this.label && year === undefined && !(open === 'chart' && type === 'line');
    const toolbar = renderToolbar(lang, {
      toggles: [
        definition
          ? {
              controls: 'definition',
              open: this.showDefinition,
              label: msg(common, lang, 'definition'),
              onToggle: () => (this.showDefinition = !this.showDefinition),
            }
          : undefined,
      ],
      download: this.download,
    });
    return html`<div
      role="group"
      aria-labelledby="title"
      aria-busy=${loading ? 'true' : nothing}
      part=${loading ? 'loading' : nothing}
    >
      ${loading ? html`<span class="visually-hidden" role="status">${msg(common, lang, 'loading')}</span>` : nothing}
      ${this.renderViewTitle(title, guessed)} ${this.renderTabs(open, lang)}
      ${VIEWS.map(
        (name) =>
          html`<div
            role="tabpanel"
            id="panel-${name}"
            part=${name === open ? 'panel' : nothing}
            aria-labelledby="tab-${name}"
            @fokus-load=${this.onPanelLoad}
            ?hidden=${name !== open}
          >
            ${name === open ? renderPanel(name, this, this.panelContext(title)) : nothing}
          </div>`,
      )}
      ${this.renderNotes(viewNotes(v.indicator, open, this.type, lang))} ${loading ? renderReserve(toolbar) : toolbar}
      ${this.showDefinition ? html`<p id="definition" class="definition" part="definition">${definition}</p>` : nothing}
      ${renderCaption(v.catalog, [v.indicator], lang)}
    </div>`;
  }

  /** The title; while its year is a guess its lines are reserved, invisible. */
  private renderViewTitle(title: string, guessed: boolean) {
    return guessed
      ? this.renderHeading(0, title, { id: 'title', className: 'title reserve', part: 'title' })
      : this.renderTitle(title);
  }

  /** The tablist: one tab per view, a roving tab stop (`focusTab`) moved by the arrow keys. */
  private renderTabs(open: ViewName, lang: ViewData['lang']) {
    const roving = this.focusTab ?? open;
    return html`<div
      role="tablist"
      part="tabs"
      aria-label=${msg(messages, lang, 'tabs')}
      @keydown=${this.onTabKey}
      @focusout=${this.onTabsFocusOut}
    >
      ${VIEWS.map(
        (name) =>
          html`<button
            type="button"
            role="tab"
            part="tab"
            id="tab-${name}"
            aria-selected=${String(name === open)}
            aria-controls="panel-${name}"
            tabindex=${name === roving ? 0 : -1}
            @click=${() => this.open(name)}
          >
            ${msg(messages, lang, name)}
          </button>`,
      )}
    </div>`;
  }

  /** What the open tab's element gets besides the view's attributes: endpoint, group, link, title. */
  private panelContext(label: string): PanelContext {
    return { endpoint: this.resolvedEndpoint, group: this.group ?? '', link: this.getAttribute('link') ?? '', label };
  }

  private renderNotes(notes: string[]) {
    if (!notes.length) return nothing;
    return html`<div class="notes" part="notes">${notes.map((n) => html`<p>${n}</p>`)}</div>`;
  }
}
