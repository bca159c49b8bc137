import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  bindUrl,
  getSelection,
  seedSelection,
  SelectionController,
  setSelection,
  subscribe,
  type Selection,
  type SelectionKey,
} from '../../../src/internal/selection.js';
import { decodeSelection, encodeSelection } from '../../../src/internal/selection-url.js';
import { afterEach, describe, it } from '../helpers.js';

let n = 0;
const fresh = () => `t${Date.now()}-${n++}`;

/** A minimal host: records what the controller applies. */
class Probe extends LitElement {
  static override properties = { group: { reflect: true } };
  group?: string;
  applied: { selection: Selection; changed: SelectionKey[] }[] = [];
  readonly selection = new SelectionController(this, {
    keys: ['region', 'year'],
    apply: (selection, changed) => this.applied.push({ selection, changed }),
    seed: () => (this.hasAttribute('seed-region') ? { region: this.getAttribute('seed-region')! } : {}),
  });
}
customElements.define('selection-probe', Probe);

describe('selection store', () => {
  const initialUrl = location.href;
  afterEach(() => history.replaceState(null, '', initialUrl));

  it('is one page-level store on a registered symbol, shared by every copy of the bundle', () => {
    const g = fresh();
    setSelection(g, { region: '01056015' });
    const store = (globalThis as Record<symbol, { groups: Map<string, { selection: Selection }> }>)[
      Symbol.for('fokus-widgets.selection')
    ];
    expect(store.groups.get(g)!.selection).to.deep.equal({ region: '01056015' });
    // a "second copy" only knows the symbol: writing there is seen here
    store.groups.get(g)!.selection.year = 2020;
    expect(getSelection(g)).to.deep.equal({ region: '01056015', year: 2020 });
  });

  it('merges patches, notifies only on change, with the changed keys and the source', () => {
    const g = fresh();
    const calls: unknown[] = [];
    const stop = subscribe(g, (s, changed, source) => calls.push([s, changed, source]));
    setSelection(g, { region: '01' }, { source: 'a' });
    setSelection(g, { region: '01', year: undefined }, { source: 'b' });
    setSelection(g, { year: 2024 }, { source: 'c' });
    stop();
    setSelection(g, { year: 2023 });
    expect(calls).to.deep.equal([
      [{ region: '01' }, ['region'], 'a'],
      [{ region: '01', year: 2024 }, ['year'], 'c'],
    ]);
  });

  it('seeds take only keys the group lacks', () => {
    const g = fresh();
    setSelection(g, { region: '01' });
    seedSelection(g, { region: '01056', year: 2020 });
    expect(getSelection(g)).to.deep.equal({ region: '01', year: 2020 });
  });

  it('controller: follows its group, gets the current state on connect, ignores its own changes, follows a group change', async () => {
    const g = fresh();
    setSelection(g, { region: '01056015', indicator: 'geburtenrate' });
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <selection-probe group=${g}></selection-probe>
        <selection-probe group=${g}></selection-probe>
        <selection-probe></selection-probe>
      </div>`,
    );
    const [a, b, c] = [...wrap.querySelectorAll<Probe>('selection-probe')];
    // indicator is not among the probe's keys: only region is applied
    expect(a.applied).to.deep.equal([{ selection: { region: '01056015', year: undefined }, changed: ['region'] }]);
    a.selection.select({ year: 2021 });
    expect(a.applied.length, 'no echo to the source').to.equal(1);
    expect(b.applied.at(-1)).to.deep.equal({ selection: { region: '01056015', year: 2021 }, changed: ['year'] });
    expect(c.applied).to.deep.equal([]);
    c.group = g;
    await c.updateComplete;
    expect(c.applied.at(-1)!.selection).to.deep.equal({ region: '01056015', year: 2021 });
    b.remove();
    a.selection.select({ year: 2022 });
    expect(b.applied.at(-1)!.selection.year, 'disconnected: no more updates').to.equal(2021);
  });

  it('link attribute narrows what a host follows', async () => {
    const g = fresh();
    const el = await fixture<Probe>(html`<selection-probe group=${g} link="year"></selection-probe>`);
    setSelection(g, { region: '01' });
    expect(el.applied).to.deep.equal([]);
    setSelection(g, { year: 2019 });
    expect(el.applied).to.deep.equal([{ selection: { year: 2019 }, changed: ['year'] }]);
  });

  it('URL: a bound group reads the URL, pushes user changes, replaces quick ones, and the back button restores', async () => {
    const g = fresh();
    history.replaceState(null, '', `${location.pathname}?keep=1&${g}.region=01056015&${g}.year=2015`);
    seedSelection(g, { region: '01056', year: 2024 });
    const unbind = bindUrl(g);
    expect(getSelection(g)).to.deep.equal({ region: '01056015', year: 2015 });
    const length = history.length;
    setSelection(g, { region: '01056002' });
    expect(history.length).to.equal(length + 1);
    expect(new URLSearchParams(location.search).get(`${g}.region`)).to.equal('01056002');
    expect(new URLSearchParams(location.search).get('keep'), 'other parameters stay').to.equal('1');
    setSelection(g, { year: 2016 }, { history: 'replace' });
    expect(history.length).to.equal(length + 1);
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    expect(getSelection(g)).to.deep.equal({ region: '01056015', year: 2015 });
    unbind();
    setSelection(g, { year: 2010 });
    expect(new URLSearchParams(location.search).get(`${g}.year`), 'unbound: URL untouched').to.equal('2015');
  });
});

describe('selection URL encoding', () => {
  it('round-trips, keeps foreign parameters and drops invalid values', () => {
    const search = encodeSelection('?page=2', 'dash', { region: '01056015', year: 2020, indicator: 'sgb2-quote' });
    expect(search).to.equal('?page=2&dash.region=01056015&dash.year=2020&dash.indicator=sgb2-quote');
    expect(decodeSelection(search, 'dash')).to.deep.equal({ region: '01056015', year: 2020, indicator: 'sgb2-quote' });
    expect(decodeSelection(search, 'other')).to.deep.equal({});
    expect(decodeSelection('?dash.region=<b>&dash.year=20x&dash.indicator=Evil Id', 'dash')).to.deep.equal({});
    expect(encodeSelection(search, 'dash', {})).to.equal('?page=2');
  });
});
