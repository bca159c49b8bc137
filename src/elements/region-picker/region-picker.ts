import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { regionById } from '../../data/model.js';
import { numberFormat } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { FokusSelectEvent } from '../../internal/events.js';
import { msg } from '../../internal/i18n.js';
import { SelectionController } from '../../internal/selection.js';
import { flatten, searchGroups, type RegionGroup, type RegionOption } from './region-search.js';
import { messages } from './messages.js';
import { loadRegionOptions, type PickerArgs } from './picker-data.js';
import { styles } from './region-picker.styles.js';

/** At most this many options are in the DOM at once (typing narrows the list). */
const MAX_SHOWN = 250;

/**
 * A searchable choice of one region (ARIA combobox with a grouped listbox): type a name,
 * part of it or an official key; Gemeinden are grouped by Amt within a Kreis, by Kreis
 * across the Land. Works fully with the keyboard and announces the number of matches.
 *
 * @tag region-picker
 * @fires change - The user chose a region; read `value`.
 * @fires fokus-select - The user chose a region; `detail.region`.
 * @fires fokus-load - The list is ready; `detail.count` is the number of regions.
 * @fires fokus-error - The list cannot be shown (e.g. unknown `parent`).
 * @csspart input - The text field.
 * @csspart listbox - The popup list.
 * @csspart option - Each region in the list.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 * @cssprop --fokus-picker-max-height - Height of the open list (default 20rem).
 */
export class RegionPickerElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Key of the chosen region; follows and sets the `region` of the `group`. */
  @property({ reflect: true }) value = '';
  /** Level of the regions offered: `gemeinde` (default), `amt`, `kreis` or `land`. */
  @property() level = 'gemeinde';
  /** Region key whose regions of `level` are offered, e.g. `01056`; default: all of the level. */
  @property() parent = '';
  /** Region keys offered first, e.g. `01056,01` (the Kreis and the Land). */
  @property() include = '';
  /** Visible label; default "Gebiet". */
  @property() label = '';
  /** Write the group's selection into the URL (deep links, back button). */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  @state() private query = '';
  @state() private open = false;
  @state() private active = -1;
  @state() private status = '';

  private selection = new SelectionController(this, {
    keys: ['region'],
    apply: (s) => {
      if (s.region) this.value = s.region;
    },
    seed: () => (this.value ? { region: this.value } : {}),
  });

  private data = new DataTask(this, {
    args: (): PickerArgs => ({
      endpoint: this.resolvedEndpoint,
      level: this.level,
      parent: this.parent,
      include: this.include,
      lang: this.uiLang,
      locale: this.locale,
    }),
    load: loadRegionOptions,
    describe: (v) => ({ indicators: [], count: flatten(v.groups).length }),
  });

  /** The groups matching the current query. */
  private get shown(): RegionGroup[] {
    const groups = this.data.value?.groups ?? [];
    return this.query ? searchGroups(groups, this.query) : groups;
  }

  private get options(): RegionOption[] {
    return flatten(this.shown).slice(0, MAX_SHOWN);
  }

  private nameOf(id: string): string {
    const catalog = this.data.value?.catalog;
    return (catalog && regionById(catalog, id)?.name) || id;
  }

  protected override updated(): void {
    if (this.open && this.active >= 0) {
      const el = this.renderRoot.querySelector<HTMLElement>('[role=option].active');
      el?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  private openList(query = this.query): void {
    this.query = query;
    this.open = true;
    const options = this.options;
    const current = options.findIndex((o) => o.id === this.value);
    this.active = query ? (options.length ? 0 : -1) : current;
    const total = flatten(this.shown).length;
    const lang = this.uiLang;
    const count = numberFormat(this.locale, 0).format(total);
    this.status = !total
      ? msg(messages, lang, 'none', { query })
      : total > MAX_SHOWN
        ? msg(messages, lang, 'countLimited', { count, shown: MAX_SHOWN })
        : msg(messages, lang, total === 1 ? 'countOne' : 'count', { count });
  }

  private close(): void {
    this.open = false;
    this.query = '';
    this.active = -1;
  }

  /** Chooses a region as the user does: sets `value`, fires `change` and `fokus-select`, informs the group. */
  choose(id: string): void {
    this.close();
    if (!id) return;
    this.status = msg(messages, this.uiLang, 'chosen', { name: this.nameOf(id) });
    if (id === this.value) return;
    this.value = id;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.dispatchEvent(new FokusSelectEvent({ region: id }));
    this.selection.select({ region: id });
  }

  private onInput(e: Event): void {
    this.openList((e.target as HTMLInputElement).value);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const n = this.options.length;
    const move = (to: number) => {
      e.preventDefault();
      if (!this.open) return this.openList();
      if (n) this.active = (to + n) % n;
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(this.active + 1);
      case 'ArrowUp':
        return e.altKey ? this.close() : move(this.active <= 0 ? n - 1 : this.active - 1);
      case 'PageDown':
        return move(Math.min(n - 1, this.active + 10));
      case 'PageUp':
        return move(Math.max(0, this.active - 10));
      case 'Enter':
        if (this.open && this.active >= 0) {
          e.preventDefault();
          this.choose(this.options[this.active].id);
        }
        return;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.close();
        }
        return;
    }
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.close();
  }

  private renderPicker(): unknown {
    const lang = this.uiLang;
    const options = this.options;
    const activeId = this.open && this.active >= 0 ? options[this.active]?.id : undefined;
    let index = 0;
    const shownIds = new Set(options.map((o) => o.id));
    return html`
      <label for="input" id="label">${this.label || msg(messages, lang, 'label')}</label>
      <div class="combo" @focusout=${this.onFocusOut}>
        <input
          id="input"
          part="input"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${String(this.open)}
          aria-controls="listbox"
          aria-describedby="hint"
          aria-activedescendant=${activeId ? `o-${activeId}` : nothing}
          placeholder=${msg(messages, lang, 'placeholder')}
          .value=${this.open ? this.query : this.value ? this.nameOf(this.value) : ''}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @click=${() => (this.open ? undefined : this.openList(''))}
        />
        <button
          type="button"
          tabindex="-1"
          aria-label=${msg(messages, lang, 'toggle')}
          aria-expanded=${String(this.open)}
          aria-controls="listbox"
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => {
            if (this.open) this.close();
            else this.openList('');
            this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
          }}
        >
          ▾
        </button>
      </div>
      <div
        id="listbox"
        role="listbox"
        part="listbox"
        aria-labelledby="label"
        ?hidden=${!this.open}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${
          this.open
            ? this.shown.map((g) => {
                const items = g.options.filter((o) => shownIds.has(o.id));
                if (!items.length) return nothing;
                const option = (o: RegionOption) => {
                  const i = index++;
                  return html`<div
                    role="option"
                    part="option"
                    id="o-${o.id}"
                    class=${i === this.active ? 'active' : ''}
                    aria-selected=${String(o.id === this.value)}
                    data-region=${o.id}
                    @click=${() => this.choose(o.id)}
                  >
                    ${o.name}${o.kind && o.kind !== 'Gemeinde' ? html` <span class="kind">(${o.kind})</span>` : nothing}
                  </div>`;
                };
                return g.label
                  ? html`<div role="group" aria-labelledby="g-${g.id}">
                      <div class="group-label" id="g-${g.id}" role="presentation">${g.label}</div>
                      ${items.map(option)}
                    </div>`
                  : items.map(option);
              })
            : nothing
        }
      </div>
      <span id="hint" class="visually-hidden">${msg(messages, lang, 'hint')}</span>
      <span class="visually-hidden" role="status">${this.status}</span>
    `;
  }

  override render() {
    return this.data.render({
      skeleton: () => html`<div class="skeleton input"></div>`,
      complete: () => this.renderPicker(),
    });
  }
}
