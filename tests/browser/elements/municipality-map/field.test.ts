/** <municipality-map> in the field (issues 15 and 17): narrow widths, touch, print, titles, small counts, edge cases. */
import { expect } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../../src/elements/municipality-map/define.js';
import { setClient } from '../../../../src/data/client.js';
import type { IndicatorFile } from '../../../../src/data/schema.js';
import {
  $,
  $$,
  afterEach,
  captureDownloads,
  describe,
  ENDPOINT,
  it,
  loaded,
  regionPaths,
  text,
  useClient,
} from './fixtures.js';

const KREIS = '01056';
const ELMSHORN = '01056015';

const kreisMap = (attrs = '', width = 900) =>
  loaded(
    staticHtml`<municipality-map ${unsafeStatic(attrs)} endpoint=${ENDPOINT} indicator="motorisierungsgrad" level="gemeinde" parent=${KREIS} year="2024"></municipality-map>`,
    width,
  );

afterEach(() => setClient(undefined));

describe('<municipality-map> in the field', () => {
  it('a generated title says what is shown; `label` overrides it; no heading inside the legend', async () => {
    useClient();
    const { el } = await kreisMap('indicator="geburtenrate"');
    expect(text($(el, '[part=title]'))).to.equal('Geburtenrate 2024: Gemeinden im Kreis Pinneberg');
    expect($$(el, '[part=legend] h1, [part=legend] h2, [part=legend] h3, [part=legend] h4').length).to.equal(0);
    expect($(el, '[part=legend]')!.getAttribute('aria-labelledby')).to.equal('legend-title');
    expect(text($(el, '#legend-title'))).to.match(/^Geburtenrate 2024/);
    el.label = 'Eigene Überschrift';
    await el.updateComplete;
    expect(text($(el, '[part=title]'))).to.equal('Eigene Überschrift');
  });

  it('reflows to 320 px: legend below the map, map as wide as the element, nothing wider, text >= 12 px', async () => {
    useClient();
    document.documentElement.style.fontSize = '62.5%'; // a CMS theme's shrunken root
    try {
      const { el } = await kreisMap('show-time', 320);
      const host = el.getBoundingClientRect();
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      const wrap = $(el, '.map-wrap')!.getBoundingClientRect();
      const legend = $(el, '[part=legend]')!.getBoundingClientRect();
      expect(legend.top).to.be.at.least(wrap.bottom - 1, 'legend below the map');
      const frame = $(el, '.frame')!.getBoundingClientRect();
      expect(wrap.width).to.be.at.least(frame.width - 1, 'the map takes the full width');
      expect(Math.abs(wrap.left - host.left - (host.right - wrap.right))).to.be.below(2, 'centred');
      expect(wrap.height).to.be.greaterThan(200);
      for (const node of $$(el, '.frame, .summary, [part=toolbar], [part=caption], [part=time], [part=legend] li')) {
        const r = node.getBoundingClientRect();
        expect(r.right, node.className).to.be.at.most(host.right + 1);
      }
      for (const node of $$(el, '[part=legend] li .label, [part=legend] .note, .summary, .inset-name')) {
        expect(parseFloat(getComputedStyle(node).fontSize), node.className).to.be.at.least(12);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('touch: one finger scrolls the page (no dragging for touch), a tap shows the tooltip, a tap elsewhere hides it', async () => {
    useClient();
    const { el } = await kreisMap();
    const map = $(el, '.map')!;
    expect(getComputedStyle(map).touchAction).to.equal('pan-x pan-y');
    map.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' }));
    expect(map.classList.contains('leaflet-touch-drag')).to.equal(false, 'dragging off for a touch');
    map.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'mouse' }));
    expect(map.classList.contains('leaflet-touch-drag')).to.equal(true, 'a mouse drags again');
    const path = regionPaths(el).get(ELMSHORN)!;
    const box = path.getBoundingClientRect();
    path.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        composed: true,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
      }),
    );
    await el.updateComplete;
    expect(text($(el, '[part=tooltip] strong'))).to.equal('Elmshorn');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
    await el.updateComplete;
    expect($(el, '[part=tooltip]')).to.equal(null);
  });

  it('print: no zoom buttons, slider or download buttons; the map at page width', async () => {
    useClient();
    const { el } = await kreisMap('show-time');
    await emulateMedia({ media: 'print' });
    try {
      for (const sel of ['.leaflet-control-zoom', '[part=time]', '[part=toolbar]', '[part=table]'])
        expect($(el, sel)!.getClientRects().length, sel).to.equal(0);
      expect($(el, '.map-wrap')!.getBoundingClientRect().width).to.be.at.least(el.getBoundingClientRect().width - 2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('the two CSV downloads get distinct file names', async () => {
    useClient();
    const { el } = await kreisMap();
    const names: string[] = [];
    for (const kind of ['excel-de', 'machine']) {
      const downloads = captureDownloads();
      try {
        $(el, `[data-download=${kind}]`)!.click();
        await downloads.saved;
        names.push(...downloads.files.map((f) => f.name));
      } finally {
        downloads.restore();
      }
    }
    expect(names.length).to.equal(2);
    expect(names[0]).to.not.equal(names[1]);
  });

  it('every value suppressed: the symbol entry and a sentence naming the symbol, no NaN', async () => {
    useClient(async (url, real) => {
      const response = await real();
      if (!/indicators\/(\d+\/)?geburtenrate\.json/.test(url)) return response; // whole file or Kreis partition
      const file = (await response.json()) as IndicatorFile;
      const status: Record<string, string[]> = {};
      for (const r of file.regions) status[r] = file.years.map(() => '.');
      const blank = { ...file, values: file.regions.map(() => file.years.map(() => null)), status };
      delete (blank as Partial<IndicatorFile>).numerator;
      delete (blank as Partial<IndicatorFile>).denominator;
      return new Response(JSON.stringify(blank), { headers: { 'content-type': 'application/json' } });
    });
    const { el } = await kreisMap('indicator="geburtenrate"');
    const legend = text($(el, '[part=legend]'));
    expect(legend).to.not.contain('NaN');
    expect($$(el, '[part=legend] li[data-legend^=class]').length).to.equal(0);
    expect(text($(el, '[part=legend] li[data-legend="status-."] .count'))).to.equal('49 Gemeinden');
    expect(legend).to.contain('alle Werte haben das Zeichen „.“');
  });

  it('rates on fewer than minCount cases: lighter and dotted (not hatched like suppressed values), own legend entry, named in the summary', async () => {
    useClient();
    const { el } = await kreisMap('indicator="geburtenrate"');
    const file = (await (await fetch(`${ENDPOINT}indicators/geburtenrate.json`)).json()) as IndicatorFile;
    const y = file.years.indexOf(2024);
    const small = [...regionPaths(el).keys()].filter((id) => {
      const n = file.numerator?.[file.regions.indexOf(id)]?.[y];
      return typeof n === 'number' && n < 20 && file.values[file.regions.indexOf(id)][y] !== null;
    });
    expect(small.length).to.be.greaterThan(0, 'the demo Kreis has Gemeinden with fewer than 20 births');
    for (const [id, p] of regionPaths(el)) {
      const fill = p.getAttribute('fill')!;
      if (small.includes(id)) expect(fill, id).to.match(/^url\(#dots-\d\)$/);
      else expect(fill, id).to.not.match(/dots/);
    }
    const pattern = $(el, `pattern#${regionPaths(el).get(small[0])!.getAttribute('fill')!.slice(5, -1)}`);
    expect(pattern instanceof SVGPatternElement).to.equal(true, 'an SVG pattern (not an HTML element of that name)');
    // dots, not the diagonal lines of suppressed values (issue 15: the two looked alike)
    expect(pattern!.querySelectorAll('circle').length).to.be.greaterThan(0);
    expect(pattern!.querySelector('line')).to.equal(null);
    expect($(el, 'pattern#hatch line')).to.not.equal(null);
    const entry = $(el, '[part=legend] li[data-legend=small]')!;
    expect(text(entry)).to.match(
      /^gepunktet: unter 20 Fällen/,
      'the pattern in words, for readers who miss the swatch',
    );
    expect(entry.querySelector('.swatch rect')!.getAttribute('fill')).to.equal('url(#dots-legend)');
    expect(text(entry.querySelector('.label'))).to.equal('unter 20 Fällen (unsicher)');
    expect(Number(text(entry.querySelector('.count')).split(' ')[0])).to.equal(small.length);
    expect(text($(el, '[part=summary]'))).to.contain('Rate auf weniger als 20 Fällen, daher unsicher');
    expect(regionPaths(el).get(small[0])!.getAttribute('aria-label')).to.contain('unter 20 Fällen');
  });
});
