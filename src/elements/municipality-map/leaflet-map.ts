/**
 * The Leaflet part of `<municipality-map>`: loads Leaflet on demand, adopts its CSS
 * into the shadow root (one shared constructed stylesheet, CSP-safe), draws the regions
 * (SVG renderer: one Leaflet path per region; canvas: `RegionCanvas`, without per-region
 * layers), the outlines of the level above and an optional tile layer, and restyles existing
 * shapes when only values or the selection change.
 *
 * No attribution control: Leaflet writes attributions as HTML; the element shows them
 * as text in its caption instead.
 */
import type * as Leaflet from 'leaflet';
import type { Feature } from 'geojson';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { applyStyles } from '../../internal/style-props.js';
import { yieldToMain } from '../../internal/draw-controller.js';
import type { Geo, RegionFeature } from './map-data.js';
import { SELECTED_STROKE, STROKE } from './map-view.js';
import { RegionCanvas } from './region-canvas.js';

/** The part of Leaflet the map uses (leaflet-lib.ts). */
export type LeafletModule = typeof import('./leaflet-lib.js');

/** Regions added to the map per task (a larger SVG map is drawn in batches). */
export const REGION_BATCH = 2000;

let leaflet: Promise<LeafletModule> | undefined;
let sheet: CSSStyleSheet | undefined;

/** Leaflet, imported once per page (its own chunk in the build). */
export function loadLeaflet(): Promise<LeafletModule> {
  leaflet ??= import('./leaflet-lib.js').catch((error: unknown) => {
    leaflet = undefined;
    throw error;
  });
  return leaflet;
}

/** Adds Leaflet's CSS to a shadow root (one shared `CSSStyleSheet` for every map on the page). */
export function adoptLeafletCss(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}

export interface RegionStyle {
  fill: string | CanvasPattern;
  selected: boolean;
  /** Accessible name of the region's path (SVG renderer). */
  label: string;
}

export interface MapCallbacks {
  /** Pointer over a region (container pixel position), or left all regions. */
  hover(id: string | undefined, point?: { x: number; y: number }): void;
  /** A region was clicked. */
  activate(id: string): void;
}

export interface LeafletMapOptions {
  canvas: boolean;
  zoomInTitle: string;
  zoomOutTitle: string;
  callbacks: MapCallbacks;
}

export class LeafletMap {
  readonly map: Leaflet.Map;
  readonly canvas: boolean;
  private readonly L: LeafletModule;
  private readonly renderer: Leaflet.Renderer;
  private readonly outlineRenderer: Leaflet.Renderer;
  private readonly focusRenderer: Leaflet.Renderer;
  private readonly layers = new Map<string, Leaflet.Path>();
  /** The regions and outlines of the canvas renderer. */
  shapes?: RegionCanvas;
  private features = new Map<string, RegionFeature>();
  private regionLayer?: Leaflet.GeoJSON;
  private outlineLayer?: Leaflet.GeoJSON;
  private focusLayer?: Leaflet.GeoJSON;
  private tileLayer?: Leaflet.TileLayer;
  private tileUrl = '';
  private dataKey: unknown;
  private bounds?: Leaflet.LatLngBounds;
  private insets = false;
  private hovered?: string;
  private selected = '';
  /** The style last given to each path (restyle touches only paths whose look changed). */
  private readonly styled = new Map<string, string>();
  private fillOpacity = 1;
  /** The DOM event of the last click on a region (a click on the map's background hides the tooltip). */
  private regionClick?: Event;
  private readonly onPrint = () => this.fit();
  /** Touch: one finger scrolls the page (no dragging); mouse and pen drag the map. */
  private readonly onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === 'touch') this.map.dragging.disable();
    else this.map.dragging.enable();
  };

  constructor(
    L: LeafletModule,
    readonly container: HTMLElement,
    private readonly options: LeafletMapOptions,
  ) {
    this.L = L;
    this.canvas = options.canvas;
    this.renderer = L.svg({ padding: 0.2 });
    this.map = L.map(container, {
      renderer: this.renderer,
      attributionControl: false,
      zoomControl: false,
      keyboard: false,
      scrollWheelZoom: false,
      zoomSnap: 0.1,
      zoomDelta: 0.5,
      boxZoom: false,
      minZoom: 5,
      maxZoom: 14,
    });
    L.control
      .zoom({ position: 'bottomright', zoomInTitle: options.zoomInTitle, zoomOutTitle: options.zoomOutTitle })
      .addTo(this.map);
    applyStyles(this.map.createPane('fokus-outline'), { 'z-index': '420', 'pointer-events': 'none' });
    applyStyles(this.map.createPane('fokus-focus'), { 'z-index': '430', 'pointer-events': 'none' });
    this.outlineRenderer = L.svg({ pane: 'fokus-outline', padding: 0.2 });
    // Capture phase on the container: before Leaflet's own handlers see the gesture.
    container.addEventListener('pointerdown', this.onPointerDown, { capture: true });
    if (matchMedia('(pointer: coarse)').matches) this.map.dragging.disable();
    this.map.on('click', (event) => {
      const e = event as Leaflet.LeafletMouseEvent;
      const id = this.shapes?.hit(e.containerPoint);
      if (id) this.onRegionClick(id, e);
      else if (e.originalEvent !== this.regionClick) options.callbacks.hover(undefined);
    });
    if (options.canvas) {
      // the canvas has no element per region: the map's own pointer events, hit-tested
      this.map.on('mousemove', (event) => {
        const e = event as Leaflet.LeafletMouseEvent;
        const id = this.shapes?.hit(e.containerPoint);
        if (id) this.onRegionHover(id, e.containerPoint);
        else if (this.hovered) this.onRegionOut(this.hovered);
      });
      this.map.on('mouseout', () => this.hovered && this.onRegionOut(this.hovered));
    }
    addEventListener('beforeprint', this.onPrint);
    addEventListener('afterprint', this.onPrint);
    this.focusRenderer = L.svg({ pane: 'fokus-focus', padding: 0.2 });
  }

  /**
   * Draws the regions and outlines, each region styled at once by `styleOf` (no second pass
   * over every path); does nothing when `key` is the same as last time.
   */
  async setData(
    key: unknown,
    geo: Pick<Geo, 'main' | 'outlines' | 'inset' | 'box'>,
    fillOpacity: number,
    styleOf: (id: string) => RegionStyle | undefined,
    selected: string,
    current: () => boolean = () => true,
  ): Promise<boolean> {
    if (key === this.dataKey) return true;
    this.dataKey = key;
    const L = this.L;
    const regions = geo.main;
    const outlines = geo.outlines;
    this.selected = selected;
    this.fillOpacity = fillOpacity;
    this.styled.clear();
    this.regionLayer?.remove();
    this.outlineLayer?.remove();
    this.clearFocus();
    this.layers.clear();
    this.insets = geo.inset.length > 0;
    if (this.canvas) return this.setShapes(geo, styleOf, current);
    this.regionLayer = L.geoJSON(undefined, {
      // Leaflet's typing lacks `renderer` on GeoJSON options; it is passed on to each path.
      ...({ renderer: this.renderer } as object),
      style: (feature) => {
        const id = String(feature?.id);
        const s = styleOf(id);
        if (!s) return { ...this.strokeOf(id), fillOpacity, fillColor: '#ffffff' };
        this.styled.set(id, this.styleKey(id, s));
        return { ...this.strokeOf(id), fillOpacity, fillColor: s.fill as string };
      },
      onEachFeature: (feature, layer) => {
        this.layers.set(String(feature.id), layer as Leaflet.Path);
      },
    });
    // One set of listeners on the group (events of its paths propagate to it), none per region.
    const idOf = (e: Leaflet.LeafletEvent) =>
      String((e as Leaflet.LeafletEvent & { layer?: Leaflet.Layer & { feature?: Feature } }).layer?.feature?.id ?? '');
    this.regionLayer.on('mouseover mousemove', (event) => {
      const id = idOf(event);
      if (id) this.onRegionHover(id, (event as Leaflet.LeafletMouseEvent).containerPoint);
    });
    this.regionLayer.on('mouseout', (event) => this.onRegionOut(idOf(event)));
    this.regionLayer.on('click', (event) => this.onRegionClick(idOf(event), event as Leaflet.LeafletMouseEvent));
    // The box is known from the data (no pass over every shape to measure it): the map gets
    // its view first, then the regions are added in batches, the main thread free in between
    // (no long task at 11,000 regions), drawn on the canvas once at the end.
    const b = geo.box;
    if (b) {
      this.bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
      this.fit();
      this.regionLayer.addTo(this.map);
    }
    for (let i = 0; i < regions.length; i += REGION_BATCH) {
      if (i > 0) {
        await yieldToMain();
        if (!current()) {
          this.dataKey = undefined; // half drawn: a later draw of the same data starts again
          return false;
        }
      }
      // Leaflet takes an array of features here too (its typing says one object).
      this.regionLayer.addData(regions.slice(i, i + REGION_BATCH) as never);
    }
    if (!b) {
      const bounds = this.regionLayer.getBounds();
      this.bounds = bounds.isValid() ? bounds : undefined;
      this.regionLayer.addTo(this.map);
    }
    this.outlineLayer = outlines.length
      ? L.geoJSON(outlines as Feature[], {
          pane: 'fokus-outline',
          interactive: false,
          ...({ renderer: this.outlineRenderer } as object),
          style: { color: '#1f2933', weight: 1.6, fill: false, opacity: 0.9 },
        }).addTo(this.map)
      : undefined;
    if (!b) this.fit(); // the map gets its view here; Leaflet creates the paths only then
    this.outlineLayer?.eachLayer((l) => (l as Leaflet.Path).getElement()?.classList.add('outline'));
    for (const [id, path] of this.layers) {
      const el = path.getElement();
      el?.setAttribute('data-region', id);
      el?.setAttribute('role', 'button');
      el?.setAttribute('tabindex', '-1');
    }
    return true;
  }

  /** Canvas renderer: the shapes projected once, filled, fitted and drawn (in slices). */
  private async setShapes(
    geo: Pick<Geo, 'main' | 'outlines' | 'box'>,
    styleOf: (id: string) => RegionStyle | undefined,
    current: () => boolean,
  ): Promise<boolean> {
    this.shapes?.remove();
    const shapes = (this.shapes = new RegionCanvas(this.L, this.map, this.map.getPane('overlayPane')!));
    this.features = new Map(geo.main.map((f) => [f.id, f]));
    if (!(await shapes.setShapes(geo.main, geo.outlines, current))) {
      this.dataKey = undefined; // half built: a later draw of the same data starts again
      return false;
    }
    shapes.setFills((id) => styleOf(id)?.fill, this.fillOpacity);
    shapes.highlight(this.hovered ?? '', this.selected);
    const b = geo.box;
    this.bounds = b ? this.L.latLngBounds([b[1], b[0]], [b[3], b[2]]) : undefined;
    if (!this.bounds) return current();
    this.fit();
    if (!shapes.pending) shapes.update();
    await shapes.ready();
    return current();
  }

  private onRegionHover(id: string, point: Leaflet.Point): void {
    if (this.hovered !== id) {
      const previous = this.hovered;
      this.hovered = id;
      if (previous) this.applyStroke(previous);
      this.applyStroke(id);
    }
    this.options.callbacks.hover(id, point);
  }

  private onRegionOut(id: string): void {
    if (this.hovered === id) this.hovered = undefined;
    this.applyStroke(id);
    this.options.callbacks.hover(undefined);
  }

  /** A tap (touch has no hover) shows the region's tooltip as well as selecting it. */
  private onRegionClick(id: string, e: Leaflet.LeafletMouseEvent): void {
    this.regionClick = e.originalEvent;
    this.options.callbacks.hover(id, e.containerPoint);
    this.options.callbacks.activate(id);
  }

  /** Fits the map to the regions (after data or size changes). */
  fit(): void {
    if (!this.bounds) return;
    this.map.invalidateSize({ pan: false });
    // Room for the inset (top left): beside the regions on a wide map, above them on a narrow one.
    const narrow = this.container.clientWidth < 480;
    const pad: [number, number] = !this.insets ? [8, 8] : narrow ? [8, 112] : [136, 8];
    this.map.fitBounds(this.bounds, { paddingTopLeft: pad, paddingBottomRight: [8, 8], animate: false });
  }

  /** An optional tile layer (no request to a tile server unless the page configures one). */
  setTiles(url: string): void {
    if (url === this.tileUrl) return;
    this.tileUrl = url;
    this.tileLayer?.remove();
    this.tileLayer = url ? this.L.tileLayer(url, { maxZoom: 18, crossOrigin: true }).addTo(this.map) : undefined;
  }

  /** Restyles existing shapes (cheap): fill, selection, accessible names. */
  restyle(styleOf: (id: string) => RegionStyle | undefined, selected: string, fillOpacity: number): void {
    const before = this.selected;
    this.selected = selected;
    if (fillOpacity !== this.fillOpacity) this.styled.clear();
    this.fillOpacity = fillOpacity;
    if (this.shapes) {
      this.shapes.setFills((id) => styleOf(id)?.fill, fillOpacity);
      this.shapes.highlight(this.hovered ?? '', selected);
      return;
    }
    for (const [id, path] of this.layers) {
      const s = styleOf(id);
      if (!s) continue;
      // One setStyle per changed path (one canvas redraw request), none for unchanged ones.
      const key = this.styleKey(id, s);
      if (this.styled.get(id) !== key || id === before) {
        this.styled.set(id, key);
        path.setStyle({ fillColor: s.fill as string, fillOpacity, ...this.strokeOf(id) });
      }
      const el = path.getElement();
      if (el) {
        el.setAttribute('aria-label', s.label);
        el.setAttribute('aria-pressed', String(s.selected));
        el.classList.toggle('selected', s.selected);
      }
    }
    const sel = this.layers.get(selected);
    if (sel && !this.isFocused(sel)) sel.bringToFront();
  }

  private isFocused(path: Leaflet.Path): boolean {
    const el = path.getElement();
    return !!el && (el.getRootNode() as ShadowRoot | Document).activeElement === el;
  }

  /** What the restyle cache compares (SVG renderer: fills are colours or pattern URLs): fill and stroke. */
  private styleKey(id: string, s: RegionStyle): string {
    return `${s.fill as string}|${this.strokeKey(id)}`;
  }

  private strokeKey(id: string): string {
    return id === this.selected ? 'selected' : id === this.hovered ? 'hovered' : 'base';
  }

  private strokeOf(id: string): { color: string; weight: number } {
    if (id === this.selected) return { color: SELECTED_STROKE, weight: 3.5 };
    if (id === this.hovered) return { color: SELECTED_STROKE, weight: 2 };
    return { color: STROKE, weight: this.canvas ? 0.4 : 0.8 };
  }

  private applyStroke(id: string): void {
    this.shapes?.highlight(this.hovered ?? '', this.selected);
    const path = this.layers.get(id);
    if (!path) return;
    path.setStyle(this.strokeOf(id));
    // Keep the restyle cache honest: the stroke part of the key changed.
    const key = this.styled.get(id);
    if (key) this.styled.set(id, `${key.slice(0, key.lastIndexOf('|'))}|${this.strokeKey(id)}`);
  }

  /** The `<path>` of a region (SVG renderer only). */
  elementOf(id: string): SVGElement | undefined {
    return (this.layers.get(id)?.getElement() as SVGElement | undefined) ?? undefined;
  }

  /** Roving tab stop: only this region's path is in the tab order (SVG renderer). */
  setTabStop(id: string | undefined): void {
    if (this.canvas) return;
    for (const [rid, path] of this.layers) path.getElement()?.setAttribute('tabindex', rid === id ? '0' : '-1');
  }

  /** Brings a region to the front (before focusing it: moving a focused node blurs it). */
  bringToFront(id: string): void {
    this.layers.get(id)?.bringToFront();
  }

  /** Container pixel position of a region's centre; pans it into view first when outside. */
  pointOf(id: string, reveal = false): { x: number; y: number } | undefined {
    const path = this.layers.get(id) as Leaflet.Polygon | undefined;
    const centre = path ? path.getBounds().getCenter() : this.shapes?.centreOf(id);
    if (!centre) return undefined;
    if (reveal && !this.map.getBounds().contains(centre)) this.map.panTo(centre, { animate: false });
    const p = this.map.latLngToContainerPoint(centre);
    return { x: p.x, y: p.y };
  }

  /** Keyboard focus drawn on the map (canvas renderer, whose regions have no DOM node). */
  showFocus(id: string | undefined): void {
    this.clearFocus();
    const path = id ? (this.layers.get(id) as Leaflet.Polygon | undefined) : undefined;
    const shape = path ? path.toGeoJSON() : id && this.features.get(id);
    if (!shape) return;
    this.focusLayer = this.L.geoJSON(shape, {
      pane: 'fokus-focus',
      interactive: false,
      ...({ renderer: this.focusRenderer } as object),
      style: { color: '#d35400', weight: 4, fill: false },
    }).addTo(this.map);
  }

  private clearFocus(): void {
    this.focusLayer?.remove();
    this.focusLayer = undefined;
  }

  /** Ids of the drawn regions. */
  ids(): string[] {
    return this.shapes ? this.shapes.ids() : [...this.layers.keys()];
  }

  /** Removes the map and everything Leaflet attached (listeners, panes). */
  remove(): void {
    this.container.removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    removeEventListener('beforeprint', this.onPrint);
    removeEventListener('afterprint', this.onPrint);
    this.clearFocus();
    this.layers.clear();
    this.shapes?.remove();
    this.map.off();
    this.map.remove();
  }
}
