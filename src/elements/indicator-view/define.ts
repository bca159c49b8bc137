import { define } from '../../internal/define.js';
import { IndicatorViewElement } from './indicator-view.js';

export { IndicatorViewElement };

define('indicator-view', IndicatorViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-view': IndicatorViewElement;
  }
}
