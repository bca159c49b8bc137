import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ancestors, levelLabel } from '../../data/model.js';
import { inPlace, localText } from '../../data/format.js';
import { FokusElement } from '../../internal/fokus-element.js';
import { DataTask } from '../../internal/data-task.js';
import { msg } from '../../internal/i18n.js';
import { renderCaption } from '../../internal/caption.js';
import { assignChanged, SelectionController } from '../../internal/selection.js';
import { messages } from './messages.js';
import { loadProfile, type Profile, type ProfileArgs } from './profile-data.js';
import { renderPlaceTable } from './profile-place.js';
import { DEFAULT_INDICATORS, profileHeight } from './profile-model.js';
import { widthOf } from '../../internal/skeleton.js';
import { styles } from './region-profile.styles.js';
import '../indicator-tile/define.js';
import '../indicator-chart/define.js';
import '../municipality-map/define.js';
import '../indicator-insights/define.js';

/**
 * The profile of one region (Gemeindesteckbrief), composed from the other elements: tiles
 * with the key indicators, a chart of the development against Kreis and Land, findings
 * about the chart's indicator with their method (`<indicator-insights>`), a table of
 * its place among the Gemeinden of the Kreis, and a map that marks it.
 *
 * @tag region-profile
 * @attr link - Linked views: the keys of the group's selection this element follows (`region year`, default all).
 * @attr sync-url - Keeps the group's selection in the page URL (deep links, back button).
 * @fires fokus-load - The profile frame is ready; `detail.indicators` are the key indicators.
 * @fires fokus-error - The profile cannot be shown (e.g. unknown region).
 * @csspart header - Name and place of the region.
 * @csspart tiles - The grid of tiles.
 * @csspart place - The table of ranks in the Kreis.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 */
export class RegionProfileElement extends FokusElement {
  static override styles = [...FokusElement.styles, styles];

  /** Region key, e.g. `01056015` (required). Follows the group's `region`. */
  @property() region = '';
  /** Key indicators (ids, comma-separated); default: population, births, age, cars, SGB II, unemployment. */
  @property() indicators = '';
  /** Indicator of the chart and the map; default the first key indicator that is a rate. */
  @property({ attribute: 'chart-indicator' }) chartIndicator = '';
  /** Year of tiles and ranks; default the latest. Follows the group's `year`. */
  @property({ type: Number }) year?: number;
  /** Leave out the map (no Leaflet download). */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  protected readonly selection = new SelectionController(this, {
    keys: ['region', 'year'],
    apply: assignChanged(this, ['region', 'year']),
  });

  private data = new DataTask(this, {
    args: (): ProfileArgs => ({
      endpoint: this.resolvedEndpoint,
      region: this.region,
      indicators: this.indicators,
      year: this.year,
    }),
    load: loadProfile,
    describe: (p) => ({ indicators: p.rows.map((r) => r.data.id), count: p.rows.length }),
  });

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The tiles size their loading skeletons by their width. Measured here for all of them in
    // one layout, before their first renders (which follow this one): each would otherwise
    // force a layout of its own after the one before it had drawn its skeleton.
    for (const tile of this.renderRoot.querySelectorAll('indicator-tile')) widthOf(tile);
  }

  private heading(level: number, text: string, id?: string) {
    const n = Math.min(6, Math.max(1, level));
    return html`<div
      role="heading"
      aria-level=${n}
      class="h${n === this.titleLevel ? ' name' : ''}"
      id=${id ?? nothing}
    >
      ${text}
    </div>`;
  }

  private renderProfile(p: Profile): unknown {
    const lang = this.uiLang;
    const locale = this.locale;
    const { region, kreis, catalog } = p;
    // (a Gemeinde and its amtsfreie Amt share a name: named once)
    const names = ancestors(catalog, region.id)
      .filter((r) => r.level !== 'land' && r.name !== region.name)
      .map((r) => r.name);
    const parents = [...new Set(names)];
    const kind = region.kind || levelLabel(catalog, region.level, lang);
    const chartId =
      this.chartIndicator ||
      p.rows.find((r) => r.data.indicator.computation.type === 'ratio')?.data.id ||
      p.rows[0].data.id;
    const compare = [
      p.place && p.place.id !== kreis?.id ? p.place.id : '',
      kreis && kreis.id !== region.id ? kreis.id : '',
      ...ancestors(catalog, region.id)
        .filter((r) => r.level === 'land')
        .map((r) => r.id),
    ]
      .filter(Boolean)
      .join(',');
    const years = [...new Set(p.rows.map((r) => r.year))];
    const endpoint = this.endpoint || nothing;
    const sub = this.levelBelow(1);
    // the child widgets' titles sit below the profile's section headings
    const child = this.levelBelow(2);
    const placeTitle = p.place
      ? msg(messages, lang, 'place', { in: inPlace(p.place.name, lang) })
      : msg(messages, lang, 'placeLand');
    const peerLevel = region.level === 'gemeinde' ? msg(messages, lang, 'gemeinden') : msg(messages, lang, 'regions');
    return html`
      <header part="header">
        ${this.heading(this.titleLevel, `${region.name}`)}
        <p>
          ${msg(messages, lang, 'within', { kind, parents: parents.join(', ') || (catalog.regions.find((r) => r.level === 'land')?.name ?? '') })}
        </p>
      </header>
      ${this.heading(sub, years.length === 1 ? msg(messages, lang, 'keyFigures', { year: years[0] }) : msg(messages, lang, 'keyFiguresLatest'))}
      <div class="tiles" part="tiles">
        ${p.rows.map(
          (r) =>
            html`<indicator-tile
              endpoint=${endpoint}
              indicator=${r.data.id}
              region=${region.id}
              year=${r.year}
              heading-level=${child}
              no-source
            ></indicator-tile>`,
        )}
      </div>
      ${this.heading(sub, msg(messages, lang, 'development'))}
      <indicator-chart
        endpoint=${endpoint}
        indicator=${chartId}
        region=${region.id}
        compare=${compare}
        heading-level=${child}
        no-source
      ></indicator-chart>
      ${this.heading(sub, msg(messages, lang, 'insights', { indicator: localText(p.rows.find((r) => r.data.id === chartId)?.data.indicator.label, lang) }))}
      <indicator-insights
        endpoint=${endpoint}
        indicator=${chartId}
        region=${region.id}
        year=${p.rows.find((r) => r.data.id === chartId)?.year ?? nothing}
        heading-level=${child}
        no-heading
        no-source
      ></indicator-insights>
      <div class="columns">
        <section aria-labelledby="place-title">
          ${this.heading(sub, placeTitle, 'place-title')}
          ${renderPlaceTable(p, msg(messages, lang, 'placeCaption', { count: p.peers, level: peerLevel, year: years.join('/') }), lang, locale)}
        </section>
        ${
          this.noMap || !kreis || region.level !== 'gemeinde'
            ? nothing
            : html`<section aria-labelledby="map-title">
                ${this.heading(sub, msg(messages, lang, 'mapTitle', { kreis: kreis.name }), 'map-title')}
                <municipality-map
                  endpoint=${endpoint}
                  indicator=${chartId}
                  level="gemeinde"
                  parent=${kreis.id}
                  year=${p.rows.find((r) => r.data.id === chartId)?.year ?? nothing}
                  selected=${region.id}
                  heading-level=${child}
                  no-table
                  no-download
                ></municipality-map>
              </section>`
        }
      </div>
      ${renderCaption(
        catalog,
        p.rows.map((r) => r.data.indicator),
        lang,
      )}
    `;
  }

  override render() {
    const listed = this.indicators.split(/[\s,;]+/).filter(Boolean).length;
    return this.data.render({
      skeletonHeight: profileHeight({
        width: widthOf(this),
        indicators: listed || DEFAULT_INDICATORS.length,
        map: !this.noMap,
      }),
      skeleton: () =>
        html`<div class="skeleton head"></div>
          <div class="skeleton block"></div>
          <div class="skeleton block"></div>`,
      complete: (p) => this.renderProfile(p),
    });
  }
}
