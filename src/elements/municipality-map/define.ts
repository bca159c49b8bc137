import { define } from '../../internal/define.js';
import { MunicipalityMapElement } from './municipality-map.js';

export { MunicipalityMapElement };

define('municipality-map', MunicipalityMapElement);

declare global {
  interface HTMLElementTagNameMap {
    'municipality-map': MunicipalityMapElement;
  }
}
