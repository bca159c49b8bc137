/**
 * Optional resizer for host pages that embed widgets as iframes (dist/embed-resizer.js),
 * the responsive-iframe pattern of Datawrapper: include it once,
 * `<script src="…/embed-resizer.js" async></script>`, and every
 * `<iframe data-fokus-embed src="…/embed.html?…">` takes the height of its content, so the
 * frame never scrolls inside or cuts the widget off.
 *
 * It accepts only `{ type: 'fokus-embed-height', height: <number> }` and only from the
 * window of one of those frames, from the origin of that frame's `src`. The height is set
 * through the CSSOM (allowed under a strict Content-Security-Policy).
 */
(() => {
  const MAX = 20000;
  window.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const keys = Object.keys(data);
    const { type, height } = data as { type?: unknown; height?: unknown };
    if (keys.length !== 2 || type !== 'fokus-embed-height') return;
    if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > MAX) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-fokus-embed]')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  });
})();
