/**
 * The loading skeleton of `<comparison-table>`, sized like the table that comes: as many
 * rows as regions (from the catalog, which is small, shared and usually cached before the
 * indicator files arrive), the same row and header heights (it is a table with the same
 * cell styles), the filter line, key, caption and toolbar. So the page does not shift when
 * the data arrive.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../data/schema.js';
import { childrenOf, parseLevel, parseRegionList } from '../../data/model.js';

/** What the skeleton needs to know about the coming table. */
export interface PreviewShape {
  /** Compared rows. */
  rows: number;
  /** Pinned reference rows. */
  references: number;
  /** Value, deviation and rank columns. */
  columns: number;
  /** Header rows (2 when an indicator has deviation or rank columns). */
  heads: number;
  /** More rows than the window threshold: the table scrolls in a box of fixed height. */
  windowed: boolean;
  /** Lines of the caption (source, attribution, notice) and of the key. */
  captionLines: number;
  keyLines: number;
  /** Value cells carry a sparkline (indicators mode). */
  sparkline: boolean;
}

export interface PreviewInput {
  indicators: string;
  indicator: string;
  level: string;
  parent: string;
  regions: string;
  reference: string;
  deviation: boolean;
  rank: boolean;
  windowThreshold: number;
  sparkline: boolean;
}

const list = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The shape of the table the attributes describe; undefined when they are not valid (the loader says why). */
export function previewShape(catalog: Catalog, a: PreviewInput): PreviewShape | undefined {
  try {
    const level = parseLevel(a.level || 'gemeinde');
    const rows = a.regions
      ? parseRegionList(catalog, a.regions).length
      : a.parent
        ? childrenOf(catalog, a.parent.trim(), level).length
        : catalog.regions.filter((r) => r.level === level).length;
    const references = a.reference ? parseRegionList(catalog, a.reference).length : 0;
    const extras = (a.deviation && references ? 1 : 0) + (a.rank ? 1 : 0);
    const indicator = a.indicator ? catalog.indicators.find((i) => i.id === a.indicator.trim()) : undefined;
    const columns = a.indicator ? (indicator?.years.length ?? 1) + extras : list(a.indicators).length * (1 + extras);
    return {
      rows,
      references,
      columns,
      heads: extras ? 2 : 1,
      windowed: rows > a.windowThreshold,
      captionLines: 1 + (catalog.attribution ? 1 : 0) + (catalog.synthetic ? 1 : 0),
      keyLines: 1 + (a.rank ? 1 : 0) + (a.deviation && references ? 2 : 0),
      sparkline: a.sparkline && !a.indicator,
    };
  } catch {
    return undefined;
  }
}

/** Rows of the skeleton drawn with every cell (the others: name and one cell of the same height). */
const FULL_ROWS = 12;

const bar = (cls = '') => html`<span class="skeleton bar ${cls}"></span>`;

/** The skeleton; a generic one of 10 rows until the shape is known. */
export function renderSkeleton(
  shape: PreviewShape | undefined,
  o: { filter: boolean; toolbar: boolean },
): TemplateResult {
  const s: PreviewShape = shape ?? {
    rows: 10,
    references: 0,
    columns: 3,
    heads: 1,
    windowed: false,
    captionLines: 2,
    keyLines: 1,
    sparkline: false,
  };
  const cells = Math.min(s.columns, 8);
  const cell = (colspan: number) =>
    html`<td class="num" colspan=${colspan}>
      ${s.sparkline ? bar('spark') : nothing}<span class="v">${bar('num')}</span>
    </td>`;
  // Rows below the first few have the same height with one cell across the columns (its bars
  // hidden): a skeleton of 1,000 cells would cost the layout it is meant to stand in for.
  const row = (_: unknown, i: number): TemplateResult =>
    i < FULL_ROWS
      ? html`<tr>
          <th scope="row">${bar('name')}</th>
          ${Array.from({ length: cells }, () => cell(1))}
        </tr>`
      : html`<tr class="rest">
          <th scope="row">${bar('name')}</th>
          ${cell(cells)}
        </tr>`;
  // a windowed table shows a box of fixed height: no need to draw rows nobody sees
  const bodyRows = s.windowed ? 0 : s.rows;
  return html`<div class="skeleton-table" aria-hidden="true">
    ${o.filter ? html`<div class="controls">${bar('filter')}</div>` : nothing}
    <div class="scroller ${s.windowed ? 'windowed' : ''}">
      <table>
        <caption>
          ${bar('title')}
        </caption>
        <thead>
          ${Array.from(
            { length: s.heads },
            (_, i) =>
              html`<tr>
                <th>${i === s.heads - 1 ? bar('head') : nothing}</th>
                ${Array.from(
                  { length: cells },
                  () =>
                    html`<th class="num">
                      ${bar('head')}<span class="unit">${bar('head')}</span
                      >${i === 0 ? html`<span class="unit">${bar('head')}</span>` : nothing}
                    </th>`,
                )}
              </tr>`,
          )}
        </thead>
        <tbody>
          ${Array.from({ length: s.references + bodyRows }, row)}
        </tbody>
      </table>
      ${s.windowed ? html`<div class="skeleton-window"></div>` : nothing}
    </div>
    <div class="key">${Array.from({ length: s.keyLines }, () => html`<p>${bar('line')}</p>`)}</div>
    <div class="caption">${Array.from({ length: s.captionLines }, () => html`<p>${bar('line')}</p>`)}</div>
    ${o.toolbar ? html`<div class="toolbar"><button type="button" disabled tabindex="-1">&nbsp;</button></div>` : nothing}
  </div>`;
}
