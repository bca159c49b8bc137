/**
 * The rank table of `<region-profile>`: each key indicator's value (a rate with its 95 %
 * interval), the value of the region it is placed in, and its rank with the ranks it can
 * plausibly take and a mark where a neighbour's interval overlaps its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatValue, localText, numberFormat } from '../../data/format.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import type { Profile, ProfileRow } from './profile-data.js';

/** The mark of a rank whose interval overlaps a neighbour's (as in `<comparison-table>`). */
const OVERLAP_MARK = '≈';

function valueCell(r: ProfileRow, id: string, lang: Lang, locale: string, withInterval: boolean): TemplateResult {
  const ind = r.data.indicator;
  const own = r.data.get(id, r.year);
  const ci = withInterval ? r.place?.interval : undefined;
  const f = numberFormat(locale, ind.decimals);
  return html`<td class="num">
    ${formatValue(own.value, own.status, ind.decimals, locale)}
    ${
      ci
        ? html`<span class="ci"
            ><span class="visually-hidden">${msg(messages, lang, 'intervalLong')} </span
            >(${f.format(ci.low)}–${f.format(ci.high)})</span
          >`
        : nothing
    }
  </td>`;
}

function rankCell(r: ProfileRow, lang: Lang): TemplateResult {
  const p = r.place;
  if (!p) return html`<td class="num">–</td>`;
  const range = p.range && p.range.best !== p.range.worst ? p.range : undefined;
  return html`<td class="num">
    <span class="rank"
      >${msg(messages, lang, 'rankOf', { rank: p.rank, of: p.of })}${
        p.overlap
          ? html`<span class="overlap" aria-hidden="true"> ${OVERLAP_MARK}</span
              ><span class="visually-hidden">, ${msg(messages, lang, 'overlap')}</span>`
          : nothing
      }</span
    >
    ${
      range
        ? html`<span class="range"
            ><span class="visually-hidden">${msg(messages, lang, 'rankRange')} </span
            >(${range.best}–${range.worst})</span
          >`
        : nothing
    }
  </td>`;
}

/** The table (part `place`) and, when a rate has an interval, the key to its marks. */
export function renderPlaceTable(p: Profile, caption: string, lang: Lang, locale: string): TemplateResult {
  const { region, place } = p;
  const intervals = p.rows.some((r) => r.place?.interval);
  const overlaps = p.rows.some((r) => r.place?.overlap);
  return html`<table part="place">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(messages, lang, 'indicator')}</th>
          <th scope="col" class="num">${region.name}</th>
          ${place ? html`<th scope="col" class="num">${place.name}</th>` : nothing}
          <th scope="col" class="num">${msg(messages, lang, 'rank')}</th>
        </tr>
      </thead>
      <tbody>
        ${p.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${localText(r.data.indicator.shortLabel ?? r.data.indicator.label, lang)}</th>
              ${valueCell(r, region.id, lang, locale, true)}
              ${place ? valueCell(r, place.id, lang, locale, false) : nothing} ${rankCell(r, lang)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      intervals
        ? html`<p class="key">
            ${msg(messages, lang, 'intervalKey')}
            ${overlaps ? html`<br /><span aria-hidden="true">${OVERLAP_MARK}</span> ${msg(messages, lang, 'overlapKey')}` : nothing}
          </p>`
        : nothing
    }`;
}
