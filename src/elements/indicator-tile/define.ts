import { define } from '../../internal/define.js';
import { IndicatorTileElement } from './indicator-tile.js';

export { IndicatorTileElement };

define('indicator-tile', IndicatorTileElement);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-tile': IndicatorTileElement;
  }
}
