/**
 * <municipality-map> in linked views across levels (issue 15): an amtsfreie Gemeinde is the
 * same territory as its Amt-level unit, so a map of either level highlights it whichever of
 * the two keys the group selected (Pinneberg: Gemeinde 01056039, Amt level 010560039).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/elements/municipality-map/define.js';
import '../../../../src/elements/comparison-table/define.js';
import type { MunicipalityMapElement } from '../../../../src/elements/municipality-map/municipality-map.js';
import { setClient } from '../../../../src/data/client.js';
import { setSelection } from '../../../../src/internal/selection.js';
import { $$, afterEach, describe, ENDPOINT, it, regionPaths, text, useClient } from './fixtures.js';

const PINNEBERG_GEMEINDE = '01056039';
const PINNEBERG_AMT = '010560039';
const APPEN = '01056001'; // a Gemeinde of an Amt with several Gemeinden: no equivalent on the Amt level

afterEach(() => setClient(undefined));

/** The Kreis page in small: Gemeinde map, Amt map and the table of Ämter, one group; resolves when all three drew. */
async function kreisPage(group: string) {
  let seen = new Set<EventTarget>();
  const all = new Promise<void>((resolve) => {
    const on = (e: Event) => {
      seen.add(e.composedPath()[0]);
      if (seen.size < 3) return;
      document.removeEventListener('fokus-load', on);
      resolve();
    };
    document.addEventListener('fokus-load', on);
  });
  const holder = await fixture<HTMLDivElement>(
    html`<div style="width: 900px">
      <municipality-map
        group=${group}
        endpoint=${ENDPOINT}
        indicator="sgb2-quote"
        level="gemeinde"
        parent="01056"
      ></municipality-map>
      <municipality-map
        group=${group}
        endpoint=${ENDPOINT}
        indicator="sgb2-quote"
        level="amt"
        parent="01056"
      ></municipality-map>
      <comparison-table
        group=${group}
        endpoint=${ENDPOINT}
        indicators="sgb2-quote"
        level="amt"
        parent="01056"
      ></comparison-table>
    </div>`,
  );
  await all;
  seen = new Set();
  const [gemeinden, aemter] = [...holder.querySelectorAll<MunicipalityMapElement>('municipality-map')];
  const table = holder.querySelector('comparison-table')!;
  await Promise.all([gemeinden.updateComplete, aemter.updateComplete]);
  return { gemeinden, aemter, table };
}

/** The keys of the regions drawn as selected (class, pressed state and the table row of the map). */
function highlighted(el: MunicipalityMapElement): string[] {
  return [...regionPaths(el)]
    .filter(([, p]) => p.classList.contains('selected') && p.getAttribute('aria-pressed') === 'true')
    .map(([id]) => id);
}

describe('<municipality-map> across levels', () => {
  it('clicking Pinneberg in the table of Ämter highlights Pinneberg on the Gemeinde map', async () => {
    useClient();
    const { gemeinden, aemter, table } = await kreisPage('link-amt-row');
    expect(highlighted(gemeinden)).to.deep.equal([]);
    const row = $$<HTMLButtonElement>(table, 'tbody button.region').find((b) => text(b) === 'Pinneberg');
    expect(row, 'the table has a row for the amtsfreie Stadt Pinneberg').to.not.equal(undefined);
    row!.click();
    await Promise.all([gemeinden.updateComplete, aemter.updateComplete]);
    expect(gemeinden.selected).to.equal(PINNEBERG_AMT, 'the group selection is the Amt-level key');
    expect(highlighted(gemeinden)).to.deep.equal([PINNEBERG_GEMEINDE]);
    expect(highlighted(aemter)).to.deep.equal([PINNEBERG_AMT]);
    expect(regionPaths(gemeinden).get(PINNEBERG_GEMEINDE)!.getAttribute('aria-label')).to.match(/; ausgewählt$/);
  });

  it('a Gemeinde selected elsewhere highlights its Amt-level unit on the Amt map; a Gemeinde of an Amt does not', async () => {
    useClient();
    const { gemeinden, aemter } = await kreisPage('link-gemeinde');
    setSelection('link-gemeinde', { region: PINNEBERG_GEMEINDE });
    await Promise.all([gemeinden.updateComplete, aemter.updateComplete]);
    expect(highlighted(aemter)).to.deep.equal([PINNEBERG_AMT]);
    expect(highlighted(gemeinden)).to.deep.equal([PINNEBERG_GEMEINDE]);
    setSelection('link-gemeinde', { region: APPEN });
    await Promise.all([gemeinden.updateComplete, aemter.updateComplete]);
    expect(highlighted(gemeinden)).to.deep.equal([APPEN]);
    expect(highlighted(aemter)).to.deep.equal([], 'Appen is only a part of its Amt: no Amt is the same territory');
  });
});
