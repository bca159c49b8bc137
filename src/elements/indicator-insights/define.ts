import { define } from '../../internal/define.js';
import { IndicatorInsightsElement } from './indicator-insights.js';

export { IndicatorInsightsElement };

define('indicator-insights', IndicatorInsightsElement);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-insights': IndicatorInsightsElement;
  }
}
