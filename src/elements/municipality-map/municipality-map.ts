import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CsvFlavour } from '../../data/csv.js';
import { sameTerritory } from '../../data/same-territory.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { reportDrawError } from '../../internal/draw-controller.js';
import { SelectionController } from '../../internal/selection.js';
import { msg } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import { CatalogPreview, captionPreview } from '../../internal/catalog-preview.js';
import {
  fileBase,
  renderToolbar,
  saveDownload,
  type Downloadable,
  type DownloadKind,
  type ImageFormat,
} from '../../internal/downloads.js';
import { messages, zoomTitles } from './messages.js';
import { styles } from './municipality-map.styles.js';
import type { RegionView } from './map-model.js';
import { loadMap, mapArgs, type MapArgs, type View } from './map-data.js';
import { LeafletController, usesCanvas } from './leaflet-controller.js';
import { MapInteraction } from './map-interaction.js';
import { mapCsv, mapImage } from './export-svg.js';
import { patternDefs, regionFill } from './hatch.js';
import {
  captionExtras,
  mapLabel,
  renderInsets,
  renderLegend,
  renderSkeleton,
  renderTable,
  renderTime,
  renderTooltip,
} from './map-view.js';

export { CANVAS_THRESHOLD } from './leaflet-controller.js';

/**
 * A choropleth of regions (Gemeinden, Ämter, Kreise) coloured by the value of one
 * indicator, drawn with Leaflet in the shadow root, without a tile server by default.
 * Outlying regions (Helgoland) are shown in an inset. Keyboard: arrow keys move between
 * neighbouring regions, Enter selects. A summary, a legend with counts and a table carry
 * the same information as text.
 *
 * @tag municipality-map
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year indicator`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - The map is drawn; `detail.count` is the number of regions.
 * @fires fokus-error - The map shows an error; `detail.code` says what went wrong.
 * @fires fokus-select - A region was selected (click, Enter or Space); `detail.region`, `detail.year`, `detail.indicator`.
 * @csspart title - The visible title (`label`).
 * @csspart map - The frame around the map.
 * @csspart inset - Each inset (outlying regions).
 * @csspart tooltip - The tooltip of the hovered or focused region.
 * @csspart legend - The legend.
 * @csspart summary - The text summary under the map.
 * @csspart time - The year slider (`show-time`).
 * @csspart table - The table alternative (`<details>`).
 * @csspart toolbar - The download buttons (CSV for Excel, CSV for machines, PNG, SVG).
 * @csspart caption - Source, licence and attribution lines.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-map-height - Height of the map; default 28rem (on narrow widths the width times `--fokus-map-aspect` instead).
 * @cssprop --fokus-map-aspect - Height to width of the map on narrow widths (below 40rem), where the legend goes below; default 1.
 * @cssprop --fokus-map-background - Background of the map where there are no regions (sea, neighbours); default #eef2f5.
 * @cssprop --fokus-color-selected - Background of the selected row in the table.
 */
export class MunicipalityMapElement extends FokusElement implements Downloadable {
  static override styles = [...FokusElement.styles, styles];

  // --- properties -----------------------------------------------------------------------

  /** Indicator id, e.g. `motorisierungsgrad` (required). */
  @property() indicator = '';
  /** Level of the regions: `gemeinde` (default), `amt`, `kreis` or `land`. */
  @property() level = 'gemeinde';
  /** Region key whose regions of `level` are shown, e.g. `01056`; default: all regions of the level. */
  @property() parent = '';
  /** Year; default: the latest year with data. */
  @property({ type: Number }) year?: number;
  /** Classification: `quantile` (default), `equal`, `jenks` (natural breaks) or `manual` (default when `breaks` is set). */
  @property() method = '';
  /** Number of classes, 1 to 9 (default 5). */
  @property({ type: Number }) classes = 5;
  /** Manual class limits, e.g. `400, 500, 600` (or `7,5; 8,5`). */
  @property() breaks = '';
  /** Colours: `auto` (diverging around the reference for indicators with a polarity, else `ylgnbu`), `diverging`, `ylgnbu`, `blues`, `greens`, `purples`, `viridis`. */
  @property() scheme = 'auto';
  /** Region key of the reference value (deviation, diverging colours); default: `parent`, else the top region. */
  @property() reference = '';
  /** Regions drawn in insets: `auto` (outlying regions, e.g. Helgoland), `none`, or region keys. */
  @property() insets = 'auto';
  /** `auto` (canvas above 300 regions), `svg` or `canvas`. */
  @property() renderer = 'auto';
  /** Optional tile URL template of a base map, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`. No tiles by default. */
  @property() tiles = '';
  /** Attribution text of the tile server (shown as text in the caption). */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';
  /** Show a year slider. */
  @property({ type: Boolean, attribute: 'show-time' }) showTime = false;
  /**
   * Key of the selected region; set by a click and by other elements of the same `group`.
   * In a group the map also follows the group's year and indicator; `link="region"` (or
   * any of `region year indicator`) narrows that, `sync-url` keeps the selection in the URL.
   */
  @property({ reflect: true }) selected = '';
  /** Visible title; default a generated one that says what is shown ("Geburtenrate 2024: Gemeinden im Kreis Pinneberg"). */
  @property() label = '';
  /** Hide the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;
  /** Hide the table alternative. */
  @property({ type: Boolean, attribute: 'no-table' }) noTable = false;
  /** Hide the download buttons. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;

  // --- state ----------------------------------------------------------------------------

  @state() private tableOpen = false;

  private data = new DataTask(this, {
    drawn: true,
    keepPrevious: true,
    args: (): MapArgs => mapArgs(this, this.resolvedEndpoint, this.uiLang, this.locale),
    load: loadMap,
    describe: (v: View) => ({ indicators: [v.indicator.id], count: v.model.regions.length }),
  });

  private interaction: MapInteraction = new MapInteraction(this, {
    view: () => this.data.shown,
    map: () => this.leaflet.map,
    canvas: (v) => usesCanvas(this.renderer, v),
    selected: () => this.shownSelected,
    select: (id) => this.select(id),
    label: (r) => this.regionLabel(r),
  });

  private leaflet: LeafletController = new LeafletController(this, {
    view: () => this.data.shown,
    renderer: () => this.renderer,
    look: (v, canvas) => {
      const selected = this.shownSelected;
      const styleOf = (id: string) => {
        const r = v.model.byId.get(id);
        return r && { fill: this.fillOf(r, canvas), selected: id === selected, label: this.regionLabel(r, selected) };
      };
      return { styleOf, selected, tabStop: this.interaction.tabStop(), tiles: this.tiles };
    },
    zoomTitles: () => zoomTitles(this.uiLang),
    hover: (id, point) => this.interaction.hover(id, point),
    activate: (id) => this.select(id),
    painted: (v) => void this.data.announceLoad(v, true),
    failed: (error) => reportDrawError(this, error),
  });

  /** Linked views: the group's region is highlighted, its year and indicator are shown (narrow with `link`). */
  private selection = new SelectionController(this, {
    keys: ['region', 'year', 'indicator'],
    apply: (s, changed) => {
      if (changed.includes('region') && s.region) this.selected = s.region;
      if (changed.includes('year') && s.year) this.year = s.year;
      if (changed.includes('indicator') && s.indicator) this.indicator = s.indicator;
    },
  });

  // --- lifecycle ------------------------------------------------------------------------

  protected override updated(): void {
    this.interaction.placeTip();
  }

  // --- public methods -------------------------------------------------------------------

  /** Selects a region (as a click or Enter does) and fires `fokus-select`. */
  select(id: string): void {
    const v = this.data.shown;
    if (!v?.model.byId.has(id)) return;
    this.selected = id;
    this.interaction.announce(this.regionLabel(v.model.byId.get(id)!));
    this.dispatchEvent(new FokusSelectEvent({ region: id, year: v.year, indicator: v.indicator.id }));
    this.selection.select({ region: id });
  }

  /** Moves keyboard focus to a region (its path; on the canvas renderer a drawn focus ring). */
  focusRegion(id: string): Promise<void> {
    return this.interaction.focusRegion(id);
  }

  /** Base of the download file names, e.g. `sgb2-quote-gemeinde-01056-2024`; empty before the data. */
  get fileName(): string {
    const v = this.data.shown;
    return v ? fileBase([v.indicator.id, v.level, v.parent?.id, v.year]) : '';
  }

  /** The CSV text of the values shown (also used by the download buttons); the machine flavour is header and data only. */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    return this.data.shown ? mapCsv(this.data.shown, flavour, this.uiLang) : '';
  }

  /** The map as a standalone SVG text or PNG data URL (twice the size), with legend and source lines. */
  image(format: ImageFormat): Promise<string> {
    return this.data.shown ? mapImage(this.data.shown, format, this.uiLang, this.label) : Promise.resolve('');
  }

  private download = (kind: DownloadKind) =>
    saveDownload(this, kind, { machine: 'data' }).catch((e: unknown) =>
      console.error('municipality-map: download failed', e),
    );

  // --- helpers --------------------------------------------------------------------------

  private fillOf(r: RegionView, canvas: boolean): string | CanvasPattern {
    return regionFill(r, canvas, () => getComputedStyle(this).getPropertyValue('--_missing').trim() || '#d9d9d9');
  }

  /**
   * The selected region as this map draws it: `selected`, or the region of the shown level
   * that is the same territory (an amtsfreie Gemeinde: `01056039` on the Gemeinde level is
   * `010560039` on the Amt level, and back).
   */
  private get shownSelected(): string {
    const v = this.data.shown;
    if (!this.selected || !v || v.model.byId.has(this.selected)) return this.selected;
    return sameTerritory(v.catalog, this.selected, v.level) ?? this.selected;
  }

  private pickYear = (year: number) => {
    this.year = year;
    this.selection.select({ year });
  };

  private tableHooks = {
    onToggle: (open: boolean) => (this.tableOpen = open),
    onSelect: (id: string) => this.select(id),
  };

  private regionLabel(r: RegionView, selected = this.shownSelected): string {
    return r.id === selected ? `${r.label}; ${msg(messages, this.uiLang, 'regionSelected')}` : r.label;
  }

  /** While loading: the catalog's caption, so the skeleton reserves its lines. */
  private preview = new CatalogPreview(this, captionPreview);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data.loading) this.preview.update(this.resolvedEndpoint, this.indicator);
  }

  // --- render by state ------------------------------------------------------------------

  protected override render(): unknown {
    // loading: a title line (when generated), the map frame and the legend, sized like the result
    const body = this.data.render({
      complete: (view, stale) => this.renderView(view, stale),
      skeleton: () =>
        renderSkeleton(
          { title: !this.label, legend: !this.noLegend, toolbar: !this.noDownload, caption: this.preview.value },
          this.uiLang,
        ),
      skeletonKey: this.preview.value,
    });
    const title = this.label || this.data.shown?.model.title;
    return html`${title ? this.renderTitle(title) : nothing}${body}`;
  }

  private renderView(v: View, busy: boolean): TemplateResult {
    const lang = this.uiLang;
    const { model } = v;
    const ia = this.interaction;
    const tip = ia.tip && model.byId.get(ia.tip.id);
    const selected = this.shownSelected;
    const insets = renderInsets(v, {
      ...{ lang, selected, tabStop: ia.tabStop() },
      label: (r) => this.regionLabel(r, selected),
      fill: (r) => this.fillOf(r, false) as string,
      onSelect: (id) => this.select(id),
      onPointer: (id, e) => ia.showTip(id, e),
    });
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      <div class="frame">
        <div
          class="map-wrap"
          part="map"
          @focusin=${ia.onFocusIn}
          @focusout=${ia.onFocusOut}
          @keydown=${ia.onKeyDown}
          @pointerleave=${() => ia.hideTip('pointer')}
        >
          <div
            class="map"
            role="group"
            aria-label=${mapLabel(model, lang)}
            aria-describedby="summary keyhint"
            tabindex=${usesCanvas(this.renderer, v) ? '0' : nothing}
          ></div>
          ${insets} ${tip ? renderTooltip(tip, model, lang) : nothing}
        </div>
        ${this.noLegend ? nothing : renderLegend(model, lang)}
      </div>
      <p id="summary" class="summary" part="summary">${model.summary}</p>
      <p id="keyhint" class="visually-hidden">${msg(messages, lang, 'keyHint')}</p>
      <div class="visually-hidden" role="status">${ia.announcement}</div>
      ${this.showTime ? renderTime(v.data.years, v.year, lang, this.pickYear) : nothing}
      ${this.noTable ? nothing : renderTable(model, { lang, open: this.tableOpen, selected, order: v.byName, ...this.tableHooks })}
      ${this.noDownload ? nothing : renderToolbar(lang, { download: this.download })}
      ${renderCaption(v.catalog, [v.indicator], lang, captionExtras(v, this.tiles && this.tilesAttribution, lang))}
      ${patternDefs(model.regions.some((r) => r.small) ? model.classification.colors : undefined)}
    </div>`;
  }
}
