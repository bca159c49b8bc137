/**
 * Keyboard of `<comparison-table>`: roving focus inside the scroll region, which is the
 * table's one Tab stop. From the region, ArrowDown goes to the selected (or first) row; on
 * a row, up/down/Home/End/PageUp/PageDown move between the rows (also to rows outside the
 * window), ArrowUp on the top row goes to the column headers; on a header,
 * left/right/Home/End move between the headers, ArrowDown goes to the rows; Escape returns
 * to the region. Row and header buttons have tabindex -1.
 */

/** What the keyboard needs of the table. */
export interface KeyTable {
  /** The scroll region (the Tab stop). */
  scroller: HTMLElement | null;
  /** The sort buttons of the column headers, in order. */
  sorts(): HTMLButtonElement[];
  /** Number of pinned reference rows (indices -references to -1). */
  references: number;
  /** Number of compared rows shown (indices 0 to shown - 1). */
  shown: number;
  /** Index of the highlighted row among the shown rows, -1 if none. */
  highlighted: number;
  /** Focuses the region button of row `index` (rendering it first if it is outside the window). */
  focusRow(index: number): Promise<void>;
}

/** Moves the focus for a keydown inside the scroll region. */
export async function rovingKey(e: KeyboardEvent, t: KeyTable): Promise<void> {
  const target = e.target as HTMLElement;
  const { scroller, references: refs } = t;
  if (!scroller) return;
  if (e.key === 'Escape' && target !== scroller) {
    e.preventDefault();
    scroller.focus();
    return;
  }
  if (target === scroller) {
    if (e.key !== 'ArrowDown') return; // other keys scroll the region
    e.preventDefault();
    await t.focusRow(t.highlighted >= 0 ? t.highlighted : t.shown ? 0 : -refs);
  } else if (target.matches('button.sort')) {
    const sorts = t.sorts();
    const i = sorts.indexOf(target as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: sorts.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      sorts[Math.max(0, Math.min(sorts.length - 1, moves[e.key]))]?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      await t.focusRow(refs ? -refs : 0);
    }
  } else if (target.matches('button.region[data-index]')) {
    const index = Number(target.dataset.index);
    const last = t.shown - 1;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: -refs,
      End: last,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && index === -refs) {
      t.sorts()[0]?.focus();
      return;
    }
    await t.focusRow(Math.max(-refs, Math.min(last, moves[e.key])));
  }
}
