/** <comparison-table> on small counts (issue 17): intervals on demand, small counts marked, overlapping ranks said. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/elements/comparison-table/define.js';
import type { ComparisonTableElement } from '../../../../src/elements/comparison-table/comparison-table.js';
import type { Catalog, IndicatorFile } from '../../../../src/data/schema.js';
import { catalog, YEARS } from './fixtures.js';
import { $, $$, captureDownloads, describe, it, text, useEndpoint } from '../../helpers.js';

// births / inhabitants: Appen 7 births (small), Elmshorn and Barmstedt close, Wedel far below
const COUNTS: Record<string, [number, number]> = {
  '01056': [2600, 310000],
  '01056001': [7, 500],
  '01056002': [88, 10000],
  '01056015': [470, 50000],
  '01056045': [120, 34000],
  '01056049': [190, 18600],
};

function files(): Record<string, unknown> {
  const c = catalog() as Catalog;
  const ind = c.indicators.find((i) => i.id === 'geburtenrate')!;
  Object.assign(ind, {
    computation: { type: 'ratio', numerator: 'geborene', denominator: 'bevoelkerung', factor: 1000 },
    minCount: 20,
  });
  const regions = Object.keys(COUNTS);
  const file: IndicatorFile = {
    format: 'fokus-indicator/1',
    indicator: 'geburtenrate',
    years: YEARS,
    regions,
    values: regions.map((r) => YEARS.map(() => Math.round((COUNTS[r][0] / COUNTS[r][1]) * 10000) / 10)),
    numerator: regions.map((r) => YEARS.map(() => COUNTS[r][0])),
    denominator: regions.map((r) => YEARS.map(() => COUNTS[r][1])),
  };
  return { 'catalog.json': c, 'indicators/geburtenrate.json': file };
}

const cellsOf = (el: Element, name: string) => {
  const row = $$(el, 'tbody tr').find((tr) => text(tr.querySelector('th button')) === name)!;
  return [...row.querySelectorAll('td')];
};
const visible = (td: Element) => {
  const c = td.cloneNode(true) as HTMLElement;
  c.querySelectorAll('.visually-hidden, svg').forEach((n) => n.remove());
  return text(c);
};

describe('<comparison-table>: small counts', () => {
  it('marks rates on small counts and overlapping ranks; shows the 95 %-KI with show-interval', async () => {
    useEndpoint(files());
    const el = await fixture<ComparisonTableElement>(
      html`<comparison-table
        endpoint="/t/"
        indicators="geburtenrate"
        parent="01056"
        reference="01056"
      ></comparison-table>`,
    );
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    // Appen: 14,0 on 7 births: marked, said in words, its rank flagged
    const appen = cellsOf(el, 'Appen');
    expect(visible(appen[0])).to.equal('14,0*');
    expect(text(appen[0])).to.contain('beruht auf weniger als 20 Fällen');
    expect(visible(appen[1])).to.equal('1≈');
    expect(text(appen[1])).to.contain('die Reihenfolge kann Zufall sein');
    // Elmshorn 9,4 and Uetersen 10,2: intervals overlap -> both ranks say so; Wedel 3,5 stands apart
    expect(visible(cellsOf(el, 'Elmshorn')[1])).to.equal('3≈');
    expect(visible(cellsOf(el, 'Wedel')[1])).to.equal('5');
    const key = text($(el, '[part=key]'));
    expect(key).to.contain('* Rate beruht auf weniger als 20 Fällen');
    expect(key).to.contain('≈ Konfidenzintervall überschneidet sich');
    expect($$(el, 'td.interval').length).to.equal(0);

    el.showInterval = true;
    await oneEvent(el, 'fokus-load');
    await el.updateComplete;
    expect($$(el, 'thead th').map(text)).to.include('95 %-KI');
    // exact Poisson interval of 470 births in 50,000 inhabitants: 8,57–10,29 per 1,000
    expect(visible(cellsOf(el, 'Elmshorn')[1])).to.equal('8,57–10,29');
    expect(text($(el, '[part=key]'))).to.contain('Konfidenzintervall der Rate');
    const cap = captureDownloads();
    try {
      $<HTMLButtonElement>(el, 'button[data-csv="machine"]').click();
    } finally {
      cap.restore();
    }
    const lines = (await cap.files[0].blob.text()).split('\n');
    expect(lines[0]).to.contain('Geburtenrate 2024: 95 %-KI untere Grenze,Geburtenrate 2024: 95 %-KI obere Grenze');
    expect(lines.find((l) => l.startsWith('01056015,'))).to.equal('01056015,Elmshorn,9.4,,8.57,10.29,3');
    await expect(el).to.be.accessible();
  });
});
