/**
 * The two fill patterns of the map, defined once here and drawn in the three forms the map
 * needs: an SVG `<pattern>` in the shadow root (Leaflet's SVG paths, the inset and the legend
 * reference it as `url(#id)`), the same pattern as text for the SVG download, and a canvas
 * pattern for the canvas renderer.
 *
 * - Suppressed values (the official symbol "."): diagonal lines on light grey (`hatch`).
 * - Rates on small counts: dots on the class colour, lightened (`dots-<class>`), so the two
 *   never look alike (lines vs dots, grey vs colour), on the map, in the legend and in the SVG.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** Tile size in pixels, background and line colour of the hatch of suppressed values. */
export const HATCH = { size: 6, background: '#f2f2f2', line: '#7a7a7a', width: 2, id: 'hatch' } as const;

/** The dots of rates on small counts: tile size, dot radius and colour (two dots per tile, staggered). */
export const DOTS = { size: 7, radius: 1.2, color: '#1f2933', id: 'dots' } as const;

/** Dot centres in one tile (a staggered grid: no lines form in any direction). */
const DOT_CENTRES: readonly (readonly [number, number])[] = [
  [DOTS.size / 4, DOTS.size / 4],
  [(3 * DOTS.size) / 4, (3 * DOTS.size) / 4],
];

/** How SVG paints a suppressed region: a reference to the pattern. */
export const HATCH_FILL = `url(#${HATCH.id})`;

/** Id of the small-count pattern of class `i` (`legend` for the legend's neutral swatch). */
export const smallId = (i: number | 'legend') => `${DOTS.id}-${i}`;

/** How SVG paints a region of class `i` on a small count. */
export const smallFill = (i: number | 'legend') => `url(#${smallId(i)})`;

/** The fill of a legend swatch: the class colour, the dots, the hatch or the colour of missing values. */
export function swatchFill(item: { small?: boolean; fill: string; color: string }, missing: string): string {
  if (item.small) return smallFill('legend');
  return item.fill === 'class' ? item.color : item.fill === 'suppressed' ? HATCH_FILL : missing;
}

/** How a region is painted: class colour, dots on a small count, hatch when suppressed, else the missing colour. */
export function regionFill(
  r: { fill: string; small: boolean; classIndex: number; color: string },
  canvas: boolean,
  missing: () => string,
): string | CanvasPattern {
  if (r.fill === 'class' && r.small && r.classIndex >= 0)
    return canvas ? canvasSmallHatch(r.color) : smallFill(r.classIndex);
  if (r.fill === 'class') return r.color;
  if (r.fill === 'nodata') return missing();
  return canvas ? canvasHatch() : HATCH_FILL;
}

/** How much lighter a region on a small count is drawn (share of white mixed into its class colour). */
export const SMALL_LIGHTEN = 0.4;

/** Background of the legend swatch of the small-count entry (no class colour of its own). */
export const SMALL_LEGEND_BACKGROUND = '#ffffff';

/** `#rrggbb` mixed with white by `share`. */
export function lighten(color: string, share = SMALL_LIGHTEN): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(c + (255 - c) * share);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** One pattern: lines (suppressed) or dots (small counts), on a background. */
interface Pattern {
  id: string;
  kind: 'lines' | 'dots';
  background: string;
}

const suppressedPattern: Pattern = { id: HATCH.id, kind: 'lines', background: HATCH.background };

/** The small-count patterns of the class colours, plus the legend's neutral one. */
function smallPatterns(colors: readonly string[]): Pattern[] {
  return [
    ...colors.map((c, i): Pattern => ({ id: smallId(i), kind: 'dots', background: lighten(c) })),
    { id: smallId('legend'), kind: 'dots', background: SMALL_LEGEND_BACKGROUND },
  ];
}

// --- SVG (shadow root and download) ---------------------------------------------------------

function patternTemplate(p: Pattern): SVGTemplateResult {
  const n = p.kind === 'lines' ? HATCH.size : DOTS.size;
  // `svg`, not `html`: a nested template inside <defs> must create SVG elements.
  return svg`<pattern id=${p.id} patternUnits="userSpaceOnUse" width=${n} height=${n}
    patternTransform=${p.kind === 'lines' ? 'rotate(45)' : 'rotate(0)'}>
    <rect width=${n} height=${n} fill=${p.background}></rect>
    ${
      p.kind === 'lines'
        ? svg`<line x1="0" y1="0" x2="0" y2=${n} stroke=${HATCH.line} stroke-width=${HATCH.width}></line>`
        : DOT_CENTRES.map(([x, y]) => svg`<circle cx=${x} cy=${y} r=${DOTS.radius} fill=${DOTS.color}></circle>`)
    }
  </pattern>`;
}

function patternText(p: Pattern): string {
  const n = p.kind === 'lines' ? HATCH.size : DOTS.size;
  const marks =
    p.kind === 'lines'
      ? `<line x1="0" y1="0" x2="0" y2="${n}" stroke="${HATCH.line}" stroke-width="${HATCH.width}"/>`
      : DOT_CENTRES.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="${DOTS.radius}" fill="${DOTS.color}"/>`).join('');
  return (
    `<pattern id="${p.id}" patternUnits="userSpaceOnUse" width="${n}" height="${n}"` +
    ` patternTransform="${p.kind === 'lines' ? 'rotate(45)' : 'rotate(0)'}">` +
    `<rect width="${n}" height="${n}" fill="${p.background}"/>${marks}</pattern>`
  );
}

/**
 * The patterns as a hidden SVG in the shadow root (a lit template, no HTML strings): the
 * hatch always, the dots of the class colours when some region rests on a small count.
 */
export function patternDefs(smallColors?: readonly string[]): TemplateResult {
  const all = [suppressedPattern, ...(smallColors ? smallPatterns(smallColors) : [])];
  return html`<svg class="defs" width="0" height="0" aria-hidden="true">
    <defs>${all.map(patternTemplate)}</defs>
  </svg>`;
}

/** The same patterns as SVG markup text (the standalone SVG download). */
export function patternDefsText(classColors: readonly string[]): string {
  return [suppressedPattern, ...smallPatterns(classColors)].map(patternText).join('');
}

// --- canvas renderer ----------------------------------------------------------------------

const canvasPatterns = new Map<string, CanvasPattern | string>();

/** A pattern for Leaflet's canvas renderer, made once per pattern and page (a plain colour without a 2D context). */
function canvasPattern(p: Pattern): CanvasPattern | string {
  const key = `${p.kind}:${p.background}`;
  let made = canvasPatterns.get(key);
  if (made) return made;
  const n = p.kind === 'lines' ? HATCH.size : DOTS.size;
  const c = document.createElement('canvas');
  c.width = c.height = n;
  const ctx = c.getContext('2d');
  if (!ctx) return p.kind === 'lines' ? '#bdbdbd' : p.background;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, n, n);
  ctx.beginPath();
  if (p.kind === 'lines') {
    // 45° lines, continued across the tile's corners so the tiles join seamlessly
    ctx.strokeStyle = HATCH.line;
    ctx.lineWidth = HATCH.width * 0.75;
    for (const [x0, y0, x1, y1] of [
      [0, n, n, 0],
      [-1, 1, 1, -1],
      [n - 1, n + 1, n + 1, n - 1],
    ]) {
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
    }
    ctx.stroke();
  } else {
    ctx.fillStyle = DOTS.color;
    for (const [x, y] of DOT_CENTRES) {
      ctx.moveTo(x + DOTS.radius, y);
      ctx.arc(x, y, DOTS.radius, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  made = ctx.createPattern(c, 'repeat') ?? (p.kind === 'lines' ? '#bdbdbd' : p.background);
  canvasPatterns.set(key, made);
  return made;
}

/** The hatch of suppressed values for the canvas renderer. */
export const canvasHatch = (): CanvasPattern | string => canvasPattern(suppressedPattern);

/** The dots of a small count on class colour `color` for the canvas renderer. */
export const canvasSmallHatch = (color: string): CanvasPattern | string =>
  canvasPattern({ id: '', kind: 'dots', background: lighten(color) });
