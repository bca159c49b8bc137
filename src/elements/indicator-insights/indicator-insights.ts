import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localText, numberFormat } from '../../data/format.js';
import type { Bilingual, Finding, Method, MethodParameter } from '../../data/insights.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import { assignChanged, SelectionController } from '../../internal/selection.js';
import { loadInsights, type InsightsArgs, type InsightsView } from './insights-data.js';
import { messages } from './messages.js';
import { styles } from './indicator-insights.styles.js';

/**
 * Findings about one indicator in one region, each as one cautious sentence with its
 * method one click away: the trend since the last break in series (Theil–Sen, Mann–Kendall),
 * the region among its peers (median / MAD) with its rank and plausible rank range, and
 * notable year-on-year changes (exact Poisson test). Nothing is claimed from suppressed
 * values or small counts (below the indicator's `minCount`): those findings say so.
 *
 * @tag indicator-insights
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year indicator`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - The findings are shown; `detail.count` is 1 (0: region not in the data).
 * @fires fokus-error - The findings cannot be shown (e.g. unknown indicator or region, invalid `peers`).
 * @csspart heading - Indicator, region and year.
 * @csspart findings - The list of findings.
 * @csspart finding - One finding (also `notable`, `none` or `caution` as a class).
 * @csspart method - The disclosure widget with method, parameters and data of a finding.
 * @csspart disclaimer - The note that the findings are computed automatically.
 * @csspart caption - Source and licence.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @cssprop --fokus-color-notable - Marker of a notable finding (the text says it too; default #8a4b00).
 * @cssprop --fokus-color-caution - Marker of a finding the data cannot carry (default #5f6b76).
 */
export class IndicatorInsightsElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Indicator id, e.g. `geburtenrate` (required). Follows the group's `indicator`. */
  @property() indicator = '';
  /** Region key, e.g. `01056015` (required). Follows the group's `region`. */
  @property() region = '';
  /** Year; default the latest with a value for the region. Follows the group's `year`. */
  @property({ type: Number }) year?: number;
  /** Peers: `kreis` (the regions of the same level in its Kreis, default) or `size` (same level, half to double the denominator). */
  @property() peers = 'kreis';
  /** Hide the heading line (indicator, region, year). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;
  /** Hide the source and licence caption (show it once elsewhere on the page). */
  @property({ type: Boolean, attribute: 'no-source' }) noSource = false;

  protected readonly selection = new SelectionController(this, {
    keys: ['region', 'year', 'indicator'],
    apply: assignChanged(this, ['region', 'year', 'indicator']),
  });

  private data = new DataTask(this, {
    args: (): InsightsArgs => ({
      endpoint: this.resolvedEndpoint,
      indicator: this.indicator,
      region: this.region,
      year: this.year,
      peers: this.peers,
      lang: this.uiLang,
    }),
    load: loadInsights,
    describe: (v: InsightsView) => ({ indicators: [v.indicator.id], count: v.count }),
  });

  /** The findings shown (for hosts that want to reuse them). */
  get findings(): Finding[] {
    return this.data.value?.findings ?? [];
  }

  private text(t: Bilingual, lang: Lang): string {
    return lang === 'en' ? t.en : t.de;
  }

  private number(value: number, decimals: number): string {
    return numberFormat(this.locale, decimals).format(value);
  }

  private parameter(p: MethodParameter, lang: Lang): string {
    return typeof p.value === 'number' ? this.number(p.value, p.decimals ?? 0) : this.text(p.value, lang);
  }

  private renderMethod(m: Method, lang: Lang) {
    const { columns, rows } = m.data;
    return html`<details part="method">
      <summary>${msg(messages, lang, 'method')}</summary>
      <div class="method">
        <p><strong>${this.text(m.name, lang)}.</strong> ${this.text(m.description, lang)}</p>
        <p class="sub">${msg(messages, lang, 'parameters')}</p>
        <dl>
          ${m.parameters.map(
            (p) =>
              html`<dt>${this.text(p.label, lang)}</dt>
                <dd>${this.parameter(p, lang)}</dd>`,
          )}
        </dl>
        ${
          rows.length
            ? html`<div class="table-wrap">
                <table>
                  <caption>
                    ${msg(messages, lang, 'data')}
                  </caption>
                  <thead>
                    <tr>
                      ${columns.map(
                        (c) =>
                          html`<th scope="col" class=${c.decimals === undefined ? '' : 'num'}>
                            ${this.text(c.label, lang)}
                          </th>`,
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    ${rows.map(
                      (row) =>
                        html`<tr>
                          ${row.map((cell, i) => {
                            const d = columns[i]?.decimals;
                            if (i === 0) return html`<th scope="row">${cell ?? '–'}</th>`;
                            const shown =
                              typeof cell === 'number' ? this.number(cell, d ?? 0) : cell === null ? '–' : cell;
                            return html`<td class=${d === undefined ? '' : 'num'}>${shown}</td>`;
                          })}
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : nothing
        }
      </div>
    </details>`;
  }

  private renderInsights(v: InsightsView): unknown {
    const lang = this.uiLang;
    const heading = msg(messages, lang, 'heading', {
      indicator: localText(v.indicator.label, lang),
      region: v.region.name,
      year: v.period,
    });
    return html`
      ${this.noHeading ? nothing : html`<p class="heading" part="heading">${heading}</p>`}
      ${
        v.findings.length
          ? html`<ul part="findings" aria-label=${heading}>
              ${v.findings.map(
                (f) =>
                  html`<li class="finding ${f.verdict}" part="finding ${f.verdict}" data-kind=${f.kind}>
                    <p class="text">
                      <span class="verdict">${msg(messages, lang, f.verdict)}</span
                      ><span class="visually-hidden">: </span>${this.text(f.text, lang)}
                    </p>
                    ${this.renderMethod(f.method, lang)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="text" role="note">
              ${msg(messages, lang, 'noFindings', { region: v.region.name, year: v.period })}
            </p>`
      }
      <p class="disclaimer" part="disclaimer">${msg(messages, lang, 'disclaimer')}</p>
      ${this.noSource ? nothing : renderCaption(v.catalog, [v.indicator], lang)}
    `;
  }

  override render() {
    return this.data.render({
      skeleton: () =>
        html`<div class="skeleton line short"></div>
          <div class="skeleton line"></div>
          <div class="skeleton line"></div>
          <div class="skeleton line"></div>`,
      complete: (v) => this.renderInsights(v),
    });
  }
}
