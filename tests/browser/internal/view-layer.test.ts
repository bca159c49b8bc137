import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FokusElement } from '../../../src/internal/fokus-element.js';
import { DataTask } from '../../../src/internal/data-task.js';
import { DrawController } from '../../../src/internal/draw-controller.js';
import type { FokusLoadEvent } from '../../../src/internal/events.js';
import { describe, it } from '../helpers.js';

/** A promise the test resolves by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Loads resolve when the test says so, one gate per `year`. */
const gates = new Map<number, ReturnType<typeof deferred<number[]>>>();
const gate = (year: number) => {
  if (!gates.has(year)) gates.set(year, deferred<number[]>());
  return gates.get(year)!;
};

/** A view element on the layer: keeps its previous view (or not), draws through a DrawController. */
@customElement('test-view-layer')
class TestView extends FokusElement {
  @property({ type: Number }) year = 2020;
  drawn: string[] = [];
  painted: string[] = [];
  torn = 0;
  draws = new Map<number, ReturnType<typeof deferred<void>>>();

  data = new DataTask(this, {
    keepPrevious: true,
    drawn: true,
    args: () => ({ year: this.year }),
    load: ({ year }, { signal }) =>
      new Promise<{ year: number; values: number[] }>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        void gate(year).promise.then((values) => resolve({ year, values }));
      }),
    describe: (v) => ({ indicators: [String(v.year)], count: v.values.length }),
  });

  drawing = new DrawController<{ year: number }>(this, {
    value: () => this.data.shown,
    container: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    draw: async (job) => {
      const wait = deferred<void>();
      this.draws.set(job.value.year, wait);
      await wait.promise;
      if (!job.current()) return false;
      this.drawn.push(`${job.value.year}`);
      return true;
    },
    teardown: () => this.torn++,
    painted: (v) => {
      this.painted.push(`${v.year}`);
      void this.data.announceLoad(v as never, true);
    },
  });

  override render() {
    return this.data.render({
      skeleton: () => litHtml`<div class="skeleton"></div>`,
      complete: (v, stale) => litHtml`<div class="plot ${stale ? 'stale' : ''}">${v.year}</div>`,
    });
  }
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => requestAnimationFrame(r));
};

describe('the view-element layer', () => {
  it('keepPrevious: the last view stays (marked stale) while the next loads, then the new one replaces it', async () => {
    gates.clear();
    const el = await fixture<TestView>(html`<test-view-layer year="2020"></test-view-layer>`);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null, 'first load: the skeleton');
    const first = oneEvent(el, 'fokus-load');
    gate(2020).resolve([1, 2]);
    await until(() => el.draws.has(2020));
    el.draws.get(2020)!.resolve();
    expect(((await first) as FokusLoadEvent).detail.indicators).to.deep.equal(['2020']);
    el.year = 2021;
    await el.updateComplete;
    const plot = el.shadowRoot!.querySelector('.plot')!;
    expect(plot.textContent).to.equal('2020', 'the previous view is kept');
    expect(plot.classList.contains('stale')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    const second = oneEvent(el, 'fokus-load');
    gate(2021).resolve([3]);
    await until(() => el.draws.has(2021));
    el.draws.get(2021)!.resolve();
    expect(((await second) as FokusLoadEvent).detail.indicators).to.deep.equal(['2021']);
    expect(el.shadowRoot!.querySelector('.plot')!.textContent).to.equal('2021');
    expect(el.shadowRoot!.querySelector('.plot')!.classList.contains('stale')).to.equal(false);
  });

  it('the empty state is announced by the layer (count 0), with nothing to draw', async () => {
    gates.clear();
    const el = await fixture<TestView>(html`<test-view-layer year="1999"></test-view-layer>`);
    const load = oneEvent(el, 'fokus-load');
    gate(1999).resolve([]);
    expect(((await load) as FokusLoadEvent).detail.count).to.equal(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=empty]')).to.not.equal(null);
    expect(el.draws.size).to.equal(0);
  });

  it('a stale draw (overtaken by a newer value) is ignored; only the latest is painted and announced', async () => {
    gates.clear();
    const el = await fixture<TestView>(html`<test-view-layer year="2030"></test-view-layer>`);
    gate(2030).resolve([1]);
    await until(() => el.draws.has(2030));
    // the first draw is still running when the next value arrives
    el.year = 2031;
    gate(2031).resolve([1, 2]);
    await until(() => el.draws.has(2031));
    const load = oneEvent(el, 'fokus-load');
    el.draws.get(2031)!.resolve();
    el.draws.get(2030)!.resolve(); // finishes last, but is stale
    expect(((await load) as FokusLoadEvent).detail.indicators).to.deep.equal(['2031']);
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.drawn).to.deep.equal(['2031']);
    expect(el.painted).to.deep.equal(['2031']);
  });

  it('tears the drawing down on disconnect and draws again when put back', async () => {
    gates.clear();
    const el = await fixture<TestView>(html`<test-view-layer year="2040"></test-view-layer>`);
    gate(2040).resolve([1]);
    await until(() => el.draws.has(2040));
    el.draws.get(2040)!.resolve();
    await until(() => el.painted.length === 1);
    const parent = el.parentElement!;
    el.remove();
    expect(el.torn).to.equal(1);
    el.draws.clear();
    parent.append(el);
    await until(() => el.draws.has(2040));
    el.draws.get(2040)!.resolve();
    await until(() => el.painted.length === 2);
    expect(el.drawn).to.deep.equal(['2040', '2040']);
  });
});
