import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/elements/indicator-picker/define.js';
import type { IndicatorPickerElement } from '../../../../src/elements/indicator-picker/indicator-picker.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import { $, beforeEach, describe, it, text } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';

async function load(t: ReturnType<typeof html>) {
  const el = await fixture<IndicatorPickerElement>(t);
  if (!$(el, 'select')) await oneEvent(el, 'fokus-load');
  await el.updateComplete;
  return el;
}

describe('<indicator-picker>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('groups the indicators by topic, shows the definition, starts with the first and offers it to the group', async () => {
    const el = await load(html`<indicator-picker endpoint=${ENDPOINT} group="ip1"></indicator-picker>`);
    const select = $<HTMLSelectElement>(el, 'select');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal([
      'Bevölkerung',
      'Familie und Geburten',
      'Alter',
      'Mobilität',
      'Soziales und Arbeit',
    ]);
    expect(select.options.length).to.equal(12); // 11 yearly, and the birth rate as 3-Jahres-Mittel
    expect(el.value).to.equal('bevoelkerung');
    expect(select.value).to.equal('bevoelkerung');
    expect(getSelection('ip1').indicator).to.equal('bevoelkerung');
    expect(select.getAttribute('aria-describedby')).to.equal('definition');
    expect(text($(el, '#definition'))).to.contain('Einwohnerinnen und Einwohner mit Hauptwohnsitz');
  });

  it('a choice fires change and sets the group; the group sets the choice', async () => {
    const el = await load(
      html`<indicator-picker endpoint=${ENDPOINT} group="ip2" value="geburtenrate"></indicator-picker>`,
    );
    const select = $<HTMLSelectElement>(el, 'select');
    expect(select.value).to.equal('geburtenrate');
    select.value = 'sgb2-quote';
    const changed = oneEvent(el, 'change');
    select.dispatchEvent(new Event('change'));
    await changed;
    await el.updateComplete;
    expect(getSelection('ip2').indicator).to.equal('sgb2-quote');
    expect(text($(el, '#definition'))).to.contain('ein niedrigerer Wert ist günstiger');
    setSelection('ip2', { indicator: 'motorisierungsgrad' });
    await el.updateComplete;
    expect(select.value).to.equal('motorisierungsgrad');
    expect(text($(el, '#definition'))).to.contain('Pkw je 1.000 Einwohner');
  });

  it('restricts to topics, speaks English, and is accessible', async () => {
    const el = await load(html`<indicator-picker endpoint=${ENDPOINT} topics="alter" lang="en"></indicator-picker>`);
    const select = $<HTMLSelectElement>(el, 'select');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal(['Age']);
    expect(select.options.length).to.equal(5);
    expect(text($(el, 'label'))).to.equal('Indicator');
    await expect(el).to.be.accessible();
  });
});
