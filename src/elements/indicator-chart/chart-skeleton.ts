/**
 * The heights `<indicator-chart>` reserves, so that nothing moves when Vega has drawn:
 * the skeleton while loading (from the attributes) and the plot's minimum height (from the model).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderCaption } from '../../internal/caption.js';
import { renderReserve, type CaptionPreview } from '../../internal/catalog-preview.js';
import { renderToolbar } from '../../internal/downloads.js';
import type { Lang } from '../../internal/i18n.js';
import { styleProps } from '../../internal/style-props.js';
import { chartToggles } from './chart-parts.js';
import type { ChartModel } from './chart-model.js';
import { defaultHeight, plotHeight } from './chart-spec.js';

const count = (list: string) => list.split(/[\s,;]+/).filter(Boolean).length;

/**
 * The skeleton reserves the drawn chart's size: a title line, the plot at the height Vega
 * will draw for this type and width (see `plotHeight`), the toolbar and the caption.
 */
export function renderChartSkeleton(
  attrs: {
    type: string;
    region: string;
    compare: string;
    level: string;
    height?: number;
    noTable: boolean;
    noSource: boolean;
    uiLang: Lang;
  },
  width: number,
  caption: CaptionPreview | undefined,
): TemplateResult {
  const bar = attrs.type === 'bar';
  const series = bar ? count(attrs.compare) : count(`${attrs.region} ${attrs.compare}`);
  const bars = bar && !attrs.level ? count(attrs.region) : undefined;
  const plot = plotHeight(attrs.type, width, { height: attrs.height, series, bars });
  return html`<div class="skeleton-title skeleton" aria-hidden="true"></div>
    <div class="skeleton chart" style=${styleProps({ height: `${plot}px` })}></div>
    ${renderBelow(attrs.uiLang, !attrs.noTable, attrs.noSource ? undefined : caption)}`;
}

/**
 * Below the plot: the real toolbar and (once the catalog is read) the real caption, hidden
 * and inert, so they take the lines they will take when drawn (they wrap with the width).
 */
function renderBelow(lang: Lang, table: boolean, caption?: CaptionPreview): TemplateResult {
  const none = () => undefined;
  return renderReserve(
    html`${renderToolbar(lang, {
      toggles: chartToggles(lang, { table: table ? false : undefined, toggleTable: none, toggleDefinition: none }),
      download: none,
    })}
    ${caption ? renderCaption(caption.catalog, caption.indicators, lang) : nothing}`,
  );
}

/** The height Vega will draw `model` at, reserved before it has drawn. */
export function chartMinHeight(model: ChartModel, width: number, height: number | undefined): number {
  return plotHeight(model.type, width, {
    height: height ?? defaultHeight(model),
    series: model.type === 'bar' ? model.refs.length : model.series.filter((s) => s.role !== 'other').length,
    bars: model.type === 'bar' ? model.rows.length : undefined,
  });
}
