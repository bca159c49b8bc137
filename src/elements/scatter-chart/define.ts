import { define } from '../../internal/define.js';
import { ScatterChartElement } from './scatter-chart.js';

export { ScatterChartElement };

define('scatter-chart', ScatterChartElement);

declare global {
  interface HTMLElementTagNameMap {
    'scatter-chart': ScatterChartElement;
  }
}
