import { windowSlice } from './windowing.js';

/**
 * Windowing of the table's rows in the DOM: which slice is rendered for the scroll
 * position, with row height and offset measured after each render (`measure`).
 */
export class RowWindow {
  /** The rendered slice of the shown rows. */
  start = 0;
  end = 0;
  /** Measured average row height (0 before the first measurement). */
  rowHeight = 0;
  /** Offset of the windowed rows inside the scroller (header and pinned rows above). */
  rowsTop = 0;
  private total = 0;
  private windowed = false;

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** The estimated row height for spacers. */
  get estimate(): number {
    return this.rowHeight || 32;
  }

  /** Sets the number of rows and whether they are windowed, and recomputes the slice. */
  reset(total: number, windowed: boolean, scroller?: HTMLElement | null): void {
    this.total = total;
    this.windowed = windowed;
    this.update(scroller);
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

  /** After a render: measures the rendered rows (they differ by fractions of a pixel). */
  measure(rows: HTMLElement | null, scroller: HTMLElement | null): void {
    if (!this.windowed || !rows) return;
    const rendered = rows.querySelectorAll<HTMLElement>('tr[aria-rowindex]');
    if (rendered.length < 2) return;
    const first = rendered[0].getBoundingClientRect();
    const last = rendered[rendered.length - 1].getBoundingClientRect();
    const measured = (last.bottom - first.top) / rendered.length;
    const top = rows.offsetTop;
    if (Math.abs(measured - this.rowHeight) > 1 || top !== this.rowsTop) {
      this.rowHeight = measured;
      this.rowsTop = top;
      this.update(scroller);
    }
  }

  /** Scrolls so that row `index` is rendered (keyboard moves to rows off the window). */
  reveal(index: number, scroller: HTMLElement | null): boolean {
    if (!this.windowed || !scroller || (index >= this.start && index < this.end)) return false;
    scroller.scrollTop = this.rowsTop + index * this.estimate - scroller.clientHeight / 2;
    this.update(scroller);
    return true;
  }
}
