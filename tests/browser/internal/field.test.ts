// The cross-cutting field pieces of the layer: heading-level, px-based text sizes with a
// 12px floor (also under a CMS theme's `html { font-size: 62.5% }`), the toolbar at 320px,
// the print base styles and skeletons that reserve the finished size.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FokusElement, clampLevel } from '../../../src/internal/fokus-element.js';
import { DataTask } from '../../../src/internal/data-task.js';
import { renderToolbar } from '../../../src/internal/downloads.js';
import { aspectHeight, cssLength, rowsHeight } from '../../../src/internal/skeleton.js';
import { $, $$, afterEach, describe, it } from '../helpers.js';

/** An element with a title, an inner heading, a caption, a table and the toolbar; `pending` never loads. */
@customElement('test-field-widget')
class FieldWidget extends FokusElement {
  @property({ type: Boolean }) pending = false;
  data = new DataTask(this, {
    args: () => ({ pending: this.pending }),
    load: ({ pending }) => (pending ? new Promise<string>(() => {}) : Promise.resolve('ok')),
    describe: () => ({ indicators: [], count: 1 }),
  });
  override render() {
    return this.data.render({
      skeletonHeight: 321,
      complete: () => litHtml`${this.renderTitle('Geburtenrate in Elmshorn, 2010–2024')}
        ${this.renderHeading(1, 'Legende', { id: 'legend-title' })}
        <table><thead><tr><th>Gebiet</th></tr></thead><tbody><tr><td>Elmshorn<sup>p</sup></td></tr></tbody></table>
        <div class="caption" part="caption"><p class="source">Quelle: Test; Lizenz: CC BY 4.0</p></div>
        ${renderToolbar('de', {
          toggles: [{ controls: 'x', open: false, label: 'Tabelle anzeigen', onToggle: () => {} }],
          download: () => {},
        })}`,
    });
  }
}

/** Resolves once `el` has announced its view (the layer loads and renders in tasks of their own). */
const loaded = async (el: FieldWidget) => {
  await el.updateComplete;
  if (el.data.loading) await new Promise((resolve) => el.addEventListener('fokus-load', resolve, { once: true }));
  await el.updateComplete;
};

/** Every text node's computed font size in a shadow root (px), with a label. */
export function textSizes(root: ShadowRoot | Element): { where: string; px: number }[] {
  const out: { where: string; px: number }[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim() && child.parentElement) {
        const el = child.parentElement;
        const style = getComputedStyle(el);
        if (style.display !== 'none' && !el.closest('.visually-hidden'))
          out.push({
            where: `${el.localName}.${el.className}: ${child.textContent!.trim().slice(0, 30)}`,
            px: parseFloat(style.fontSize),
          });
      }
      if (child instanceof Element && child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return out;
}

describe('heading-level', () => {
  it('makes the title an h2 by default, an hN with heading-level, inner headings one lower (capped at h6)', async () => {
    const plain = await fixture<FieldWidget>(html`<test-field-widget></test-field-widget>`);
    await loaded(plain);
    expect($(plain, '[part=title]').localName).to.equal('h2');
    expect($(plain, '#legend-title').localName).to.equal('h3');
    const three = await fixture<FieldWidget>(html`<test-field-widget heading-level="3"></test-field-widget>`);
    await loaded(three);
    expect($(three, '#title').localName).to.equal('h3');
    expect($(three, '#legend-title').localName).to.equal('h4');
    three.headingLevel = 6;
    await three.updateComplete;
    expect($(three, '#legend-title').localName).to.equal('h6');
    expect([clampLevel('x'), clampLevel(0), clampLevel(9), clampLevel('4')]).to.deep.equal([2, 2, 6, 4]);
  });
});

describe('text sizes', () => {
  afterEach(() => {
    document.documentElement.style.removeProperty('font-size');
  });

  it('do not depend on the root font size and are at least 12px (html { font-size: 62.5% })', async () => {
    const el = await fixture<FieldWidget>(html`<test-field-widget></test-field-widget>`);
    await loaded(el);
    const normal = textSizes(el.shadowRoot!);
    document.documentElement.style.setProperty('font-size', '62.5%');
    const shrunk = textSizes(el.shadowRoot!);
    expect(shrunk).to.deep.equal(normal, 'same sizes with a shrunken root');
    expect(shrunk.length).to.be.greaterThan(5);
    expect(shrunk.filter((s) => s.px < 12)).to.deep.equal([]);
    expect(parseFloat(getComputedStyle(el).fontSize)).to.equal(16);
  });

  it('keep the 12px floor with a small --fokus-font-size', async () => {
    const el = await fixture<FieldWidget>(html`<test-field-widget class="small"></test-field-widget>`);
    el.style.setProperty('--fokus-font-size', '11px');
    await loaded(el);
    const sizes = textSizes(el.shadowRoot!);
    expect(sizes.filter((s) => s.px < 12)).to.deep.equal([]);
    expect(parseFloat(getComputedStyle(el).fontSize)).to.equal(12, 'the body text too');
    expect(parseFloat(getComputedStyle($(el, '.caption')).fontSize)).to.equal(12);
    expect(parseFloat(getComputedStyle($(el, 'button')).fontSize)).to.equal(12);
  });
});

describe('toolbar and print', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('wraps at 320px with no horizontal overflow; buttons are at least 24px tall', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<FieldWidget>(html`<test-field-widget></test-field-widget>`);
    await loaded(el);
    const bar = $(el, '[part=toolbar]');
    expect(bar.scrollWidth).to.be.at.most(bar.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const b of $$(el, '[part=toolbar] button')) {
      const r = b.getBoundingClientRect();
      expect(r.right).to.be.at.most(320);
      expect(r.height).to.be.at.least(24);
    }
  });

  it('prints without toolbar and buttons, at full width, with source and licence', async () => {
    const el = await fixture<FieldWidget>(
      html`<div style="width: 300px"><test-field-widget></test-field-widget></div>`,
    );
    const widget = el.querySelector<FieldWidget>('test-field-widget')!;
    await loaded(widget);
    expect(getComputedStyle($(widget, '[part=toolbar]')).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(widget, '[part=toolbar]')).display).to.equal('none');
    expect($$(widget, 'button').every((b) => getComputedStyle(b).display === 'none')).to.equal(true);
    expect(getComputedStyle($(widget, '.caption')).display).to.equal('block');
    expect($(widget, '.source').getBoundingClientRect().height).to.be.greaterThan(0);
    expect(widget.getBoundingClientRect().width).to.equal(300);
  });
});

describe('skeletons', () => {
  it('reserve skeletonHeight while loading (CSP-safe, through the CSSOM)', async () => {
    const el = await fixture<FieldWidget>(html`<test-field-widget pending></test-field-widget>`);
    const loading = $(el, '[part=loading]');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(Math.round(loading.getBoundingClientRect().height)).to.equal(321);
    expect($(el, '.skeleton.fill').getBoundingClientRect().height).to.be.greaterThan(300);
  });

  it('heights from aspect ratio and rows', () => {
    expect(aspectHeight(600, 2, { extra: 100 })).to.equal(400);
    expect(aspectHeight(0, 2)).to.equal(320, 'before layout: a 640px width');
    expect(aspectHeight(2000, 2, { max: 500 })).to.equal(500);
    expect(rowsHeight(10, { row: 30, header: 40, extra: 10 })).to.equal(350);
    expect(cssLength(12.4)).to.equal('12px');
    expect(cssLength('18em')).to.equal('18em');
  });
});
