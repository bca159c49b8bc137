import { define } from '../../internal/define.js';
import { YearSliderElement } from './year-slider.js';

export { YearSliderElement };

define('year-slider', YearSliderElement);

declare global {
  interface HTMLElementTagNameMap {
    'year-slider': YearSliderElement;
  }
}
