import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Indicator } from '../../data/schema.js';
import { indicatorById } from '../../data/model.js';
import { localText } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { msg } from '../../internal/i18n.js';
import { SelectionController } from '../../internal/selection.js';
import { loadIndicatorOptions, type PickerArgs, type PickerView } from './picker-data.js';
import { messages } from './messages.js';
import { styles } from './indicator-picker.styles.js';

/**
 * A choice of one indicator, grouped by topic (a native `<select>` with option groups, so
 * it works with every keyboard and screen reader), with the indicator's definition, unit,
 * years and source below it.
 *
 * @tag indicator-picker
 * @fires change - The user chose an indicator; read `value`.
 * @fires fokus-load - The list is ready; `detail.count` is the number of indicators.
 * @fires fokus-error - The list cannot be shown.
 * @csspart select - The `<select>`.
 * @csspart definition - The definition under it.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 */
export class IndicatorPickerElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Id of the chosen indicator; default the first one. Follows and sets the `indicator` of the `group`. */
  @property({ reflect: true }) value = '';
  /** Offer only the indicators of these topics (ids, comma-separated), e.g. `alter`. */
  @property() topics = '';
  /** Offer only these indicators (ids, comma-separated). */
  @property() indicators = '';
  /** Visible label; default "Indikator". */
  @property() label = '';
  /** Hide the definition. */
  @property({ type: Boolean, attribute: 'no-definition' }) noDefinition = false;
  /** Write the group's selection into the URL (deep links, back button). */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  private selection = new SelectionController(this, {
    keys: ['indicator'],
    apply: (s) => {
      if (s.indicator) this.value = s.indicator;
    },
    seed: () => (this.value ? { indicator: this.value } : {}),
  });

  private data = new DataTask(this, {
    args: (): PickerArgs => ({
      endpoint: this.resolvedEndpoint,
      topics: this.topics,
      indicators: this.indicators,
      lang: this.uiLang,
    }),
    load: loadIndicatorOptions,
    describe: (v) => ({
      indicators: v.groups.flatMap((g) => g.indicators.map((i) => i.id)),
      count: v.groups.reduce((n, g) => n + g.indicators.length, 0),
    }),
  });

  /** The catalog entry of the chosen indicator (once loaded). */
  get indicator(): Indicator | undefined {
    const v = this.data.value;
    return v && this.value ? indicatorById(v.catalog, this.value) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const v = this.data.value;
    const first = v?.groups[0]?.indicators[0];
    if (first && !this.value) {
      this.value = first.id;
      this.selection.offer({ indicator: first.id });
    }
  }

  protected override updated(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select');
    if (select && this.value && select.value !== this.value) select.value = this.value;
  }

  /** Chooses an indicator as the user does: sets `value`, fires `change`, informs the group. */
  choose(id: string): void {
    if (id === this.value) return;
    this.value = id;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.selection.select({ indicator: id });
  }

  private renderPicker(v: PickerView): unknown {
    const lang = this.uiLang;
    const current = this.indicator;
    const inList = v.groups.some((g) => g.indicators.some((i) => i.id === this.value));
    return html`
      <label for="select">${this.label || msg(messages, lang, 'label')}</label>
      <select
        id="select"
        part="select"
        aria-describedby=${this.noDefinition ? nothing : 'definition'}
        @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}
      >
        ${!inList && current ? html`<option value=${current.id} selected>${localText(current.label, lang)}</option>` : nothing}
        ${v.groups.map(
          (g) =>
            html`<optgroup label=${g.label}>
              ${g.indicators.map(
                (i) =>
                  html`<option value=${i.id} ?selected=${i.id === this.value}>${localText(i.label, lang)}</option>`,
              )}
            </optgroup>`,
        )}
      </select>
      ${current ? html`<p class="print-only">${localText(current.label, lang)}</p>` : nothing}
      ${
        this.noDefinition || !current
          ? nothing
          : html`<div class="definition" id="definition" part="definition">
              <p>${localText(current.description, lang)}</p>
              <dl>
                <dt>${msg(messages, lang, 'unit')}:</dt>
                <dd>${localText(current.unit, lang)}</dd>
                <dt>${msg(messages, lang, 'years')}:</dt>
                <dd>${current.years[0]}–${current.years[current.years.length - 1]}</dd>
                <dt>${msg(messages, lang, 'polarity')}:</dt>
                <dd>${msg(messages, lang, `polarity.${current.polarity}`)}</dd>
                <dt>${msg(messages, lang, 'source')}:</dt>
                <dd>${current.source}</dd>
              </dl>
            </div>`
      }
    `;
  }

  override render() {
    return this.data.render({
      skeleton: () => html`<div class="skeleton select"></div>`,
      complete: (v) => this.renderPicker(v),
    });
  }
}
