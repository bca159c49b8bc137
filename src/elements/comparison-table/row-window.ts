import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyStyles } from '../../internal/style-props.js';
import { windowSlice } from './windowing.js';

/** Rows rendered above and below the visible ones (after a jump: in a later task). */
const OVERSCAN = 6;
/** Relative change of the measured row height that moves the estimate while scrolling. */
const DRIFT = 0.25;

type Parts = { caption: Element | null; head: Element | null; references: Element | null; rows: Element | null };

/**
 * Windowing of the table's rows in the DOM: which slice is rendered for the scroll
 * position. Nothing here reads the layout during a render or a scroll: the scroll position
 * comes from the scroll event, the sizes (viewport, header, pinned rows, row height) from a
 * ResizeObserver after layout. Only a windowed table (more rows than the threshold, not
 * printing) is observed: a small table renders all rows and needs no measuring. While
 * printing every row is rendered.
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
  /** The scroller's scrollTop at the last scroll event (0 for a new scroller). */
  private top = 0;
  /** Visible height of the scroller and height of its content (0 until measured). */
  private viewport = 0;
  private content = 0;
  /** The window's inner height at the last measurement (reading it may force a layout). */
  private windowHeight = 0;
  /** The slice and row estimate of the last render (the spacer heights in the DOM). */
  private drawn = { start: 0, end: 0, estimate: 32 };
  /**
   * The next measurement sets the row height (first render, new rows, new width); between
   * those, scrolling keeps it unless a window differs by more than `DRIFT`: rows of mixed
   * heights (names on two lines) would else move the estimate, and with it the spacers and
   * the rendered slice, on every scroll step (a render and a layout more each time).
   */
  private remeasure = true;
  /** A task is scheduled that renders the full window after a jump (`widenLater`). */
  private widening = false;
  /** The scroller's inline size at the last measurement. */
  private width = 0;
  private observer?: ResizeObserver;
  private observed: (Element | null)[] = [];
  private sizes = new Map<Element, number>();
  private scroller: HTMLElement | null = null;
  /** Index of the row whose button had the focus before the render. */
  private focused?: number;

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
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = [];
  }

  /** Before each render: which row's button has the focus (rows are reused for other rows when the window moves). */
  hostUpdate(): void {
    const active = (this.host.renderRoot as Partial<ShadowRoot>).activeElement as HTMLElement | null | undefined;
    this.focused = active?.matches('tbody.rows button.region[data-index]') ? Number(active.dataset.index) : undefined;
  }

  /** After each render: keeps the focus on its row, follows a new scroller, observes the parts of a windowed table. */
  hostUpdated(): void {
    if (this.focused !== undefined) this.refocus(this.focused);
    const scroller = this.scrollerOf();
    if (scroller !== this.scroller) {
      this.scroller = scroller;
      this.top = 0; // a new box starts at the top
      this.update();
    }
    const table = this.windowed ? scroller?.querySelector('table[part=table]') : null;
    this.observe({
      caption: table?.querySelector('caption') ?? null,
      head: table?.querySelector('thead') ?? null,
      references: table?.querySelector('tbody.references') ?? null,
      rows: table?.querySelector('tbody.rows') ?? null,
    });
  }

  /** The scroll region of the rendered table (not the skeleton's). */
  scrollerOf(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.scroller[role=region]');
  }

  /** The estimated row height for spacers. */
  get estimate(): number {
    return this.rowHeight || 32;
  }

  /**
   * Sets the number of rows (windowed above `threshold`, unless printing), and recomputes the
   * slice. Called for new rows (data, sort, filter), not on scroll: the scroll position is read
   * here too (before the render, where the layout is clean), as a script may have set it.
   */
  reset(total: number, threshold: number): void {
    this.total = total;
    this.windowed = !this.printing && total > threshold;
    this.remeasure = true;
    if (this.windowed && this.scroller?.isConnected) this.top = this.scroller.scrollTop;
    this.update();
  }

  /** The scroll event of the scroller: its position is read here, where the layout is clean. */
  scrolled(scroller: HTMLElement): void {
    this.top = scroller.scrollTop;
    this.update();
  }

  /** Recomputes the slice for the last scroll position; re-renders the host when it changed. */
  update(): void {
    let start = 0;
    let end = this.total;
    if (this.windowed) {
      // never more than the window shows (right after printing the box is still unbounded)
      const viewport = Math.min(this.viewport || 512, this.windowHeight || 512);
      const at = this.top - this.rowsTop;
      let s = windowSlice(this.total, at, viewport, this.estimate, OVERSCAN);
      // A jump (no rendered row stays in the window): the visible rows in this frame, the
      // rows around them in a task after it, so neither task builds the whole window.
      if (this.end > this.start && (s.start >= this.end || s.end <= this.start)) {
        s = windowSlice(this.total, at, viewport, this.estimate, 1);
        this.widenLater();
      }
      start = s.start;
      end = s.end;
      // At the very bottom, always include the last rows (estimated heights may be a little off).
      if (this.content && this.top + viewport >= this.content - 2) end = this.total;
    }
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.host.requestUpdate();
    }
  }

  /** After the next frame: the full window again (with the rows above and below the visible ones). */
  private widenLater(): void {
    if (this.widening) return;
    this.widening = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.widening = false;
        this.update();
      }),
    );
  }

  /** Notes what a render draws: the slice and the row estimate of its spacers. */
  rendering(): { start: number; end: number; estimate: number } {
    this.drawn = { start: this.start, end: this.end, estimate: this.estimate };
    return this.drawn;
  }

  /** Scrolls so that row `index` is rendered (keyboard moves to rows off the window). */
  reveal(index: number): boolean {
    const scroller = this.scroller;
    if (!this.windowed || !scroller || (index >= this.start && index < this.end)) return false;
    scroller.scrollTop = this.rowsTop + index * this.estimate - (this.viewport || scroller.clientHeight) / 2;
    this.scrolled(scroller);
    // the row itself is rendered in any case (the estimate may put it just outside the visible slice)
    if (index < this.start || index >= this.end) {
      const start = Math.min(this.start, index);
      const end = Math.max(this.end, index + 1);
      const near = end - start <= 4 * OVERSCAN;
      this.start = near ? start : Math.max(0, index - OVERSCAN);
      this.end = near ? end : Math.min(this.total, index + OVERSCAN + 1);
      this.host.requestUpdate();
    }
    return true;
  }

  /**
   * The row buttons are reused for other rows when the window moves: the focus follows its
   * row, or goes to the scroll region when the row has left the window.
   */
  private refocus(index: number): void {
    const root = this.host.renderRoot;
    const active = (root as Partial<ShadowRoot>).activeElement as HTMLElement | null | undefined;
    if (active && active.dataset.index === String(index)) return;
    const target =
      index >= this.start && index < this.end
        ? root.querySelector<HTMLElement>(`tbody.rows button.region[data-index="${index}"]`)
        : this.scrollerOf();
    target?.focus({ preventScroll: true });
  }

  private onPrint = (e: Event) => {
    this.printing = e.type === 'beforeprint';
    this.host.requestUpdate();
  };

  /**
   * Observes the scroller, caption, header, pinned rows and rows of a windowed table with a
   * ResizeObserver (sizes arrive after layout, so neither a render nor a scroll forces a
   * synchronous layout); the pinned rows stick below the header (`--_ref-top`).
   */
  private observe(parts: Parts): void {
    const scroller = parts.rows ? this.scroller : null;
    const list = [scroller, parts.caption, parts.head, parts.references, parts.rows];
    if (list.every((el, i) => el === this.observed[i])) return;
    this.observer?.disconnect();
    this.observer = undefined;
    this.sizes.clear();
    this.observed = list;
    if (typeof ResizeObserver === 'undefined' || !scroller) return;
    this.observer = new ResizeObserver((entries) => {
      for (const e of entries) this.sizes.set(e.target, e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height);
      const size = (el: Element | null) => (el ? (this.sizes.get(el) ?? 0) : 0);
      if (parts.head && entries.some((e) => e.target === parts.head))
        applyStyles(scroller, { '--_ref-top': `${size(parts.head)}px` });
      this.rowsTop = size(parts.caption) + size(parts.head) + size(parts.references);
      this.windowHeight = globalThis.innerHeight;
      const box = entries.find((e) => e.target === scroller)?.contentRect;
      if (box) {
        this.viewport = box.height;
        if (Math.abs(box.width - this.width) > 1) this.remeasure = true;
        this.width = box.width;
      }
      this.content = this.rowsTop + size(parts.rows);
      const { start, end, estimate } = this.drawn;
      const rendered = end - start;
      if (this.windowed && parts.rows && rendered >= 2) {
        const spacers = (start + (this.total - end)) * estimate;
        const measured = (size(parts.rows) - spacers) / rendered;
        const drift = Math.abs(measured - this.rowHeight);
        const again = this.remeasure;
        this.remeasure = false;
        if (measured > 0 && drift > 1 && (again || drift > DRIFT * this.rowHeight)) {
          this.rowHeight = measured;
          // in the next frame: a render from inside the observer would resize again in this one
          requestAnimationFrame(() => this.update());
        }
      }
    });
    for (const el of list) if (el) this.observer.observe(el);
  }
}
