import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FokusElement } from '../../../src/internal/fokus-element.js';
import { DataTask } from '../../../src/internal/data-task.js';
import { configure, resolveEndpoint, DEFAULT_ENDPOINT } from '../../../src/internal/config.js';
import { define } from '../../../src/internal/define.js';
import { FokusUsageError } from '../../../src/internal/errors.js';
import type { FokusErrorEvent, FokusLoadEvent } from '../../../src/internal/events.js';
import { useEndpoint } from '../helpers.js';
import { buildCatalog } from '../catalog.js';

/** A minimal element on the base class: shows the catalog title, or nothing when `empty`. */
@customElement('test-fokus-widget')
class TestWidget extends FokusElement {
  @property() indicator = '';
  @property({ type: Boolean }) empty = false;

  data = new DataTask(this, {
    args: () => ({ endpoint: this.resolvedEndpoint, indicator: this.indicator, empty: this.empty }),
    load: async ({ endpoint, indicator, empty }, { signal, client }) => {
      if (!indicator) throw new FokusUsageError('missing-attribute', 'indicator');
      const data = await client.getIndicator(endpoint, indicator, { signal });
      return { id: indicator, rows: empty ? [] : data.regions };
    },
    describe: (v) => ({ indicators: [v.id], count: v.rows.length }),
  });

  /** How often the element rendered, and in which language. */
  renders: string[] = [];

  override render() {
    this.renders.push(this.uiLang);
    return this.data.render({
      skeleton: () => litHtml`<div class="skeleton" style="height: 200px"></div>`,
      complete: (v) => litHtml`<p class="result">${v.id}: ${v.rows.length}</p>`,
    });
  }
}

const catalog = buildCatalog({
  version: 'test',
  title: { de: 'Test' },
  publisher: 'Test',
  licence: { id: 'cc-by-4.0', name: 'CC BY 4.0' },
  attribution: '',
  updated: '2025-01-01',
  levels: [{ id: 'gemeinde', label: { de: 'Gemeinde' } }],
  regions: [
    { id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null },
    { id: '01056015', name: 'Elmshorn', level: 'gemeinde', parent: '01' },
  ],
  topics: [{ id: 'familie', label: { de: 'Familie' } }],
  indicators: [
    {
      id: 'geburtenrate',
      label: { de: 'Geburtenrate' },
      unit: { de: 'je 1.000 Einwohner' },
      decimals: 1,
      description: { de: 'Lebendgeborene je 1.000 Einwohner' },
      source: 'Test',
      topic: 'familie',
      polarity: 'neutral',
      years: [2023, 2024],
      levels: ['gemeinde'],
      computation: { type: 'ratio', numerator: 'geburten', denominator: 'bevoelkerung', factor: 1000 },
    },
  ],
  geometry: [],
});
const indicatorFile = {
  format: 'fokus-indicator/1',
  indicator: 'geburtenrate',
  years: [2023, 2024],
  regions: ['01', '01056015'],
  values: [
    [8.1, 8.2],
    [9.1, null],
  ],
  status: { '01056015': ['', '.'] },
};

/** Creates the widget with `attrs` in `parent`, listening for `event` before it connects. */
async function mount(
  attrs: Record<string, string>,
  event: 'fokus-load' | 'fokus-error',
  parent: HTMLElement = document.body,
) {
  const el = document.createElement('test-fokus-widget') as TestWidget;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const fired = oneEvent(el, event) as Promise<CustomEvent>;
  parent.append(el);
  mounted.push(el);
  const ev = await fired;
  await el.updateComplete;
  return { el, ev };
}
const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

const standard = { 'catalog.json': catalog, 'indicators/geburtenrate.json': indicatorFile };

describe('FokusElement and DataTask', () => {
  afterEach(() => configure({ endpoint: undefined }));

  it('shows a skeleton while loading, then the result, and fires fokus-load', async () => {
    useEndpoint(standard, { 'indicators/geburtenrate.json': 50 });
    const el = await fixture<TestWidget>(
      html`<test-fokus-widget endpoint="/e/" indicator="geburtenrate"></test-fokus-widget>`,
    );
    expect(el.shadowRoot!.querySelector('[part=loading] .skeleton')).to.exist;
    expect(el.shadowRoot!.querySelector('[part=loading]')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('Daten werden geladen');
    const ev = (await oneEvent(el, 'fokus-load')) as FokusLoadEvent;
    expect(ev.detail).to.deep.equal({ indicators: ['geburtenrate'], count: 2 });
    expect(ev.bubbles && ev.composed).to.be.true;
    expect(el.shadowRoot!.querySelector('.result')!.textContent).to.equal('geburtenrate: 2');
  });

  it('shows the empty state when there is nothing to show', async () => {
    useEndpoint(standard);
    const { el } = await mount({ endpoint: '/e/', indicator: 'geburtenrate', empty: '' }, 'fokus-load');
    const empty = el.shadowRoot!.querySelector('[part=empty]')!;
    expect(empty.textContent).to.contain('Keine Daten');
    expect(empty.getAttribute('role')).to.equal('status');
  });

  it('names the unknown indicator in a German error, fires fokus-error, and is accessible', async () => {
    useEndpoint(standard);
    const { el, ev } = await mount({ endpoint: '/e/', indicator: 'geburtsrate' }, 'fokus-error');
    expect((ev as FokusErrorEvent).detail.code).to.equal('unknown-indicator');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Der Indikator „geburtsrate“ ist im Datenangebot nicht bekannt.');
    await expect(el).to.be.accessible();
  });

  it('says which URL failed when the endpoint answers 404, in English when lang="en"', async () => {
    useEndpoint({});
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const { el: widget, ev } = await mount(
      { endpoint: '/missing/', indicator: 'geburtenrate' },
      'fokus-error',
      wrapper,
    );
    expect((ev as FokusErrorEvent).detail.code).to.equal('http');
    const text = widget.shadowRoot!.querySelector('[role=alert]')!.textContent!;
    expect(text).to.contain('error 404');
    expect(text).to.contain('/missing/catalog.json');
  });

  it('reports a missing attribute by name', async () => {
    useEndpoint(standard);
    const { el } = await mount({ endpoint: '/e/' }, 'fokus-error');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Das Attribut „indicator“ fehlt.');
  });

  it('applies only the latest result when the indicator changes mid-flight', async () => {
    const other = { ...indicatorFile, indicator: 'sterberate', regions: ['01'], values: [[11, 12]], status: {} };
    const otherCatalog = {
      ...catalog,
      indicators: [...catalog.indicators, { ...catalog.indicators[0], id: 'sterberate', label: { de: 'Sterberate' } }],
    };
    useEndpoint(
      {
        'catalog.json': otherCatalog,
        'indicators/geburtenrate.json': indicatorFile,
        'indicators/sterberate.json': other,
      },
      { 'indicators/geburtenrate.json': 150 },
    );
    const el = await fixture<TestWidget>(
      html`<test-fokus-widget endpoint="/e/" indicator="geburtenrate"></test-fokus-widget>`,
    );
    const loads: string[] = [];
    el.addEventListener('fokus-load', (e) => loads.push(e.detail.indicators[0]));
    await aTimeout(20);
    el.indicator = 'sterberate';
    await aTimeout(300);
    expect(el.shadowRoot!.querySelector('.result')!.textContent).to.equal('sterberate: 1');
    expect(loads).to.deep.equal(['sterberate']);
  });
});

describe('endpoint resolution', () => {
  afterEach(() => configure({ endpoint: undefined }));

  it('prefers the attribute, then the nearest ancestor, then configure(), then the default', async () => {
    const root = await fixture(
      html`<div data-fokus-endpoint="/outer/">
        <section data-fokus-endpoint="/inner/">
          <test-fokus-widget id="a" endpoint="/own/"></test-fokus-widget>
          <test-fokus-widget id="b"></test-fokus-widget>
        </section>
      </div>`,
    );
    const free = document.createElement('test-fokus-widget');
    document.body.append(free);
    try {
      expect(resolveEndpoint(root.querySelector('#a')!)).to.equal('/own/');
      expect(resolveEndpoint(root.querySelector('#b')!)).to.equal('/inner/');
      expect(resolveEndpoint(free)).to.equal(DEFAULT_ENDPOINT);
      configure({ endpoint: '/configured/' });
      expect(resolveEndpoint(free)).to.equal('/configured/');
      expect(resolveEndpoint(root.querySelector('#b')!)).to.equal('/inner/');
    } finally {
      free.remove();
    }
  });

  it('reads the loader script data-fokus-endpoint when nothing else is set', async () => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.fokusEndpoint = '/from-script/';
    document.head.append(script);
    const free = document.createElement('test-fokus-widget');
    document.body.append(free);
    try {
      expect(resolveEndpoint(free)).to.equal('/from-script/');
    } finally {
      script.remove();
      free.remove();
    }
  });

  it('inherits across a shadow root boundary', async () => {
    const host = await fixture(html`<div data-fokus-endpoint="/host/"><span id="h"></span></div>`);
    const shadow = host.querySelector('#h')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('test-fokus-widget');
    shadow.append(inner);
    expect(resolveEndpoint(inner)).to.equal('/host/');
  });
});

describe('language and define()', () => {
  it('takes lang from the element, an ancestor or <html>', async () => {
    const root = await fixture(
      html`<div lang="en-GB">
        <test-fokus-widget id="x"></test-fokus-widget><test-fokus-widget id="y" lang="de"></test-fokus-widget>
      </div>`,
    );
    expect((root.querySelector('#x') as TestWidget).uiLang).to.equal('en');
    expect((root.querySelector('#y') as TestWidget).uiLang).to.equal('de');
    expect((root.querySelector('#x') as TestWidget).locale).to.equal('en-GB');
  });

  it('renders a widget again when its language changes, not when another widget appears (its own empty lang reflected)', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><test-fokus-widget id="a"></test-fokus-widget></div>`);
    const a = root.querySelector<TestWidget>('#a')!;
    await a.updateComplete;
    const before = a.renders.length;
    const b = document.createElement('test-fokus-widget') as TestWidget;
    root.append(b);
    await b.updateComplete;
    expect(b.getAttribute('lang'), 'b reflects its (empty) lang').to.equal('');
    await new Promise((r) => requestAnimationFrame(r)); // the attribute change has been observed
    await a.updateComplete;
    expect(a.renders.length, 'a is not rendered again').to.equal(before);
    root.lang = 'en';
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(a.renders.at(-1)).to.equal('en');
    expect(b.renders.at(-1)).to.equal('en');
    expect(a.renders.length).to.equal(before + 1);
  });

  it('tolerates a second registration of the same tag', () => {
    class Other extends HTMLElement {}
    expect(() => define('test-fokus-widget', TestWidget)).not.to.throw();
    expect(() => define('test-fokus-widget', Other)).not.to.throw();
    expect(customElements.get('test-fokus-widget')).to.equal(TestWidget);
  });
});
