/**
 * A standalone SVG of the map for download (Leaflet has no exporter): the projected
 * regions, the outlines, the insets, the legend with counts, and the source lines.
 * Pure string building; every text is XML-escaped.
 */
import type { Geometry } from 'geojson';
import { bbox, fitProjection, pathData, unionBBox } from './geo.js';
import type { LegendItem } from './map-model.js';

export interface ExportInput {
  title: string;
  subtitle?: string;
  regions: readonly { id: string; geometry: Geometry }[];
  insets: readonly { id: string; name: string; geometry: Geometry }[];
  outlines: readonly Geometry[];
  /** Fill of a region: a colour, or `hatch` / `nodata`. */
  fillOf: (id: string) => string;
  legendTitle: string;
  legend: readonly LegendItem[];
  /** A line under the legend entries (reference value). */
  legendNotes: readonly string[];
  footer: readonly string[];
  missingColor: string;
  width?: number;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Greedy word wrap at about `max` characters. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const HATCH = `<pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#7a7a7a" stroke-width="2"/></pattern>`;

/** Builds the SVG document; returns it with its size. */
export function exportSvg(input: ExportInput): { svg: string; width: number; height: number } {
  const width = input.width ?? 960;
  const pad = 16;
  const legendW = 300;
  const mapW = width - legendW - 3 * pad;
  const mapH = Math.round(mapW * 0.85);
  const top = input.subtitle ? 62 : 44;
  const out: string[] = [];
  const fill = (id: string) => {
    const f = input.fillOf(id);
    return f === 'hatch' ? 'url(#hatch)' : f === 'nodata' ? input.missingColor : f;
  };

  // Regions
  const box = unionBBox(input.regions.map((r) => bbox(r.geometry)));
  const insetW = input.insets.length ? 150 : 0;
  if (box) {
    const fit = fitProjection(box, pad + insetW, top, mapW - insetW, mapH, 8);
    out.push(
      `<clipPath id="mapclip"><rect x="${pad + insetW}" y="${top}" width="${mapW - insetW}" height="${mapH}"/></clipPath>`,
    );
    out.push(
      '<g class="regions" clip-path="url(#mapclip)" stroke="#66727f" stroke-width="0.6" stroke-linejoin="round">',
    );
    for (const r of input.regions) {
      const d = pathData(r.geometry, fit.project);
      if (d)
        out.push(
          `<path d="${d}" fill="${escapeXml(fill(r.id))}" fill-rule="evenodd"><title>${escapeXml(r.id)}</title></path>`,
        );
    }
    // Outline parts far outside the main box (an island shown as inset) are clipped.
    out.push(
      '</g><g class="outlines" clip-path="url(#mapclip)" fill="none" stroke="#1f2933" stroke-width="1.4" stroke-linejoin="round">',
    );
    for (const g of input.outlines) {
      const d = pathData(g, fit.project);
      if (d) out.push(`<path d="${d}"/>`);
    }
    out.push('</g>');
  }
  // Insets, stacked top-left
  let insetY = top;
  for (const inset of input.insets) {
    const b = bbox(inset.geometry);
    if (!b) continue;
    const h = 110;
    const fit = fitProjection(b, pad + 4, insetY + 4, insetW - 18, h - 24, 4);
    out.push(`<rect x="${pad}" y="${insetY}" width="${insetW - 10}" height="${h}" fill="#ffffff" stroke="#66727f"/>`);
    out.push(
      `<path d="${pathData(inset.geometry, fit.project)}" fill="${escapeXml(fill(inset.id))}" stroke="#66727f" stroke-width="0.6" fill-rule="evenodd"/>`,
    );
    out.push(
      `<text x="${pad + 6}" y="${insetY + h - 7}" font-size="11" fill="#1f2933">${escapeXml(inset.name)}</text>`,
    );
    insetY += h + 8;
  }

  // Legend
  const lx = pad + mapW + pad;
  let ly = top + 4;
  for (const line of wrap(input.legendTitle, 40)) {
    out.push(
      `<text x="${lx}" y="${ly + 12}" font-size="13" font-weight="600" fill="#1f2933">${escapeXml(line)}</text>`,
    );
    ly += 18;
  }
  ly += 6;
  for (const item of input.legend) {
    const swatch = item.fill === 'class' ? item.color : item.fill === 'suppressed' ? 'url(#hatch)' : input.missingColor;
    out.push(
      `<rect x="${lx}" y="${ly}" width="22" height="14" fill="${escapeXml(swatch)}" stroke="#66727f" stroke-width="0.6"/>`,
    );
    out.push(`<text x="${lx + 30}" y="${ly + 11.5}" font-size="12" fill="#1f2933">${escapeXml(item.label)}</text>`);
    out.push(
      `<text x="${width - pad}" y="${ly + 11.5}" font-size="12" fill="#52606d" text-anchor="end">${item.count}</text>`,
    );
    ly += 22;
  }
  ly += 6;
  for (const note of input.legendNotes) {
    for (const line of wrap(note, 46)) {
      out.push(`<text x="${lx}" y="${ly + 11}" font-size="11" fill="#52606d">${escapeXml(line)}</text>`);
      ly += 15;
    }
  }

  // Footer
  let fy = Math.max(top + mapH, ly) + 20;
  for (const text of input.footer) {
    for (const line of wrap(text, Math.floor((width - 2 * pad) / 6))) {
      out.push(`<text x="${pad}" y="${fy}" font-size="10.5" fill="#52606d">${escapeXml(line)}</text>`);
      fy += 14;
    }
  }
  const height = Math.ceil(fy + 4);
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">` +
    `<defs>${HATCH}</defs><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${pad}" y="28" font-size="18" font-weight="600" fill="#1f2933">${escapeXml(input.title)}</text>` +
    (input.subtitle ? `<text x="${pad}" y="48" font-size="13" fill="#52606d">${escapeXml(input.subtitle)}</text>` : '');
  return { svg: `${head}${out.join('')}</svg>`, width, height };
}

/** Rasterizes an SVG document to PNG (through an `<img>` and a canvas), `scale` times its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const urls = [`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`];
  let img: HTMLImageElement | undefined;
  let lastError: unknown;
  const blobUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  urls.push(blobUrl);
  try {
    for (const url of urls) {
      try {
        const candidate = new Image();
        candidate.src = url;
        await candidate.decode();
        img = candidate;
        break;
      } catch (error) {
        lastError = error; // e.g. a CSP without data: images: try the blob URL
      }
    }
    if (!img) throw lastError ?? new Error('SVG image could not be decoded');
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}
