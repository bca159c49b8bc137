import { html, type TemplateResult } from 'lit';
import type { Catalog, Indicator } from '../data/schema.js';
import { formatDate, localText } from '../data/format.js';
import { common, msg, type Lang } from './i18n.js';

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/**
 * The source and licence line every view carries (caption, CSV footer, PNG/SVG
 * footer): "Quelle: …; Lizenz: …; Datenstand: …".
 */
export function sourceLine(catalog: Catalog, indicators: Indicator[], lang: Lang, extra: string[] = []): string {
  const sources = unique(indicators.map((i) => i.source));
  const licences = unique(indicators.map((i) => (i.licence ?? catalog.licence).name));
  const parts = [
    `${msg(common, lang, 'source')}: ${(sources.length ? sources : [catalog.publisher]).join(', ')}`,
    `${msg(common, lang, 'licence')}: ${licences.join(', ')}`,
    `${msg(common, lang, 'dataYear')}: ${unique(indicators.map((i) => formatDate(i.updated ?? catalog.updated, lang))).join(', ') || formatDate(catalog.updated, lang)}`,
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
