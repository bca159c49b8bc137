import { expect, fixture, fixtureSync, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import '../../../../src/elements/indicator-chart/define.js';
import type { IndicatorChartElement } from '../../../../src/elements/indicator-chart/indicator-chart.js';
import type { FokusErrorEvent, FokusLoadEvent, FokusSelectEvent } from '../../../../src/internal/events.js';
import { useEndpoint, files, geburtenrate } from './fixture.js';
import { setSelection } from '../../../../src/internal/selection.js';
import { $, $$, text } from '../../helpers.js';

/** The text a user sees: whitespace collapsed. */

/** Creates the element and waits for fokus-load (after Vega has drawn). */
async function loaded(template: ReturnType<typeof html>): Promise<{ el: IndicatorChartElement; load: FokusLoadEvent }> {
  const next = nextEvent('fokus-load');
  const holder = fixtureSync<HTMLDivElement>(html`<div style="width: 640px">${template}</div>`);
  const el = holder.querySelector('indicator-chart')!;
  const load = (await next) as FokusLoadEvent;
  await el.updateComplete;
  return { el, load };
}

/** The next fokus event anywhere on the page (listening before the element exists: no race). */
function nextEvent(type: 'fokus-load' | 'fokus-error'): Promise<Event> {
  return new Promise((resolve) => document.addEventListener(type, resolve, { once: true }));
}

/** The data marks Vega drew (not axes or legends): `g.mark-<type>.role-mark` groups. */
const markGroups = (el: Element, type: string) => $$(el, `.vega svg g.mark-${type}.role-mark`);
const marks = (el: Element, type: string, element = 'path') =>
  markGroups(el, type).flatMap((g) => [...g.querySelectorAll(element)]);

describe('<indicator-chart> line', () => {
  it('draws one line per region, a point per value, gaps for suppressed values, and fires fokus-load after drawing', async () => {
    useEndpoint();
    const { el, load } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01056,01"
      ></indicator-chart>`,
    );
    expect(load.detail).to.deep.equal({ indicators: ['geburtenrate'], count: 14 });
    // the main line layer: 3 series
    const lines = marks(el, 'line');
    expect(lines.length).to.equal(3);
    // Elmshorn (first, solid) breaks at the suppressed 2021: two sub-paths, never a drop to zero
    const elmshorn = lines[0].getAttribute('d')!;
    expect(elmshorn.match(/M/g)!.length).to.equal(2);
    // points: 14 values (13 filled + 1 hollow provisional)
    const points = marks(el, 'symbol');
    expect(points.length).to.equal(14);
    expect(points.filter((p) => p.getAttribute('fill') === '#ffffff').length).to.equal(1);
    // references dashed
    expect(lines[0].getAttribute('stroke-dasharray') ?? '1,0').to.match(/^1,0$|^$/);
    expect(lines[1].getAttribute('stroke-dasharray')).to.equal('6,4');
    expect(lines[2].getAttribute('stroke-dasharray')).to.equal('2,3');
    // German axis labels and the break rule with its label
    const svgText = $(el, '.vega svg')!.textContent!;
    expect(svgText).to.contain('9,4');
    expect(svgText).to.contain('Bruch 2022');
    expect(svgText).to.contain('je 1.000 Einwohner');
    expect(svgText).not.to.contain('9.4');
  });

  it('titles from the catalog, caption with source, licence and data year, notes for break and symbols', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01056,01"
      ></indicator-chart>`,
    );
    // issue 15: the generated title names indicator, region and period
    expect(text($(el, 'h2')!)).to.equal('Geburtenrate in Elmshorn, 2019–2023');
    expect(text($(el, '[part=caption] .source')!)).to.equal(
      'Quelle: Statistikamt Nord; Lizenz: dl-de/by-2-0; Datenstand: 01.03.2025',
    );
    const notes = text($(el, '.notes'));
    expect(notes).to.contain('Zeitreihenbruch 2022: Zensus-2022-Korrektur');
    expect(notes).to.contain('. = Zahlenwert unbekannt oder geheim zu halten; p = vorläufige Zahl');
    const description = text($(el, '#description'));
    expect(description).to.contain(
      'Letzter Wert: Elmshorn 9,0 p (2023); Kreis Pinneberg 8,7 (2023); Schleswig-Holstein 8,2 (2023).',
    );
    expect($(el, '[part=chart]')!.getAttribute('aria-describedby')).to.equal('description key-hint');
  });

  it('has a table alternative behind a visible toggle, and the definition on demand', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01056,01"
      ></indicator-chart>`,
    );
    const buttons = $$(el, '[part=toolbar] button') as HTMLButtonElement[];
    const toggle = buttons.find((b) => text(b) === 'Tabelle anzeigen')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, 'table')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Tabelle ausblenden');
    const table = $(el, 'table')!;
    expect(table.querySelector('caption')!.textContent).to.contain('Geburtenrate (je 1.000 Einwohner)');
    expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal([
      'Gebiet',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
    ]);
    const first = [...table.querySelectorAll('tbody tr')[0].children].map((c) => text(c));
    expect(first).to.deep.equal(['Elmshorn', '9,1', '9,3', '.', '9,4', '9,0 p']);
    expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
    buttons.find((b) => text(b) === 'Definition')!.click();
    await el.updateComplete;
    expect(text($(el, '[part=definition]')!)).to.equal('Definition von Geburtenrate.');
    await expect(el).to.be.accessible();
  });

  it('keyboard: arrow keys show the tooltip and announce the value; Enter selects the region', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01056,01"
      ></indicator-chart>`,
    );
    const plot = $(el, '[part=chart]') as HTMLElement;
    expect(plot.tabIndex).to.equal(0);
    plot.focus();
    const key = (k: string) =>
      plot.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowRight');
    key('ArrowRight');
    await aTimeout(30);
    await el.updateComplete;
    const tip = $(el, '[part=tooltip]') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(text(tip)).to.equal('Elmshorn, 2020: 9,3 je 1.000 Einwohner');
    expect(text($(el, '[aria-live]')!)).to.equal('Elmshorn, 2020: 9,3 je 1.000 Einwohner');
    // the tooltip sits at the focused point (within the chart), the highlight ring is drawn
    const left = parseFloat(tip.style.left);
    expect(left).to.be.greaterThan(100).and.lessThan(400);
    key('ArrowRight');
    await aTimeout(30);
    await el.updateComplete;
    expect(text(tip)).to.equal('Elmshorn, 2021: unbekannt oder geheim (.)');
    key('ArrowDown');
    await aTimeout(30);
    await el.updateComplete;
    expect(text(tip)).to.equal('Kreis Pinneberg, 2021: 9,1 je 1.000 Einwohner');
    setTimeout(() => key('Enter'));
    const select = (await oneEvent(el, 'fokus-select')) as FokusSelectEvent;
    expect(select.detail).to.deep.equal({ region: '01056', year: 2021, indicator: 'geburtenrate' });
    expect(select.bubbles && select.composed).to.equal(true);
    key('Escape');
    await aTimeout(30);
    await el.updateComplete;
    expect(tip.hidden).to.equal(true);
  });

  it('fires fokus-select when a region is clicked', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015"></indicator-chart>`,
    );
    const point = marks(el, 'symbol')[0]; // the first drawn point (layers without data draw none)
    const r = point.getBoundingClientRect();
    setTimeout(() =>
      point.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          composed: true,
          clientX: r.x + r.width / 2,
          clientY: r.y + r.height / 2,
        }),
      ),
    );
    const select = (await oneEvent(el, 'fokus-select')) as FokusSelectEvent;
    expect(select.detail.region).to.equal('01056015');
    expect(select.detail.year).to.equal(2019);
  });

  it('linked views: a region selected in one chart is highlighted in the others of the same group', async () => {
    useEndpoint();
    let count = 0;
    const all = new Promise<void>((resolve) =>
      document.addEventListener('fokus-load', function on() {
        if (++count === 3) (resolve(), document.removeEventListener('fokus-load', on));
      }),
    );
    const holder = fixtureSync<HTMLDivElement>(
      html`<div style="width: 640px">
        <indicator-chart
          id="a"
          group="g1"
          endpoint="/e/"
          indicator="geburtenrate"
          region="01056015"
          compare="01056"
        ></indicator-chart>
        <indicator-chart
          id="b"
          group="g1"
          endpoint="/e/"
          indicator="sterberate"
          region="01056015"
          compare="01056"
        ></indicator-chart>
        <indicator-chart
          id="c"
          group="g2"
          endpoint="/e/"
          indicator="sterberate"
          region="01056015"
          compare="01056"
        ></indicator-chart>
      </div>`,
    );
    await all;
    const [a, b, c] = [...holder.querySelectorAll('indicator-chart')];
    const widths = (el: Element) => marks(el, 'line').map((p) => p.getAttribute('stroke-width'));
    expect(widths(b)).to.deep.equal(['2.5', '2.5']);
    const plot = $(a, '[part=chart]') as HTMLElement;
    plot.focus();
    for (const k of ['ArrowRight', 'ArrowDown', 'Enter']) plot.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
    await waitUntil(() => widths(b)[1] === '4', 'the Kreis line is highlighted in b', { timeout: 2000 });
    expect(widths(b)).to.deep.equal(['2.5', '4']);
    expect(widths(c)).to.deep.equal(['2.5', '2.5']);
  });

  it("linked views: a region chosen elsewhere in the group (e.g. the map) becomes the line chart's region", async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        group="g-map"
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01"
      ></indicator-chart>`,
    );
    const next = nextEvent('fokus-load');
    setSelection('g-map', { region: '01056025' }, { source: 'map' });
    await next;
    await el.updateComplete;
    expect(el.region).to.equal('01056025');
    expect(text($(el, '#description'))).to.contain('für Pinneberg.');
  });

  it('CSV downloads: German Excel flavour with source lines, machine flavour with header and rows only', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01"
        from="2021"
        to="2023"
      ></indicator-chart>`,
    );
    expect(el.csv('excel-de')).to.equal(
      '\uFEFF' +
        [
          'Regionalschlüssel;Gebiet;Jahr;Geburtenrate (je 1.000 Einwohner);Zeichen',
          '01056015;Elmshorn;2021;;.',
          '01056015;Elmshorn;2022;9,4;',
          '01056015;Elmshorn;2023;9;p',
          '01;Schleswig-Holstein;2021;8,6;',
          '01;Schleswig-Holstein;2022;8,3;',
          '01;Schleswig-Holstein;2023;8,2;',
          '',
          '"Quelle: Statistikamt Nord; Lizenz: dl-de/by-2-0; Datenstand: 01.03.2025"',
          'Zeitreihenbruch 2022: Zensus-2022-Korrektur',
        ].join('\r\n') +
        '\r\n',
    );
    expect(el.csv('machine')).to.equal(
      [
        'Regionalschlüssel,Gebiet,Jahr,Geburtenrate (je 1.000 Einwohner),Zeichen',
        '01056015,Elmshorn,2021,,.',
        '01056015,Elmshorn,2022,9.4,',
        '01056015,Elmshorn,2023,9,p',
        '01,Schleswig-Holstein,2021,8.6,',
        '01,Schleswig-Holstein,2022,8.3,',
        '01,Schleswig-Holstein,2023,8.2,',
      ].join('\n') + '\n',
    );
  });

  it('SVG and PNG downloads carry the title and the source line', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015" compare="01"></indicator-chart>`,
    );
    const svg = await el.image('svg');
    expect(svg).to.match(/^<svg/);
    expect(svg).to.contain('>Geburtenrate in Elmshorn, 2019–2023<');
    expect(svg).to.contain('Quelle: Statistikamt Nord; Lizenz: dl-de/by-2-0; Datenstand: 01.03.2025');
    const png = await el.image('png');
    expect(png).to.match(/^data:image\/png;base64,/);
    expect(png.length).to.be.greaterThan(5000);
  });

  it('follows the container width, not the window', async function () {
    this.timeout(30000);
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015"></indicator-chart>`,
    );
    const svg = () => $(el, '.vega svg')!;
    // ResizeObserver reports in rendering steps, which a hidden page (the runner's second tab)
    // does not have: wait until this page is the visible one, else report the test as skipped.
    await waitUntil(() => document.visibilityState === 'visible', 'page visible', { timeout: 15000 }).catch(() => {});
    if (document.visibilityState !== 'visible') this.skip();
    expect(Math.round(parseFloat(svg().getAttribute('width')!))).to.equal(640);
    (el.parentElement as HTMLElement).style.width = '400px';
    await waitUntil(() => Math.round(parseFloat(svg().getAttribute('width')!)) === 400, 'svg follows the container', {
      timeout: 3000,
    });
    (el.parentElement as HTMLElement).style.width = '380px';
    await waitUntil(() => Math.round(parseFloat(svg().getAttribute('width')!)) === 380, 'svg follows the container', {
      timeout: 3000,
    });
  });

  it('speaks English with lang="en"', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        lang="en"
        endpoint="/e/"
        indicator="geburtenrate"
        region="01056015"
        compare="01"
      ></indicator-chart>`,
    );
    expect(text($(el, '#description'))).to.match(/^Line chart: Geburtenrate \(en\)/);
    expect(text($$(el, '[part=toolbar] button')[0] as HTMLElement)).to.equal('Show table');
    expect(text($(el, '.vega svg'))).to.contain('9.4');
  });
});

describe('<indicator-chart> bar and column', () => {
  it('bar: follows a year of its group that the indicator has, and ignores one it lacks', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart
        type="bar"
        group="g-year"
        year="2020"
        endpoint="/e/"
        indicator="geburtenrate"
        level="gemeinde"
        parent="01056"
      ></indicator-chart>`,
    );
    setSelection('g-year', { year: 1990 }, { source: 'slider' });
    await aTimeout(50);
    await el.updateComplete;
    expect(el.year).to.equal(2020);
    expect($(el, '[role=alert]')).to.equal(null);
    const next = nextEvent('fokus-load');
    setSelection('g-year', { year: 2022 }, { source: 'slider' });
    await next;
    expect(el.year).to.equal(2022);
    expect($(el, '[role=alert]')).to.equal(null);
  });

  it('bar: one bar per Gemeinde with a value, the missing one marked, reference rules', async () => {
    useEndpoint();
    const { el, load } = await loaded(
      html`<indicator-chart
        type="bar"
        year="2020"
        endpoint="/e/"
        indicator="geburtenrate"
        level="gemeinde"
        parent="01056"
        region="01056015"
        compare="01056,01"
      ></indicator-chart>`,
    );
    expect(load.detail.count).to.equal(2);
    const bars = markGroups(el, 'rect')[0].querySelectorAll('path');
    expect(bars.length).to.equal(2);
    const rules = marks(el, 'rule', 'line');
    expect(rules.length).to.equal(2);
    const svgText = $(el, '.vega svg')!.textContent!;
    expect(svgText).to.contain('. unbekannt oder geheim');
    expect(svgText).to.contain('Kreis Pinneberg: 9,0');
    expect(svgText).to.contain('Schleswig-Holstein: 8,5');
    expect(text($(el, '#description'))).to.contain('Elmshorn: 9,3, Rang 1 von 2.');
    await expect(el).to.be.accessible();
  });

  it('column: the categories of a breakdown, one column per region and category', async () => {
    useEndpoint();
    const { el, load } = await loaded(
      html`<indicator-chart
        endpoint="/e/"
        indicator="altersstruktur"
        region="01056015"
        compare="01056"
      ></indicator-chart>`,
    );
    expect(load.detail).to.deep.equal({ indicators: ['anteil-u18', 'anteil-18-64', 'anteil-65plus'], count: 6 });
    expect(markGroups(el, 'rect')[0].querySelectorAll('path').length).to.equal(6);
    const svgText = $(el, '.vega svg')!.textContent!;
    expect(svgText).to.contain('unter 18');
    expect(svgText).to.contain('65 und älter');
    expect(text($(el, 'h2')!)).to.equal('Altersstruktur 2023: Elmshorn');
  });
});

describe('<indicator-chart> states', () => {
  it('shows a skeleton while loading', async () => {
    useEndpoint(files, { 'indicators/geburtenrate.json': 300 });
    const el = await fixture<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015"></indicator-chart>`,
    );
    await aTimeout(20);
    expect($(el, '[part=loading] .skeleton')).to.exist;
    expect(text($(el, '[part=loading]'))).to.contain('Daten werden geladen');
    await oneEvent(el, 'fokus-load');
  });

  it('shows the empty state when no value can be drawn', async () => {
    const values = geburtenrate.values.map((row, i) => (i === 4 ? row.map(() => null) : row));
    const empty = { ...geburtenrate, values, status: { '01056039': ['.', '.', '.', '.', '.'] } };
    useEndpoint({ ...files, 'indicators/geburtenrate.json': empty });
    const next = nextEvent('fokus-load');
    const el = await fixture<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056039"></indicator-chart>`,
    );
    const load = (await next) as FokusLoadEvent;
    expect(load.detail.count).to.equal(0);
    await el.updateComplete;
    // issue 15: every value suppressed: the message names the symbol
    expect(text($(el, '[part=empty]'))).to.equal(
      'Keine Werte darstellbar: alle Werte dieser Auswahl sind „.“ (Zahlenwert unbekannt oder geheim zu halten).',
    );
    expect($(el, '.vega')).to.equal(null);
  });

  it('names an unknown indicator in the error and fires fokus-error', async () => {
    useEndpoint();
    const next = nextEvent('fokus-error');
    const el = await fixture<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtsrate" region="01056015"></indicator-chart>`,
    );
    const ev = (await next) as FokusErrorEvent;
    expect(ev.detail.code).to.equal('unknown-indicator');
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('Der Indikator „geburtsrate“ ist im Datenangebot nicht bekannt.');
    await expect(el).to.be.accessible();
  });

  it('names an unknown region key and a missing region', async () => {
    useEndpoint();
    const next = nextEvent('fokus-error');
    const el = await fixture<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056999"></indicator-chart>`,
    );
    await next;
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain(
      'Die Gebietskennziffer „01056999“ ist im Datenangebot nicht bekannt.',
    );
    el.region = '';
    await oneEvent(el, 'fokus-error');
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('Das Attribut „region“ fehlt.');
  });

  it('ignores a stale response when indicator changes mid-flight', async () => {
    useEndpoint(files, { 'indicators/geburtenrate.json': 200 });
    const el = await fixture<IndicatorChartElement>(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015"></indicator-chart>`,
    );
    const loads: string[] = [];
    el.addEventListener('fokus-load', (e) => loads.push(e.detail.indicators[0]));
    await aTimeout(30);
    el.indicator = 'sterberate';
    await oneEvent(el, 'fokus-load');
    await aTimeout(350);
    expect(loads).to.deep.equal(['sterberate']);
    expect(text($(el, 'h2')!)).to.equal('Sterberate in Elmshorn, 2019–2023');
    expect(text($(el, '.vega svg'))).not.to.contain('Bruch');
  });

  it('redraws on attribute change and finalizes the Vega view on disconnect', async () => {
    useEndpoint();
    const { el } = await loaded(
      html`<indicator-chart endpoint="/e/" indicator="geburtenrate" region="01056015"></indicator-chart>`,
    );
    el.type = 'bar';
    el.region = '01056015,01056025,01056039';
    await oneEvent(el, 'fokus-load');
    expect(markGroups(el, 'rect')[0].querySelectorAll('path').length).to.equal(3);
    const view = (el as unknown as { view: { result?: { view: { _running?: unknown } } } }).view;
    expect(view.result).to.exist;
    el.remove();
    expect(view.result).to.equal(undefined);
  });
});
