/** <comparison-table> in the field (issue 15): small screens, keyboard, print, skeleton, text size, bad input, linking. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/elements/comparison-table/define.js';
import type { ComparisonTableElement } from '../../../../src/elements/comparison-table/comparison-table.js';
import type { FokusErrorEvent } from '../../../../src/internal/events.js';
import { catalog, indicatorFile, largeFiles, smallFiles, smallRegions, values2024 } from './fixtures.js';
import { $, $$, afterEach, describe, it, root, text, useEndpoint } from '../../helpers.js';

async function settle(el: ComparisonTableElement): Promise<void> {
  for (let i = 0; i < 5 && !(await el.updateComplete); i++);
}

async function load(template: ReturnType<typeof html>): Promise<ComparisonTableElement> {
  const el = await fixture<ComparisonTableElement>(template);
  if (!el.shadowRoot!.querySelector('table[part=table]')) await oneEvent(el, 'fokus-load');
  await settle(el);
  return el;
}

const pinneberg = () =>
  html`<comparison-table
    endpoint="/t/"
    indicators="geburtenrate,sgb2-quote,beschaeftigung"
    parent="01056"
    year="2024"
    reference="01056,01"
    deviation="absolute"
  ></comparison-table>`;

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

afterEach(async () => {
  document.documentElement.style.fontSize = '';
  await emulateMedia({ media: 'screen' });
  await setViewport({ width: 800, height: 600 });
});

describe('<comparison-table> in the field', () => {
  it('scrolls inside its own labelled, focusable region at 320 px, with the first column sticky', async () => {
    await setViewport({ width: 320, height: 640 });
    useEndpoint(smallFiles());
    const el = await load(pinneberg());
    await frame();
    const scroller = $(el, '.scroller');
    expect(scroller.getAttribute('role')).to.equal('region');
    expect(scroller.getAttribute('tabindex')).to.equal('0');
    expect(text(root(el).getElementById(scroller.getAttribute('aria-labelledby')!))).to.equal(
      'Gemeinden – Kreis Pinneberg, 2024',
    );
    // the page does not scroll sideways: the table scrolls in its box
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    // the Rang column is reachable: scrolled to the end, the last column is inside the box
    scroller.scrollLeft = scroller.scrollWidth;
    await frame();
    const box = scroller.getBoundingClientRect();
    const lastRank = $$(el, 'tbody.rows tr')[0].querySelector('td:last-child')!.getBoundingClientRect();
    expect(lastRank.right).to.be.at.most(box.right + 1);
    // ... and the names stay in view
    const name = $$(el, 'tbody.rows th')[0].getBoundingClientRect();
    expect(Math.abs(name.left - box.left)).to.be.lessThan(2);
    expect(getComputedStyle($$(el, 'tbody.rows th')[0]).position).to.equal('sticky');
    await expect(el).to.be.accessible();
  });

  it('is one Tab stop; the arrow keys reach rows and column headers, Escape returns', async () => {
    useEndpoint(smallFiles());
    const el = await load(pinneberg());
    // nothing inside the table is in the Tab order but the region itself
    const tabbable = $$(el, '.scroller button, .scroller a, .scroller input').filter(
      (b) => (b as HTMLElement).tabIndex >= 0,
    );
    expect(tabbable).to.deep.equal([]);
    $<HTMLInputElement>(el, 'input[type=search]').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '.scroller'));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.closest('[part=toolbar]')).to.not.equal(null); // out of the table in one step
    $(el, '.scroller').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(text(root(el).activeElement)).to.equal('Appen');
    await sendKeys({ press: 'End' });
    expect(text(root(el).activeElement)).to.equal('Uetersen');
    await sendKeys({ press: 'Home' });
    expect(text(root(el).activeElement)).to.equal('Kreis Pinneberg');
    await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement!.getAttribute('data-sort')).to.equal('name');
    await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement!.getAttribute('data-sort')).to.equal('value:geburtenrate:2024');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, 'tbody.rows th').map(text)[0]).to.equal('Uetersen');
    await sendKeys({ press: 'Escape' });
    expect(root(el).activeElement).to.equal($(el, '.scroller'));
    // a selected row is where ArrowDown lands
    el.selected = '01056045';
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    expect(text(root(el).activeElement)).to.equal('Wedel');
  });

  it('prints every row without controls, with the header repeated on each page', async () => {
    useEndpoint(largeFiles());
    const el = await load(
      html`<comparison-table endpoint="/t/" indicators="geburtenrate" reference="01"></comparison-table>`,
    );
    expect($$(el, 'tbody.rows tr[aria-rowindex]').length).to.be.lessThan(80);
    window.dispatchEvent(new Event('beforeprint'));
    await settle(el);
    expect($$(el, 'tbody.rows tr[aria-rowindex]').length).to.equal(1112);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '.arrow')).display).to.equal('none');
    expect(getComputedStyle($(el, 'thead')).display).to.equal('table-header-group');
    expect(getComputedStyle($(el, 'thead')).position).to.equal('static');
    expect(getComputedStyle($(el, '.scroller')).overflowY).to.equal('visible');
    for (const sel of ['.controls', '[part=toolbar]']) expect(getComputedStyle($(el, sel)).display).to.equal('none');
    expect(text($(el, '[part=caption]'))).to.contain('Quelle: Statistikamt Nord');
    expect(getComputedStyle($(el, '[part=caption]')).display).to.not.equal('none');
    await emulateMedia({ media: 'screen' });
    window.dispatchEvent(new Event('afterprint'));
    await settle(el);
    expect($$(el, 'tbody.rows tr[aria-rowindex]').length).to.be.lessThan(80);
  });

  it('keeps every text at 12 px or more, also under html { font-size: 62.5% }', async () => {
    document.documentElement.style.fontSize = '62.5%';
    useEndpoint(smallFiles());
    const el = await load(pinneberg());
    const small: string[] = [];
    const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement!;
      if (!n.textContent!.trim() || parent.closest('.visually-hidden') || parent.closest('style')) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < 12) small.push(`${parent.localName}.${parent.className}: ${size}px "${n.textContent!.trim()}"`);
    }
    expect(small).to.deep.equal([]);
    expect(parseFloat(getComputedStyle($(el, 'sup.flag')).fontSize)).to.be.at.least(12);
  });

  it('shows a skeleton of the size of the table that comes', async () => {
    useEndpoint(smallFiles(), { 'indicators/geburtenrate.json': 300 });
    const el = await fixture<ComparisonTableElement>(pinneberg());
    // the catalog arrives first: the skeleton then has one row per region (2 references + 5)
    for (let i = 0; i < 50 && $$(el, '[part=loading] tbody tr').length !== 7; i++) await frame();
    expect($$(el, '[part=loading] tbody tr').length).to.equal(7);
    expect($(el, '[part=loading] .skeleton-table').getAttribute('aria-hidden')).to.equal('true');
    const parts = (sel: string[]) =>
      sel.map((s) => `${s} ${$(el, s)?.getBoundingClientRect().height.toFixed(0)}`).join(', ');
    const SECTIONS = ['.controls', 'caption', 'thead', 'table', '.key', 'div.caption', '.toolbar'];
    const was = parts(SECTIONS);
    const before = el.getBoundingClientRect().height;
    await oneEvent(el, 'fokus-load');
    await settle(el);
    await frame();
    const after = el.getBoundingClientRect().height;
    console.info(`comparison-table skeleton ${before.toFixed(0)} px, table ${after.toFixed(0)} px`);
    expect(Math.abs(after - before) / after, `${was} / ${parts(SECTIONS)}`).to.be.lessThan(0.08);
  });

  it('names a year that is not a number, or not in the data, instead of showing every cell as suppressed', async () => {
    useEndpoint(smallFiles());
    for (const [attrs, message] of [
      [{ year: 'abc' }, 'Der Wert „abc“ ist für das Attribut „year“ nicht zulässig.'],
      [{ year: '1990' }, 'Der Wert „1990“ ist für das Attribut „year“ nicht zulässig.'],
      [{ indicator: 'geburtenrate', from: '20x0' }, 'Der Wert „20x0“ ist für das Attribut „from“ nicht zulässig.'],
    ] as const) {
      const el = document.createElement('comparison-table');
      el.setAttribute('endpoint', '/t/');
      el.setAttribute('indicators', 'geburtenrate');
      el.setAttribute('parent', '01056');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const error = oneEvent(el, 'fokus-error');
      document.body.append(el);
      const ev = (await error) as FokusErrorEvent;
      expect(ev.detail.code).to.equal('invalid-attribute');
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.contain(message);
      expect($(el, 'table[part=table]')).to.equal(null);
      el.remove();
    }
  });

  it('highlights the Amt-level row of a selected Gemeinde: its amtsfreie row or the Amt that contains it', async () => {
    const regions = [
      ...smallRegions.filter((r) => r.id !== '01056002'),
      { id: '010560002', name: 'Barmstedt', level: 'amt', parent: '01056', kind: 'amtsfreie Stadt' },
      { id: '01056002', name: 'Barmstedt', level: 'gemeinde', parent: '010560002' },
    ] as typeof smallRegions;
    useEndpoint({ ...smallFiles(), 'catalog.json': catalog(regions) });
    const el = await load(
      html`<comparison-table endpoint="/t/" indicators="geburtenrate" level="amt" parent="01056"></comparison-table>`,
    );
    const selectedRows = () => $$(el, 'tbody.rows tr.selected').map((tr) => text(tr.querySelector('th')));
    expect($$(el, 'tbody.rows th').map(text)).to.deep.equal(['Geest und Marsch Südholstein', 'Barmstedt']);
    el.selected = '01056002'; // the Gemeinde, as the map selects it
    await el.updateComplete;
    expect(selectedRows()).to.deep.equal(['Barmstedt']);
    el.selected = '01056001'; // Appen, a Gemeinde of the Amt
    await el.updateComplete;
    expect(selectedRows()).to.deep.equal(['Geest und Marsch Südholstein (enthält die Auswahl Appen)']);
    expect($(el, 'tr.selected button').getAttribute('aria-current')).to.equal('true');
    el.selected = '01060002'; // elsewhere: nothing
    await el.updateComplete;
    expect(selectedRows()).to.deep.equal([]);
  });

  it('without a year, an indicator whose last year is not yet available shows its own latest year, named in its header', async () => {
    const notYet = Object.fromEntries(Object.keys(values2024.beschaeftigung).map((r) => [r, '...' as const]));
    useEndpoint({ ...smallFiles(), 'indicators/beschaeftigung.json': indicatorFile('beschaeftigung', notYet) });
    const el = await load(
      html`<comparison-table
        endpoint="/t/"
        indicators="geburtenrate,beschaeftigung"
        parent="01056"
      ></comparison-table>`,
    );
    expect(text($(el, 'caption'))).to.contain('2024');
    const heads = $$(el, 'thead th').map(text);
    expect(
      heads.some((h) => h.startsWith('Beschäftigtenquote (2023)')),
      heads.join(' | '),
    ).to.equal(true);
    const body = $$(el, 'tbody.rows td').map(text);
    expect(body.some((t) => t.includes('...'))).to.equal(false);
    expect(body.some((t) => t.includes('5,0'))).to.equal(true);
  });
});
