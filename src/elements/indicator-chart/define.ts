import { define } from '../../internal/define.js';
import { IndicatorChartElement } from './indicator-chart.js';

export { IndicatorChartElement };

define('indicator-chart', IndicatorChartElement);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-chart': IndicatorChartElement;
  }
}
