// Theming and language switching as a host page sees them: tokens from themes/*.css reach
// the shadow roots, dark mode only when the page opts in (not because the operating
// system prefers dark), and `lang` switches between German and English without a reload.
import { expect, fixtureSync, html, aTimeout } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/comparison-table/define.js';
import '../../../src/elements/indicator-chart/define.js';
import type { ComparisonTableElement } from '../../../src/elements/comparison-table/comparison-table.js';
import type { IndicatorChartElement } from '../../../src/elements/indicator-chart/indicator-chart.js';

// The demo endpoint built by `npm run demo:data` (web-test-runner serves the repository root).
const ENDPOINT = '/demo-dist/data/';

const text = (el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ');

// Record fokus-load / fokus-error on each element, also when it fired before a test listens.
// (fixtureSync, not fixture: fixture() waits for an animation frame, which never comes while
// web-test-runner's other page has the focus and this one is hidden.)
const states = new WeakMap<EventTarget, string>();
for (const type of ['fokus-load', 'fokus-error']) {
  document.addEventListener(type, (e) => states.set(e.composedPath()[0], type), true);
}

async function loaded<T extends HTMLElement & { updateComplete: Promise<boolean> }>(el: T): Promise<T> {
  for (let i = 0; i < 300 && !states.has(el); i++) await aTimeout(50);
  expect(states.get(el), `<${el.localName}> loaded`).to.equal('fokus-load');
  await el.updateComplete;
  return el;
}

/** A frame for the page-wide lang observer (MutationObserver) and Lit's update. */
async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }) {
  await aTimeout(0);
  await el.updateComplete;
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function useTheme(name: 'kreis' | 'neutral'): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/themes/${name}.css`;
  const ready = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await ready;
  return link;
}

describe('runtime language switching', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('a table re-renders in English when an ancestor switches lang, and back, without a page reload', async () => {
    const wrap = fixtureSync<HTMLDivElement>(
      html`<div lang="de">
        <comparison-table
          endpoint=${ENDPOINT}
          indicators="geburtenrate,motorisierungsgrad"
          level="gemeinde"
          parent="01056"
          year="2024"
          reference="01056"
        ></comparison-table>
      </div>`,
    );
    const table = await loaded(wrap.querySelector<ComparisonTableElement>('comparison-table')!);
    const german = text(table, 'thead th');
    expect(german).to.contain('Gebiet');
    expect(german).to.contain('Rang');
    // German number format in the cells: decimal comma
    expect(text(table, 'tbody td')).to.match(/\d,\d/);

    wrap.lang = 'en';
    await settled(table);
    const english = text(table, 'thead th');
    expect(english).to.contain('Region');
    expect(english).to.contain('Rank');
    expect(english).not.to.contain('Gebiet');
    expect(text(table, 'tbody td')).to.match(/\d\.\d/);
    expect(text(table, 'tbody td')).not.to.match(/\d,\d\b(?!\d{2})/);

    wrap.lang = 'de';
    await settled(table);
    expect(text(table, 'thead th')).to.equal(german);
    expect(table.isConnected, 'same element, no page reload').to.equal(true);
  });

  it('follows <html lang> and the element’s own lang attribute', async () => {
    const table = await loaded(
      fixtureSync<ComparisonTableElement>(
        html`<comparison-table
          endpoint=${ENDPOINT}
          indicators="geburtenrate"
          level="kreis"
          parent="01"
          year="2024"
        ></comparison-table>`,
      ),
    );
    expect(text(table, 'thead th')).to.contain('Gebiet');
    document.documentElement.lang = 'en';
    await settled(table);
    expect(text(table, 'thead th')).to.contain('Region');
    table.lang = 'de'; // the element's own attribute wins over <html>
    await settled(table);
    expect(text(table, 'thead th')).to.contain('Gebiet');
    await expect(table).to.be.accessible();
  });

  it('a chart re-renders its texts (description, table, toolbar) in the new language', async () => {
    const wrap = fixtureSync<HTMLDivElement>(
      html`<div lang="de">
        <indicator-chart
          endpoint=${ENDPOINT}
          indicator="geburtenrate"
          region="01056015"
          compare="01056"
        ></indicator-chart>
      </div>`,
    );
    const chart = await loaded(wrap.querySelector<IndicatorChartElement>('indicator-chart')!);
    const before = chart.shadowRoot!.textContent!;
    expect(before).to.match(/Tabelle anzeigen|Herunterladen/);
    wrap.lang = 'en';
    await settled(chart);
    await aTimeout(50);
    const after = chart.shadowRoot!.textContent!;
    expect(after).to.match(/Show table|Download/);
    expect(after).not.to.match(/Tabelle anzeigen/);
  });
});

describe('themes and dark mode', () => {
  let link: HTMLLinkElement | undefined;
  afterEach(async () => {
    link?.remove();
    link = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  const hostColors = (el: HTMLElement) => {
    const cs = getComputedStyle(el);
    return { background: cs.backgroundColor, color: cs.color };
  };

  it('without a theme, the defaults stay light even when the operating system prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const table = await loaded(
      fixtureSync<ComparisonTableElement>(
        html`<comparison-table
          endpoint=${ENDPOINT}
          indicators="geburtenrate"
          level="kreis"
          parent="01"
          year="2024"
        ></comparison-table>`,
      ),
    );
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    expect(hostColors(table).background).to.equal('rgb(255, 255, 255)');
  });

  for (const theme of ['kreis', 'neutral'] as const) {
    it(`${theme}.css: light by default, dark only under .fokus-theme-dark / data-fokus-theme="dark" / "auto"`, async () => {
      link = await useTheme(theme);
      const css = await (await fetch(`/themes/${theme}.css`)).text();
      const value = (mode: 'light' | 'dark', name: string) => {
        const block = mode === 'light' ? css.split('.fokus-theme-dark,')[0] : css.split('.fokus-theme-dark,')[1];
        return block.match(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`))![1];
      };
      await emulateMedia({ colorScheme: 'dark' });
      const wrap = fixtureSync<HTMLDivElement>(
        html`<div>
          <section id="plain">
            <comparison-table
              endpoint=${ENDPOINT}
              indicators="geburtenrate"
              level="kreis"
              parent="01"
              year="2024"
            ></comparison-table>
          </section>
          <section id="dark" class="fokus-theme-dark">
            <comparison-table
              endpoint=${ENDPOINT}
              indicators="geburtenrate"
              level="kreis"
              parent="01"
              year="2024"
            ></comparison-table>
          </section>
          <section id="attr" data-fokus-theme="dark">
            <comparison-table
              endpoint=${ENDPOINT}
              indicators="geburtenrate"
              level="kreis"
              parent="01"
              year="2024"
            ></comparison-table>
          </section>
          <section id="auto" data-fokus-theme="auto">
            <comparison-table
              endpoint=${ENDPOINT}
              indicators="geburtenrate"
              level="kreis"
              parent="01"
              year="2024"
            ></comparison-table>
          </section>
        </div>`,
      );
      const el = (id: string) => wrap.querySelector<ComparisonTableElement>(`#${id} comparison-table`)!;
      for (const id of ['plain', 'dark', 'attr', 'auto']) await loaded(el(id));

      const lightBg = rgb(value('light', '--fokus-color-background'));
      const darkBg = rgb(value('dark', '--fokus-color-background'));
      const darkText = rgb(value('dark', '--fokus-color-text'));
      expect(hostColors(el('plain')).background, 'OS dark alone does not switch').to.equal(lightBg);
      expect(hostColors(el('dark'))).to.deep.equal({ background: darkBg, color: darkText });
      expect(hostColors(el('attr'))).to.deep.equal({ background: darkBg, color: darkText });
      expect(hostColors(el('auto')).background, 'auto follows the OS: dark').to.equal(darkBg);
      await emulateMedia({ colorScheme: 'light' });
      expect(hostColors(el('auto')).background, 'auto follows the OS: light').to.equal(lightBg);

      // the tokens reach inside the shadow root: header cells and reference rows
      const th = el('dark').shadowRoot!.querySelector('thead th')!;
      expect(getComputedStyle(th).color).to.equal(darkText);
      await expect(el('dark')).to.be.accessible();
      await expect(el('plain')).to.be.accessible();
    });
  }

  it('a chart drawn under a dark theme uses the theme’s text and accent colours in its SVG', async () => {
    link = await useTheme('kreis');
    const wrap = fixtureSync<HTMLDivElement>(
      html`<div class="fokus-theme-dark">
        <indicator-chart
          endpoint=${ENDPOINT}
          indicator="geburtenrate"
          region="01056015"
          compare="01056"
        ></indicator-chart>
      </div>`,
    );
    const chart = await loaded(wrap.querySelector<IndicatorChartElement>('indicator-chart')!);
    await aTimeout(50);
    const svg = chart.shadowRoot!.querySelector('svg')!;
    const markup = svg.outerHTML.toLowerCase();
    expect(markup).to.contain('#7cc0f0'); // kreis dark accent: the main line
    expect(markup).to.contain('#aab8c4'); // kreis dark muted: axis labels
  });
});
