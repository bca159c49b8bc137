/**
 * Whether the page is being left: true from `pagehide` until the page is shown again
 * (back/forward cache). A chart whose chunk's import the browser aborts on unload (Firefox)
 * reports no draw error then. (A candidate for src/internal when another element needs it.)
 */
let leaving = false;
let watching = false;

/** Starts watching `pagehide`/`pageshow` (once per page). */
export function watchPageLeave(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
}

export function pageLeaving(): boolean {
  return leaving;
}
