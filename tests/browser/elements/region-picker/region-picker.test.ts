import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/region-picker/define.js';
import type { RegionPickerElement } from '../../../../src/elements/region-picker/region-picker.js';
import type { FokusSelectEvent } from '../../../../src/internal/events.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import { $, $$, beforeEach, describe, it, text } from '../../helpers.js';

/** The built demo endpoint (`npx tsx scripts/build-demo-data.ts`), served by the test runner. */
const ENDPOINT = '/demo-dist/data/';

async function picker(attrs: { group?: string; value?: string; parent?: string; include?: string } = {}) {
  const el = await fixture<RegionPickerElement>(
    html`<region-picker
      endpoint=${ENDPOINT}
      parent=${attrs.parent ?? '01056'}
      include=${attrs.include ?? ''}
      value=${attrs.value ?? ''}
      group=${attrs.group ?? ''}
    ></region-picker>`,
  );
  if (!$(el, 'input')) await oneEvent(el, 'fokus-load');
  await el.updateComplete;
  return el;
}

describe('<region-picker>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('is an ARIA combobox: typing filters the grouped list, arrows move, Enter chooses and informs the group', async () => {
    const el = await picker({ group: 'rp1', include: '01056,01' });
    const input = $<HTMLInputElement>(el, 'input');
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(text($(el, 'label'))).to.equal('Gebiet');
    input.focus();
    await sendKeys({ type: 'elms' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const options = $$(el, '[role=option]').map(text);
    expect(options[0]).to.equal('Elmshorn (Stadt)');
    // the Amt named like the query keeps all its Gemeinden, under its group label
    expect($$(el, '.group-label').map(text)).to.deep.equal(['Amtsfreie Städte und Gemeinden', 'Amt Elmshorn-Land']);
    expect(input.getAttribute('aria-activedescendant')).to.equal('o-01056015');
    expect(text($(el, '[role=status]'))).to.match(/^\d+ Gebiete zur Auswahl\.$/);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = input.getAttribute('aria-activedescendant')!;
    expect(second).to.not.equal('o-01056015');
    await sendKeys({ press: 'ArrowUp' });
    const selected = oneEvent(el, 'fokus-select') as Promise<FokusSelectEvent>;
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.region).to.equal('01056015');
    await changed;
    await el.updateComplete;
    expect(el.value).to.equal('01056015');
    expect(input.value).to.equal('Elmshorn');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(getSelection('rp1').region).to.equal('01056015');
    expect(text($(el, '[role=status]'))).to.equal('Elmshorn ausgewählt.');
  });

  it('Escape closes and restores the chosen name; a key finds its region; no match is announced', async () => {
    const el = await picker({ value: '01056002' });
    const input = $<HTMLInputElement>(el, 'input');
    expect(input.value).to.equal('Barmstedt');
    input.focus();
    input.select();
    await sendKeys({ type: '01056015' });
    await el.updateComplete;
    expect($$(el, '[role=option]').map((o) => o.dataset.region)).to.deep.equal(['01056015']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value).to.equal('Barmstedt');
    expect(el.value).to.equal('01056002');
    input.select();
    await sendKeys({ type: 'qqq' });
    await el.updateComplete;
    expect($$(el, '[role=option]').length).to.equal(0);
    expect(text($(el, '[role=status]'))).to.equal('Kein Gebiet passt zu „qqq“.');
  });

  it('follows the group and offers its own value as the group start', async () => {
    const el = await picker({ group: 'rp2', value: '01056002' });
    expect(getSelection('rp2').region, 'seeded').to.equal('01056002');
    setSelection('rp2', { region: '01056039' });
    await el.updateComplete;
    expect(el.value).to.equal('01056039');
    expect($<HTMLInputElement>(el, 'input').value).to.equal('Pinneberg');
  });

  it('lists 1,112 Gemeinden grouped by Kreis, rendering at most 250 until the user types', async () => {
    const el = await fixture<RegionPickerElement>(html`<region-picker endpoint=${ENDPOINT}></region-picker>`);
    if (!$(el, 'input')) await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.combo button').click();
    await el.updateComplete;
    expect($$(el, '[role=option]').length).to.equal(250);
    expect(text($(el, '[role=status]'))).to.contain('1.112 Gebiete');
    expect($$(el, '[role=group]').length).to.be.greaterThan(1);
    const option = $$(el, '[role=option]')[3];
    option.click();
    await el.updateComplete;
    expect(el.value).to.equal(option.dataset.region);
  });

  it('is accessible, closed and open', async () => {
    const el = await picker({ include: '01056,01' });
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input').click();
    await el.updateComplete;
    expect($$(el, '[role=option]').length).to.equal(51);
    await expect(el).to.be.accessible();
  });

  it('names an unknown parent', async () => {
    const el = await fixture<RegionPickerElement>(
      html`<region-picker endpoint=${ENDPOINT} parent="99999"></region-picker>`,
    );
    await oneEvent(el, 'fokus-error');
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('„99999“');
  });
});
