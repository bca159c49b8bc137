/**
 * The plot of `<scatter-chart>` as SVG: once as a Lit template (on screen) and once as SVG
 * text (the image download), from the same geometry.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import { escapeXml, svgFooter, type SvgDocument } from '../../internal/svg-image.js';
import { linearScale, niceTicks, plotFrame, type Frame, type ScatterPoint } from './scatter-model.js';
import type { ScatterData } from './scatter-data.js';

/** Positions of axes, ticks and points in a frame. */
export interface Geometry {
  frame: Frame;
  xTicks: { value: number; at: number; label: string }[];
  yTicks: { value: number; at: number; label: string }[];
  points: { point: ScatterPoint; cx: number; cy: number }[];
}

export function geometry(v: ScatterData, width: number): Geometry {
  const frame = plotFrame(width);
  const xs = v.points.map((p) => p.x);
  const ys = v.points.map((p) => p.y);
  const nx = niceTicks(Math.min(...xs), Math.max(...xs), frame.width < 420 ? 4 : 6);
  const ny = niceTicks(Math.min(...ys), Math.max(...ys), 5);
  const sx = linearScale(nx.domain, [frame.left, frame.right]);
  const sy = linearScale(ny.domain, [frame.bottom, frame.top]);
  const fmt = (axisTicks: number[]) => {
    const step = axisTicks.length > 1 ? Math.abs(axisTicks[1] - axisTicks[0]) : 1;
    const decimals = Math.min(4, String(step).split('.')[1]?.length ?? 0);
    const nf = new Intl.NumberFormat(v.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return (t: number) => nf.format(t);
  };
  const fx = fmt(nx.ticks);
  const fy = fmt(ny.ticks);
  return {
    frame,
    xTicks: nx.ticks.map((t) => ({ value: t, at: sx(t), label: fx(t) })),
    yTicks: ny.ticks.map((t) => ({ value: t, at: sy(t), label: fy(t) })),
    points: v.points.map((p) => ({ point: p, cx: sx(p.x), cy: sy(p.y) })),
  };
}

const R = 4.5;

/** The plot on screen: grid, axes with titles, points (small counts hollow), the selected point named. */
export function plotTemplate(
  v: ScatterData,
  g: Geometry,
  selected: string,
  active: string | undefined,
  on: { click: (region: string) => void; hover: (region: string | undefined) => void },
): SVGTemplateResult {
  const { frame: f } = g;
  const chosen = g.points.find((p) => p.point.region === selected);
  const focus = g.points.find((p) => p.point.region === active);
  return svg`<svg class="plot-svg" width=${f.width} height=${f.height} viewBox="0 0 ${f.width} ${f.height}" aria-hidden="true">
    <g class="grid">
      ${g.xTicks.map((t) => svg`<line x1=${t.at} x2=${t.at} y1=${f.top} y2=${f.bottom}></line>`)}
      ${g.yTicks.map((t) => svg`<line x1=${f.left} x2=${f.right} y1=${t.at} y2=${t.at}></line>`)}
    </g>
    <g class="axis">
      ${g.xTicks.map((t) => svg`<text x=${t.at} y=${f.bottom + 16} text-anchor="middle">${t.label}</text>`)}
      ${g.yTicks.map((t) => svg`<text x=${f.left - 6} y=${t.at + 4} text-anchor="end">${t.label}</text>`)}
      <text class="axis-title" x=${(f.left + f.right) / 2} y=${f.height - 6} text-anchor="middle">${v.x.title}</text>
      <text class="axis-title" transform="translate(12 ${(f.top + f.bottom) / 2}) rotate(-90)" text-anchor="middle">${v.y.title}</text>
    </g>
    <g class="points">
      ${g.points.map(
        ({ point: p, cx, cy }) =>
          svg`<circle
            class="point${p.smallX || p.smallY ? ' small' : ''}${p.region === selected ? ' selected' : ''}"
            data-region=${p.region}
            cx=${cx}
            cy=${cy}
            r=${p.region === selected ? R + 2 : R}
            @click=${() => on.click(p.region)}
            @mouseenter=${() => on.hover(p.region)}
            @mouseleave=${() => on.hover(undefined)}
          ></circle>`,
      )}
    </g>
    ${focus ? svg`<circle class="active-ring" cx=${focus.cx} cy=${focus.cy} r=${R + 5}></circle>` : nothing}
    ${
      chosen
        ? svg`<text class="selected-label" x=${chosen.cx + (chosen.cx > f.right - 90 ? -10 : 10)} y=${chosen.cy - 8} text-anchor=${chosen.cx > f.right - 90 ? 'end' : 'start'}>${chosen.point.name}</text>`
        : nothing
    }
  </svg>`;
}

/** The plot as a standalone SVG document with title, scope, the sentence and the source lines. */
export function plotDocument(v: ScatterData, selected: string, footer: readonly string[], width = 640): SvgDocument {
  const g = geometry(v, width);
  const f = g.frame;
  const head = 54;
  const out: string[] = [
    `<text x="16" y="22" font-size="15" font-weight="600" fill="#1f2933">${escapeXml(v.title)}</text>`,
    `<text x="16" y="40" font-size="11.5" fill="#52606d">${escapeXml(v.scope)}</text>`,
    `<g transform="translate(0 ${head})" font-size="10.5" fill="#52606d">`,
  ];
  for (const t of g.xTicks) {
    out.push(`<line x1="${t.at}" x2="${t.at}" y1="${f.top}" y2="${f.bottom}" stroke="#e4e7eb"/>`);
    out.push(`<text x="${t.at}" y="${f.bottom + 16}" text-anchor="middle">${escapeXml(t.label)}</text>`);
  }
  for (const t of g.yTicks) {
    out.push(`<line x1="${f.left}" x2="${f.right}" y1="${t.at}" y2="${t.at}" stroke="#e4e7eb"/>`);
    out.push(`<text x="${f.left - 6}" y="${t.at + 4}" text-anchor="end">${escapeXml(t.label)}</text>`);
  }
  out.push(
    `<text x="${(f.left + f.right) / 2}" y="${f.height - 6}" text-anchor="middle">${escapeXml(v.x.title)}</text>`,
    `<text transform="translate(12 ${(f.top + f.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(v.y.title)}</text>`,
  );
  for (const { point: p, cx, cy } of g.points) {
    const small = p.smallX || p.smallY;
    const sel = p.region === selected;
    const fill = small ? 'none' : sel ? '#d35400' : '#005b96';
    out.push(
      `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${sel ? R + 2 : R}" fill="${fill}" fill-opacity="${small ? 1 : 0.75}" stroke="${sel ? '#d35400' : '#005b96'}" stroke-width="1.5"/>`,
    );
    if (sel) out.push(`<text x="${cx + 10}" y="${cy - 8}" fill="#1f2933">${escapeXml(p.name)}</text>`);
  }
  out.push('</g>');
  const lines: string[] = [];
  const y = svgFooter(lines, [v.sentence, ...footer], 16, head + f.height + 22, width);
  out.push(...lines);
  const height = Math.ceil(y + 4);
  const text =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`;
  return { svg: text, width, height };
}
