import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/elements/indicator-tile/define.js';
import type { IndicatorTileElement } from '../../../../src/elements/indicator-tile/indicator-tile.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { setSelection } from '../../../../src/internal/selection.js';
import { $, beforeEach, describe, it, text } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';

async function load(t: ReturnType<typeof html>) {
  const el = await fixture<IndicatorTileElement>(t);
  const ev = oneEvent(el, 'fokus-load');
  if (!$(el, '.number')) await ev;
  await el.updateComplete;
  return el;
}

describe('<indicator-tile>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('shows number, unit, year, change and the comparison with Kreis and Land (demo values)', async () => {
    const el = await load(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-tile>`,
    );
    expect(text($(el, '.label'))).to.equal('Geburtenrate');
    expect(text($(el, '.where'))).to.equal('Elmshorn, 2024');
    expect(text($(el, '.number'))).to.equal('7,2 p');
    expect(text($(el, '.unit'))).to.equal('Lebendgeborene je 1.000 Einwohner');
    expect(text($(el, '.value .visually-hidden'))).to.equal('(vorläufige Zahl)');
    expect(text($(el, '.change .delta'))).to.equal('▲ +0,2');
    expect(text($(el, '.change .visually-hidden'))).to.equal('gestiegen um 0,2 gegenüber 2023');
    expect(text($(el, '.sentence'))).to.equal(
      'Elmshorn liegt mit 7,2 unter dem Kreiswert von 8,2 und dem Landeswert von 8,0.',
    );
    expect($(el, '.warning')).to.equal(null);
    expect(text($(el, '.caption'))).to.contain('Synthetische');
  });

  it('judges by polarity: a falling SGB II rate is favourable, a higher one than Kreis and Land unfavourable', async () => {
    const el = await load(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="sgb2-quote" region="01056015"></indicator-tile>`,
    );
    expect($(el, '.change')!.classList.contains('better')).to.equal(true);
    expect(text($(el, '.change .visually-hidden'))).to.equal('gesunken um 0,3 gegenüber 2023 (günstige Entwicklung)');
    expect(text($(el, '.sentence'))).to.match(
      /über dem Kreiswert von 7,7 und dem Landeswert von 7,2 – ungünstiger als im Kreis und im Land\.$/,
    );
  });

  it('warns where the rate rests on few cases (Helgoland: 8 births)', async () => {
    const el = await load(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056025"></indicator-tile>`,
    );
    expect(text($(el, '.warning'))).to.match(/^Kleine Fallzahl \(8\)/);
    await expect(el).to.be.accessible();
  });

  it("breaks a long one-word label inside a narrow card (no overflow), hyphenated in the label's language", async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div style="width: 200px">
        <indicator-tile
          endpoint=${ENDPOINT}
          indicator="geburtenrate"
          region="01056015"
          label="Mindestsicherungsquotenberechnung"
          no-source
        ></indicator-tile>
      </div>`,
    );
    const el = holder.querySelector('indicator-tile') as IndicatorTileElement;
    if (!$(el, '.number')) await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    const label = $(el, '.label');
    expect(label.getAttribute('lang')).to.equal('de');
    expect(label.getBoundingClientRect().height).to.be.greaterThan(parseFloat(getComputedStyle(label).fontSize) * 1.8);
    expect(label.scrollWidth).to.be.at.most(label.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('follows region, year and indicator of its group', async () => {
    const el = await load(
      html`<indicator-tile
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        region="01056015"
        group="tile1"
      ></indicator-tile>`,
    );
    setSelection('tile1', { region: '01056039', year: 2015 });
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect(text($(el, '.where'))).to.equal('Pinneberg, 2015');
    setSelection('tile1', { indicator: 'motorisierungsgrad' });
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect(text($(el, '.label'))).to.equal('Motorisierungsgrad');
  });

  it('speaks English and names errors', async () => {
    const el = await load(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015" lang="en"></indicator-tile>`,
    );
    expect(text($(el, '.sentence'))).to.equal(
      'Elmshorn, at 7.2 live births per 1,000 inhabitants, is below the district value of 8.2 and the state value of 8.0.',
    );
    const bad = await fixture<IndicatorTileElement>(
      html`<indicator-tile endpoint=${ENDPOINT} indicator="geburtenrate" region="0999"></indicator-tile>`,
    );
    if (!$(bad, '[part=error]')) await oneEvent(bad, 'fokus-error');
    await bad.updateComplete;
    expect(text($(bad, '[part=error]'))).to.contain('„0999“');
  });
});
