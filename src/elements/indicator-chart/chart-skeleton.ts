/**
 * The heights `<indicator-chart>` reserves, so that nothing moves when Vega has drawn:
 * the skeleton while loading (from the attributes) and the plot's minimum height (from the model).
 */
import { html, type TemplateResult } from 'lit';
import { styleProps } from '../../internal/style-props.js';
import type { ChartModel } from './chart-model.js';
import { defaultHeight, plotHeight } from './chart-spec.js';

const count = (list: string) => list.split(/[\s,;]+/).filter(Boolean).length;

/**
 * The skeleton reserves the drawn chart's size: a title line, the plot at the height Vega
 * will draw for this type and width (see `plotHeight`), the toolbar and the caption.
 */
export function renderChartSkeleton(
  attrs: { type: string; region: string; compare: string; level: string; height?: number },
  width: number,
): TemplateResult {
  const bar = attrs.type === 'bar';
  const series = bar ? count(attrs.compare) : count(`${attrs.region} ${attrs.compare}`);
  const bars = bar && !attrs.level ? count(attrs.region) : undefined;
  const plot = plotHeight(attrs.type, width, { height: attrs.height, series, bars });
  return html`<div class="skeleton-title skeleton" aria-hidden="true"></div>
    <div class="skeleton chart" style=${styleProps({ height: `${plot}px` })}></div>
    <div class="skeleton-toolbar" aria-hidden="true"></div>`;
}

/** The height Vega will draw `model` at, reserved before it has drawn. */
export function chartMinHeight(model: ChartModel, width: number, height: number | undefined): number {
  return plotHeight(model.type, width, {
    height: height ?? defaultHeight(model),
    series: model.type === 'bar' ? model.refs.length : model.series.filter((s) => s.role !== 'other').length,
    bars: model.type === 'bar' ? model.rows.length : undefined,
  });
}
