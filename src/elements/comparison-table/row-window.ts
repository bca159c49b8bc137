import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyStyles } from '../../internal/style-props.js';
import { windowSlice } from './windowing.js';

/**
 * Windowing of the table's rows in the DOM: which slice is rendered for the scroll
 * position, with row height and offset measured after each render by a ResizeObserver.
 * Only a windowed table (more rows than the threshold, not printing) is observed: a small
 * table renders all rows and needs no measuring. While printing every row is rendered.
 */
export class RowWindow implements ReactiveController {
  /** The rendered slice of the shown rows. */
  start = 0;
  end = 0;
  /** Measured average row height (0 before the first measurement). */
  rowHeight = 0;
  /** Offset of the windowed rows inside the scroller (header and pinned rows above). */
  rowsTop = 0;
  /** True between `beforeprint` and `afterprint`: every row is rendered (no windowing). */
  printing = false;
  /** Rendering only a slice (set by `reset`). */
  windowed = false;
  private total = 0;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.onPrint);
    addEventListener('afterprint', this.onPrint);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.onPrint);
    removeEventListener('afterprint', this.onPrint);
    this.disconnect();
  }

  /** After each render: observes the parts of a windowed table (see `observe`). */
  hostUpdated(): void {
    const scroller = this.scrollerOf();
    const table = this.windowed ? this.host.renderRoot.querySelector('table[part=table]') : null;
    this.observe(
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

  /** The scroll region of the rendered table. */
  scrollerOf(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private onPrint = (e: Event) => {
    this.printing = e.type === 'beforeprint';
    this.host.requestUpdate();
  };

  /** The estimated row height for spacers. */
  get estimate(): number {
    return this.rowHeight || 32;
  }

  /** Sets the number of rows (windowed above `threshold`, unless printing), and recomputes the slice. */
  reset(total: number, threshold: number): void {
    this.total = total;
    this.windowed = !this.printing && total > threshold;
    this.update(this.scrollerOf());
  }

  /** Recomputes the slice for the scroller's position; re-renders the host when it changed. */
  update(scroller?: HTMLElement | null): void {
    let start = 0;
    let end = this.total;
    if (this.windowed) {
      const top = scroller?.scrollTop ?? 0;
      // never more than the window shows (right after printing the box is still unbounded)
      const viewport = Math.min(scroller?.clientHeight || 512, globalThis.innerHeight || 512);
      const s = windowSlice(this.total, top - this.rowsTop, viewport, this.estimate, 10);
      start = s.start;
      end = s.end;
      // At the very bottom, always include the last rows (estimated heights may be a little off).
      if (scroller && top + viewport >= scroller.scrollHeight - 2) end = this.total;
    }
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.host.requestUpdate();
    }
  }

  /** The slice and row estimate of the last render (the spacer heights in the DOM). */
  private drawn = { start: 0, end: 0, estimate: 32 };
  private observer?: ResizeObserver;
  private observed: (Element | null)[] = [];
  private sizes = new Map<Element, number>();
  private scroller: HTMLElement | null = null;

  /**
   * After a render: observes the caption, header, pinned rows and rows of the table with a
   * ResizeObserver (sizes arrive after layout, so neither a render nor a scroll forces a
   * synchronous layout). `onHead` gets the header height (the pinned rows stick below it).
   */
  observe(
    parts: { caption: Element | null; head: Element | null; references: Element | null; rows: Element | null },
    scroller: HTMLElement | null,
    onHead: (px: number) => void,
  ): void {
    this.scroller = scroller;
    const list = [parts.caption, parts.head, parts.references, parts.rows];
    if (list.every((el, i) => el === this.observed[i])) return;
    this.observer?.disconnect();
    this.observer = undefined;
    this.sizes.clear();
    this.observed = list;
    if (typeof ResizeObserver === 'undefined' || list.every((el) => !el)) return;
    this.observer = new ResizeObserver((entries) => {
      for (const e of entries) this.sizes.set(e.target, e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height);
      const size = (el: Element | null) => (el ? (this.sizes.get(el) ?? 0) : 0);
      if (parts.head && entries.some((e) => e.target === parts.head)) onHead(size(parts.head));
      this.rowsTop = size(parts.caption) + size(parts.head) + size(parts.references);
      const { start, end, estimate } = this.drawn;
      const rendered = end - start;
      if (this.windowed && parts.rows && rendered >= 2) {
        const spacers = (start + (this.total - end)) * estimate;
        const measured = (size(parts.rows) - spacers) / rendered;
        if (measured > 0 && Math.abs(measured - this.rowHeight) > 1) {
          this.rowHeight = measured;
          // in the next frame: a render from inside the observer would resize again in this one
          requestAnimationFrame(() => this.update(this.scroller));
        }
      }
    });
    for (const el of list) if (el) this.observer.observe(el);
  }

  /** Notes what a render draws: the slice and the row estimate of its spacers. */
  rendering(): { start: number; end: number; estimate: number } {
    this.drawn = { start: this.start, end: this.end, estimate: this.estimate };
    return this.drawn;
  }

  /** Stops observing (the element left the page). */
  disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = [];
  }

  /** Scrolls so that row `index` is rendered (keyboard moves to rows off the window). */
  reveal(index: number, scroller: HTMLElement | null): boolean {
    if (!this.windowed || !scroller || (index >= this.start && index < this.end)) return false;
    scroller.scrollTop = this.rowsTop + index * this.estimate - scroller.clientHeight / 2;
    this.update(scroller);
    return true;
  }
}
