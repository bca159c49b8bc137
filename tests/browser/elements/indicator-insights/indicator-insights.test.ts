import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/indicator-insights/define.js';
import '../../../../src/elements/region-profile/define.js';
import '../../../../src/elements/indicator-tile/define.js';
import type { IndicatorInsightsElement } from '../../../../src/elements/indicator-insights/indicator-insights.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { setSelection } from '../../../../src/internal/selection.js';
import { useEndpoint } from '../../helpers.js';
import { describe, it, beforeEach } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function load(t: ReturnType<typeof html>) {
  const el = await fixture<IndicatorInsightsElement>(t);
  const ev = oneEvent(el, 'fokus-load');
  if (!$(el, '[part~=findings], [part=empty], .text')) await ev;
  await el.updateComplete;
  return el;
}

// A tiny endpoint: two Gemeinden of one Kreis, one of them not in the indicator file.
const catalog = {
  format: 'fokus-catalog/1',
  version: 'v1',
  title: { de: 'Test' },
  publisher: 'Test',
  licence: { id: 'cc-by-4.0', name: 'CC BY 4.0' },
  attribution: 'Testdaten',
  updated: '2025-01-01',
  levels: [{ id: 'gemeinde', label: { de: 'Gemeinde' } }],
  regions: [
    { id: '01056', name: 'Kreis Pinneberg', level: 'kreis', parent: null },
    { id: '01056001', name: 'Eins', level: 'gemeinde', parent: '01056' },
    { id: '01056002', name: 'Zwei', level: 'gemeinde', parent: '01056' },
  ],
  topics: [{ id: 'familie', label: { de: 'Familie' } }],
  indicators: [
    {
      id: 'rate',
      label: { de: 'Geburtenrate', en: 'Birth rate' },
      unit: { de: 'je 1.000' },
      decimals: 1,
      description: { de: 'Test' },
      source: 'Test',
      topic: 'familie',
      polarity: 'neutral',
      years: [2023, 2024],
      levels: ['gemeinde'],
      computation: { type: 'ratio', numerator: 'b', denominator: 'p', factor: 1000, window: 3 },
      period: { de: '3-Jahres-Mittel', en: '3-year average' },
    },
  ],
  geometry: [],
};
const file = {
  format: 'fokus-indicator/1',
  indicator: 'rate',
  years: [2023, 2024],
  regions: ['01056001'],
  values: [[10, 10.5]],
  numerator: [[30, 31]],
  denominator: [[3000, 2950]],
};

describe('<indicator-insights>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('lists the findings of a Gemeinde as sentences, each with its method one click away (demo values)', async () => {
    const el = await load(
      html`<indicator-insights endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-insights>`,
    );
    expect(text($(el, '[part=heading]'))).to.equal('Geburtenrate: Elmshorn, 2024');
    const items = $$(el, 'li.finding');
    expect(items.map((li) => li.dataset.kind)).to.deep.equal(['trend', 'peers', 'rank', 'change']);
    expect(text(items[0].querySelector('.text'))).to.equal(
      'Kein klarer Befund: In Elmshorn zeigt der Wert von 2011 bis 2024 keinen klaren Trend. Betrachtet werden nur die Jahre ab 2011, weil die Reihe dort einen Bruch hat.',
    );
    expect(text(items[3].querySelector('.text'))).to.match(
      /Der Anstieg von 2023 auf 2024 \(von 7,0 auf 7,2\) liegt im Rahmen der zufälligen Schwankung der Fallzahlen\.$/,
    );
    // The method: closed until asked for, then name, parameters and the data used.
    const details = items[0].querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(text(details.querySelector('summary'))).to.equal('Methode und Daten');
    expect(text(details.querySelector('.method strong'))).to.equal('Theil–Sen-Steigung mit Mann–Kendall-Test.');
    const terms = [...details.querySelectorAll('dt')].map(text);
    expect(terms).to.include.members(['Jahre', 'Kendalls S', 'p-Wert (zweiseitig)']);
    expect(details.querySelectorAll('tbody tr').length).to.equal(14, '2011-2024');
    expect(text($(el, '[part=disclaimer]'))).to.contain('keine Ursachen');
    expect(text($(el, '.caption'))).to.contain('Synthetische');
    await expect(el).to.be.accessible();
  });

  it('opens the method with the keyboard', async () => {
    const el = await load(
      html`<indicator-insights endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-insights>`,
    );
    const summary = $(el, 'li.finding summary')!;
    summary.focus();
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await sendKeys({ press: 'Enter' });
    await new Promise((r) => requestAnimationFrame(r));
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
    await sendKeys({ press: 'Space' });
    await new Promise((r) => requestAnimationFrame(r));
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(false);
  });

  it('claims nothing from a rate on 8 births (Helgoland): every finding says why', async () => {
    const el = await load(
      html`<indicator-insights endpoint=${ENDPOINT} indicator="geburtenrate" region="01056025"></indicator-insights>`,
    );
    const items = $$(el, 'li.finding');
    expect(items.filter((li) => li.classList.contains('notable'))).to.have.length(0);
    expect(text(items[0])).to.contain('Die Fallzahlen in Helgoland sind für eine Trendaussage zu klein');
    expect(text(items[1])).to.match(/beruht 2024 auf nur 8 Fällen und liegt mit 95 % Sicherheit irgendwo zwischen/);
    expect(items[1].classList.contains('caution')).to.equal(true);
    expect(text(items[1].querySelector('.verdict'))).to.equal('Nicht belastbar');
  });

  it('speaks English and follows its group', async () => {
    const el = await load(
      html`<indicator-insights
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        region="01056015"
        lang="en"
        group="ins1"
      ></indicator-insights>`,
    );
    expect(text($(el, 'li.finding .text'))).to.equal(
      'No clear finding: In Elmshorn the value shows no clear trend from 2011 to 2024. Only the years from 2011 on are used, because the series has a break there.',
    );
    expect(text($(el, 'summary'))).to.equal('Method and data');
    setSelection('ins1', { region: '01056039', year: 2015 });
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect(text($(el, '[part=heading]'))).to.equal('Birth rate: Pinneberg, 2015');
  });

  it('shows the loading skeleton, then a pooled period; the empty state for a region without data', async () => {
    useEndpoint({ 'catalog.json': catalog, 'indicators/rate.json': file }, { 'indicators/rate.json': 200 });
    const el = await fixture<IndicatorInsightsElement>(
      html`<indicator-insights endpoint="/fake/" indicator="rate" region="01056001"></indicator-insights>`,
    );
    expect($(el, '[part=loading]')).to.not.equal(null);
    expect($(el, '[part=loading] .skeleton')).to.not.equal(null);
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect(text($(el, '[part=heading]'))).to.equal('Geburtenrate: Eins, 2022–2024 (3-Jahres-Mittel)');
    expect(text($(el, 'li.finding[data-kind=trend] .text'))).to.contain('zu wenige vergleichbare Jahre');
    const empty = await fixture<IndicatorInsightsElement>(
      html`<indicator-insights endpoint="/fake/" indicator="rate" region="01056002"></indicator-insights>`,
    );
    if (!$(empty, '[part=empty]')) await oneEvent(empty, 'fokus-load');
    await empty.updateComplete;
    expect(text($(empty, '[part=empty]'))).to.equal('Keine Daten für diese Auswahl.');
  });

  it('names errors: unknown region, invalid peers, missing indicator', async () => {
    for (const [t, expected] of [
      [
        html`<indicator-insights endpoint=${ENDPOINT} indicator="geburtenrate" region="0999"></indicator-insights>`,
        '„0999“',
      ],
      [
        html`<indicator-insights
          endpoint=${ENDPOINT}
          indicator="geburtenrate"
          region="01056015"
          peers="nachbarn"
        ></indicator-insights>`,
        'Der Wert „nachbarn“ ist für das Attribut „peers“ nicht zulässig.',
      ],
      [html`<indicator-insights endpoint=${ENDPOINT} region="01056015"></indicator-insights>`, '„indicator“ fehlt'],
    ] as const) {
      const bad = await fixture<IndicatorInsightsElement>(t);
      if (!$(bad, '[part=error]')) await oneEvent(bad, 'fokus-error');
      await bad.updateComplete;
      expect(text($(bad, '[part=error]'))).to.contain(expected);
    }
  });

  it('is part of the region profile: findings about the chart indicator under their own heading', async () => {
    const profile = await fixture(
      html`<region-profile endpoint=${ENDPOINT} region="01056025" no-map></region-profile>`,
    );
    if (!$(profile, 'header')) await oneEvent(profile, 'fokus-load');
    await (profile as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const headings = $$(profile, '[role=heading]').map(text);
    expect(headings).to.include('Hinweise zu: Geburtenrate');
    const el = $<IndicatorInsightsElement>(profile, 'indicator-insights')!;
    expect([el.getAttribute('indicator'), el.getAttribute('region')]).to.deep.equal(['geburtenrate', '01056025']);
    if (!$(el, 'li.finding')) await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect($(el, '[part=heading]')).to.equal(null, 'the profile has the heading');
    expect(text($(el, 'li.finding'))).to.contain('Die Fallzahlen in Helgoland sind für eine Trendaussage zu klein');
  });
});

describe('one small-count rule in the tile', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('takes minCount from the catalog and gives the interval of the rate', async () => {
    const load = async (t: ReturnType<typeof html>) => {
      const el = await fixture(t);
      if (!$(el, '.number')) await oneEvent(el, 'fokus-load');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      return el;
    };
    const tile = await load(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056025"></indicator-tile>`,
    );
    // Helgoland 2024: 8 births on 1,300; exact Poisson 95 %: [3.45, 15.76] / 1,300 x 1000 = [2.7, 12.1].
    expect(text($(tile, '.warning'))).to.match(
      /^Kleine Fallzahl \(8\):.*Mit 95 % Sicherheit liegt der Wert zwischen 2,7 und 12,1\.$/,
    );
    useEndpoint({
      'catalog.json': { ...catalog, indicators: [{ ...catalog.indicators[0], minCount: 40 }] },
      'indicators/rate.json': file,
    });
    const strict = await load(
      html`<indicator-tile endpoint="/fake/" indicator="rate" region="01056001"></indicator-tile>`,
    );
    expect(text($(strict, '.warning'))).to.match(/^Kleine Fallzahl \(31\)/);
    const off = await load(
      html`<indicator-tile endpoint="/fake/" indicator="rate" region="01056001" min-count="0"></indicator-tile>`,
    );
    expect($(off, '.warning')).to.equal(null);
  });
});
