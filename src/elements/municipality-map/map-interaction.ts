/**
 * Keyboard, focus and tooltip of `<municipality-map>`: one region in the tab order (roving
 * tab stop), arrow keys to the neighbouring region, Home/End by name, Enter/Space select,
 * +/- zoom, Escape hides the tooltip; the tooltip follows the pointer or the focused region
 * and stays inside the map frame. On the canvas renderer (no DOM node per region) the
 * focus is drawn on the map and the region's name is announced.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyStyles } from '../../internal/style-props.js';
import { neighbour, type Direction } from './geo.js';
import type { LeafletMap } from './leaflet-map.js';
import type { View } from './map-data.js';
import type { RegionView } from './map-model.js';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export interface InteractionHooks {
  view(): View | undefined;
  map(): LeafletMap | undefined;
  canvas(view: View): boolean;
  /** Key of the selected region ('' for none). */
  selected(): string;
  select(id: string): void;
  /** Accessible name of a region (with "selected" where it is). */
  label(region: RegionView): string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class MapInteraction implements ReactiveController {
  /** The region under the pointer or the focus, and where (map-frame pixels). */
  tip?: { id: string; x: number; y: number };
  /** The region with keyboard focus ('' for none). */
  focused = '';
  /** Text for the live region (canvas focus, selection). */
  announcement = '';

  constructor(
    private readonly host: Host,
    private readonly hooks: InteractionHooks,
  ) {
    host.addController(this);
  }

  /** A tap or click outside the element hides the tooltip (touch has no pointer leaving). */
  private readonly onDocumentPointer = (e: PointerEvent) => {
    if (this.tip && !e.composedPath().includes(this.host)) this.hideTip('pointer');
  };

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onDocumentPointer, { capture: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointer, { capture: true });
  }

  private set(changes: Partial<Pick<MapInteraction, 'tip' | 'focused' | 'announcement'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private query<T extends Element>(selector: string): T | null {
    return this.host.renderRoot.querySelector<T>(selector);
  }

  /** The one region in the tab order: the focused, else the selected, else the first by name. */
  tabStop(): string {
    const v = this.hooks.view();
    if (!v) return '';
    if (this.focused && v.model.byId.has(this.focused)) return this.focused;
    const selected = this.hooks.selected();
    if (selected && v.model.byId.has(selected)) return selected;
    return v.byName[0] ?? '';
  }

  announce(text: string): void {
    this.set({ announcement: text });
  }

  /** After a render: keeps the tooltip next to its point and inside the map frame. */
  placeTip(): void {
    const tip = this.query<HTMLElement>('.tooltip');
    const wrap = this.query<HTMLElement>('.map-wrap');
    if (!tip || !wrap || !this.tip) return;
    const gap = 12;
    let x = this.tip.x + gap;
    let y = this.tip.y + gap;
    if (x + tip.offsetWidth > wrap.clientWidth - 4) x = this.tip.x - gap - tip.offsetWidth;
    if (y + tip.offsetHeight > wrap.clientHeight - 4) y = this.tip.y - gap - tip.offsetHeight;
    applyStyles(tip, { left: `${Math.max(4, x)}px`, top: `${Math.max(4, y)}px` });
  }

  private regionOf(e: Event): string | undefined {
    const target = e.composedPath()[0] as Element;
    const id = target instanceof Element ? target.getAttribute('data-region') : null;
    if (id) return id;
    const v = this.hooks.view();
    if (target instanceof HTMLElement && target.classList.contains('map') && v && this.hooks.canvas(v))
      return this.focused || this.tabStop();
    return undefined;
  }

  onFocusIn = (e: FocusEvent) => {
    const id = this.regionOf(e);
    if (!id) return;
    this.set({ focused: id });
    this.showTipAt(id);
  };

  onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Element | null;
    if (next && this.query('.map-wrap')?.contains(next)) return;
    this.hideTip('focus');
    this.hooks.map()?.showFocus(undefined);
  };

  onKeyDown = (e: KeyboardEvent) => {
    const v = this.hooks.view();
    const current = this.regionOf(e);
    if (!v || !current) return;
    let next: string | undefined;
    if (e.key in ARROWS) next = neighbour(current, ARROWS[e.key], v.geo.centres) ?? current;
    else if (e.key === 'Home') next = v.byName[0];
    else if (e.key === 'End') next = v.byName[v.byName.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') this.hooks.select(current);
    else if (e.key === 'Escape') this.set({ tip: undefined });
    else if (e.key === '+') this.hooks.map()?.map.zoomIn();
    else if (e.key === '-') this.hooks.map()?.map.zoomOut();
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) void this.focusRegion(next);
  };

  /** Moves keyboard focus to a region (its path; on the canvas renderer a drawn focus ring). */
  async focusRegion(id: string): Promise<void> {
    const v = this.hooks.view();
    if (!v?.model.byId.has(id)) return;
    this.set({ focused: id });
    await this.host.updateComplete;
    const inset = this.query<SVGElement>(`.inset [data-region="${id}"]`);
    if (inset) return inset.focus();
    const map = this.hooks.map();
    if (!map) return;
    map.pointOf(id, true);
    if (!map.canvas) {
      map.bringToFront(id);
      map.setTabStop(id);
      map.elementOf(id)?.focus();
    } else {
      this.query<HTMLElement>('.map')?.focus();
      map.showFocus(id);
      this.showTipAt(id);
      this.announce(this.hooks.label(v.model.byId.get(id)!));
    }
  }

  /** The tooltip over a region's centre (keyboard focus). */
  showTipAt(id: string): void {
    const inset = this.query<SVGGraphicsElement>(`.inset [data-region="${id}"]`);
    const wrap = this.query<HTMLElement>('.map-wrap');
    if (inset && wrap) {
      const a = inset.getBoundingClientRect();
      const w = wrap.getBoundingClientRect();
      this.set({ tip: { id, x: a.left - w.left + a.width / 2, y: a.top - w.top + a.height / 2 } });
      return;
    }
    const p = this.hooks.map()?.pointOf(id);
    if (p) this.set({ tip: { id, ...p } });
  }

  /** The tooltip at the pointer (inset regions). */
  showTip(id: string, e: PointerEvent): void {
    const wrap = this.query<HTMLElement>('.map-wrap')!.getBoundingClientRect();
    this.set({ tip: { id, x: e.clientX - wrap.left, y: e.clientY - wrap.top } });
  }

  /** The pointer over a region of the Leaflet map, or off all regions. */
  hover = (id: string | undefined, point?: { x: number; y: number }) =>
    id && point ? this.set({ tip: { id, ...point } }) : this.hideTip('pointer');

  /** Pointer gone: back to the focused region's tooltip; focus gone: no tooltip. */
  hideTip(reason: 'pointer' | 'focus'): void {
    if (reason === 'pointer' && this.focused && this.host.matches(':focus-within')) return this.showTipAt(this.focused);
    this.set({ tip: undefined, ...(reason === 'focus' ? { focused: '' } : {}) });
  }
}
