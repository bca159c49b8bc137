import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/elements/indicator-chart/define.js';
import '../../../src/elements/municipality-map/define.js';
import '../../../src/elements/comparison-table/define.js';
import { FokusClient, setClient } from '../../../src/data/client.js';
import type { Downloadable } from '../../../src/internal/downloads.js';
import { $$, captureDownloads, describe, it, nextEvent } from '../helpers.js';

const ENDPOINT = '/demo-dist/data/';

async function loaded(template: TemplateResult): Promise<HTMLElement & Downloadable> {
  setClient(new FokusClient());
  const load = nextEvent('fokus-load');
  const holder = await fixture<HTMLDivElement>(html`<div style="width: 800px">${template}</div>`);
  await load;
  const el = holder.firstElementChild as HTMLElement & Downloadable & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

const views: [string, TemplateResult, string][] = [
  [
    'indicator-chart',
    html`<indicator-chart endpoint=${ENDPOINT} indicator="geburtenrate" region="01056015"></indicator-chart>`,
    'geburtenrate-',
  ],
  [
    'municipality-map',
    html`<municipality-map endpoint=${ENDPOINT} indicator="geburtenrate" parent="01056"></municipality-map>`,
    'geburtenrate-gemeinde-01056-',
  ],
  [
    'comparison-table',
    html`<comparison-table endpoint=${ENDPOINT} indicators="geburtenrate" parent="01056"></comparison-table>`,
    'vergleich-geburtenrate-',
  ],
];

describe('every view element: the same downloads', () => {
  for (const [tag, template, prefix] of views) {
    it(`<${tag}>: csv(), image(svg|png), fileName and the toolbar in the same order`, async () => {
      const el = await loaded(template);
      expect(el.fileName.startsWith(prefix)).to.equal(true, el.fileName);
      expect(el.fileName).to.not.match(/\.\w+$/, 'no extension');
      const excel = el.csv('excel-de');
      expect(excel.startsWith('\uFEFF')).to.equal(true);
      expect(excel).to.contain('Quelle:');
      // The machine CSV of every element is header and data only (issue 15); source and
      // licence stay in the Excel CSV and the images.
      expect(el.csv('machine')).to.not.contain('Quelle:');
      const svg = new DOMParser().parseFromString(await el.image('svg'), 'image/svg+xml');
      expect(svg.querySelector('parsererror')).to.equal(null);
      expect(svg.documentElement.textContent).to.contain('Quelle:');
      expect((await el.image('png')).startsWith('data:image/png;base64,')).to.equal(true);
      const kinds = $$(el, '[part=toolbar] button[data-download]').map((b) => b.dataset.download);
      expect(kinds).to.deep.equal(['excel-de', 'machine', 'png', 'svg']);
      const downloads = captureDownloads();
      try {
        $$(el, '[part=toolbar] button[data-download=svg]')[0].click();
        await downloads.saved;
      } finally {
        downloads.restore();
      }
      expect(downloads.files.map((f) => f.name)).to.deep.equal([`${el.fileName}.svg`]);
    });
  }
});
