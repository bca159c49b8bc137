/**
 * The Leaflet lifecycle of `<municipality-map>` on the shared draw controller: loads
 * Leaflet on demand, creates the map in the shadow root (again after a move in the DOM, or
 * when the renderer changes), draws the regions of a new view, restyles them after every
 * render (values, selection, tab stop, tiles), fits on resize, removes everything on
 * disconnect, and reports `painted` after the first frame of a new view.
 */
import type { ReactiveControllerHost } from 'lit';
import { DrawController, type DrawJob } from '../../internal/draw-controller.js';
import { adoptLeafletCss, LeafletMap, loadLeaflet, type MapCallbacks, type RegionStyle } from './leaflet-map.js';
import type { View } from './map-data.js';

/** Above this many regions the canvas renderer draws the map (`renderer="auto"`). */
export const CANVAS_THRESHOLD = 300;

/** True when `view` is drawn on a canvas: `renderer="canvas"`, or `auto` above the threshold. */
export function usesCanvas(renderer: string, view: View): boolean {
  return renderer === 'canvas' || (renderer !== 'svg' && view.geo.main.length > CANVAS_THRESHOLD);
}

export interface LeafletHooks extends MapCallbacks {
  /** The view on screen (undefined: no map). */
  view(): View | undefined;
  /** The `renderer` attribute. */
  renderer(): string;
  /** How each region looks now, the selected key, the tab stop, the tile URL. */
  look(
    view: View,
    canvas: boolean,
  ): {
    styleOf: (id: string) => RegionStyle | undefined;
    selected: string;
    tabStop: string;
    tiles: string;
  };
  /** Titles of the zoom buttons. */
  zoomTitles(): { zoomIn: string; zoomOut: string };
  painted(view: View): void;
  failed(error: unknown): void;
}

export class LeafletController {
  /** The Leaflet map while one is drawn. */
  map?: LeafletMap;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly hooks: LeafletHooks,
  ) {
    // Leaflet's chunk starts loading with the data, not after it (a failure is reported by the draw).
    host.addController({ hostConnected: () => void loadLeaflet().catch(() => undefined) });
    new DrawController<View>(host, {
      value: hooks.view,
      container: () => host.shadowRoot?.querySelector<HTMLElement>('.map'),
      draw: (job) => this.draw(job),
      update: (job) => this.restyle(job.value),
      resize: () => this.map?.fit(),
      teardown: () => this.remove(),
      painted: hooks.painted,
      failed: hooks.failed,
    });
  }

  private async draw({ container, value, current }: DrawJob<View>): Promise<boolean> {
    const canvas = usesCanvas(this.hooks.renderer(), value);
    if (this.map && (this.map.container !== container || this.map.canvas !== canvas)) this.remove();
    if (!this.map) {
      const L = await loadLeaflet();
      if (!current() || !container.isConnected) return false;
      adoptLeafletCss(this.host.shadowRoot!);
      const titles = this.hooks.zoomTitles();
      this.map = new LeafletMap(L, container, {
        canvas,
        zoomInTitle: titles.zoomIn,
        zoomOutTitle: titles.zoomOut,
        callbacks: { hover: this.hooks.hover, activate: this.hooks.activate },
      });
    }
    // Drawn with the view's look at once: the restyle right after finds nothing to change.
    const look = this.hooks.look(value, canvas);
    const map = this.map;
    if (!(await map.setData(value.geo, value.geo, look.tiles ? 0.75 : 1, look.styleOf, look.selected, current)))
      return false;
    // The same shapes with a new year or indicator: painted (canvas: in slices) before `painted`.
    this.restyle(value);
    await map.shapes?.ready();
    return current();
  }

  /** Values, selection, accessible names, tab stop and tiles: cheap, after every render. */
  private restyle(view: View): void {
    const map = this.map;
    if (!map) return;
    const look = this.hooks.look(view, map.canvas);
    map.setTiles(look.tiles);
    map.restyle(look.styleOf, look.selected, look.tiles ? 0.75 : 1);
    map.setTabStop(look.tabStop);
  }

  private remove(): void {
    this.map?.remove();
    this.map = undefined;
  }
}
