import { define } from '../../internal/define.js';
import { RegionPickerElement } from './region-picker.js';

export { RegionPickerElement };

define('region-picker', RegionPickerElement);

declare global {
  interface HTMLElementTagNameMap {
    'region-picker': RegionPickerElement;
  }
}
