import { define } from '../../internal/define.js';
import { RegionProfileElement } from './region-profile.js';

export { RegionProfileElement };

define('region-profile', RegionProfileElement);

declare global {
  interface HTMLElementTagNameMap {
    'region-profile': RegionProfileElement;
  }
}
