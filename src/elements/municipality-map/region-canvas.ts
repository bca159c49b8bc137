/**
 * The canvas path of `<municipality-map>` (issue 16): the regions drawn by the map itself,
 * without a Leaflet layer, `LatLng` objects or projection per region. Every ring is projected
 * once into Web Mercator pixels at zoom 0 (flat arrays); a draw scales them to the view, skips
 * what is outside it and points closer than a pixel, fills one path per colour, strokes one
 * path for all borders, then the outlines of the level above. Work runs in slices of at most
 * `SLICE_MS` with the main thread free in between, into a second canvas that replaces the
 * visible one when complete (no half-drawn map on screen). Hovered and selected borders are
 * on a third canvas on top, redrawn alone. Positioned, sized and scaled during zoom animations
 * as Leaflet's own renderers are (padding 0.2).
 */
import type * as Leaflet from 'leaflet';
import type { LeafletModule } from './leaflet-map.js';
import type { Geometry } from 'geojson';
import { applyStyles } from '../../internal/style-props.js';
import { yieldToMain } from '../../internal/draw-controller.js';
import { rings as ringsOf } from './geo.js';
import { SELECTED_STROKE, STROKE } from './map-view.js';

/** Longest stretch of building or drawing before the main thread is given back, ms. */
export const SLICE_MS = 30;
const PADDING = 0.2;
/** Points closer than this to the last drawn point (pixels, |dx| + |dy|) are skipped. */
const TOLERANCE = 0.7;

interface Shape {
  id: string;
  /** Per ring: x, y, x, y, ... in zoom-0 pixels. */
  rings: Float64Array[];
  /** [minX, minY, maxX, maxY] in zoom-0 pixels. */
  box: number[];
}

interface Frame {
  bounds: Leaflet.Bounds;
  center: Leaflet.LatLng;
  zoom: number;
  /** Zoom-0 pixels to layer pixels: x * k - ox. */
  k: number;
  ox: number;
  oy: number;
}

/** Web Mercator in Leaflet's zoom-0 pixels (EPSG:3857, 256 px for the world). */
function project(geometry: Geometry | null | undefined, box: number[]): Float64Array[] {
  return ringsOf(geometry).map((ring) => {
    const out = new Float64Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
      const [lon, lat] = ring[i]!;
      const s = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
      const x = 128 + (lon * 256) / 360;
      const y = 128 - (64 / Math.PI) * Math.log((1 + s) / (1 - s));
      out[i * 2] = x;
      out[i * 2 + 1] = y;
      if (x < box[0]!) box[0] = x;
      if (y < box[1]!) box[1] = y;
      if (x > box[2]!) box[2] = x;
      if (y > box[3]!) box[3] = y;
    }
    return out;
  });
}

/** Even-odd point in rings. */
function inside(rings: Float64Array[], x: number, y: number): boolean {
  let hit = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const yi = r[i + 1]!;
      const yj = r[j + 1]!;
      if (yi > y !== yj > y && x < ((r[j]! - r[i]!) * (y - yi)) / (yj - yi) + r[i]!) hit = !hit;
    }
  }
  return hit;
}

/** Gives the main thread back once `SLICE_MS` have passed since the last time; false when `alive()` no longer holds. */
function slicer(alive: () => boolean): () => Promise<boolean> | boolean {
  let start = performance.now();
  return () => {
    if (performance.now() - start < SLICE_MS) return alive();
    return yieldToMain().then(() => {
      start = performance.now();
      return alive();
    });
  };
}

export class RegionCanvas {
  /** Positioned in the pane; holds the drawn canvas and the highlight canvas. */
  readonly el: HTMLDivElement;
  private front: HTMLCanvasElement;
  private back: HTMLCanvasElement;
  private readonly top: HTMLCanvasElement;
  private shapes: Shape[] = [];
  private outlines: Float64Array[][] = [];
  private readonly index = new Map<string, number>();
  /** Shape indices per grid cell (hit tests). */
  private grid: number[][] = [];
  private cells = 1;
  private gridBox = [0, 0, 1, 1];
  private fills: (string | CanvasPattern)[] = [];
  private opacity = 1;
  private drawn?: Frame;
  private token = 0;
  private waiting: (() => void)[] = [];
  private readonly ratio: number;
  hovered = '';
  selected = '';
  /** How often shapes were built (a new year or indicator restyles, it does not build). */
  builds = 0;

  constructor(
    private readonly L: LeafletModule,
    private readonly map: Leaflet.Map,
    pane: HTMLElement,
    private readonly outlineWeight = 1.2,
  ) {
    // Leaflet's CSS places .leaflet-layer at the top left of its parent
    const make = <K extends 'canvas' | 'div'>(tag: K) =>
      L.DomUtil.create(tag, 'leaflet-layer') as HTMLElementTagNameMap[K];
    this.el = make('div');
    this.el.classList.add('leaflet-zoom-animated');
    [this.front, this.back, this.top] = [make('canvas'), make('canvas'), make('canvas')];
    this.el.append(this.front, this.top);
    pane.append(this.el);
    this.ratio = L.Browser.retina ? 2 : 1;
    map.on('moveend', this.update, this);
    map.on('zoom', this.onZoom, this);
    map.on('zoomanim', this.onZoomAnim, this);
  }

  /** Projects the regions and outlines once (in slices); false when `alive()` stopped holding. */
  async setShapes(
    regions: readonly { id: string; geometry: Geometry | null }[],
    outlines: readonly { geometry: Geometry | null }[],
    alive: () => boolean,
  ): Promise<boolean> {
    this.builds++;
    const shapes: Shape[] = [];
    const next = slicer(alive);
    for (let i = 0; i < regions.length; i++) {
      if (i % 64 === 0 && !(await next())) return false;
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      shapes.push({ id: regions[i]!.id, rings: project(regions[i]!.geometry, box), box });
    }
    this.outlines = outlines.map((o) => project(o.geometry, [0, 0, 0, 0]));
    this.shapes = shapes;
    this.index.clear();
    shapes.forEach((s, i) => this.index.set(s.id, i));
    this.fills = shapes.map(() => '#ffffff');
    this.grid = []; // built on the first hit test (not before the first paint)
    return true;
  }

  /** A uniform grid over all boxes, about two shapes per cell. */
  private indexGrid(): void {
    const all = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { box } of this.shapes) {
      all[0] = Math.min(all[0]!, box[0]!);
      all[1] = Math.min(all[1]!, box[1]!);
      all[2] = Math.max(all[2]!, box[2]!);
      all[3] = Math.max(all[3]!, box[3]!);
    }
    this.gridBox = all;
    this.cells = Math.max(1, Math.ceil(Math.sqrt(this.shapes.length / 2)));
    this.grid = Array.from({ length: this.cells * this.cells }, () => []);
    this.shapes.forEach(({ box }, i) => {
      const [c0, r0] = this.cell(box[0]!, box[1]!);
      const [c1, r1] = this.cell(box[2]!, box[3]!);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.grid[r * this.cells + c]!.push(i);
    });
  }

  private cell(x: number, y: number): [number, number] {
    const [x0, y0, x1, y1] = this.gridBox as [number, number, number, number];
    const n = this.cells;
    const at = (v: number, a: number, b: number) =>
      Math.min(n - 1, Math.max(0, Math.floor(((v - a) / (b - a || 1)) * n)));
    return [at(x, x0, x1), at(y, y0, y1)];
  }

  /** The region under a container point, if any. */
  hit(point: Leaflet.Point): string | undefined {
    const map = this.map;
    const k = map.getZoomScale(map.getZoom(), 0);
    const p = map.containerPointToLayerPoint(point).add(map.getPixelOrigin());
    const [x, y] = [p.x / k, p.y / k];
    if (!this.grid.length) this.indexGrid();
    const [c, r] = this.cell(x, y);
    for (const i of this.grid[r * this.cells + c] ?? []) {
      const { box, rings, id } = this.shapes[i]!;
      if (x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]! && inside(rings, x, y)) return id;
    }
    return undefined;
  }

  ids(): string[] {
    return this.shapes.map((s) => s.id);
  }

  /** The centre of a region's box. */
  centreOf(id: string): Leaflet.LatLng | undefined {
    const s = this.shapes[this.index.get(id) ?? -1];
    return s && this.map.unproject(this.L.point((s.box[0]! + s.box[2]!) / 2, (s.box[1]! + s.box[3]!) / 2), 0);
  }

  /** New fills (and fill opacity): the map is drawn again when one changed. */
  setFills(fillOf: (id: string) => string | CanvasPattern | undefined, opacity: number): void {
    let changed = opacity !== this.opacity;
    this.opacity = opacity;
    this.shapes.forEach((s, i) => {
      const f = fillOf(s.id) ?? '#ffffff';
      if (f === this.fills[i]) return;
      this.fills[i] = f;
      changed = true;
    });
    if (changed && this.drawn) this.update();
  }

  /** Hovered and selected borders (the top canvas only). */
  highlight(hovered: string, selected: string): void {
    if (hovered === this.hovered && selected === this.selected) return;
    this.hovered = hovered;
    this.selected = selected;
    this.drawTop();
  }

  /** True while a draw is under way. */
  pending = false;

  /** Resolves when the latest draw is on screen (at once when none is under way). */
  ready(): Promise<void> {
    return this.pending ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /** Draws the current view (after a move, zoom, resize or new fills). */
  update(): void {
    const map = this.map as Leaflet.Map & { _animatingZoom?: boolean };
    if (map._animatingZoom) return;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const bounds = this.L.bounds(min, min.add(size.multiplyBy(1 + 2 * PADDING)).round());
    const zoom = map.getZoom();
    const origin = map.getPixelOrigin();
    void this.paint({
      bounds,
      center: map.getCenter(),
      zoom,
      k: map.getZoomScale(zoom, 0),
      ox: origin.x,
      oy: origin.y,
    });
  }

  private async paint(f: Frame): Promise<void> {
    const token = ++this.token;
    this.pending = true;
    const canvas = this.back;
    const ctx = this.context(canvas, f);
    if (!ctx) return this.done();
    const next = slicer(() => token === this.token);
    const b = f.bounds;
    const visible = this.shapes.map(
      ({ box }) =>
        box[2]! * f.k - f.ox >= b.min!.x &&
        box[0]! * f.k - f.ox <= b.max!.x &&
        box[3]! * f.k - f.oy >= b.min!.y &&
        box[1]! * f.k - f.oy <= b.max!.y,
    );
    /** Paths traced one after the other and painted with `paint` (also where a slice ends); false when stopped. */
    const run = async (list: Float64Array[][], paint: () => void): Promise<boolean> => {
      ctx.beginPath();
      for (let j = 0; j < list.length; j++) {
        this.trace(ctx, list[j]!, f);
        const go = j % 32 === 31 && next();
        if (go === false || go === true) continue;
        paint();
        if (!(await go)) return false;
        ctx.beginPath();
      }
      paint();
      return true;
    };
    // fills: one path per colour
    const groups = new Map<string | CanvasPattern, Float64Array[][]>();
    this.fills.forEach(
      (fill, i) => visible[i] && (groups.get(fill) ?? groups.set(fill, []).get(fill)!).push(this.shapes[i]!.rings),
    );
    ctx.globalAlpha = this.opacity;
    for (const [fill, list] of groups) {
      ctx.fillStyle = fill;
      if (!(await run(list, () => ctx.fill('evenodd')))) return;
    }
    // borders, then the outlines of the level above
    ctx.globalAlpha = 1;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = STROKE;
    ctx.lineWidth = 0.4;
    const stroke = () => ctx.stroke();
    if (
      !(await run(
        this.shapes.filter((_, i) => visible[i]).map((s) => s.rings),
        stroke,
      ))
    )
      return;
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = '#1f2933';
    ctx.lineWidth = this.outlineWeight;
    if (!(await run(this.outlines, stroke))) return;
    // complete: on screen at once
    this.back = this.front;
    this.front = canvas;
    this.el.replaceChild(canvas, this.back);
    this.L.DomUtil.setPosition(this.el, b.min!);
    this.drawn = f;
    this.drawTop();
    this.done();
  }

  private done(): void {
    this.pending = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Sizes a canvas for the frame; its context with layer pixels as units (null for an empty map). */
  private context(canvas: HTMLCanvasElement, f: Frame): CanvasRenderingContext2D | null {
    const size = f.bounds.getSize();
    const m = this.ratio;
    canvas.width = m * size.x;
    canvas.height = m * size.y;
    applyStyles(canvas, { width: `${size.x}px`, height: `${size.y}px` });
    const ctx = size.x && size.y ? canvas.getContext('2d') : null;
    ctx?.setTransform(m, 0, 0, m, -f.bounds.min!.x * m, -f.bounds.min!.y * m);
    return ctx;
  }

  private trace(ctx: CanvasRenderingContext2D, rings: Float64Array[], f: Frame): void {
    const { k, ox, oy } = f;
    for (const r of rings) {
      let px = r[0]! * k - ox;
      let py = r[1]! * k - oy;
      ctx.moveTo(px, py);
      for (let i = 2; i < r.length; i += 2) {
        const x = r[i]! * k - ox;
        const y = r[i + 1]! * k - oy;
        if (Math.abs(x - px) + Math.abs(y - py) > TOLERANCE) {
          ctx.lineTo(x, y);
          px = x;
          py = y;
        }
      }
      ctx.closePath();
    }
  }

  /** The hovered and the selected region's border, on the top canvas. */
  private drawTop(): void {
    const f = this.drawn;
    if (!f) return;
    const ctx = this.context(this.top, f);
    if (!ctx) return;
    const line = (id: string, width: number) => {
      const s = this.shapes[this.index.get(id) ?? -1];
      if (!s) return;
      ctx.strokeStyle = SELECTED_STROKE;
      ctx.lineWidth = width;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      this.trace(ctx, s.rings, f);
      ctx.stroke();
    };
    if (this.hovered !== this.selected) line(this.hovered, 2);
    line(this.selected, 3.5);
    this.el.classList.toggle('leaflet-interactive', !!this.hovered);
  }

  /** During a zoom: the drawn canvas scaled to where it goes (as Leaflet's renderers do). */
  private onZoomAnim(e: Leaflet.ZoomAnimEvent): void {
    this.transform(e.center, e.zoom);
  }

  private onZoom(): void {
    this.transform(this.map.getCenter(), this.map.getZoom());
  }

  private transform(center: Leaflet.LatLng, zoom: number): void {
    const f = this.drawn;
    if (!f) return;
    const map = this.map as Leaflet.Map & { _getNewPixelOrigin(c: Leaflet.LatLng, z: number): Leaflet.Point };
    const scale = map.getZoomScale(zoom, f.zoom);
    const offset = map
      .getSize()
      .multiplyBy(0.5 + PADDING)
      .multiplyBy(-scale)
      .add(map.project(f.center, zoom))
      .subtract(map._getNewPixelOrigin(center, zoom));
    this.L.DomUtil.setTransform(this.el, offset, scale);
  }

  remove(): void {
    this.token++;
    this.done();
    this.map.off('moveend', this.update, this);
    this.map.off('zoom', this.onZoom, this);
    this.map.off('zoomanim', this.onZoomAnim, this);
    this.el.remove();
  }
}
