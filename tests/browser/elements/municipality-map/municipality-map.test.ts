import { expect, fixture, html, aTimeout, waitUntil } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/municipality-map/define.js';
import type { MunicipalityMapElement } from '../../../../src/elements/municipality-map/municipality-map.js';
import type { FokusErrorEvent, FokusSelectEvent } from '../../../../src/internal/events.js';
import { setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import {
  $,
  $$,
  afterEach,
  captureDownloads,
  describe,
  ENDPOINT,
  it,
  leafletMaps,
  loaded,
  nextEvent,
  rawIndicator,
  regionPaths,
  text,
  useClient,
} from './fixtures.js';

const KREIS = '01056';
const HELGOLAND = '01056025';
const ELMSHORN = '01056015';

/** The Kreis map; `attrs` (placed first: of duplicate attributes the first wins) varies it per test. */
const kreisMap = (attrs = '') =>
  loaded(
    staticHtml`<municipality-map ${unsafeStatic(attrs)} endpoint=${ENDPOINT} indicator="motorisierungsgrad" level="gemeinde" parent=${KREIS} year="2024"></municipality-map>`,
  );

afterEach(() => setClient(undefined));

describe('<municipality-map> Kreis Pinneberg', () => {
  it('draws one path per Gemeinde: 48 in the main map, Helgoland in an inset', async () => {
    useClient();
    const { el, count } = await kreisMap();
    expect(count).to.equal(49);
    const paths = regionPaths(el);
    expect(paths.size).to.equal(49);
    expect($$(el, '.map path[data-region]').length).to.equal(48);
    const inset = $$(el, '[part=inset] path[data-region]');
    expect(inset.map((p) => p.getAttribute('data-region'))).to.deep.equal([HELGOLAND]);
    expect(text($(el, '[part=inset]'))).to.equal('Helgoland');
    // the Kreis outline as context, not interactive, no data-region
    expect($$(el, '.map path.outline').length).to.equal(1);
    // no tile layer by default
    expect($$(el, '.leaflet-tile-pane img').length).to.equal(0);
  });

  it('fills every region with the colour of its class; classes contain the values they claim', async () => {
    useClient();
    const { el } = await kreisMap('method="jenks" classes="4"');
    const raw = await rawIndicator('motorisierungsgrad');
    const legend = $$(el, '[part=legend] li[data-legend^=class]');
    expect(legend.length).to.equal(4);
    const ranges = legend.map((li) => {
      const [from, to] = text(li.querySelector('.label'))
        .split(/ bis (?:unter )?/)
        .map((s) => Number(s.replace(/\./g, '').replace(',', '.')));
      const color = li.querySelector('.swatch rect')!.getAttribute('fill')!;
      return { from, to, color, count: Number(text(li.querySelector('.count')).split(' ')[0]) };
    });
    const counts = [0, 0, 0, 0];
    for (const [id, path] of regionPaths(el)) {
      const { value, status } = raw.value(id, 2024);
      expect(status, id).to.not.be.oneOf(['.', '/', 'x', '...']);
      const rounded = Math.round(value! * 10 ** 0) / 10 ** 0;
      const i = ranges.findIndex(
        (r, k) => rounded >= r.from && (k === ranges.length - 1 ? rounded <= r.to : rounded < r.to),
      );
      expect(i, `${id} ${rounded}`).to.be.greaterThan(-1);
      expect(path.getAttribute('fill'), id).to.equal(ranges[i].color);
      counts[i]++;
    }
    expect(counts).to.deep.equal(
      ranges.map((r) => r.count),
      'legend counts = regions per class',
    );
    // sequential (neutral polarity): distinct colours, light to dark
    expect(new Set(ranges.map((r) => r.color)).size).to.equal(4);
  });

  it('suppressed values are hatched, have their own legend entry and are never in a class', async () => {
    useClient();
    const { el } = await kreisMap('indicator="sgb2-quote"');
    const raw = await rawIndicator('sgb2-quote');
    const suppressed = [...regionPaths(el)].filter(([id]) => raw.value(id, 2024).status === '.');
    expect(suppressed.length).to.be.greaterThan(0);
    for (const [, p] of suppressed) expect(p.getAttribute('fill')).to.equal('url(#hatch)');
    const entry = $(el, '[part=legend] li[data-legend="status-."]')!;
    expect(text(entry.querySelector('.label'))).to.equal('. Zahlenwert unbekannt oder geheim zu halten');
    expect(text(entry.querySelector('.count'))).to.equal(`${suppressed.length} Gemeinden`);
    expect(entry.querySelector('.swatch')!.classList.contains('suppressed')).to.equal(true);
    const classCounts = $$(el, '[part=legend] li[data-legend^=class] .count').map((c) => Number(text(c).split(' ')[0]));
    expect(classCounts.reduce((a, b) => a + b, 0)).to.equal(49 - suppressed.length);
    // lower is better: diverging colours around the Kreis value, explained in the legend
    expect(text($(el, '[part=legend]'))).to.contain('Blautöne: günstiger als Kreis Pinneberg');
    // the summary names them
    expect(text($(el, '[part=summary]'))).to.match(/Ohne Wert: \d Gemeinden \(.+\(\.\)/);
  });

  it('German summary: highest, lowest, Kreis value, regions without value', async () => {
    useClient();
    const { el } = await kreisMap();
    const raw = await rawIndicator('motorisierungsgrad');
    const summary = text($(el, '[part=summary]'));
    const kreis = raw.value(KREIS, 2024);
    expect(summary).to.match(
      /^Motorisierungsgrad \(.+\) 2024, 49 Gemeinden in Kreis Pinneberg: höchster Wert .+ mit [\d.]+, niedrigster Wert .+ mit [\d.]+\./,
    );
    expect(summary).to.contain(`Vergleichswert Kreis Pinneberg: ${Math.round(kreis.value!).toLocaleString('de-DE')}`);
    expect(summary).to.contain('Alle Gemeinden haben einen Wert.');
    const map = $(el, '.map')!;
    expect(map.getAttribute('aria-label')).to.equal('Karte: Motorisierungsgrad 2024, 49 Gemeinden in Kreis Pinneberg');
    expect(map.getAttribute('aria-describedby')).to.equal('summary keyhint');
  });

  it('tooltip on hover: name, value, unit, status, deviation from the Kreis value', async () => {
    useClient();
    const { el } = await kreisMap();
    const path = regionPaths(el).get(ELMSHORN)!;
    const box = path.getBoundingClientRect();
    path.dispatchEvent(
      new MouseEvent('mouseover', { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }),
    );
    await el.updateComplete;
    const tip = text($(el, '[part=tooltip]'));
    expect(tip).to.match(/^Elmshorn [\d.]+( p)? Pkw je 1\.000 Einwohner/);
    expect(tip).to.match(/[+-][\d.]+ gegenüber Kreis Pinneberg \([\d.]+( p)?\)|gleich Kreis Pinneberg/);
    path.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '[part=tooltip]')).to.equal(null);
  });

  it('keyboard: one tab stop, arrow keys move to neighbours with visible focus and tooltip, Enter selects', async () => {
    useClient();
    const { el } = await kreisMap();
    const stops = $$(el, '[data-region][tabindex="0"]');
    expect(stops.length).to.equal(1, 'roving tab stop');
    stops[0].focus();
    await el.updateComplete;
    const first = root(el).activeElement!.getAttribute('data-region')!;
    expect(text($(el, '[part=tooltip]'))).to.match(/^Appen /, 'tooltip on focus');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const second = root(el).activeElement!.getAttribute('data-region')!;
    expect(second).to.not.equal(first);
    expect(getComputedStyle(root(el).activeElement!).stroke).to.equal('rgb(211, 84, 0)', 'visible focus');
    expect($$(el, '[data-region][tabindex="0"]').map((p) => p.getAttribute('data-region'))).to.deep.equal([second]);
    expect(text($(el, '[part=tooltip]'))).to.contain(root(el).activeElement!.getAttribute('aria-label')!.split(':')[0]);
    const selected = nextEvent<FokusSelectEvent>('fokus-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ region: second, year: 2024, indicator: 'motorisierungsgrad' });
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal(second);
    const path = regionPaths(el).get(second)!;
    expect(path.getAttribute('aria-pressed')).to.equal('true');
    expect(path.getAttribute('aria-label')).to.match(/; ausgewählt$/);
    expect(path.getAttribute('stroke-width')).to.equal('3.5');
    // Home / End: first and last by name
    await sendKeys({ press: 'Home' });
    expect(root(el).activeElement!.getAttribute('aria-label')).to.match(/^Appen:/);
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement!.getAttribute('aria-label')).to.match(/^Westerhorn:/);
  });

  it('every region is reachable by the arrow keys (keyboard graph covers the map, inset included)', async () => {
    useClient();
    const { el } = await kreisMap();
    const seen = new Set<string>();
    const start = $$(el, '[data-region][tabindex="0"]')[0];
    start.focus();
    // Breadth-first over the arrow-key graph, driven through real key presses.
    const queue = [start.getAttribute('data-region')!];
    seen.add(queue[0]);
    while (queue.length) {
      const id = queue.shift()!;
      for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
        regionPaths(el).get(id)!.focus();
        await sendKeys({ press: key });
        const next = root(el).activeElement?.getAttribute('data-region');
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).to.equal(49);
    expect(seen.has(HELGOLAND)).to.equal(true);
  });

  it('click selects and fires fokus-select; a group selection from elsewhere highlights', async () => {
    useClient();
    const { el } = await kreisMap('group="g1"');
    const selected = nextEvent<FokusSelectEvent>('fokus-select');
    regionPaths(el)
      .get(HELGOLAND)!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await selected).detail.region).to.equal(HELGOLAND);
    await el.updateComplete;
    expect(regionPaths(el).get(HELGOLAND)!.getAttribute('stroke-width')).to.equal('3');
    expect(getSelection('g1').region, 'the click reaches the group').to.equal(HELGOLAND);
    setSelection('g1', { region: ELMSHORN }); // as another element of the group does
    await el.updateComplete;
    await aTimeout(0);
    expect(el.selected).to.equal(ELMSHORN);
    expect(regionPaths(el).get(ELMSHORN)!.classList.contains('selected')).to.equal(true);
  });

  it('a new year restyles the same shapes (no rebuild); the slider changes the year', async () => {
    useClient();
    const { el } = await kreisMap('show-time');
    const before = regionPaths(el).get(ELMSHORN)!;
    const fills2024 = [...regionPaths(el).values()].map((p) => p.getAttribute('fill'));
    const slider = $<HTMLInputElement>(el, '[part=time] input')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('2024');
    const load = nextEvent('fokus-load');
    slider.value = '0';
    slider.dispatchEvent(new Event('input'));
    await load;
    await el.updateComplete;
    expect(el.year).to.equal(2010);
    expect(text($(el, '[part=time] output'))).to.equal('2010');
    expect(regionPaths(el).get(ELMSHORN)).to.equal(before, 'same path element');
    const fills2010 = [...regionPaths(el).values()].map((p) => p.getAttribute('fill'));
    expect(fills2010).to.not.deep.equal(fills2024);
    expect(text($(el, '[part=legend] #legend-title'))).to.contain('2010');
  });

  it('manual breaks: open-ended classes in German format', async () => {
    useClient();
    const { el } = await kreisMap('breaks="550, 600, 650"');
    const labels = $$(el, '[part=legend] li[data-legend^=class] .label').map(text);
    expect(labels).to.deep.equal(['unter 550', '550 bis unter 600', '600 bis unter 650', '650 und mehr']);
    expect(text($(el, '[part=legend]'))).to.contain('Klassen: feste Grenzen');
  });

  it('table alternative: one row per region, sorted by name, a button selects', async () => {
    useClient();
    const { el } = await kreisMap();
    const details = $<HTMLDetailsElement>(el, 'details[part=table]')!;
    details.open = true;
    await new Promise((r) => details.addEventListener('toggle', r, { once: true }));
    await el.updateComplete;
    const rows = $$(el, 'details tbody tr');
    expect(rows.length).to.equal(49);
    expect(text(rows[0].querySelector('th'))).to.equal('Appen');
    const selected = nextEvent<FokusSelectEvent>('fokus-select');
    (rows[1].querySelector('button') as HTMLButtonElement).click();
    expect((await selected).detail.region).to.equal(rows[1].getAttribute('data-region'));
    await el.updateComplete;
    expect(rows[1].classList.contains('selected')).to.equal(true);
  });

  it('CSV of the values shown: German Excel format with symbols, classes and source', async () => {
    useClient();
    const { el } = await kreisMap('indicator="sgb2-quote"');
    const downloads = captureDownloads();
    try {
      $$<HTMLButtonElement>(el, '[part=toolbar] button')
        .find((b) => text(b).includes('CSV (Excel)'))!
        .click();
    } finally {
      downloads.restore();
    }
    expect(downloads.files[0].name).to.equal('sgb2-quote-gemeinde-01056-2024.csv');
    const csv = await (await downloads.files[0].blob).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal(
      'Regionalschlüssel;Gebiet;Jahr;SGB-II-Quote (Prozent der unter 65-Jährigen);Zeichen;Klasse',
    );
    expect(lines[1]).to.match(/^01056;Kreis Pinneberg;2024;\d+,\d;p?;$/);
    expect(lines.filter((l) => /^01056\d{3};/.test(l)).length).to.equal(49);
    expect(lines.some((l) => /^01056\d{3};[^;]+;2024;;\.;$/.test(l))).to.equal(
      true,
      'suppressed: empty value, symbol ".", no class',
    );
    expect(csv).to.contain('Quelle:');
    const machine = el.csv('machine');
    expect(machine.split('\n')[0]).to.equal(
      'Regionalschlüssel,Gebiet,Jahr,SGB-II-Quote (Prozent der unter 65-Jährigen),Zeichen,Klasse',
    );
    // machine flavour: header and data only (issue 15), as the table's: every line a record of
    // the header's six fields, no source lines after the data
    expect(machine).to.not.contain('Quelle:');
    const records = machine.split('\n');
    expect(records.pop()).to.equal('', 'ends with one line break');
    expect(records.length).to.equal(1 + 1 + 49, 'header, Kreis, 49 Gemeinden');
    const field = '("[^"]*"|[^,"]*)';
    for (const line of records.slice(1))
      expect(line, line).to.match(new RegExp(`^\\d{5,8},${field},2024(,${field}){3}$`));
  });

  it('SVG and PNG downloads with regions, inset, legend and source line', async () => {
    useClient();
    const { el } = await kreisMap();
    const svg = new DOMParser().parseFromString(await el.image('svg'), 'image/svg+xml');
    const width = Number(svg.documentElement.getAttribute('width'));
    expect(svg.querySelector('parsererror')).to.equal(null);
    expect(svg.querySelectorAll('g.regions path').length).to.equal(48);
    expect(svg.documentElement.textContent).to.contain('Helgoland');
    expect(svg.documentElement.textContent).to.contain('bis unter');
    expect(svg.documentElement.textContent).to.contain('Quelle:');
    const downloads = captureDownloads();
    try {
      $$<HTMLButtonElement>(el, '[part=toolbar] button')
        .find((b) => text(b).includes('PNG'))!
        .click();
      await downloads.saved;
    } finally {
      downloads.restore();
    }
    expect(downloads.files[0].name).to.equal('motorisierungsgrad-gemeinde-01056-2024.png');
    const png = await downloads.files[0].blob;
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal(width * 2);
  });

  it('is accessible (axe)', async () => {
    useClient();
    const { el } = await kreisMap('indicator="sgb2-quote" show-time');
    await expect(el).to.be.accessible();
  });
});

describe('<municipality-map> states', () => {
  it('loading: a skeleton sized like the map, then the map', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    useClient(async (url, real) => {
      if (url.includes('/geo/')) await gate;
      return real();
    });
    const el = await fixture<MunicipalityMapElement>(
      html`<municipality-map endpoint=${ENDPOINT} indicator="motorisierungsgrad" parent="01056"></municipality-map>`,
    );
    await aTimeout(20);
    expect($(el, '[part=loading] .skeleton')).to.not.equal(null);
    expect($(el, '[part=loading] [role=status]')!.textContent).to.equal('Daten werden geladen …');
    expect($(el, '[part=loading] .skeleton')!.getBoundingClientRect().height).to.be.greaterThan(300);
    // the caption and toolbar below the map are reserved from the catalog, invisible and inert
    await waitUntil(() => el.shadowRoot!.querySelector('[part=loading] .reserve .caption'), 'caption reserved');
    const reserved = $(el, '[part=loading] .reserve .caption')!.textContent!.replace(/\s+/g, ' ').trim();
    const reservedHeight = el.getBoundingClientRect().height;
    const load = nextEvent('fokus-load');
    release();
    await load;
    expect($(el, '[part=loading]')).to.equal(null);
    expect(regionPaths(el).size).to.equal(49);
    expect($(el, '[part=caption]')!.textContent!.replace(/\s+/g, ' ').trim()).to.contain(reserved);
    const drawn = el.getBoundingClientRect().height;
    expect(reservedHeight, `reserved ${reservedHeight} px, drawn ${drawn} px`).to.be.within(drawn * 0.8, drawn * 1.05);
  });

  it('error: unknown indicator, named in a German message; fokus-error', async () => {
    useClient();
    const error = nextEvent<FokusErrorEvent>('fokus-error');
    const el = await fixture<MunicipalityMapElement>(
      html`<municipality-map endpoint=${ENDPOINT} indicator="gibtsnicht" parent="01056"></municipality-map>`,
    );
    expect((await error).detail.code).to.equal('unknown-indicator');
    await el.updateComplete;
    expect(text($(el, '[part=error] .message'))).to.equal(
      'Der Indikator „gibtsnicht“ ist im Datenangebot nicht bekannt.',
    );
  });

  it('error: invalid attributes and HTTP errors', async () => {
    useClient();
    let error = nextEvent<FokusErrorEvent>('fokus-error');
    const el = await fixture<MunicipalityMapElement>(
      html`<municipality-map endpoint=${ENDPOINT} indicator="motorisierungsgrad" method="kmeans"></municipality-map>`,
    );
    expect((await error).detail.code).to.equal('invalid-attribute');
    await el.updateComplete;
    expect(text($(el, '[part=error] .message'))).to.equal(
      'Der Wert „kmeans“ ist für das Attribut „method“ nicht zulässig.',
    );
    useClient(async (url, real) => (url.includes('/geo/') ? new Response('nope', { status: 503 }) : real()));
    error = nextEvent<FokusErrorEvent>('fokus-error');
    el.method = '';
    expect((await error).detail.code).to.equal('http');
    await el.updateComplete;
    expect(text($(el, '[part=error] .message'))).to.match(/^Der Datendienst antwortet mit Fehler 503 für .*geo\//);
    expect($(el, '.map')).to.equal(null);
    expect(leafletMaps(el)).to.equal(0);
  });

  it('empty: no regions of the level below the parent', async () => {
    useClient();
    const load = nextEvent<CustomEvent<{ count: number }>>('fokus-load');
    const el = await fixture<MunicipalityMapElement>(
      html`<municipality-map
        endpoint=${ENDPOINT}
        indicator="motorisierungsgrad"
        parent=${ELMSHORN}
      ></municipality-map>`,
    );
    expect((await load).detail.count).to.equal(0);
    await el.updateComplete;
    expect(text($(el, '[part=empty]'))).to.equal('Keine Daten für diese Auswahl.');
  });

  it('stale responses are ignored: the latest indicator wins', async () => {
    useClient(async (url, real) => {
      if (url.includes('motorisierungsgrad')) await aTimeout(300);
      return real();
    });
    const el = await fixture<MunicipalityMapElement>(
      html`<municipality-map endpoint=${ENDPOINT} indicator="motorisierungsgrad" parent="01056"></municipality-map>`,
    );
    const load = nextEvent<CustomEvent<{ indicators: string[] }>>('fokus-load');
    el.indicator = 'geburtenrate';
    expect((await load).detail.indicators).to.deep.equal(['geburtenrate']);
    await aTimeout(400);
    await el.updateComplete;
    expect(text($(el, '[part=legend] #legend-title'))).to.match(/^Geburtenrate 2024/);
  });

  it('English texts', async () => {
    useClient();
    const { el } = await kreisMap('lang="en"');
    expect(text($(el, '[part=summary]'))).to.match(
      /^Car ownership rate .*49 municipalities in Kreis Pinneberg: highest value/,
    );
    expect(text($(el, '[part=legend] li .label'))).to.match(/^[\d,]+ to under [\d,]+$/);
  });
});

describe('<municipality-map> levels, renderer, lifecycle, privacy', () => {
  it('state view: the 15 Kreise with the Land outline; no inset', async () => {
    useClient();
    const { el, count } = await loaded(
      html`<municipality-map
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        level="kreis"
        parent="01"
      ></municipality-map>`,
    );
    expect(count).to.equal(15);
    expect($$(el, '.map path[data-region]').length).to.equal(15);
    expect($$(el, '[part=inset]').length).to.equal(0);
    expect($$(el, '.map path.outline').length).to.equal(1);
  });

  it('Ämter of the Kreis', async () => {
    useClient();
    const { el, count } = await loaded(
      html`<municipality-map
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        level="amt"
        parent="01056"
      ></municipality-map>`,
    );
    expect(count).to.be.greaterThan(10);
    expect(regionPaths(el).size).to.equal(count);
  });

  it('1,112 Gemeinden of the Land on the canvas renderer; keyboard through a drawn focus ring', async () => {
    useClient();
    const t0 = performance.now();
    const { el, count } = await loaded(
      html`<municipality-map
        endpoint=${ENDPOINT}
        indicator="geburtenrate"
        level="gemeinde"
        parent="01"
      ></municipality-map>`,
    );
    const ms = performance.now() - t0;
    expect(count).to.equal(1112);
    expect($$(el, '.map canvas').length).to.be.greaterThan(0);
    expect($$(el, '.map path[data-region]').length).to.equal(0);
    expect(text($(el, '[part=summary]'))).to.contain('1.112 Gemeinden in Schleswig-Holstein');
    expect(ms).to.be.lessThan(5000);
    const map = $<HTMLElement>(el, '.map')!;
    expect(map.tabIndex).to.equal(0);
    map.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const status = text($(el, '[role=status]'));
    expect(status).to.match(/^.+: .+/);
    expect($$(el, '.leaflet-fokus-focus-pane path').length).to.equal(1, 'focus ring drawn');
    expect(text($(el, '[part=tooltip]'))).to.contain(status.split(':')[0]);
    const selected = nextEvent<FokusSelectEvent>('fokus-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.region).to.match(/^01\d{6}$/);
  });

  it('resizes with its container', async () => {
    useClient();
    const { el } = await kreisMap();
    const svgBefore = $(el, '.map .leaflet-overlay-pane svg')!.getBoundingClientRect().width;
    // Wait for the event, not for time: the overlay's SVG is resized by the redraw after the fit.
    const resized = new Promise<void>((resolve) => {
      const svg = $(el, '.map .leaflet-overlay-pane svg')!;
      const ro = new ResizeObserver(() => {
        const current = $(el, '.map .leaflet-overlay-pane svg');
        if (current && current.getBoundingClientRect().width < svgBefore) {
          ro.disconnect();
          resolve();
        }
      });
      ro.observe(svg);
    });
    (el.parentElement as HTMLElement).style.width = '500px';
    await resized;
    const svgAfter = $(el, '.map .leaflet-overlay-pane svg')!.getBoundingClientRect().width;
    expect(svgAfter).to.be.lessThan(svgBefore);
    const box = $(el, '.map')!.getBoundingClientRect();
    // the regions still fit into the smaller map
    for (const p of $$(el, '.map path[data-region]')) {
      const r = p.getBoundingClientRect();
      expect(r.left).to.be.at.least(box.left - 1);
      expect(r.right).to.be.at.most(box.right + 1);
    }
  });

  it('removes the map on disconnect, re-creates it on reconnect; 50 mount/unmount cycles leave no map behind', async () => {
    useClient();
    const { el } = await kreisMap();
    const parent = el.parentElement!;
    expect(leafletMaps(el)).to.equal(1);
    el.remove();
    expect(leafletMaps(el)).to.equal(0);
    expect($(el, '.map')!.children.length).to.equal(0, 'Leaflet panes removed');
    const load = nextEvent('fokus-load');
    parent.append(el);
    await load;
    expect(leafletMaps(el)).to.equal(1);
    expect(regionPaths(el).size).to.equal(49);
    const mounted: Element[] = [];
    for (let i = 0; i < 50; i++) {
      const next = nextEvent('fokus-load');
      const m = document.createElement('municipality-map');
      mounted.push(m);
      m.setAttribute('endpoint', ENDPOINT);
      m.setAttribute('indicator', 'motorisierungsgrad');
      m.setAttribute('parent', KREIS);
      parent.append(m);
      await next;
      m.remove();
    }
    expect(leafletMaps(el, ...mounted)).to.equal(1, 'only the first element is still mounted');
    el.remove();
    expect(leafletMaps(el, ...mounted)).to.equal(0);
  });

  it('requests only the endpoint: catalog, indicator, geometry; no tiles unless configured', async () => {
    const urls = useClient();
    await kreisMap();
    const paths = urls.map((u) => new URL(u).pathname).sort();
    expect(paths).to.deep.equal([
      '/demo-dist/data/catalog.json',
      '/demo-dist/data/geo/gemeinde-01056.topo.json',
      '/demo-dist/data/geo/kreis.topo.json',
      '/demo-dist/data/indicators/01056/motorisierungsgrad.json', // the partition of the Kreis (format 1.2)
    ]);
    const foreign = performance.getEntriesByType('resource').filter((e) => new URL(e.name).origin !== location.origin);
    expect(foreign.map((e) => e.name)).to.deep.equal([]);
  });

  it('an optional tile layer with its attribution as text', async () => {
    useClient();
    const tile = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
    const attribution = '© <b>Beispiel</b>-Karten';
    const { el } = await loaded(
      html`<municipality-map
        endpoint=${ENDPOINT}
        indicator="motorisierungsgrad"
        parent="01056"
        tiles=${tile}
        tiles-attribution=${attribution}
      ></municipality-map>`,
    );
    expect($$(el, '.leaflet-tile-pane img').length).to.be.greaterThan(0);
    expect(text($(el, '[part=caption]'))).to.contain('Kartengrundlage: © <b>Beispiel</b>-Karten');
    expect($(el, '[part=caption] b')).to.equal(null);
  });

  it('insets="none" draws every region in the main map', async () => {
    useClient();
    const { el } = await kreisMap('insets="none"');
    expect($$(el, '.map path[data-region]').length).to.equal(49);
    expect($$(el, '[part=inset]').length).to.equal(0);
  });
});

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}
