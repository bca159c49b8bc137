/**
 * The one hatch pattern of suppressed values (the official symbol "."), in the three forms
 * the map needs: an SVG `<pattern>` in the shadow root (Leaflet's SVG paths, the inset and
 * the legend reference it as `url(#hatch)`), the same pattern as text for the SVG download,
 * and a canvas pattern for the canvas renderer. Change it here only.
 */
import { html, type TemplateResult } from 'lit';

/** Tile size in pixels, background and line colour of the hatch. */
export const HATCH = { size: 6, background: '#f2f2f2', line: '#7a7a7a', width: 2, id: 'hatch' } as const;

/** How SVG paints a suppressed region: a reference to the pattern. */
export const HATCH_FILL = `url(#${HATCH.id})`;

/** The pattern as SVG markup text (for the standalone SVG download). */
export const hatchPatternText =
  `<pattern id="${HATCH.id}" patternUnits="userSpaceOnUse" width="${HATCH.size}" height="${HATCH.size}" patternTransform="rotate(45)">` +
  `<rect width="${HATCH.size}" height="${HATCH.size}" fill="${HATCH.background}"/>` +
  `<line x1="0" y1="0" x2="0" y2="${HATCH.size}" stroke="${HATCH.line}" stroke-width="${HATCH.width}"/></pattern>`;

/** The pattern as a hidden SVG in the shadow root (a lit template, no HTML strings). */
export const hatchDefs: TemplateResult = html`<svg class="defs" width="0" height="0" aria-hidden="true">
  <defs>
    <pattern
      id=${HATCH.id}
      patternUnits="userSpaceOnUse"
      width=${HATCH.size}
      height=${HATCH.size}
      patternTransform="rotate(45)"
    >
      <rect width=${HATCH.size} height=${HATCH.size} fill=${HATCH.background}></rect>
      <line x1="0" y1="0" x2="0" y2=${HATCH.size} stroke=${HATCH.line} stroke-width=${HATCH.width}></line>
    </pattern>
  </defs>
</svg>`;

let canvasPattern: CanvasPattern | undefined;

/** The pattern for Leaflet's canvas renderer (45° lines on the background), made once per page. */
export function canvasHatch(): CanvasPattern | string {
  if (!canvasPattern) {
    const n = HATCH.size;
    const c = document.createElement('canvas');
    c.width = c.height = n;
    const ctx = c.getContext('2d');
    if (!ctx) return '#bdbdbd';
    ctx.fillStyle = HATCH.background;
    ctx.fillRect(0, 0, n, n);
    ctx.strokeStyle = HATCH.line;
    ctx.lineWidth = HATCH.width * 0.75;
    ctx.beginPath();
    ctx.moveTo(0, n);
    ctx.lineTo(n, 0);
    ctx.moveTo(-1, 1);
    ctx.lineTo(1, -1);
    ctx.moveTo(n - 1, n + 1);
    ctx.lineTo(n + 1, n - 1);
    ctx.stroke();
    canvasPattern = ctx.createPattern(c, 'repeat') ?? undefined;
  }
  return canvasPattern ?? '#bdbdbd';
}
