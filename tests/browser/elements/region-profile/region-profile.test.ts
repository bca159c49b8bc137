import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/elements/region-profile/define.js';
import type { RegionProfileElement } from '../../../../src/elements/region-profile/region-profile.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { setSelection } from '../../../../src/internal/selection.js';
import { $, $$, beforeEach, describe, it, text } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';

async function load(t: ReturnType<typeof html>) {
  const el = await fixture<RegionProfileElement>(t);
  if (!$(el, 'header')) await oneEvent(el, 'fokus-load');
  await el.updateComplete;
  return el;
}

describe('<region-profile>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('composes tiles, a chart, the place in the Kreis and a map for one Gemeinde', async () => {
    const el = await load(html`<region-profile endpoint=${ENDPOINT} region="01056003"></region-profile>`);
    expect(text($(el, 'header [role=heading]'))).to.equal('Bevern');
    expect(text($(el, 'header p'))).to.equal('Gemeinde in Amt Rantzau, Kreis Pinneberg');
    const tiles = $$(el, 'indicator-tile');
    expect(tiles.map((t) => t.getAttribute('indicator'))).to.deep.equal([
      'bevoelkerung',
      'geburtenrate',
      'anteil-unter-18',
      'anteil-65plus',
      'motorisierungsgrad',
      'sgb2-quote',
      'arbeitslosenquote',
    ]);
    expect(tiles.every((t) => t.getAttribute('region') === '01056003')).to.equal(true);
    const chart = $(el, 'indicator-chart')!;
    expect([chart.getAttribute('indicator'), chart.getAttribute('compare')]).to.deep.equal([
      'geburtenrate',
      '01056,01',
    ]);
    expect($(el, 'municipality-map')!.getAttribute('selected')).to.equal('01056003');
    expect(text($(el, 'table caption'))).to.equal('Rang unter den 49 Gemeinden (1 = höchster Wert), 2024');
    const rows = $$(el, 'table tbody tr').map((tr) => [...tr.children].map(text));
    expect(rows.length).to.equal(7);
    expect(rows[0][0]).to.equal('Einwohner');
    expect(rows[0][3]).to.match(/^\d+ von 49$/);
    // a rate: its interval under the value, its plausible ranks under the rank, and the key to both
    const births = $$(el, 'table tbody tr')[1];
    expect(text(births.querySelector('.ci')!)).to.match(/^95-%-Konfidenzintervall \(\d+,\d–\d+,\d\)$/);
    expect(text(births.querySelector('.range')!)).to.match(/^möglich: Rang \(\d+–\d+\)$/);
    expect(text($(el, '.key'))).to.contain('95-%-Konfidenzintervall');
    // the tiles have loaded real values
    await Promise.all(tiles.map((t) => (t.shadowRoot!.querySelector('.number') ? null : oneEvent(t, 'fokus-load'))));
    expect(text(tiles[1].shadowRoot!.querySelector('.where'))).to.equal('Bevern, 2024');
  });

  it('follows the region of its group, and is accessible (without map)', async () => {
    const el = await load(
      html`<region-profile endpoint=${ENDPOINT} region="01056015" group="prof1" no-map></region-profile>`,
    );
    expect($(el, 'municipality-map')).to.equal(null);
    setSelection('prof1', { region: '01056039' });
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect(text($(el, 'header [role=heading]'))).to.equal('Pinneberg');
    await expect(el).to.be.accessible();
  });

  it('places a Stadtteil among the Stadtteile of its Gemeinde', async () => {
    const el = await load(html`<region-profile endpoint=${ENDPOINT} region="01056015-01" no-map></region-profile>`);
    expect(text($(el, 'header p'))).to.equal('Stadtteil (erfunden) in Elmshorn, Kreis Pinneberg');
    expect(text($(el, '#place-title'))).to.equal('Stellung in Elmshorn');
    expect(text($(el, 'table caption'))).to.match(/^Rang unter den 8 /);
    expect($$(el, 'table thead th').map(text)).to.deep.equal([
      'Indikator',
      'Elmshorn-Nord (erfunden)',
      'Elmshorn',
      'Rang',
    ]);
    expect($(el, 'indicator-chart')!.getAttribute('compare')).to.equal('01056015,01056,01');
  });

  it('names an unknown region', async () => {
    const el = await fixture<RegionProfileElement>(
      html`<region-profile endpoint=${ENDPOINT} region="0105699"></region-profile>`,
    );
    if (!$(el, '[part=error]')) await oneEvent(el, 'fokus-error');
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('„0105699“');
  });
});
