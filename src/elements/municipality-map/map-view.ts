/**
 * The Lit templates of `<municipality-map>` around the Leaflet map: inset, tooltip,
 * legend, year slider and table alternative. Every text is
 * bound as text (never HTML); colours are SVG presentation attributes, never inline
 * styles (a strict CSP blocks `style` attributes).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Geometry } from 'geojson';
import { statusLabel } from '../../data/format.js';
import { common, msg, type Lang } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import { renderReserve, type CaptionPreview } from '../../internal/catalog-preview.js';
import { renderToolbar } from '../../internal/downloads.js';
import { bbox, fitProjection, pathData } from './geo.js';
import type { LegendItem, MapModel, RegionView } from './map-model.js';
import type { View } from './map-data.js';
import { messages } from './messages.js';
import { swatchFill } from './hatch.js';

export const STROKE = '#66727f';
export const SELECTED_STROKE = '#111111';

export interface InsetContext {
  lang: Lang;
  selected: boolean;
  tabStop: boolean;
  label: string;
  fill: string;
  onSelect: () => void;
  onPointer: (e: PointerEvent) => void;
}

/** The accessible name of the map: indicator, year and where. */
export function mapLabel(model: MapModel, lang: Lang): string {
  return msg(messages, lang, 'mapLabel', {
    indicator: model.indicator.label,
    year: model.yearText,
    where: model.where,
  });
}

/** What the insets need from the element: the selection, the tab stop, names, fills and handlers. */
export interface InsetsContext {
  lang: Lang;
  selected: string;
  tabStop: string;
  label: (r: RegionView) => string;
  fill: (r: RegionView) => string;
  onSelect: (id: string) => void;
  onPointer: (id: string, e: PointerEvent) => void;
}

/** The insets of a view (outlying regions), each in its own small SVG. */
export function renderInsets(v: View, c: InsetsContext): unknown[] {
  return v.geo.inset.map((f) => {
    const r = v.model.byId.get(f.id);
    if (!r) return nothing;
    return renderInset(f.geometry, r, {
      lang: c.lang,
      selected: r.id === c.selected,
      tabStop: r.id === c.tabStop,
      label: c.label(r),
      fill: c.fill(r),
      onSelect: () => c.onSelect(r.id),
      onPointer: (e) => c.onPointer(r.id, e),
    });
  });
}

/** An outlying region drawn in a small SVG in the corner of the map. */
export function renderInset(geometry: Geometry, r: RegionView, c: InsetContext): TemplateResult {
  const b = bbox(geometry);
  if (!b) return html``;
  const fit = fitProjection(b, 0, 0, 120, 88, 6);
  const title = msg(messages, c.lang, 'insetLabel', { names: r.name });
  return html`<div class="inset" part="inset">
    <svg viewBox="0 0 120 88" role="group" aria-label=${title}>
      ${svg`<path d=${pathData(geometry, fit.project)} data-region=${r.id} role="button" tabindex=${c.tabStop ? '0' : '-1'}
        aria-label=${c.label} aria-pressed=${String(c.selected)} fill=${c.fill} fill-rule="evenodd"
        stroke=${c.selected ? SELECTED_STROKE : STROKE} stroke-width=${c.selected ? 3 : 0.8}
        @click=${c.onSelect} @pointerenter=${c.onPointer} @pointermove=${c.onPointer}></path>`}
    </svg>
    <span class="inset-name" aria-hidden="true">${r.name}</span>
  </div>`;
}

/** The tooltip: name, value with unit, status, deviation from the reference (positioned by the element). */
export function renderTooltip(r: RegionView, model: MapModel, lang: Lang): TemplateResult {
  const status = statusLabel(r.status, lang);
  const value =
    r.fill === 'nodata'
      ? msg(messages, lang, 'noData')
      : r.value === null
        ? r.text
        : `${r.text} ${model.indicator.unit}`;
  return html`<div class="tooltip" part="tooltip" aria-hidden="true">
    <strong>${r.name}</strong>
    <span class="value">${value}</span>
    ${status ? html`<span class="status">${status}</span>` : nothing}
    ${r.deviationText ? html`<span class="deviation">${r.deviationText}</span>` : nothing}
  </div>`;
}

function swatch(item: LegendItem): TemplateResult {
  const fill = swatchFill(item, '#d9d9d9');
  return html`<svg class="swatch ${item.small ? 'small' : item.fill}" viewBox="0 0 24 16" aria-hidden="true">
    ${svg`<rect x="0.5" y="0.5" width="23" height="15" fill=${fill} stroke=${STROKE}></rect>`}
  </svg>`;
}

/** The pattern of an entry in words (hatched, dotted), for readers who do not see the swatch. */
function patternWords(item: LegendItem, lang: Lang): TemplateResult | typeof nothing {
  const key = item.small ? 'patternDots' : item.fill === 'suppressed' ? 'patternHatch' : '';
  return key ? html`<span class="visually-hidden">${msg(messages, lang, key)}: </span>` : nothing;
}

/**
 * The legend: class ranges with counts, suppressed, small-count and missing entries,
 * reference value, notes. Its title is not a heading (a widget cannot know the host's
 * outline; the widget's own title carries the heading level).
 */
export function renderLegend(model: MapModel, lang: Lang): TemplateResult {
  const { indicator, reference } = model;
  return html`<div class="legend" part="legend" role="group" aria-labelledby="legend-title">
    <p id="legend-title" class="legend-title">
      ${indicator.label}
      ${model.yearText}${indicator.unit ? html` <span class="unit">(${indicator.unit})</span>` : nothing}
    </p>
    <ul>
      ${model.legend.map(
        (item) =>
          html`<li
            data-legend=${item.key}
            data-fill=${item.small ? 'small' : item.fill === 'class' ? item.color : item.fill}
          >
            ${swatch(item)} ${patternWords(item, lang)}
            <span class="label">${item.label}</span>
            <span class="count">${item.count}<span class="visually-hidden"> ${model.noun(item.count)}</span></span>
          </li>`,
      )}
    </ul>
    ${
      reference
        ? html`<p class="note reference">
            ${msg(messages, lang, 'legendReference', { name: reference.name, value: reference.text })}
          </p>`
        : nothing
    }
    ${model.notes.map((n) => html`<p class="note">${n}</p>`)}
  </div>`;
}

/** The year slider (`show-time`): an index over the indicator's years. */
export function renderTime(
  years: readonly number[],
  year: number,
  lang: Lang,
  onYear: (y: number) => void,
): TemplateResult {
  const index = Math.max(0, years.indexOf(year));
  return html`<div class="time" part="time">
    <label for="year">${msg(messages, lang, 'yearLabel')}</label>
    <input
      id="year"
      type="range"
      min="0"
      max=${years.length - 1}
      step="1"
      .value=${String(index)}
      aria-valuetext=${String(year)}
      @input=${(e: Event) => onYear(years[Number((e.target as HTMLInputElement).value)])}
    />
    <output for="year">${year}</output>
  </div>`;
}

export interface TableContext {
  lang: Lang;
  open: boolean;
  selected: string;
  /** Region ids in table order (by name). */
  order: readonly string[];
  onToggle: (open: boolean) => void;
  onSelect: (id: string) => void;
}

/** The table alternative in a `<details>`; rows only while open (1,112 rows cost time). */
export function renderTable(model: MapModel, c: TableContext): TemplateResult {
  const { lang } = c;
  const ref = model.reference;
  const legendOf = (r: RegionView) =>
    r.classIndex >= 0
      ? model.legend[r.classIndex]
      : model.legend.find((l) => (r.fill === 'nodata' ? l.fill === 'nodata' : l.symbol === r.status));
  return html`<details part="table" @toggle=${(e: Event) => c.onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>${msg(common, lang, c.open ? 'hideTable' : 'showTable')}</summary>
    ${
      c.open
        ? html`<div class="table-scroll">
            <table>
              <caption>
                ${msg(messages, lang, 'tableCaption', {
                  indicator: model.indicator.label,
                  year: model.yearText,
                  where: model.where,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg(messages, lang, 'tableRegion')}</th>
                  <th scope="col" class="num">${msg(messages, lang, 'tableValue', { unit: model.indicator.unit })}</th>
                  <th scope="col">${msg(messages, lang, 'tableClass')}</th>
                  ${
                    ref
                      ? html`<th scope="col" class="num">
                          ${msg(messages, lang, 'tableDeviation', { name: ref.name })}
                        </th>`
                      : nothing
                  }
                </tr>
              </thead>
              <tbody>
                ${c.order.map((id) => {
                  const r = model.byId.get(id)!;
                  const selected = r.id === c.selected;
                  return html`<tr class=${selected ? 'selected' : ''} data-region=${r.id}>
                    <th scope="row">
                      <button
                        type="button"
                        class="region"
                        aria-pressed=${String(selected)}
                        @click=${() => c.onSelect(r.id)}
                      >
                        ${r.name}
                      </button>
                    </th>
                    <td class="num">${r.text}</td>
                    <td>${legendOf(r)?.label ?? ''}</td>
                    ${ref ? html`<td class="num">${r.deviationShort}</td>` : nothing}
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : nothing
    }
  </details>`;
}

/** The loading skeleton: a title line (when generated), the map frame and the legend, sized like the result. */
export function renderSkeleton(
  o: { title: boolean; legend: boolean; toolbar: boolean; caption?: CaptionPreview },
  lang: Lang,
): TemplateResult {
  return html`<div class="skeleton-box" aria-hidden="true">
      ${o.title ? html`<div class="title-skeleton"></div>` : nothing}
      <div class="frame">
        <div class="skeleton map-skeleton"></div>
        ${o.legend ? html`<div class="skeleton legend-skeleton"></div>` : nothing}
      </div>
    </div>
    ${renderReserve(
      html`<p class="summary">–<br />–</p>
        ${o.toolbar ? renderToolbar(lang, { download: () => undefined }) : nothing}
        ${o.caption ? renderCaption(o.caption.catalog, o.caption.indicators, lang) : nothing}`,
    )}`;
}

/** Caption lines beyond the catalog's: the geometry's attribution, the tile server's (`tiles-attribution`). */
export function captionExtras(v: View, tilesAttribution: string, lang: Lang): string[] {
  return [
    ...(v.attribution && !v.catalog.attribution.includes(v.attribution) ? [v.attribution] : []),
    ...(tilesAttribution ? [msg(messages, lang, 'tiles', { attribution: tilesAttribution })] : []),
  ];
}
