import { html, type TemplateResult } from 'lit';
import type { Catalog, Indicator, Licence } from '../data/schema.js';
import { formatDate, localText } from '../data/format.js';
import { common, localeOf, msg, type Lang } from './i18n.js';

/** English names of the common licences by id (the catalog's `name` is usually German). */
const LICENCE_EN: Record<string, string> = {
  'cc0-1.0': 'CC0 1.0 Universal',
  'cc-by-4.0': 'CC BY 4.0 (Attribution)',
  'cc-by-sa-4.0': 'CC BY-SA 4.0 (Attribution-ShareAlike)',
  'dl-de/by-2-0': 'Data licence Germany – attribution – version 2.0',
  'dl-de-by-2.0': 'Data licence Germany – attribution – version 2.0',
  'dl-de/zero-2-0': 'Data licence Germany – Zero – version 2.0',
  'dl-de-zero-2.0': 'Data licence Germany – Zero – version 2.0',
};

/** The licence's name in the language of the text: the catalog's name, in English the English name of a known licence id. */
export function licenceName(licence: Licence, lang: Lang): string {
  if (lang !== 'en') return licence.name;
  const en = LICENCE_EN[licence.id.toLowerCase()];
  return en ?? licence.name;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/**
 * The source and licence line every view carries (caption, CSV footer, PNG/SVG
 * footer): "Quelle: …; Lizenz: …; Datenstand: …".
 */
export function sourceLine(catalog: Catalog, indicators: Indicator[], lang: Lang, extra: string[] = []): string {
  const sources = unique(indicators.map((i) => i.source));
  const licences = unique(indicators.map((i) => licenceName(i.licence ?? catalog.licence, lang)));
  const parts = [
    `${msg(common, lang, 'source')}: ${(sources.length ? sources : [catalog.publisher]).join(', ')}`,
    `${msg(common, lang, 'licence')}: ${licences.join(', ')}`,
    `${msg(common, lang, 'dataYear')}: ${unique(indicators.map((i) => formatDate(i.updated ?? catalog.updated, localeOf(lang)))).join(', ') || formatDate(catalog.updated, localeOf(lang))}`,
    ...extra,
  ];
  return parts.join('; ');
}

/** The lines under a view: source and licence, attribution, the sample-data notice. */
export function captionLines(catalog: Catalog, indicators: Indicator[], lang: Lang, extra: string[] = []): string[] {
  const lines = [sourceLine(catalog, indicators, lang, extra), catalog.attribution];
  if (catalog.synthetic) lines.push(catalog.notice ? localText(catalog.notice, lang) : msg(common, lang, 'synthetic'));
  return lines;
}

/** Renders `captionLines` as the element's caption (part `caption`). */
export function renderCaption(
  catalog: Catalog,
  indicators: Indicator[],
  lang: Lang,
  extra: string[] = [],
): TemplateResult {
  const [source, attribution, notice] = captionLines(catalog, indicators, lang, extra);
  return html`<div class="caption" part="caption">
    <p class="source">${source}</p>
    ${attribution ? html`<p class="attribution">${attribution}</p>` : ''}
    ${notice ? html`<p class="notice">${notice}</p>` : ''}
  </div>`;
}
