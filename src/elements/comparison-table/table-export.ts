/**
 * The downloads of `<comparison-table>`: file name, CSV text and image of the rows shown
 * (reference rows first, then the current order and filter), each with the source lines.
 * The SVG/PNG code is loaded on the first image download, not with the table.
 */
import type { CsvFlavour } from '../../data/csv.js';
import { captionLines } from '../../internal/caption.js';
import { blobToDataUrl, fileBase, type ImageFormat } from '../../internal/downloads.js';
import type { Lang } from '../../internal/i18n.js';
import { csvLabels, tableCsv, tableImageRows } from './table-csv.js';
import type { View } from './table-data.js';
import type { Row } from './table-model.js';

/** `vergleich-<indicators>-<first year>[-<last year>]`. */
export function tableFileBase(view: View): string {
  const years = [...new Set(view.model.columns.filter((c) => c.kind === 'value').map((c) => c.year))];
  const last = years.length > 1 ? years.at(-1) : undefined;
  return fileBase(['vergleich', ...view.indicators.map((i) => i.id), years[0], last]);
}

/**
 * The CSV text of the rows shown. The Excel flavour (for people) ends with the source and
 * licence lines; the machine flavour is the header and the data only, so that any CSV
 * reader can load it (source and licence are in the Excel file and in the caption).
 */
export function tableCsvText(view: View, shown: readonly Row[], flavour: CsvFlavour, lang: Lang): string {
  const rows = [...view.model.references, ...shown];
  const footer = flavour === 'machine' ? [] : captionLines(view.catalog, view.indicators, lang).filter(Boolean);
  return tableCsv(view.model, rows, flavour, csvLabels(view.model, lang), footer);
}

/** The rows shown as an SVG text or a PNG data URL, under `title`. */
export async function tableImage(
  view: View,
  shown: readonly Row[],
  format: ImageFormat,
  title: string,
  lang: Lang,
  locale: string,
): Promise<string> {
  const { svgTable, svgToPng } = await import('../../internal/svg-image.js');
  const { model } = view;
  const table = tableImageRows(model, [...model.references, ...shown], csvLabels(model, lang), locale);
  const doc = svgTable({
    title,
    ...table,
    strong: new Set(model.references.map((_, i) => i)),
    footer: captionLines(view.catalog, view.indicators, lang).filter(Boolean),
  });
  return format === 'svg' ? doc.svg : blobToDataUrl(await svgToPng(doc));
}
