import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/indicator-view/define.js';
import type { IndicatorViewElement } from '../../../../src/elements/indicator-view/indicator-view.js';
import { getClient, setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import { $, $$, afterEach, captureDownloads, describe, it, nextEvent, text } from '../../helpers.js';
import { ENDPOINT, useClient } from '../municipality-map/fixtures.js';

afterEach(() => setClient(undefined));

/** Renders a view and waits for the open tab's element to load (its fokus-load bubbles out of the view). */
async function view(
  attrs: {
    view?: string;
    group?: string;
    syncUrl?: boolean;
    indicator?: string;
    year?: string;
    type?: string;
    region?: string;
    label?: string;
  } = {},
) {
  const load = nextLoad();
  const holder = await fixture<HTMLDivElement>(
    html`<div style="width: 800px">
      <indicator-view
        endpoint=${ENDPOINT}
        indicator=${attrs.indicator ?? 'geburtenrate'}
        level="gemeinde"
        parent="01056"
        year=${attrs.year === '' ? nothing : (attrs.year ?? '2023')}
        type=${attrs.type ?? 'bar'}
        region=${attrs.region ?? nothing}
        label=${attrs.label ?? nothing}
        view=${attrs.view ?? 'table'}
        group=${attrs.group ?? ''}
        ?sync-url=${attrs.syncUrl}
      ></indicator-view>
    </div>`,
  );
  const el = holder.querySelector('indicator-view') as IndicatorViewElement;
  const { origin } = await load;
  await el.updateComplete;
  return { el, origin };
}

/** The next fokus-load and the element that fired it (read while it is dispatched: the path is empty afterwards). */
function nextLoad(): Promise<{ origin: EventTarget | undefined; event: Event }> {
  return new Promise((resolve) =>
    document.addEventListener('fokus-load', (event) => resolve({ origin: event.composedPath()[0], event }), {
      once: true,
    }),
  );
}

const tabs = (el: Element) => $$<HTMLButtonElement>(el, '[role=tab]');
const focused = (el: Element) => el.shadowRoot!.activeElement?.id;

/** The view has drawn its loading template from the catalog (the preview takes it in a later task). */
async function catalogShown(el: IndicatorViewElement): Promise<void> {
  await getClient().getCatalog(ENDPOINT);
  await waitUntil(
    () => el.shadowRoot!.querySelector('[role=group] [part=title]'),
    'the view drew its parts from the catalog',
    {
      timeout: 20000,
    },
  );
  await el.updateComplete;
}

describe('<indicator-view>', () => {
  it('opens the tab named by `view`, and loads no chart or map code before their tab is opened', async () => {
    useClient();
    const { el, origin } = await view({ view: 'table' });
    expect(origin === $(el, 'comparison-table')).to.equal(true);
    expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'true']);
    expect($(el, '#panel-table').hidden).to.equal(false);
    expect($(el, '#panel-chart').hidden).to.equal(true);
    expect($$(el, 'indicator-chart, municipality-map')).to.have.length(0);
    expect(customElements.get('indicator-chart')).to.equal(undefined);
    expect(customElements.get('municipality-map')).to.equal(undefined);
    // one title, one toolbar, one caption: the table's own are hidden
    expect(text($(el, '[part=title]'))).to.equal('Geburtenrate 2023: Gemeinden im Kreis Pinneberg');
    const table = $(el, 'comparison-table');
    const own = table.shadowRoot!.querySelector('[part~=caption]');
    if (own) expect(getComputedStyle(own).display).to.equal('none');
    expect(text($(el, '[part=caption]'))).to.contain('Quelle');
  });

  it('tablist: arrow keys and Home/End move a roving tab stop, Enter opens the tab (and loads the map)', async () => {
    useClient();
    const { el } = await view({ view: 'chart' });
    expect(customElements.get('indicator-chart')).to.not.equal(undefined);
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    tabs(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-map');
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-table');
    await sendKeys({ press: 'ArrowRight' }); // wraps around
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-chart');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-table');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-map');
    // moving the focus does not open a tab; Enter does
    expect(el.view).to.equal('chart');
    const load = nextLoad();
    await sendKeys({ press: 'Enter' });
    const { origin } = await load;
    expect(el.view).to.equal('map');
    expect(origin === $(el, 'municipality-map')).to.equal(true);
    expect($(el, '#tab-map').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#tab-map').getAttribute('aria-controls')).to.equal('panel-map');
    expect($(el, '#panel-map').getAttribute('aria-labelledby')).to.equal('tab-map');
    expect($$(el, 'indicator-chart')).to.have.length(0);
  });

  it('with sync-url the open tab is in the URL, and a deep link opens its tab', async () => {
    useClient();
    history.replaceState(null, '', `${location.pathname}?iv.view=map`);
    try {
      const { el } = await view({ view: 'table', group: 'iv', syncUrl: true });
      expect(el.view).to.equal('map');
      expect($$(el, 'municipality-map')).to.have.length(1);
      const load = nextEvent('fokus-load');
      $(el, '#tab-chart').click();
      await load;
      expect(new URLSearchParams(location.search).get('iv.view')).to.equal('chart');
      expect(getSelection('iv').view).to.equal('chart');
      // a second view of the group follows
      const other = await view({ view: 'table', group: 'iv' });
      expect(other.el.view).to.equal('chart');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('the shared toolbar downloads what the open tab shows', async () => {
    useClient();
    const { el } = await view({ view: 'table' });
    const table = $(el, 'comparison-table') as HTMLElement & { fileName: string; csv: () => string };
    expect(table.fileName).to.not.equal('');
    expect(el.fileName).to.equal(table.fileName);
    expect(el.csv()).to.equal(table.csv());
    const downloads = captureDownloads();
    try {
      $(el, '[part=toolbar] [data-download=excel-de]').click();
      await downloads.saved;
      expect(downloads.files[0].name).to.equal(`${table.fileName}.csv`);
    } finally {
      downloads.restore();
    }
  });

  it('titles the open tab with indicator, regions and period; `label` overrides it', async () => {
    useClient();
    const title = (el: Element) => text($(el, '[part=title]'));
    // without `year`: the latest year with a value (deaths of 2024 are not available yet: "...")
    const { el } = await view({ view: 'table', indicator: 'sterberate', year: '' });
    expect(title(el)).to.equal('Sterberate 2023: Gemeinden im Kreis Pinneberg');
    expect(text($(el, 'comparison-table').shadowRoot!.querySelector('caption')!)).to.contain(title(el));
    const map = nextLoad();
    $(el, '#tab-map').click();
    await map;
    await el.updateComplete;
    expect(title(el)).to.equal('Sterberate 2023: Gemeinden im Kreis Pinneberg');
    expect($(el, 'municipality-map').getAttribute('label')).to.equal(title(el));
  });

  it('titles a line chart with its regions and years, a bar chart with its year; `label` overrides the title', async () => {
    useClient();
    const title = (el: Element) => text($(el, '[part=title]'));
    // a line chart names its region and years; the bar chart the year and the regions
    const line = await view({ view: 'chart', type: 'line', region: '01056015', year: '' });
    expect(title(line.el)).to.equal('Geburtenrate in Elmshorn, 2010–2024');
    expect($(line.el, 'indicator-chart').getAttribute('label')).to.equal(title(line.el));
    const bar = await view({ view: 'chart', year: '2019' });
    expect(title(bar.el)).to.equal('Geburtenrate 2019: Gemeinden im Kreis Pinneberg');
    // `label` wins in every tab
    const given = await view({ view: 'table', label: 'Geburten im Kreis' });
    expect(title(given.el)).to.equal('Geburten im Kreis');
  });

  it('generates the title in the language of the page', async () => {
    useClient();
    const load = nextLoad();
    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <indicator-view
          endpoint=${ENDPOINT}
          indicator="geburtenrate"
          parent="01056"
          year="2020"
          view="table"
        ></indicator-view>
      </div>`,
    );
    await load;
    const el = holder.querySelector('indicator-view') as IndicatorViewElement;
    await el.updateComplete;
    expect(text($(el, '[part=title]'))).to.equal('Birth rate 2020: municipalities in Kreis Pinneberg');
  });

  it('a line chart that follows the group to another region: the title names that region', async () => {
    useClient();
    const { el } = await view({ view: 'chart', type: 'line', region: '01056015', year: '', group: 'ivline' });
    expect(text($(el, '[part=title]'))).to.equal('Geburtenrate in Elmshorn, 2010–2024');
    const load = nextLoad();
    setSelection('ivline', { region: '01056039' });
    await load;
    await el.updateComplete;
    expect(text($(el, '[part=title]'))).to.equal('Geburtenrate in Pinneberg, 2010–2024');
  });

  it('shows a break in the series once: under a line chart only the chart names it', async () => {
    useClient();
    const notes = (el: Element) => el.shadowRoot!.querySelector('[part=notes]');
    const chartNotes = (el: Element) => $(el, 'indicator-chart').shadowRoot!.textContent ?? '';
    const line = await view({ view: 'chart', type: 'line', region: '01056015' });
    expect(chartNotes(line.el)).to.contain('Zensus 2011');
    expect(notes(line.el)?.textContent ?? '').to.not.contain('Zensus 2011');
    const bar = await view({ view: 'chart' });
    expect(chartNotes(bar.el)).to.not.contain('Zensus 2011');
    expect(text(notes(bar.el)!)).to.contain('Zeitreihenbruch ab 2011: Zensus 2011');
    const table = await view({ view: 'table' });
    expect(text(notes(table.el)!)).to.contain('Zeitreihenbruch ab 2011: Zensus 2011');
  });

  it('names the problem: unknown indicator, invalid view', async () => {
    useClient();
    let error = nextEvent<CustomEvent<{ code: string; message: string }>>('fokus-error');
    await fixture(html`<indicator-view endpoint=${ENDPOINT} indicator="gibt-es-nicht"></indicator-view>`);
    expect((await error).detail.message).to.contain('gibt-es-nicht');
    error = nextEvent('fokus-error');
    const el = await fixture(
      html`<indicator-view endpoint=${ENDPOINT} indicator="geburtenrate" view="torte"></indicator-view>`,
    );
    const message = (await error).detail.message;
    expect(message).to.contain('torte');
    expect(message).to.contain('view');
    await (el as IndicatorViewElement).updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('torte');
  });

  it("while its data load: title, tabs, notes, caption and the open tab's element (in its own skeleton), which stays", async () => {
    // the catalog comes at once, every other file only when released
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    useClient((url, real) => (url.endsWith('/catalog.json') ? real() : gate.then(real)));
    const load = nextLoad();
    const el = await fixture<IndicatorViewElement>(
      html`<indicator-view
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        parent="01056"
        year="2023"
        view="chart"
      ></indicator-view>`,
    );
    await catalogShown(el);
    const group = $(el, '[role=group]');
    expect(group.getAttribute('aria-busy')).to.equal('true');
    expect(group.getAttribute('part')).to.equal('loading');
    expect(text($(el, '[part=title]'))).to.equal('Geburtenrate 2023: Gemeinden im Kreis Pinneberg');
    expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    expect(text($(el, '[part=caption]'))).to.contain('Quelle');
    expect(text($(el, '[part=notes]'))).to.contain('Zensus 2011');
    expect($(el, '[part=toolbar]').closest('.reserve'), 'the toolbar is reserved, not usable').to.exist;
    const chart = $(el, '#panel-chart > indicator-chart') as HTMLElement & { updateComplete: Promise<boolean> };
    expect(chart).to.exist;
    await customElements.whenDefined('indicator-chart');
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('[part~=loading]'), "the chart's own skeleton").to.exist;
    // the chart's loader takes its label: it is given once, final, and never changed (no second load)
    const given = chart.getAttribute('label');
    const changes: (string | null)[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => changes.push(r.oldValue)));
    watch.observe(chart, { attributes: true, attributeFilter: ['label'], attributeOldValue: true });
    release();
    const { origin } = await load;
    await el.updateComplete;
    watch.disconnect();
    expect(origin === chart, 'the element drawn while loading is the one that loaded').to.equal(true);
    expect($(el, 'indicator-chart') === chart).to.equal(true);
    expect(given).to.equal(text($(el, '[part=title]')));
    expect(changes).to.deep.equal([]);
    expect($(el, '[role=group]').hasAttribute('aria-busy')).to.equal(false);
    expect($(el, '[part=toolbar]').closest('.reserve')).to.equal(null);
  });

  it('while the latest year is not known yet, the title is reserved, not shown with a guessed year', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    useClient((url, real) => (url.endsWith('/catalog.json') ? real() : gate.then(real)));
    const load = nextLoad();
    const el = await fixture<IndicatorViewElement>(
      html`<indicator-view endpoint=${ENDPOINT} indicator="sterberate" parent="01056" view="table"></indicator-view>`,
    );
    await catalogShown(el);
    const table = $(el, '#panel-table > comparison-table');
    expect(table).to.exist;
    expect($(el, '[part=title]').classList.contains('reserve')).to.equal(true);
    release();
    await load;
    await el.updateComplete;
    // deaths of 2024 are not available yet ("..."): the title names 2023, the same table shows it
    expect(text($(el, '[part=title]'))).to.equal('Sterberate 2023: Gemeinden im Kreis Pinneberg');
    expect($(el, '[part=title]').classList.contains('reserve')).to.equal(false);
    expect($(el, 'comparison-table') === table).to.equal(true);
    expect(table.getAttribute('label')).to.equal(text($(el, '[part=title]')));
  });

  it('shows a skeleton while loading and passes axe when loaded', async () => {
    useClient();
    const el = await fixture<IndicatorViewElement>(
      html`<indicator-view endpoint=${ENDPOINT} indicator="geburtenrate" parent="01056" view="table"></indicator-view>`,
    );
    expect($(el, '[part=loading]')).to.exist;
    await nextEvent('fokus-load');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
