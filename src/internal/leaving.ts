/**
 * Whether the page is being left. When the reader follows a link or closes the tab while a
 * widget is still loading, browsers abort what is in flight: Firefox rejects pending dynamic
 * imports ("error loading dynamically imported module") and fetches ("NetworkError"). That is
 * no error worth reporting; a real load failure on a page that stays still is.
 *
 * `beforeunload` and `pagehide` start the leaving; `pageshow` (back from the bfcache) ends
 * it, and so does a page that is still here a while later (a cancelled navigation, a link to
 * a download).
 */
const STAY_MS = 3000;

let since = -1;

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  const leave = () => {
    since = performance.now();
  };
  window.addEventListener('beforeunload', leave);
  window.addEventListener('pagehide', leave);
  window.addEventListener('pageshow', () => {
    since = -1;
  });
}

/** True from the moment the page starts to be left (for a few seconds if it then stays). */
export function leaving(): boolean {
  return since >= 0 && performance.now() - since < STAY_MS;
}

/** Resolves once the page has stayed past its leaving (never when it really goes away). */
export function stayed(): Promise<void> {
  return new Promise((resolve) => {
    const wait = () => (leaving() ? setTimeout(wait, STAY_MS - (performance.now() - since) + 10) : resolve());
    wait();
  });
}
