import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toCsv, type CsvFlavour } from '../../data/csv.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { SelectionController } from '../../internal/selection.js';
import { msg } from '../../internal/i18n.js';
import { captionLines, renderCaption } from '../../internal/caption.js';
import { fileBase, saveFile } from '../../internal/downloads.js';
import { messages } from './messages.js';
import { styles } from './municipality-map.styles.js';
import { neighbour, type Direction } from './geo.js';
import { mapCsvRows, type RegionView } from './map-model.js';
import { loadMap, type MapArgs, type View } from './map-data.js';
import { adoptLeafletCss, LeafletMap, loadLeaflet } from './leaflet-map.js';
import { exportSvg, svgToPng } from './export-svg.js';
import {
  hatchDefs,
  renderInset,
  renderLegend,
  renderTable,
  renderTime,
  renderToolbar,
  renderTooltip,
} from './map-view.js';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
/** Above this many regions the canvas renderer draws the map (`renderer="auto"`). */
export const CANVAS_THRESHOLD = 300;

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
 * @csspart toolbar - The download buttons.
 * @csspart caption - Source, licence and attribution lines.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-map-height - Height of the map; default 28rem.
 * @cssprop --fokus-map-background - Background of the map where there are no regions (sea, neighbours); default #eef2f5.
 * @cssprop --fokus-color-selected - Background of the selected row in the table.
 */
export class MunicipalityMapElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

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
  /** Visible title; default none (the legend names the indicator). */
  @property() label = '';
  /** Hide the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;
  /** Hide the table alternative. */
  @property({ type: Boolean, attribute: 'no-table' }) noTable = false;
  /** Hide the download buttons. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;

  @state() private tip?: { id: string; x: number; y: number };
  @state() private focusedRegion = '';
  @state() private announcement = '';
  @state() private tableOpen = false;
  private mapView?: LeafletMap;
  private mapToken = 0;
  private resizer?: ResizeObserver;
  private announced?: View;
  private hatch?: CanvasPattern;

  private data = new DataTask(this, {
    drawn: true,
    keepPrevious: true,
    args: (): MapArgs => ({
      endpoint: this.resolvedEndpoint,
      indicator: this.indicator,
      level: this.level,
      parent: this.parent,
      year: this.year,
      method: this.method,
      classes: this.classes,
      breaks: this.breaks,
      scheme: this.scheme,
      reference: this.reference,
      insets: this.insets,
      lang: this.uiLang,
      locale: this.locale,
    }),
    load: loadMap,
    describe: (v: View) => ({ indicators: [v.indicator.id], count: v.model.regions.length }),
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // re-creates the map after a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  /** The view to show: the current one, or the previous one while the next loads (no flicker on a new year). */
  private get view(): View | undefined {
    return this.data.shown;
  }

  protected override render(): unknown {
    const body = this.data.render({
      complete: (view, stale) => this.renderView(view, stale),
      skeleton: () => html`<div class="skeleton map-skeleton"></div>`,
    });
    return html`${this.renderTitle(this.label)}${body}`;
  }

  private renderView(v: View, busy: boolean): TemplateResult {
    const lang = this.uiLang;
    const { model } = v;
    const mapLabel = msg(messages, lang, 'mapLabel', {
      indicator: model.indicator.label,
      year: model.year,
      where: model.where,
    });
    const extra = [
      ...(v.attribution && !v.catalog.attribution.includes(v.attribution) ? [v.attribution] : []),
      ...(this.tiles && this.tilesAttribution
        ? [msg(messages, lang, 'tiles', { attribution: this.tilesAttribution })]
        : []),
    ];
    const tip = this.tip && model.byId.get(this.tip.id);
    const tabStop = this.tabStop();
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      <div class="frame">
        <div
          class="map-wrap"
          part="map"
          @focusin=${this.onFocusIn}
          @focusout=${this.onFocusOut}
          @keydown=${this.onKeyDown}
          @pointerleave=${() => this.hideTip('pointer')}
        >
          <div
            class="map"
            role="group"
            aria-label=${mapLabel}
            aria-describedby="summary keyhint"
            tabindex=${this.isCanvas(v) ? '0' : nothing}
          ></div>
          ${v.geo.inset.map((f) => {
            const r = model.byId.get(f.id);
            return r
              ? renderInset(f.geometry, r, {
                  lang,
                  selected: r.id === this.selected,
                  tabStop: r.id === tabStop,
                  label: this.regionLabel(r),
                  fill: this.fillOf(r, false) as string,
                  onSelect: () => this.select(r.id),
                  onPointer: (e) => this.showTip(r.id, e),
                })
              : nothing;
          })}
          ${tip ? renderTooltip(tip, model, lang) : nothing}
        </div>
        ${this.noLegend ? nothing : renderLegend(model, msg(messages, lang, `plural.${v.level}`), lang)}
      </div>
      <p id="summary" class="summary" part="summary">${model.summary}</p>
      <p id="keyhint" class="visually-hidden">${msg(messages, lang, 'keyHint')}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        this.showTime
          ? renderTime(v.data.years, v.year, lang, (year) => {
              this.year = year;
              this.selection.select({ year });
            })
          : nothing
      }
      ${
        this.noTable
          ? nothing
          : renderTable(model, {
              lang,
              open: this.tableOpen,
              selected: this.selected,
              order: v.byName,
              onToggle: (open) => (this.tableOpen = open),
              onSelect: (id) => this.select(id),
            })
      }
      ${
        this.noDownload
          ? nothing
          : renderToolbar(lang, (kind) =>
              kind === 'png' || kind === 'svg' ? this.downloadImage(kind) : this.downloadCsv(kind),
            )
      }
      ${renderCaption(v.catalog, [v.indicator], lang, extra)} ${hatchDefs}
    </div>`;
  }

  // --- the Leaflet map ------------------------------------------------------------------

  private isCanvas(v: View): boolean {
    return this.renderer === 'canvas' || (this.renderer !== 'svg' && v.geo.main.length > CANVAS_THRESHOLD);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.placeTip();
    void this.syncMap();
  }

  /** Keeps the tooltip next to its point and inside the map frame. */
  private placeTip(): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const wrap = this.renderRoot.querySelector<HTMLElement>('.map-wrap');
    if (!tip || !wrap || !this.tip) return;
    const gap = 12;
    let x = this.tip.x + gap;
    let y = this.tip.y + gap;
    if (x + tip.offsetWidth > wrap.clientWidth - 4) x = this.tip.x - gap - tip.offsetWidth;
    if (y + tip.offsetHeight > wrap.clientHeight - 4) y = this.tip.y - gap - tip.offsetHeight;
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${Math.max(4, y)}px`;
  }

  private async syncMap(): Promise<void> {
    const v = this.view;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!v || !container || !this.isConnected) return this.destroyMap();
    const canvas = this.isCanvas(v);
    if (this.mapView && (this.mapView.container !== container || this.mapView.canvas !== canvas)) this.destroyMap();
    if (!this.mapView) {
      const token = ++this.mapToken;
      const L = await loadLeaflet();
      if (token !== this.mapToken || !this.isConnected || !container.isConnected) return;
      adoptLeafletCss(this.shadowRoot!);
      const lang = this.uiLang;
      this.mapView = new LeafletMap(L, container, {
        canvas,
        zoomInTitle: msg(messages, lang, 'zoomIn'),
        zoomOutTitle: msg(messages, lang, 'zoomOut'),
        callbacks: {
          hover: (id, point) => (id && point ? (this.tip = { id, ...point }) : this.hideTip('pointer')),
          activate: (id) => this.select(id),
        },
      });
      let frame = 0;
      this.resizer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => this.mapView?.fit());
      });
      this.resizer.observe(container);
    }
    const map = this.mapView;
    const insetPad = v.geo.inset.length ? 136 : 8;
    map.setData(v.geo, v.geo.main, v.geo.outlines, [insetPad, 8]);
    map.setTiles(this.tiles);
    map.restyle(
      (id) => {
        const r = v.model.byId.get(id);
        return r && { fill: this.fillOf(r, canvas), selected: id === this.selected, label: this.regionLabel(r) };
      },
      this.selected,
      this.tiles ? 0.75 : 1,
    );
    map.setTabStop(this.tabStop());
    if (this.announced !== v && !this.data.stale) {
      this.announced = v;
      void this.data.announceLoad(v, true);
    }
  }

  private destroyMap(): void {
    this.mapToken++;
    this.resizer?.disconnect();
    this.resizer = undefined;
    if (!this.mapView) return;
    this.mapView.remove();
    this.mapView = undefined;
    this.announced = undefined; // a re-created map announces itself again
  }

  private fillOf(r: RegionView, canvas: boolean): string | CanvasPattern {
    if (r.fill === 'class') return r.color;
    if (r.fill === 'nodata') return getComputedStyle(this).getPropertyValue('--_missing').trim() || '#d9d9d9';
    return canvas ? this.canvasHatch() : 'url(#hatch)';
  }

  private canvasHatch(): CanvasPattern | string {
    if (!this.hatch) {
      const c = document.createElement('canvas');
      c.width = c.height = 6;
      const ctx = c.getContext('2d');
      if (!ctx) return '#bdbdbd';
      ctx.fillStyle = '#f2f2f2';
      ctx.fillRect(0, 0, 6, 6);
      ctx.strokeStyle = '#7a7a7a';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(0, 6);
      ctx.lineTo(6, 0);
      ctx.moveTo(-1, 1);
      ctx.lineTo(1, -1);
      ctx.moveTo(5, 7);
      ctx.lineTo(7, 5);
      ctx.stroke();
      this.hatch = ctx.createPattern(c, 'repeat') ?? undefined;
    }
    return this.hatch ?? '#bdbdbd';
  }

  private regionLabel(r: RegionView): string {
    return r.id === this.selected ? `${r.label}; ${msg(messages, this.uiLang, 'regionSelected')}` : r.label;
  }

  // --- interaction ----------------------------------------------------------------------

  /** The one region in the tab order: the focused, else the selected, else the first by name. */
  private tabStop(): string {
    const v = this.data.value;
    if (!v) return '';
    if (this.focusedRegion && v.model.byId.has(this.focusedRegion)) return this.focusedRegion;
    if (this.selected && v.model.byId.has(this.selected)) return this.selected;
    return v.byName[0] ?? '';
  }

  private regionOf(e: Event): string | undefined {
    const target = e.composedPath()[0] as Element;
    const id = target instanceof Element ? target.getAttribute('data-region') : null;
    if (id) return id;
    if (target instanceof HTMLElement && target.classList.contains('map') && this.view && this.isCanvas(this.view))
      return this.focusedRegion || this.tabStop();
    return undefined;
  }

  private onFocusIn = (e: FocusEvent) => {
    const id = this.regionOf(e);
    if (!id) return;
    this.focusedRegion = id;
    this.showTipAt(id);
  };

  private onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Element | null;
    if (next && this.renderRoot.querySelector('.map-wrap')?.contains(next)) return;
    this.hideTip('focus');
    this.mapView?.showFocus(undefined);
  };

  private onKeyDown = (e: KeyboardEvent) => {
    const v = this.view;
    const current = this.regionOf(e);
    if (!v || !current) return;
    let next: string | undefined;
    if (e.key in ARROWS) next = neighbour(current, ARROWS[e.key], v.geo.centres) ?? current;
    else if (e.key === 'Home') next = v.byName[0];
    else if (e.key === 'End') next = v.byName[v.byName.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') {
      this.select(current);
    } else if (e.key === 'Escape') {
      this.tip = undefined;
    } else if (e.key === '+' || e.key === '-') {
      if (e.key === '+') this.mapView?.map.zoomIn();
      else this.mapView?.map.zoomOut();
    } else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) void this.focusRegion(next);
  };

  /** Moves keyboard focus to a region (its path; on the canvas renderer a drawn focus ring). */
  async focusRegion(id: string): Promise<void> {
    const v = this.view;
    if (!v?.model.byId.has(id)) return;
    this.focusedRegion = id;
    await this.updateComplete;
    const inset = this.renderRoot.querySelector<SVGElement>(`.inset [data-region="${id}"]`);
    if (inset) return inset.focus();
    const map = this.mapView;
    if (!map) return;
    map.pointOf(id, true);
    if (!map.canvas) {
      map.bringToFront(id);
      map.setTabStop(id);
      map.elementOf(id)?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('.map')?.focus();
      map.showFocus(id);
      this.showTipAt(id);
      this.announcement = this.regionLabel(v.model.byId.get(id)!);
    }
  }

  private showTipAt(id: string): void {
    const inset = this.renderRoot.querySelector<SVGGraphicsElement>(`.inset [data-region="${id}"]`);
    const wrap = this.renderRoot.querySelector<HTMLElement>('.map-wrap');
    if (inset && wrap) {
      const a = inset.getBoundingClientRect();
      const w = wrap.getBoundingClientRect();
      this.tip = { id, x: a.left - w.left + a.width / 2, y: a.top - w.top + a.height / 2 };
      return;
    }
    const p = this.mapView?.pointOf(id);
    if (p) this.tip = { id, ...p };
  }

  private showTip(id: string, e: PointerEvent): void {
    const wrap = this.renderRoot.querySelector<HTMLElement>('.map-wrap')!.getBoundingClientRect();
    this.tip = { id, x: e.clientX - wrap.left, y: e.clientY - wrap.top };
  }

  private hideTip(reason: 'pointer' | 'focus'): void {
    if (reason === 'pointer' && this.focusedRegion && this.matches(':focus-within'))
      return this.showTipAt(this.focusedRegion);
    if (reason === 'focus') this.focusedRegion = '';
    this.tip = undefined;
  }

  /** Selects a region (as a click or Enter does) and fires `fokus-select`. */
  select(id: string): void {
    const v = this.view;
    if (!v?.model.byId.has(id)) return;
    this.selected = id;
    this.announcement = this.regionLabel(v.model.byId.get(id)!);
    this.dispatchEvent(new FokusSelectEvent({ region: id, year: v.year, indicator: v.indicator.id }));
    this.selection.select({ region: id });
  }

  // --- downloads ------------------------------------------------------------------------

  private fileBase(v: View, ext: string): string {
    return `${fileBase([v.indicator.id, v.level, v.parent?.id, v.year])}.${ext}`;
  }

  /** The CSV text of the values shown (also used by the download button). */
  csv(flavour: CsvFlavour = 'excel-de'): string {
    const v = this.view;
    if (!v) return '';
    return toCsv(mapCsvRows(v.model), { flavour }, captionLines(v.catalog, [v.indicator], this.uiLang));
  }

  /** The map as a standalone SVG document with legend and source lines. */
  toSvg(): { svg: string; width: number; height: number } | undefined {
    const v = this.view;
    if (!v) return undefined;
    const { model } = v;
    const byId = model.byId;
    return exportSvg({
      title: this.label || `${model.indicator.label} ${model.year}`,
      subtitle: model.where,
      regions: v.geo.main,
      insets: v.geo.inset.map((f) => ({ id: f.id, name: byId.get(f.id)?.name ?? f.id, geometry: f.geometry })),
      outlines: v.geo.outlines.map((f) => f.geometry),
      fillOf: (id) => {
        const r = byId.get(id);
        return !r ? 'nodata' : r.fill === 'class' ? r.color : r.fill === 'suppressed' ? 'hatch' : 'nodata';
      },
      legendTitle: `${model.indicator.label} ${model.year}${model.indicator.unit ? ` (${model.indicator.unit})` : ''}`,
      legend: model.legend,
      legendNotes: [
        ...(model.reference
          ? [msg(messages, this.uiLang, 'legendReference', { name: model.reference.name, value: model.reference.text })]
          : []),
        ...model.notes,
      ],
      footer: captionLines(v.catalog, [v.indicator], this.uiLang),
      missingColor: '#d9d9d9',
    });
  }

  private downloadCsv(flavour: CsvFlavour): void {
    const v = this.view;
    if (v) saveFile(this.fileBase(v, 'csv'), this.csv(flavour), 'text/csv;charset=utf-8');
  }

  private async downloadImage(kind: 'png' | 'svg'): Promise<void> {
    const v = this.view;
    const doc = this.toSvg();
    if (!v || !doc) return;
    if (kind === 'svg') return saveFile(this.fileBase(v, 'svg'), doc.svg, 'image/svg+xml;charset=utf-8');
    saveFile(this.fileBase(v, 'png'), await svgToPng(doc.svg, doc.width, doc.height));
  }
}
