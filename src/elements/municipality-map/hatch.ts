/**
 * The one hatch pattern of suppressed values (the official symbol "."), in the three forms
 * the map needs: an SVG `<pattern>` in the shadow root (Leaflet's SVG paths, the inset and
 * the legend reference it as `url(#hatch)`), the same pattern as text for the SVG download,
 * and a canvas pattern for the canvas renderer. Change it here only.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

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

// --- rates on small counts: the class colour, lighter, with the same hatch lines ----------

/** How much lighter a region on a small count is drawn (share of white mixed into its class colour). */
export const SMALL_LIGHTEN = 0.4;

/** `#rrggbb` mixed with white by `share`. */
export function lighten(color: string, share = SMALL_LIGHTEN): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(c + (255 - c) * share);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Id of the small-count pattern of class `i` (`small` for the legend's neutral swatch). */
export const smallId = (i: number | 'legend') => `${HATCH.id}-small-${i}`;

/** How SVG paints a region of class `i` on a small count. */
export const smallFill = (i: number | 'legend') => `url(#${smallId(i)})`;

/** Background of the legend swatch of the small-count entry (no class colour of its own). */
export const SMALL_LEGEND_BACKGROUND = '#ffffff';

function smallPattern(id: string, background: string): SVGTemplateResult {
  // `svg`, not `html`: a nested template inside <defs> must create SVG elements.
  return svg`<pattern
    id=${id}
    patternUnits="userSpaceOnUse"
    width=${HATCH.size}
    height=${HATCH.size}
    patternTransform="rotate(45)"
  >
    <rect width=${HATCH.size} height=${HATCH.size} fill=${background}></rect>
    <line x1="0" y1="0" x2="0" y2=${HATCH.size} stroke=${HATCH.line} stroke-width=${HATCH.width * 0.75}></line>
  </pattern>`;
}

/** The small-count patterns of the class colours, plus the legend's, as a hidden SVG. */
export function smallDefs(colors: readonly string[]): TemplateResult {
  return html`<svg class="defs" width="0" height="0" aria-hidden="true">
    <defs>
      ${colors.map((c, i) => smallPattern(smallId(i), lighten(c)))}
      ${smallPattern(smallId('legend'), SMALL_LEGEND_BACKGROUND)}
    </defs>
  </svg>`;
}

/** The same patterns as SVG text (standalone SVG download). */
export function smallPatternText(colors: readonly string[]): string {
  const one = (id: string, bg: string) =>
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${HATCH.size}" height="${HATCH.size}" patternTransform="rotate(45)">` +
    `<rect width="${HATCH.size}" height="${HATCH.size}" fill="${bg}"/>` +
    `<line x1="0" y1="0" x2="0" y2="${HATCH.size}" stroke="${HATCH.line}" stroke-width="${HATCH.width * 0.75}"/></pattern>`;
  return colors.map((c, i) => one(smallId(i), lighten(c))).join('') + one(smallId('legend'), SMALL_LEGEND_BACKGROUND);
}

const canvasSmall = new Map<string, CanvasPattern | string>();

/** The small-count pattern for the canvas renderer (one per colour and page). */
export function canvasSmallHatch(color: string): CanvasPattern | string {
  let p = canvasSmall.get(color);
  if (!p) {
    const n = HATCH.size;
    const c = document.createElement('canvas');
    c.width = c.height = n;
    const ctx = c.getContext('2d');
    const bg = lighten(color);
    if (!ctx) return bg;
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, n, n);
    ctx.strokeStyle = HATCH.line;
    ctx.lineWidth = HATCH.width * 0.6;
    ctx.beginPath();
    ctx.moveTo(0, n);
    ctx.lineTo(n, 0);
    ctx.moveTo(-1, 1);
    ctx.lineTo(1, -1);
    ctx.moveTo(n - 1, n + 1);
    ctx.lineTo(n + 1, n - 1);
    ctx.stroke();
    p = ctx.createPattern(c, 'repeat') ?? bg;
    canvasSmall.set(color, p);
  }
  return p;
}
