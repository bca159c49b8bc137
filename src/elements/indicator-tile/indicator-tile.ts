import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatValue, localText, numberFormat, statusLabel } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { msg } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import { assignChanged, SelectionController } from '../../internal/selection.js';
import { loadTile, type TileArgs, type TileView } from './tile-data.js';
import { messages } from './messages.js';
import { styles } from './indicator-tile.styles.js';
import { tileHeight } from './tile-text.js';
import { widthOf } from '../../internal/skeleton.js';

/**
 * The headline number of one indicator for one region: value with unit and year, the
 * change against the previous year, a sentence that compares the region with its Kreis
 * and the Land (judged by the indicator's polarity), and a warning where the value rests
 * on few cases.
 *
 * @tag indicator-tile
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year indicator`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - The tile shows a value; `detail.count` is 1 (0: region not in the data).
 * @fires fokus-error - The tile shows an error (e.g. unknown indicator or region).
 * @csspart label - The indicator's name.
 * @csspart value - The number and its unit.
 * @csspart change - The change against the previous year.
 * @csspart sentence - The comparison with Kreis and Land.
 * @csspart warning - The small-count warning.
 * @csspart caption - Source and licence.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-color-better - Colour of a favourable change (the text says it too).
 * @cssprop --fokus-color-worse - Colour of an unfavourable change.
 */
export class IndicatorTileElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Indicator id, e.g. `geburtenrate` (required). Follows the group's `indicator`. */
  @property() indicator = '';
  /** Region key, e.g. `01056015` (required). Follows the group's `region`. */
  @property() region = '';
  /** Year; default the latest with a value for the region. Follows the group's `year`. */
  @property({ type: Number }) year?: number;
  /** Regions compared with: `auto` (the Kreis and the Land above the region), `none`, or keys like `01056,01`. */
  @property() compare = 'auto';
  /** Below this many cases (the numerator of a rate) a warning says the value swings by chance; 0 turns it off. Default: the indicator's `minCount` in the catalog (20). */
  @property({ type: Number, attribute: 'min-count' }) minCount?: number;
  /** Label above the number; default the indicator's name. */
  @property() label = '';
  /** Hide the source and licence caption (show it once elsewhere on the page). */
  @property({ type: Boolean, attribute: 'no-source' }) noSource = false;

  protected readonly selection = new SelectionController(this, {
    keys: ['region', 'year', 'indicator'],
    apply: assignChanged(this, ['region', 'year', 'indicator']),
  });

  private data = new DataTask(this, {
    args: (): TileArgs => ({
      endpoint: this.resolvedEndpoint,
      indicator: this.indicator,
      region: this.region,
      year: this.year,
      compare: this.compare,
      minCount: this.minCount,
      lang: this.uiLang,
      locale: this.locale,
    }),
    load: loadTile,
    describe: (v: TileView) => ({ indicators: [v.indicator.id], count: v.count }),
  });

  /** The sentence shown (for hosts that want to reuse it). */
  get sentence(): string {
    return this.data.value?.sentence ?? '';
  }

  private renderTile(v: TileView): unknown {
    const lang = this.uiLang;
    const { indicator, current } = v;
    const shown = formatValue(current.value, current.status, indicator.decimals, this.locale);
    const symbol = current.status ? statusLabel(current.status, lang) : '';
    const change = v.change;
    return html`
      <p class="label" part="label" lang=${lang}>${this.label || localText(indicator.label, lang)}</p>
      <p class="where">${msg(messages, lang, 'regionYear', { region: v.regionName, year: v.year })}</p>
      <p class="value" part="value">
        <span class="number">${shown}</span>
        <span class="unit">${localText(indicator.unit, lang)}</span>
        ${symbol ? html`<span class="visually-hidden">(${symbol})</span>` : nothing}
      </p>
      ${
        current.value === null
          ? html`<p class="sentence">
              ${msg(messages, lang, 'noValue', { region: v.regionName, year: v.year })}${symbol ? ` (${symbol})` : ''}.
            </p>`
          : nothing
      }
      ${
        change
          ? html`<p class="change ${change.tone}" part="change">
              <span class="delta" aria-hidden="true"
                >${change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '●'} ${change.text}</span
              >
              <span aria-hidden="true">${msg(messages, lang, 'change', { year: change.previousYear })}</span>
              <span class="visually-hidden"
                >${change.label}${change.tone !== 'neutral' ? ` (${msg(messages, lang, change.tone)})` : ''}</span
              >
            </p>`
          : nothing
      }
      ${v.sentence ? html`<p class="sentence" part="sentence">${v.sentence}</p>` : nothing}
      ${
        v.smallCount !== undefined
          ? html`<p class="warning" part="warning" role="note">
              ${msg(messages, lang, 'smallCount', { count: numberFormat(this.locale, 0).format(v.smallCount) })}
              ${
                v.smallInterval
                  ? msg(messages, lang, 'interval', {
                      low: numberFormat(this.locale, indicator.decimals).format(v.smallInterval.low),
                      high: numberFormat(this.locale, indicator.decimals).format(v.smallInterval.high),
                    })
                  : nothing
              }
            </p>`
          : nothing
      }
      ${this.noSource ? nothing : renderCaption(v.catalog, [indicator], lang)}
    `;
  }

  override render() {
    return this.data.render({
      // the finished tile's height (the host's padding and border are outside the loading box)
      skeletonHeight: tileHeight(widthOf(this), { noSource: this.noSource }) - 18,
      skeleton: () =>
        html`<div class="skeleton tile-line"></div>
          <div class="skeleton tile-number"></div>
          <div class="skeleton tile-line"></div>`,
      complete: (v) => this.renderTile(v),
    });
  }
}
