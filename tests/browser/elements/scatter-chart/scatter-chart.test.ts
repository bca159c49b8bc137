import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/elements/scatter-chart/define.js';
import type { ScatterChartElement } from '../../../../src/elements/scatter-chart/scatter-chart.js';
import { setClient } from '../../../../src/data/client.js';
import { getSelection, setSelection } from '../../../../src/internal/selection.js';
import { pearson } from '../../../../src/elements/scatter-chart/scatter-model.js';
import { $, $$, afterEach, captureDownloads, describe, it, nextEvent, text } from '../../helpers.js';
import { ENDPOINT, useClient } from '../municipality-map/fixtures.js';

afterEach(() => setClient(undefined));

async function scatter(extra: { group?: string; x?: string; parent?: string } = {}) {
  const load = nextEvent<CustomEvent<{ count: number }>>('fokus-load');
  const holder = await fixture<HTMLDivElement>(
    html`<div style="width: 700px">
      <scatter-chart
        endpoint=${ENDPOINT}
        x=${extra.x ?? 'geburtenrate'}
        y="anteil-65plus"
        level="gemeinde"
        parent=${extra.parent ?? '01056'}
        year="2023"
        group=${extra.group ?? ''}
      ></scatter-chart>
    </div>`,
  );
  const el = holder.querySelector('scatter-chart') as ScatterChartElement;
  const event = await load;
  await el.updateComplete;
  return { el, count: event.detail.count };
}

const points = (el: Element) => $$<SVGCircleElement>(el, 'circle.point');

describe('<scatter-chart>', () => {
  it('draws one point per Gemeinde with both values and states the association with n, without causal wording', async () => {
    useClient();
    const { el, count } = await scatter();
    expect(count).to.equal(49);
    expect(points(el)).to.have.length(49);
    const sentence = text($(el, '[part=association]'));
    expect(sentence).to.match(/n = 49|49 Gebiete/);
    expect(sentence).to.contain('Pearson r =');
    expect(sentence).to.contain('Spearman ρ =');
    expect(sentence).to.match(/hängen .* zusammen|kein klarer Zusammenhang/);
    expect(sentence).to.not.match(/führt|verursacht|bewirkt|wegen/);
    // the coefficient shown is the one of the drawn points (from the CSV, independently)
    const rows = el
      .csv('machine')
      .split('\n')
      .slice(1, 50)
      .map((l) => l.split(','));
    const r = pearson(
      rows.map((c) => Number(c[3])),
      rows.map((c) => Number(c[4])),
    );
    const shown = Number(/Pearson r = ([−+-]?\d+,\d+)/.exec(sentence)![1].replace('−', '-').replace(',', '.'));
    expect(Math.abs(shown - r)).to.be.lessThan(0.006);
    expect(text($(el, '[part=notes]'))).to.contain('nichts über Ursachen');
  });

  it('draws regions whose rates rest on small counts hollow, and says how many', async () => {
    useClient();
    const { el } = await scatter();
    const small = $$(el, 'circle.point.small');
    const csvSmall = el
      .csv('machine')
      .split('\n')
      .slice(1, 50)
      .filter((l) => /,ja/.test(l)).length;
    expect(small.length).to.equal(csvSmall);
    if (small.length) expect(text($(el, '[part=notes]'))).to.contain(`${small.length} Gebiete mit kleinen Fallzahlen`);
    if (small.length)
      expect(getComputedStyle(small[0]).fill).to.not.equal(
        getComputedStyle(points(el).find((p) => !p.classList.contains('small'))!).fill,
      );
  });

  it('keyboard: one tab stop, arrow keys move between points, the tooltip follows, Enter selects', async () => {
    useClient();
    const { el } = await scatter({ group: 'sc-k' });
    expect($$(el, '[tabindex="0"]')).to.have.length(1);
    $(el, '[part=chart]').focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    const tip1 = text($(el, '[part=tooltip]'));
    expect($(el, '[part=tooltip]').hidden).to.equal(false);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const tip2 = text($(el, '[part=tooltip]'));
    expect(tip2).to.not.equal(tip1);
    expect(text($(el, '[aria-live]'))).to.equal(tip2);
    const select = nextEvent<CustomEvent<{ region: string }>>('fokus-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await select;
    expect(tip2.startsWith(`${$(el, '.selected-label').textContent!.trim()}:`)).to.equal(true);
    expect(el.selected).to.equal(detail.region);
    expect(getSelection('sc-k').region).to.equal(detail.region);
  });

  it('follows the group: a region selected elsewhere is highlighted; a click selects', async () => {
    useClient();
    const { el } = await scatter({ group: 'sc-g' });
    setSelection('sc-g', { region: '01056015' });
    await el.updateComplete;
    expect($(el, 'circle.selected').getAttribute('data-region')).to.equal('01056015');
    expect(text($(el, '.selected-label'))).to.equal('Elmshorn');
    const wedel = $(el, 'circle[data-region="01056050"]');
    wedel.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    expect(getSelection('sc-g').region).to.equal('01056050');
    expect($(el, 'circle.selected').getAttribute('data-region')).to.equal('01056050');
  });

  it('table alternative, downloads, axe', async () => {
    useClient();
    const { el } = await scatter();
    const toggle = $$<HTMLButtonElement>(el, '[part=toolbar] button')[0];
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect($$(el, '[part=table] tbody tr')).to.have.length(49);
    const downloads = captureDownloads();
    try {
      $(el, '[data-download=svg]').click();
      await downloads.saved;
      expect(downloads.files[0].name).to.equal('geburtenrate-anteil-65plus-01056-2023.svg');
      const svgText = await downloads.files[0].blob.text();
      expect(svgText).to.contain('<circle');
      expect(svgText).to.contain('Quelle');
    } finally {
      downloads.restore();
    }
    expect(await el.image('png')).to.match(/^data:image\/png;base64,/);
    await expect(el).to.be.accessible();
  });

  it('four states: loading skeleton, error naming the indicator, empty', async () => {
    useClient();
    const el = await fixture<ScatterChartElement>(
      html`<scatter-chart endpoint=${ENDPOINT} x="geburtenrate" y="anteil-65plus" parent="01056"></scatter-chart>`,
    );
    expect($(el, '[part=loading]')).to.exist;
    await nextEvent('fokus-load');
    const error = nextEvent<CustomEvent<{ message: string }>>('fokus-error');
    const bad = await fixture<ScatterChartElement>(
      html`<scatter-chart endpoint=${ENDPOINT} x="gibt-es-nicht" y="anteil-65plus" parent="01056"></scatter-chart>`,
    );
    expect((await error).detail.message).to.contain('gibt-es-nicht');
    await bad.updateComplete;
    expect(text($(bad, '[part=error]'))).to.contain('gibt-es-nicht');
    // the Kreis level below a Gemeinde has no regions: the empty state
    const empty = nextEvent<CustomEvent<{ count: number }>>('fokus-load');
    const none = await fixture<ScatterChartElement>(
      html`<scatter-chart
        endpoint=${ENDPOINT}
        x="geburtenrate"
        y="anteil-65plus"
        level="kreis"
        parent="01056015"
      ></scatter-chart>`,
    );
    expect((await empty).detail.count).to.equal(0);
    await none.updateComplete;
    expect($(none, '[part=empty]')).to.exist;
  });
});
