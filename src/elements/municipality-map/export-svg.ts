/**
 * The map's downloads. A standalone SVG (Leaflet has no exporter): the projected regions,
 * the outlines, the insets, the legend with counts, and the source lines; pure string
 * building, every text XML-escaped. And the CSV text: the Excel flavour (for people) ends
 * with the source and licence lines, the machine flavour is the header and the data only
 * (as the table's), so that any CSV reader loads it.
 */
import type { Geometry } from 'geojson';
import { bbox, fitProjection, pathData, unionBBox } from './geo.js';
import { mapCsvRows, type LegendItem } from './map-model.js';
import { toCsv, type CsvFlavour } from '../../data/csv.js';
import { escapeXml, svgFooter, svgToPng, wrapText, type SvgDocument } from '../../internal/svg-image.js';
import { blobToDataUrl, type ImageFormat } from '../../internal/downloads.js';
import { captionLines } from '../../internal/caption.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { HATCH_FILL, patternDefsText, smallFill, swatchFill } from './hatch.js';
import type { View } from './map-data.js';
import { messages } from './messages.js';

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
  /** Class colours (their small-count patterns are defined in the document). */
  classColors?: readonly string[];
  width?: number;
}

/** Builds the SVG document; returns it with its size. */
export function exportSvg(input: ExportInput): SvgDocument {
  const width = input.width ?? 960;
  const pad = 16;
  const legendW = 300;
  const mapW = width - legendW - 3 * pad;
  const mapH = Math.round(mapW * 0.85);
  const top = input.subtitle ? 62 : 44;
  const out: string[] = [];
  const fill = (id: string) => {
    const f = input.fillOf(id);
    return f === 'hatch' ? HATCH_FILL : f === 'nodata' ? input.missingColor : f;
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
  for (const line of wrapText(input.legendTitle, 40)) {
    out.push(
      `<text x="${lx}" y="${ly + 12}" font-size="13" font-weight="600" fill="#1f2933">${escapeXml(line)}</text>`,
    );
    ly += 18;
  }
  ly += 6;
  for (const item of input.legend) {
    const swatch = swatchFill(item, input.missingColor);
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
    for (const line of wrapText(note, 46)) {
      out.push(`<text x="${lx}" y="${ly + 11}" font-size="11" fill="#52606d">${escapeXml(line)}</text>`);
      ly += 15;
    }
  }

  // Footer
  const fy = svgFooter(out, input.footer, pad, Math.max(top + mapH, ly) + 20, width);
  const height = Math.ceil(fy + 4);
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">` +
    `<defs>${patternDefsText(input.classColors ?? [])}</defs><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${pad}" y="28" font-size="18" font-weight="600" fill="#1f2933">${escapeXml(input.title)}</text>` +
    (input.subtitle ? `<text x="${pad}" y="48" font-size="13" fill="#52606d">${escapeXml(input.subtitle)}</text>` : '');
  return { svg: `${head}${out.join('')}</svg>`, width, height };
}

/** The standalone SVG of a loaded map view: title (`label`, else indicator and year), legend, source lines. */
export function mapSvg(v: View, lang: Lang, label: string): SvgDocument {
  const { model } = v;
  const byId = model.byId;
  const unit = model.indicator.unit ? ` (${model.indicator.unit})` : '';
  const reference = model.reference
    ? [msg(messages, lang, 'legendReference', { name: model.reference.name, value: model.reference.text })]
    : [];
  return exportSvg({
    title: label || model.title,
    subtitle: model.where,
    regions: v.geo.main,
    insets: v.geo.inset.map((f) => ({ id: f.id, name: byId.get(f.id)?.name ?? f.id, geometry: f.geometry })),
    outlines: v.geo.outlines.map((f) => f.geometry),
    fillOf: (id) => {
      const r = byId.get(id);
      if (r?.small && r.classIndex >= 0) return smallFill(r.classIndex);
      return !r ? 'nodata' : r.fill === 'class' ? r.color : r.fill === 'suppressed' ? 'hatch' : 'nodata';
    },
    legendTitle: `${model.indicator.label} ${model.yearText}${unit}`,
    legend: model.legend,
    legendNotes: [...reference, ...model.notes],
    footer: captionLines(v.catalog, [v.indicator], lang),
    missingColor: '#d9d9d9',
    classColors: model.classification.colors,
  });
}

/** The CSV text of a loaded map view (see the module comment). */
export function mapCsv(v: View, flavour: CsvFlavour, lang: Lang): string {
  const footer = flavour === 'machine' ? [] : captionLines(v.catalog, [v.indicator], lang).filter(Boolean);
  return toCsv(mapCsvRows(v.model), { flavour }, footer);
}

/** The map as a standalone SVG text or PNG data URL (twice the size), with legend and source lines. */
export async function mapImage(v: View, format: ImageFormat, lang: Lang, label: string): Promise<string> {
  const doc = mapSvg(v, lang, label);
  return format === 'svg' ? doc.svg : blobToDataUrl(await svgToPng(doc));
}
