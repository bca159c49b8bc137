/**
 * Order and filter of `<comparison-table>`: the rows shown for a query and a sort column
 * (computed again only when one of them changed), the next sort on a header click and its
 * announcement. No DOM.
 */
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { columnLabel } from './table-view.js';
import {
  defaultDirection,
  filterRows,
  NAME_KEY,
  sortColumnKey,
  sortRows,
  type Row,
  type SortDirection,
  type TableModel,
} from './table-model.js';

/** The sort of the `sort`/`direction` attributes (the direction defaults by column). */
export function attributeSort(sort: string, direction: string): { key: string; direction: SortDirection } {
  return {
    key: sort,
    direction: direction === 'ascending' || direction === 'descending' ? direction : defaultDirection(sort || NAME_KEY),
  };
}

/** The compared rows in the current filter and order, kept until an input changes. */
export class ShownRows {
  rows: Row[] = [];
  private inputs?: unknown[];

  /**
   * Filters and sorts `model`'s rows when any input differs from the last call (`extra`:
   * more values whose change counts, e.g. the language); true when the rows were computed again.
   */
  update(
    model: TableModel,
    query: string,
    sortKey: string,
    direction: SortDirection,
    locale: string,
    extra: unknown[] = [],
  ): boolean {
    const inputs = [model, query, sortKey, direction, locale, ...extra];
    if (this.inputs && inputs.length === this.inputs.length && inputs.every((k, i) => k === this.inputs![i]))
      return false;
    this.inputs = inputs;
    const column = sortColumnKey(model, sortKey);
    const filtered = filterRows(model.rows, query);
    this.rows = column ? sortRows(filtered, column, direction, locale) : filtered;
    return true;
  }
}

/** The sort after a click on the header of `key`: the same column flips, another starts in its default direction. */
export function nextSort(
  model: TableModel,
  current: { key: string; direction: SortDirection },
  key: string,
): { key: string; direction: SortDirection } {
  const same = sortColumnKey(model, current.key) === key;
  return {
    key,
    direction: same ? (current.direction === 'ascending' ? 'descending' : 'ascending') : defaultDirection(key),
  };
}

/** "Sortiert nach <column>, <direction>" for the live region. */
export function sortAnnouncement(model: TableModel, key: string, direction: SortDirection, lang: Lang): string {
  const column = model.columns.find((c) => c.key === key);
  const label = key === NAME_KEY || !column ? msg(messages, lang, 'region') : columnLabel(model, column, lang, true);
  return msg(messages, lang, 'sortedBy', { column: label, direction: msg(messages, lang, direction) });
}
