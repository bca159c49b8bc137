// The field pieces in the small elements: text sizes under a CMS theme's root font size,
// touch target sizes, axe in every state, heading levels inside the profile, skeletons that
// reserve the finished size, the slider's default year, and the text slips of issue 15.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/indicator-tile/define.js';
import '../../../src/elements/region-profile/define.js';
import '../../../src/elements/region-picker/define.js';
import '../../../src/elements/indicator-picker/define.js';
import '../../../src/elements/year-slider/define.js';
import type { YearSliderElement } from '../../../src/elements/year-slider/year-slider.js';
import type { RegionPickerElement } from '../../../src/elements/region-picker/region-picker.js';
import { FokusClient, setClient } from '../../../src/data/client.js';
import { getSelection, setSelection } from '../../../src/internal/selection.js';
import { $, $$, afterEach, beforeEach, describe, it, text } from '../helpers.js';
import { textSizes } from './field.test.js';

const ENDPOINT = '/demo-dist/data/';
const never = () => setClient(new FokusClient({ fetch: () => new Promise<Response>(() => {}), retries: 0 }));

/** Renders `t` and waits for fokus-load or fokus-error (whichever comes). */
async function settled<T extends HTMLElement>(t: ReturnType<typeof html>): Promise<T> {
  const done = new Promise((resolve) => {
    document.addEventListener('fokus-load', resolve, { once: true });
    document.addEventListener('fokus-error', resolve, { once: true });
  });
  const el = await fixture<T>(t);
  if (!el.shadowRoot!.querySelector('[part=error], [part=empty]') && el.shadowRoot!.querySelector('[part=loading]'))
    await done;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Waits until every nested tile of a profile shows its number. */
async function profileReady(el: HTMLElement): Promise<void> {
  while (
    !$$(el, 'indicator-tile').length ||
    $$(el, 'indicator-tile').some((t) => !t.shadowRoot?.querySelector('.number, [part=empty]'))
  )
    await new Promise((r) => requestAnimationFrame(r));
}

describe('field: text sizes under html { font-size: 62.5% }', () => {
  beforeEach(() => {
    setClient(new FokusClient());
    document.documentElement.style.setProperty('font-size', '62.5%');
  });
  afterEach(() => {
    document.documentElement.style.removeProperty('font-size');
  });

  const cases: [string, ReturnType<typeof html>][] = [
    ['tile', html`<indicator-tile endpoint=${ENDPOINT} indicator="sgb2-quote" region="01056015"></indicator-tile>`],
    ['indicator picker', html`<indicator-picker endpoint=${ENDPOINT} value="geburtenrate"></indicator-picker>`],
    ['year slider', html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate"></year-slider>`],
  ];
  for (const [name, t] of cases) {
    it(`${name}: every text is at least 12px`, async () => {
      const el = await settled(t);
      const sizes = textSizes(el.shadowRoot!);
      expect(sizes.length).to.be.greaterThan(2);
      expect(sizes.filter((s) => s.px < 12)).to.deep.equal([]);
    });
  }

  it('region picker (list open): every text is at least 12px', async () => {
    const el = await settled<RegionPickerElement>(
      html`<region-picker endpoint=${ENDPOINT} parent="01056" include="01056,01"></region-picker>`,
    );
    $<HTMLInputElement>(el, 'input').click();
    await el.updateComplete;
    const sizes = textSizes(el.shadowRoot!);
    expect(sizes.length).to.be.greaterThan(40);
    expect(sizes.filter((s) => s.px < 12)).to.deep.equal([]);
  });

  it('profile with its tiles: every text is at least 12px', async () => {
    const el = await settled(
      html`<region-profile
        endpoint=${ENDPOINT}
        region="01056015"
        indicators="geburtenrate,bevoelkerung"
        no-map
      ></region-profile>`,
    );
    await profileReady(el);
    const sizes = textSizes(el.shadowRoot!);
    expect(sizes.filter((s) => s.where.startsWith('p.label')).length).to.equal(2, 'the nested tiles are measured');
    expect(sizes.filter((s) => s.px < 12)).to.deep.equal([]);
  });
});

describe('field: touch targets', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('year slider: the range input and the play button are at least 44px high', async () => {
    const el = await settled<YearSliderElement>(html`<year-slider endpoint=${ENDPOINT}></year-slider>`);
    expect($(el, 'input[type=range]').getBoundingClientRect().height).to.be.at.least(44);
    expect($(el, 'button.play').getBoundingClientRect().height).to.be.at.least(44);
  });

  it('pickers: text field, toggle, select at least 44px, options at least 24px', async () => {
    const region = await settled<RegionPickerElement>(
      html`<region-picker endpoint=${ENDPOINT} parent="01056"></region-picker>`,
    );
    expect($(region, 'input').getBoundingClientRect().height).to.be.at.least(44);
    const toggle = $(region, '.combo button').getBoundingClientRect();
    expect(Math.min(toggle.width, toggle.height)).to.be.at.least(44);
    $<HTMLInputElement>(region, 'input').click();
    await region.updateComplete;
    expect(Math.min(...$$(region, '[role=option]').map((o) => o.getBoundingClientRect().height))).to.be.at.least(24);
    const picker = await settled(html`<indicator-picker endpoint=${ENDPOINT}></indicator-picker>`);
    expect($(picker, 'select').getBoundingClientRect().height).to.be.at.least(44);
  });
});

describe('field: axe in every state', () => {
  const views: [string, (endpoint: string) => ReturnType<typeof html>][] = [
    ['tile', (e) => html`<indicator-tile endpoint=${e} indicator="geburtenrate" region="01056015"></indicator-tile>`],
    ['region picker', (e) => html`<region-picker endpoint=${e} parent="01056"></region-picker>`],
    ['indicator picker', (e) => html`<indicator-picker endpoint=${e}></indicator-picker>`],
    ['year slider', (e) => html`<year-slider endpoint=${e} indicator="geburtenrate"></year-slider>`],
    [
      'profile',
      (e) => html`<region-profile endpoint=${e} region="01056015" indicators="geburtenrate" no-map></region-profile>`,
    ],
  ];
  for (const [name, t] of views) {
    it(`${name}: loading, error and complete are accessible`, async () => {
      never();
      const loading = await fixture(t(ENDPOINT));
      expect($(loading, '[part=loading]')).to.exist;
      await expect(loading).to.be.accessible();
      setClient(new FokusClient({ retries: 0 }));
      const failed = await settled(t('/no-such-endpoint/'));
      expect($(failed, '[part=error]')).to.exist;
      await expect(failed).to.be.accessible();
      setClient(new FokusClient());
      const done = await settled(t(ENDPOINT));
      if (name === 'profile') await profileReady(done);
      expect($(done, '[part=error], [part=loading]')).to.equal(null);
      await expect(done).to.be.accessible();
    });
  }

  it('empty states are accessible (a picker without regions, a slider without years)', async () => {
    setClient(new FokusClient());
    const picker = await settled(html`<region-picker endpoint=${ENDPOINT} level="amt" parent="01051"></region-picker>`);
    expect($(picker, '[part=empty]')).to.exist;
    await expect(picker).to.be.accessible();
    const slider = await settled(html`<year-slider endpoint=${ENDPOINT} from="1990" to="1995"></year-slider>`);
    expect($(slider, '[part=empty]')).to.exist;
    await expect(slider).to.be.accessible();
  });
});

describe('field: headings and skeletons of the profile and the tile', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('profile at heading-level 3: name h3, sections level 4, the chart title h5; axe heading-order clean', async () => {
    const page = await fixture(
      html`<div>
        <h1>Seite</h1>
        <h2>Steckbrief</h2>
        <region-profile
          endpoint=${ENDPOINT}
          region="01056015"
          indicators="geburtenrate,sterberate"
          heading-level="3"
          no-map
        ></region-profile>
      </div>`,
    );
    const el = page.querySelector('region-profile')!;
    if (!el.shadowRoot!.querySelector('header')) await oneEvent(el, 'fokus-load');
    await profileReady(el);
    expect($(el, 'header [role=heading]').getAttribute('aria-level')).to.equal('3');
    expect($(el, '#place-title').getAttribute('aria-level')).to.equal('4');
    const chart = $(el, 'indicator-chart');
    expect(chart.getAttribute('heading-level')).to.equal('5');
    expect($$(el, 'indicator-tile').every((t) => t.getAttribute('heading-level') === '5')).to.equal(true);
    while (!chart.shadowRoot?.querySelector('[part=title]')) await new Promise((r) => requestAnimationFrame(r));
    expect(chart.shadowRoot!.querySelector('[part=title]')!.localName).to.equal('h5');
    await expect(page).to.be.accessible();
  });

  it('the loading tile reserves about the finished height', async () => {
    never();
    const wrap = await fixture(
      html`<div style="width: 320px">
        <indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-tile>
      </div>`,
    );
    const loadingHeight = wrap.firstElementChild!.getBoundingClientRect().height;
    setClient(new FokusClient());
    const done = await fixture(
      html`<div style="width: 320px">
        <indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-tile>
      </div>`,
    );
    const tile = done.firstElementChild as HTMLElement;
    if (!tile.shadowRoot!.querySelector('.number')) await oneEvent(tile, 'fokus-load');
    const finalHeight = tile.getBoundingClientRect().height;
    console.info(`tile: skeleton ${loadingHeight}px, finished ${finalHeight}px`);
    expect(Math.abs(finalHeight - loadingHeight) / finalHeight, `${loadingHeight} vs ${finalHeight}`).to.be.below(0.2);
  });
});

describe('field: the profile skeleton', () => {
  for (const width of [390, 960]) {
    it(`reserves about the finished height at ${width}px`, async () => {
      never();
      const wrap = await fixture(
        html`<div style="width: ${width}px">
          <region-profile endpoint=${ENDPOINT} region="01056015"></region-profile>
        </div>`,
      );
      const loadingHeight = wrap.firstElementChild!.getBoundingClientRect().height;
      setClient(new FokusClient());
      const done = await fixture(
        html`<div style="width: ${width}px">
          <region-profile endpoint=${ENDPOINT} region="01056015"></region-profile>
        </div>`,
      );
      const el = done.firstElementChild as HTMLElement;
      if (!el.shadowRoot!.querySelector('header')) await oneEvent(el, 'fokus-load');
      await profileReady(el);
      const map = $(el, 'municipality-map');
      const chart = $(el, 'indicator-chart');
      while (!map.shadowRoot?.querySelector('[part=legend]') || !chart.shadowRoot?.querySelector('svg'))
        await new Promise((r) => requestAnimationFrame(r));
      const finalHeight = el.getBoundingClientRect().height;
      console.error(`profile at ${width}px: skeleton ${loadingHeight}px, finished ${finalHeight}px`);
      expect(Math.abs(finalHeight - loadingHeight) / finalHeight, `${loadingHeight} vs ${finalHeight}`).to.be.below(
        0.25,
      );
    });
  }
});

describe('field: wrong results and text slips', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('the slider defaults to the latest year with values of its indicator (deaths 2024 are not out yet)', async () => {
    const el = await settled<YearSliderElement>(
      html`<year-slider endpoint=${ENDPOINT} indicator="sterberate"></year-slider>`,
    );
    expect(el.years[el.years.length - 1]).to.equal(2024);
    expect(el.value).to.equal(2023);
  });

  it('Back to a URL without a year returns the slider to its default, as the same URL opened fresh', async () => {
    const start = location.href;
    const g = 'back15';
    const el = await settled<YearSliderElement>(
      html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate" group=${g} sync-url></year-slider>`,
    );
    expect(el.value).to.equal(2024);
    el.setYear(2023);
    expect(new URL(location.href).searchParams.get(`${g}.year`)).to.equal('2023');
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.value).to.equal(2024);
    expect(getSelection(g).year).to.equal(2024);
    setSelection(g, { year: 2024 }, { history: 'none' });
    history.replaceState(history.state, '', start);
  });

  it('region picker: "Ein Gebiet", not "1 Gebiete"', async () => {
    const el = await settled<RegionPickerElement>(
      html`<region-picker endpoint=${ENDPOINT} level="land"></region-picker>`,
    );
    $<HTMLInputElement>(el, 'input').click();
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('Ein Gebiet zur Auswahl.');
  });

  it('tile: the German sentence has no unit noun after "mit"; date and licence follow the language', async () => {
    const de = await settled(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-tile>`,
    );
    expect(text($(de, '.sentence'))).to.match(/^Elmshorn liegt mit 7,2 unter dem Kreiswert/);
    expect(text($(de, '.source'))).to.contain('Datenstand: 30.06.2025');
    expect(text($(de, '.source'))).to.not.contain('2025-06-30');
    const en = await settled(
      html`<indicator-tile lang="en" endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-tile>`,
    );
    const source = text($(en, '.source'));
    expect(source).to.contain('Licence: CC0 1.0 Universal');
    expect(source).to.not.contain('Universell');
    expect(source).to.contain('Data as of: 30 Jun 2025');
  });
});
