import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { msg } from '../../internal/i18n.js';
import { SelectionController, type HistoryMode } from '../../internal/selection.js';
import { nearestYear, nextYear } from './years.js';
import { messages } from './messages.js';
import { loadYears, type SliderArgs, type SliderYears } from './slider-data.js';
import { styles } from './year-slider.styles.js';

/**
 * Chooses a year: a native range input over the years with data (arrow keys, Home/End,
 * Page keys), the year as text, and play/pause to step through the years. Playing stops
 * at the last year, when the user moves the slider, or when the element leaves the page.
 *
 * @tag year-slider
 * @attr link - Linked views: the keys of the group's selection this element follows (`year indicator region`, default all).
 * @fires change - The year changed (by the user or while playing); read `value`.
 * @fires fokus-load - The years are known; `detail.count` is their number.
 * @fires fokus-error - The years cannot be determined (e.g. unknown `indicator`).
 * @csspart slider - The range input.
 * @csspart play - The play/pause button.
 * @csspart year - The shown year.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 */
export class YearSliderElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** The chosen year; default the latest. Follows and sets the `year` of the `group`. */
  @property({ type: Number, reflect: true }) value?: number;
  /** Indicator whose years are offered; follows the group's `indicator`. Default: the years of all indicators. */
  @property() indicator = '';
  /**
   * Region whose data decide the default year (the latest with values): the file the views
   * showing it load (on a partitioned endpoint its Kreis's, not all regions'). Follows the
   * group's `region`. Default: all regions.
   */
  @property() region = '';
  /** First year offered. */
  @property({ type: Number }) from?: number;
  /** Last year offered. */
  @property({ type: Number }) to?: number;
  /** Milliseconds per year while playing (default 1200). */
  @property({ type: Number }) speed = 1200;
  /** Visible label; default "Jahr". */
  @property() label = '';
  /** Hide the play button. */
  @property({ type: Boolean, attribute: 'no-play' }) noPlay = false;
  /** Write the group's selection into the URL (deep links, back button). */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  @state() private playing = false;
  /** The year the slider chose by itself (its default), not one set from outside. */
  private defaulted?: number;
  private timer?: ReturnType<typeof setInterval>;

  private selection = new SelectionController(this, {
    keys: ['year', 'indicator', 'region'],
    apply: (s, changed) => {
      if (changed.includes('indicator') && s.indicator) this.indicator = s.indicator;
      if (changed.includes('region') && s.region) this.region = s.region;
      if (changed.includes('year')) {
        this.defaulted = undefined;
        this.value = s.year; // undefined: back to the default
      }
    },
    seed: () => (this.value ? { year: this.value } : {}),
  });

  private data = new DataTask(this, {
    // another region (usually a file already loaded) keeps the slider usable while it is read
    keepPrevious: true,
    args: (): SliderArgs => ({
      endpoint: this.resolvedEndpoint,
      indicator: this.indicator,
      region: this.region,
      from: this.from,
      to: this.to,
    }),
    load: loadYears,
    describe: (v: SliderYears) => ({ indicators: this.indicator ? [this.indicator] : [], count: v.years.length }),
  });

  /** The years offered (once loaded). */
  get years(): readonly number[] {
    return this.data.value?.years ?? [];
  }

  /** The default year: the latest with values of the indicator (once loaded). */
  get latest(): number | undefined {
    return this.data.value?.latest;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const years = this.years;
    if (!years.length) return;
    // Without a value the slider shows the latest year with values; it does not push that default
    // onto the group (the other views show their latest year anyway, and would reload for nothing),
    // but records it as the group's default: the back button to a URL without a year returns to it.
    if (this.latest !== undefined) this.selection.offerDefault({ year: this.latest });
    // a value set from outside (attribute, user, group) is a choice; the slider's own default
    // follows the latest year with values of the indicator (e.g. when the group's indicator changes)
    const own = this.value === undefined || this.value === this.defaulted;
    const fitted = nearestYear(years, own ? this.latest : this.value);
    if (own) this.defaulted = fitted;
    if (fitted !== this.value) this.value = fitted;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  /** Sets the year as the user does: fires `change` and informs the group. */
  setYear(year: number, history: HistoryMode = 'push'): void {
    const changed = year !== this.value;
    this.defaulted = undefined;
    this.value = year;
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.selection.select({ year }, { history });
  }

  /** Steps through the years from the current one (from the first when at the end). */
  play(): void {
    const years = this.years;
    if (this.playing || years.length < 2) return;
    if (nextYear(years, this.value) === undefined) this.setYear(years[0], 'replace');
    this.playing = true;
    this.timer = setInterval(
      () => {
        const next = nextYear(this.years, this.value);
        if (next === undefined) return this.pause();
        this.setYear(next, 'replace');
      },
      Math.max(200, this.speed),
    );
  }

  /** Stops playing. */
  pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  private onInput(e: Event, history: HistoryMode): void {
    this.pause();
    const index = Number((e.target as HTMLInputElement).value);
    const year = this.years[index];
    if (year !== undefined) this.setYear(year, history);
  }

  private renderSlider(years: number[]): unknown {
    const lang = this.uiLang;
    const index = Math.max(0, years.indexOf(this.value ?? years[years.length - 1]));
    const first = years[0];
    const last = years[years.length - 1];
    return html`<div class="row">
        ${
          this.noPlay
            ? ''
            : html`<button
                type="button"
                class="play"
                part="play"
                aria-label=${msg(messages, lang, this.playing ? 'pauseLabel' : 'playLabel')}
                @click=${() => (this.playing ? this.pause() : this.play())}
              >
                ${this.playing ? `❚❚ ${msg(messages, lang, 'pause')}` : `▶ ${msg(messages, lang, 'play')}`}
              </button>`
        }
        <label for="slider">${this.label || msg(messages, lang, 'label')}</label>
        <input
          id="slider"
          part="slider"
          type="range"
          min="0"
          max=${years.length - 1}
          step="1"
          .value=${String(index)}
          aria-valuetext=${String(years[index])}
          @input=${(e: Event) => this.onInput(e, 'none')}
          @change=${(e: Event) => this.onInput(e, 'push')}
        />
        <output for="slider" part="year" aria-live=${this.playing ? 'polite' : 'off'}>${years[index]}</output>
      </div>
      <div class="ends" aria-hidden="true"><span>${first}</span><span>${last}</span></div>`;
  }

  override render() {
    return this.data.render({
      skeleton: () => html`<div class="skeleton slider"></div>`,
      complete: (v) => this.renderSlider(v.years),
    });
  }
}
