import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/year-slider/define.js';
import type { YearSliderElement } from '../../../../src/elements/year-slider/year-slider.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import { $, beforeEach, describe, it, text } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';

async function load(t: ReturnType<typeof html>) {
  const el = await fixture<YearSliderElement>(t);
  if (!$(el, 'input')) await oneEvent(el, 'fokus-load');
  await el.updateComplete;
  return el;
}

describe('<year-slider>', () => {
  beforeEach(() => setClient(new FokusClient()));

  it('offers the years of the indicator, starts at the latest and says the year as value text', async () => {
    const el = await load(html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate" group="ys1"></year-slider>`);
    const input = $<HTMLInputElement>(el, 'input[type=range]');
    expect(el.years[0]).to.equal(2010);
    expect(el.value).to.equal(2024);
    expect(input.getAttribute('aria-valuetext')).to.equal('2024');
    expect(text($(el, 'output'))).to.equal('2024');
    expect(getSelection('ys1').year, 'the default is not pushed onto the group').to.equal(undefined);
  });

  it('arrow keys move the year and the group; the group moves the slider; a new indicator keeps the year in range', async () => {
    const el = await load(html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate" group="ys2"></year-slider>`);
    const input = $<HTMLInputElement>(el, 'input[type=range]');
    input.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.value).to.equal(2022);
    expect(getSelection('ys2').year).to.equal(2022);
    setSelection('ys2', { year: 2012 });
    await el.updateComplete;
    expect(input.getAttribute('aria-valuetext')).to.equal('2012');
    setSelection('ys2', { indicator: 'sgb2-quote' });
    expect(el.indicator).to.equal('sgb2-quote');
  });

  it('plays through the years and stops at the last one; pause stops', async () => {
    const el = await load(
      html`<year-slider endpoint=${ENDPOINT} from="2020" to="2023" speed="200" group="ys3"></year-slider>`,
    );
    expect(el.years).to.deep.equal([2020, 2021, 2022, 2023]);
    expect(el.value).to.equal(2023);
    const seen: number[] = [];
    el.addEventListener('change', () => seen.push(el.value!));
    const button = $<HTMLButtonElement>(el, 'button.play');
    expect(button.getAttribute('aria-label')).to.equal('Jahre nacheinander abspielen');
    button.click(); // at the end: starts over from the first year
    await el.updateComplete;
    expect(button.getAttribute('aria-label')).to.equal('Abspielen anhalten');
    await aTimeout(800);
    await el.updateComplete;
    expect(seen).to.deep.equal([2020, 2021, 2022, 2023]);
    expect(getSelection('ys3').year).to.equal(2023);
    expect(button.getAttribute('aria-label'), 'stopped at the end').to.equal('Jahre nacheinander abspielen');
    button.click(); // jumps back to the start at once
    el.pause();
    expect(seen.length).to.equal(5);
    await aTimeout(450);
    expect(seen.length, 'paused: no further years').to.equal(5);
  });

  it("reads the file of the group's region (its Kreis's partition), not the file of all regions", async () => {
    const urls: string[] = [];
    setClient(
      new FokusClient({
        fetch: (input, init) => {
          urls.push(String(input));
          return fetch(input, init);
        },
      }),
    );
    setSelection('ys4', { region: '01056015' });
    const el = await load(html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate" group="ys4"></year-slider>`);
    expect(el.region).to.equal('01056015');
    expect(el.value).to.equal(2024);
    const files = urls.filter((u) => u.includes('/indicators/')).map((u) => new URL(u).pathname);
    expect(files).to.deep.equal(['/demo-dist/data/indicators/01056/geburtenrate.json']);
    // without a region (no group): all regions, as before
    urls.length = 0;
    const alone = await load(html`<year-slider endpoint=${ENDPOINT} indicator="sgb2-quote"></year-slider>`);
    expect(alone.value).to.equal(2024);
    expect(urls.filter((u) => u.includes('/indicators/')).map((u) => new URL(u).pathname)).to.deep.equal([
      '/demo-dist/data/indicators/sgb2-quote.json',
    ]);
  });

  it('is accessible and names an unknown indicator', async () => {
    const el = await load(html`<year-slider endpoint=${ENDPOINT} indicator="geburtenrate"></year-slider>`);
    await expect(el).to.be.accessible();
    const bad = await fixture<YearSliderElement>(
      html`<year-slider endpoint=${ENDPOINT} indicator="gibtsnicht"></year-slider>`,
    );
    if (!$(bad, '[part=error]')) await oneEvent(bad, 'fokus-error');
    await bad.updateComplete;
    expect(text($(bad, '[part=error]'))).to.contain('„gibtsnicht“');
  });
});
