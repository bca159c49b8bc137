import { define } from '../../internal/define.js';
import { IndicatorPickerElement } from './indicator-picker.js';

export { IndicatorPickerElement };

define('indicator-picker', IndicatorPickerElement);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-picker': IndicatorPickerElement;
  }
}
