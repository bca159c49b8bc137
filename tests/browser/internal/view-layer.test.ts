import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FokusElement } from '../../../src/internal/fokus-element.js';
import { DataTask } from '../../../src/internal/data-task.js';
import { DrawController } from '../../../src/internal/draw-controller.js';
import type { FokusLoadEvent } from '../../../src/internal/events.js';
import { describe, it, text } from '../helpers.js';

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

/**
 * Work the page has waiting (a user's input, a paint) while widgets render: a task of high
 * priority (`user-blocking`), which the browser runs as soon as the current task has ended.
 * Logged between two widgets' renders only when they render in tasks of their own.
 */
function queueInput(log: string[]): void {
  const s = (globalThis as unknown as { scheduler: { postTask: (f: () => void, o: object) => Promise<void> } })
    .scheduler;
  void s.postTask(() => log.push('input'), { priority: 'user-blocking' });
}

const order: string[] = [];
let shared = deferred<number>();

/** Loads wait for one shared response (as widgets wait for the same catalog or data file). */
@customElement('test-shared-load')
class SharedLoad extends FokusElement {
  @property() name = '';
  /** Renders take this long (ms of work), as a widget with many rows or marks does. */
  @property({ type: Number }) work = 0;
  @property({ type: Number }) round = 0;

  data = new DataTask(this, {
    args: () => ({ name: this.name }),
    load: () => shared.promise,
    describe: () => ({ indicators: [this.name], count: 1 }),
  });

  drawing = new DrawController<number>(this, {
    value: () => this.data.shown,
    container: () => this.renderRoot.querySelector<HTMLElement>('p'),
    draw: async () => {
      order.push(`draw ${this.name}`);
      queueInput(order);
    },
    teardown: () => undefined,
  });

  override render() {
    return this.data.render({
      complete: () => {
        const end = performance.now() + this.work;
        while (performance.now() < end); // the work of a large render
        order.push(`${this.name}${this.round ? ` ${this.round}` : ''}`);
        queueInput(order);
        return litHtml`<p>${this.name}</p>`;
      },
    });
  }
}

describe('the layer gives the main thread back between widgets', () => {
  it('widgets whose data arrive together render in tasks of their own, input is handled between them', async () => {
    order.length = 0;
    shared = deferred<number>();
    const box = await fixture<HTMLElement>(
      html`<div>
        <test-shared-load name="a" work="12"></test-shared-load><test-shared-load name="b" work="12"></test-shared-load
        ><test-shared-load name="c" work="12"></test-shared-load>
      </div>`,
    );
    const els = [...box.querySelectorAll<SharedLoad>('test-shared-load')];
    // fokus-load comes once the view is on screen (also when its render waited for a task of its own)
    const loads = els.map((el) => oneEvent(el, 'fokus-load').then(() => text(el.shadowRoot!.querySelector('p'))));
    shared.resolve(1);
    expect(await Promise.all(loads)).to.deep.equal(['a', 'b', 'c']);
    await until(() => order.filter((o) => o.startsWith('draw')).length === 3);
    await until(() => order.filter((o) => o === 'input').length === 6);
    const renders = order.filter((o) => o.length === 1);
    expect(renders).to.have.members(['a', 'b', 'c']);
    // never two renders (or a render and a draw) one right after the other in the same task
    for (let i = 1; i < order.length; i++)
      expect([order[i - 1], order[i]]).to.include('input', `${order.join(', ')} (at ${i})`);
  });

  it('draws in a later task than the render that showed the value', async () => {
    order.length = 0;
    shared = deferred<number>();
    const el = await fixture<SharedLoad>(html`<test-shared-load name="d"></test-shared-load>`);
    const load = oneEvent(el, 'fokus-load');
    shared.resolve(1);
    await load;
    await until(() => order.includes('draw d'));
    expect(order.slice(0, 3)).to.deep.equal(['d', 'input', 'draw d']);
  });

  it('a change that reaches several widgets at once (a linked selection) renders them in several tasks', async () => {
    shared = deferred<number>();
    shared.resolve(1);
    const box = await fixture<HTMLElement>(
      html`<div>
        <test-shared-load name="e" work="12"></test-shared-load><test-shared-load name="f" work="12"></test-shared-load
        ><test-shared-load name="g" work="12"></test-shared-load>
      </div>`,
    );
    const els = [...box.querySelectorAll<SharedLoad>('test-shared-load')];
    await Promise.all(els.map((el) => (el.data.loading ? oneEvent(el, 'fokus-load') : undefined)));
    await until(() => order.filter((o) => o === 'input').length >= order.length / 2);
    order.length = 0;
    for (const el of els) el.round = 1; // in one task, as a selection reaches every widget of its group
    await Promise.all(els.map((el) => el.updateComplete));
    await until(() => order.filter((o) => o === 'input').length === 3);
    expect(order.filter((o) => o !== 'input')).to.have.members(['e 1', 'f 1', 'g 1']);
    for (let i = 1; i < order.length; i++)
      expect([order[i - 1], order[i]]).to.include('input', `${order.join(', ')} (at ${i})`);
  });
});
