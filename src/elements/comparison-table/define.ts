import { define } from '../../internal/define.js';
import { ComparisonTableElement } from './comparison-table.js';

export { ComparisonTableElement };

define('comparison-table', ComparisonTableElement);

declare global {
  interface HTMLElementTagNameMap {
    'comparison-table': ComparisonTableElement;
  }
}
