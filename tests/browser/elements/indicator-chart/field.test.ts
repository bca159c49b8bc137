/**
 * Issue 15 (in the field: phones, touch, titles, print, layout shift, text size, bad data) and
 * issue 17 (confidence intervals, small counts) for <indicator-chart>.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../../src/elements/indicator-chart/define.js';
import type { IndicatorChartElement } from '../../../../src/elements/indicator-chart/indicator-chart.js';
import type { FokusLoadEvent } from '../../../../src/internal/events.js';
import { useEndpoint, files, countFiles, geburtenrate } from './fixture.js';
import { $, $$, text } from '../../helpers.js';

/** The next fokus event anywhere on the page (listening before the element exists: no race). */
function nextEvent(type: 'fokus-load' | 'fokus-error'): Promise<Event> {
  return new Promise((resolve) => document.addEventListener(type, resolve, { once: true }));
}

async function loaded(template: ReturnType<typeof html>, width = 640) {
  const next = nextEvent('fokus-load');
  const holder = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">${template}</div>`);
  const el = holder.querySelector('indicator-chart')!;
  const load = (await next) as FokusLoadEvent;
  await el.updateComplete;
  return { el, load, holder };
}

const line = html`<indicator-chart
  endpoint="/e/"
  indicator="geburtenrate"
  region="01056015"
  compare="01056,01"
></indicator-chart>`;
const bar = html`<indicator-chart
  endpoint="/e/"
  type="bar"
  indicator="geburtenrate"
  level="gemeinde"
  parent="01056"
  region="01056015"
  compare="01056,01"
></indicator-chart>`;
const column = html`<indicator-chart
  endpoint="/e/"
  indicator="altersstruktur"
  region="01056015"
  compare="01056"
></indicator-chart>`;

/** A tap as Chromium delivers it: touch pointer events (with the pointerout right after), then the click. */
function tap(target: Element): void {
  const r = target.getBoundingClientRect();
  const init = {
    bubbles: true,
    composed: true,
    cancelable: true,
    pointerType: 'touch',
    isPrimary: true,
    pointerId: 7,
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
  };
  for (const type of ['pointerover', 'pointerenter', 'pointerdown', 'pointerup', 'pointerout', 'pointerleave'])
    target.dispatchEvent(new PointerEvent(type, init));
  target.dispatchEvent(new PointerEvent('click', init));
}

describe('<indicator-chart> in the field (issue 15)', () => {
  it('generated titles name indicator, regions and period; label overrides them', async () => {
    useEndpoint();
    const a = await loaded(line);
    expect(text($(a.el, 'h2'))).to.equal('Geburtenrate in Elmshorn, 2019–2023');
    const b = await loaded(bar);
    expect(text($(b.el, 'h2'))).to.equal('Geburtenrate 2023: Gemeinden im Kreis Pinneberg');
    const c = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        type="bar"
        year="2021"
        indicator="geburtenrate"
        level="gemeinde"
        parent="01"
        lang="en"
      ></indicator-chart>`,
    );
    expect(text($(c.el, 'h2'))).to.equal('Geburtenrate (en) 2021: Municipalities in Schleswig-Holstein');
    const d = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        label="Eigener Titel"
      ></indicator-chart>`,
    );
    expect(text($(d.el, 'h2'))).to.equal('Eigener Titel');
  });

  it('touch: a tap on a point or bar shows its tooltip, a tap elsewhere hides it', async () => {
    useEndpoint();
    for (const template of [line, bar]) {
      const { el } = await loaded(template);
      const tooltip = $(el, '[part=tooltip]');
      expect(tooltip.hidden).to.equal(true);
      const mark = $$(el, '.vega svg g.role-mark.mark-symbol path, .vega svg g.role-mark.mark-rect path')[0];
      tap(mark);
      await el.updateComplete;
      expect(tooltip.hidden, 'shown after the tap').to.equal(false);
      expect(text(tooltip)).to.match(/^(Elmshorn|Pinneberg|Wedel), 20\d\d: /);
      // elsewhere in the chart (the plot background): hidden
      tap($(el, '.vega svg'));
      await el.updateComplete;
      expect(tooltip.hidden, 'hidden after a tap on the background').to.equal(true);
      // shown again, then a tap outside the element hides it
      tap(mark);
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(false);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
      await el.updateComplete;
      expect(tooltip.hidden, 'hidden after a tap outside').to.equal(true);
    }
  });

  for (const width of [320, 390, 768, 1024]) {
    it(`reflows to ${width} px: line, bar and column never wider than their box`, async () => {
      useEndpoint();
      for (const template of [line, bar, column]) {
        const { el } = await loaded(template, width);
        const svg = $(el, '.vega svg');
        expect(svg.getBoundingClientRect().width).to.be.at.most(width + 0.5);
        expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(width);
        // every SVG text (axis labels, value labels, legend) stays inside the element's box
        const box = el.getBoundingClientRect();
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          expect(r.right, `"${t.textContent}" inside at ${width}px`).to.be.at.most(box.right + 1);
          expect(r.left).to.be.at.least(box.left - 1);
        }
        if (width <= 390 && el.getAttribute('type') !== 'bar' && !el.getAttribute('indicator')!.startsWith('alter')) {
          // the legend stacks: one entry per row
          const entries = svg.querySelectorAll('.role-legend-label text');
          const tops = new Set([...entries].map((e) => Math.round(e.getBoundingClientRect().top)));
          expect(tops.size).to.equal(entries.length);
        }
      }
    });
  }

  it('the year labels of a narrow chart do not overlap (thinned, see the node test of yearTicks)', async () => {
    useEndpoint();
    const { el } = await loaded(line, 320);
    const years = [...$$(el, '.vega svg .role-axis-label text')].filter((t) => /^20\d\d$/.test(t.textContent ?? ''));
    expect(years.length).to.be.at.least(3);
    const boxes = years.map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).to.be.greaterThan(boxes[i - 1].right);
  });

  it('text: axis labels, value labels, notes and tooltip at least 12 px, also with a shrunken root font size', async () => {
    document.documentElement.style.fontSize = '62.5%';
    try {
      useEndpoint();
      for (const template of [line, bar, column]) {
        const { el } = await loaded(template);
        const sizes = [...$$(el, '.vega svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize));
        expect(sizes.length).to.be.greaterThan(5);
        expect(Math.min(...sizes)).to.be.at.least(12);
        const notes = $(el, '.notes');
        if (notes) expect(parseFloat(getComputedStyle(notes).fontSize)).to.be.at.least(12);
        expect(parseFloat(getComputedStyle($(el, '[part=tooltip]')).fontSize)).to.be.at.least(12);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  for (const width of [640, 320]) {
    it(`the skeleton reserves the drawn chart's height (${width} px)`, async () => {
      useEndpoint(files, { 'indicators/geburtenrate.json': 150 });
      const holder = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">${line}</div>`);
      const el = holder.querySelector('indicator-chart')!;
      const done = nextEvent('fokus-load');
      await el.updateComplete;
      const skeleton = $(el, '.skeleton.chart').getBoundingClientRect().height;
      // the catalog is read (cached), then the skeleton holds the real caption's lines
      await waitUntil(() => el.shadowRoot!.querySelector('.reserve .caption'), 'caption reserved');
      const reserved = el.getBoundingClientRect().height;
      await done;
      await el.updateComplete;
      const box = $(el, '.vega').getBoundingClientRect().height;
      const svg = $(el, '.vega svg').getBoundingClientRect().height;
      expect(box, 'the drawn box has the skeleton height').to.equal(skeleton);
      expect(svg, 'the SVG fills the reserved box').to.be.within(skeleton - 4, skeleton);
      // toolbar and caption below the plot are reserved too (notes depend on the data)
      const notes = $(el, '.notes')?.getBoundingClientRect().height ?? 0;
      const drawn = el.getBoundingClientRect().height - notes;
      expect(reserved, `reserved ${reserved} px for ${drawn} px drawn without notes`).to.be.within(
        drawn - 24,
        drawn + 8,
      );
    });
  }

  it('print: no buttons, the chart at the page width', async () => {
    useEndpoint();
    const { el } = await loaded(line);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part=toolbar]')).display).to.equal('none');
      expect(getComputedStyle($(el, '.vega svg')).width).to.equal(getComputedStyle($(el, '.plot')).width);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle($(el, '[part=toolbar]')).display).not.to.equal('none');
  });

  it('bad data: missing values of different kinds keep the general empty message', async () => {
    const values = geburtenrate.values.map((row, i) => (i === 4 ? row.map(() => null) : row));
    const mixed = { ...geburtenrate, values, status: { '01056039': ['.', '.', '...', '.', '.'] } };
    useEndpoint({ ...files, 'indicators/geburtenrate.json': mixed });
    const next = nextEvent('fokus-load');
    const el = fixtureSync<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056039"></indicator-chart>`,
    );
    await next;
    await el.updateComplete;
    expect(text($(el, '[part=empty]'))).to.equal('Keine Daten für diese Auswahl.');
  });

  it('leaving the page: a failed draw is not reported once pagehide fired', async () => {
    useEndpoint();
    const { el } = await loaded(line);
    const errors: Event[] = [];
    el.addEventListener('fokus-error', (e) => errors.push(e));
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...a: unknown[]) => logged.push(a);
    const fail = (el as unknown as { drawFailed(e: unknown): void }).drawFailed.bind(el);
    try {
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      fail(new TypeError('error loading dynamically imported module'));
      expect(errors.length).to.equal(0);
      expect(logged.length).to.equal(0);
      window.dispatchEvent(new PageTransitionEvent('pageshow'));
      fail(new TypeError('error loading dynamically imported module'));
      expect(errors.length, 'reported again once the page is shown').to.equal(1);
      el.remove();
      fail(new TypeError('error loading dynamically imported module'));
      expect(errors.length, 'not reported once disconnected').to.equal(1);
    } finally {
      console.error = original;
    }
  });
});

describe('<indicator-chart> uncertainty (issue 17)', () => {
  it('line: a confidence band per line from the counts, with a note; no-interval turns it off', async () => {
    useEndpoint(countFiles);
    const { el } = await loaded(line);
    const bands = $$(el, '.vega svg g.mark-area.role-mark path');
    expect(bands.length).to.equal(3);
    expect(text($(el, '.notes'))).to.contain('95-%-Konfidenzintervall aus der Fallzahl');
    expect(text($(el, '#description'))).to.contain('95-%-Konfidenzintervall');
    const off = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01056,01"
        no-interval
      ></indicator-chart>`,
    );
    expect($$(off.el, '.vega svg g.mark-area.role-mark path').length).to.equal(0);
    expect(text($(off.el, '.notes'))).not.to.contain('Konfidenzintervall');
  });

  it('line without counts: no band, no interval note', async () => {
    useEndpoint();
    const { el } = await loaded(line);
    expect($$(el, '.vega svg g.mark-area.role-mark path').length).to.equal(0);
    expect(text($(el, '.notes'))).not.to.contain('Konfidenzintervall');
  });

  it('bar: whiskers, the small-count bar pale and marked, a legend note, the text alternative and overlapping ranks', async () => {
    useEndpoint(countFiles);
    const { el } = await loaded(bar);
    const bars = [...$$(el, '.vega svg g.mark-rect.role-mark')[0].querySelectorAll('path')];
    expect(bars.length).to.equal(3);
    // ranked: Elmshorn 9.0, Pinneberg 8.3, Wedel 7.0 (7 births: below minCount 20)
    expect(bars.map((b) => b.getAttribute('fill-opacity'))).to.deep.equal(['1', '1', '0.3']);
    const whiskers = $$(el, '.vega svg g.mark-rule.role-mark line').filter(
      (l) => l.getAttribute('stroke') === '#1f2933',
    );
    expect(whiskers.length).to.equal(3);
    const svgText = $(el, '.vega svg').textContent!;
    expect(svgText).to.contain('7,0*');
    expect(text($(el, '.notes'))).to.contain('Heller Balken mit *: weniger als 20 Fälle, der Wert ist unsicher.');
    const description = text($(el, '#description'));
    expect(description).to.contain('Auf weniger als 20 Fällen beruhen (Werte unsicher): Wedel (1).');
    // Elmshorn's interval does not overlap Pinneberg's: its rank is not called uncertain
    expect(description).to.contain('Elmshorn: 9,0, Rang 1 von 3.');
    expect(description).not.to.contain('Rang 1 von 3. Das Intervall');
    await expect(el).to.be.accessible();
  });

  it('bar: the ranking sentence says when neighbours overlap', async () => {
    useEndpoint(countFiles);
    const { el } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        type="bar"
        indicator="geburtenrate"
        level="gemeinde"
        parent="01056"
        region="01056025"
      ></indicator-chart>`,
    );
    // Pinneberg 8.3 (365 births) and Wedel 7.0 (7 births): the intervals overlap
    expect(text($(el, '#description'))).to.contain(
      'Pinneberg: 8,3, Rang 2 von 3. Das Intervall überschneidet sich mit dem eines Nachbarn in der Rangfolge: der Rang ist nicht gesichert.',
    );
    expect(text($(el, '[part=tooltip]'))).to.equal('');
  });
});
