import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus } from '@lit/task';
import { getClient, type FokusClient } from '../data/client.js';
import { errorCode, errorMessage } from './errors.js';
import { FokusErrorEvent, FokusLoadEvent, type FokusLoadDetail } from './events.js';
import { common, msg, type Lang } from './i18n.js';
import { leaving } from './leaving.js';
import { cssLength } from './skeleton.js';
import { styleProps } from './style-props.js';

type Host = ReactiveControllerHost & HTMLElement & { uiLang: Lang };

/** What every `load<Name>(args, ctx)` gets besides its arguments. */
export interface LoadContext {
  /** Aborted when the arguments change again (or the element is removed). */
  signal: AbortSignal;
  /** The page-wide client (validation, cache, dedup). */
  client: FokusClient;
  /** A place of this element's own for work reused between runs (e.g. a geometry split). */
  memo: Record<string, unknown>;
}

/** The shape of every element's loader (`loadTable`, `loadChart`, `loadMap`, …). */
export type Loader<A extends object, R> = (args: A, ctx: LoadContext) => Promise<R>;

export interface DataTaskOptions<A extends object, R> {
  /** Named arguments; a change of any value starts a new run and aborts the previous one. */
  args: () => A;
  /** Loads and prepares the view model. Only the latest run's result is applied. */
  load: Loader<A, R>;
  /** What `fokus-load` reports; a count of 0 renders (and announces) the empty state. */
  describe: (value: R) => FokusLoadDetail;
  /**
   * Keep the last view on screen (dimmed, `aria-busy`) while the next one loads, instead
   * of the skeleton (e.g. the map on a new year: no flicker).
   */
  keepPrevious?: boolean;
  /**
   * The element dispatches `fokus-load` itself (through `announceLoad()`, usually from a
   * `DrawController` after an asynchronous renderer has painted). The empty state is
   * still announced here: there is nothing to draw.
   */
  drawn?: boolean;
}

/** The views an element gives `DataTask.render()`. */
export interface StateViews<R> {
  /** The loaded view; `stale` while the next one loads (`keepPrevious`). */
  complete: (value: R, stale: boolean) => unknown;
  /** Shown while loading, inside the reserved height; default one shimmering block filling it. */
  skeleton?: () => TemplateResult;
  /**
   * The height the finished view will take (px, or a CSS length such as `18em`), computed
   * from the element's attributes (rows, aspect ratio, caption; see skeleton.ts): the
   * loading state reserves it so that nothing jumps when the data arrive (CLS).
   */
  skeletonHeight?: number | string;
  /**
   * When this value changes, the skeleton is drawn anew instead of being updated in place
   * (e.g. a table's generic skeleton once the catalog gives its row count): its lower parts
   * are then new boxes, not boxes that move down (a layout shift) while nothing is loaded yet.
   */
  skeletonKey?: unknown;
}

/**
 * Gives the main thread back (input, paint) before the next batch of work: a task of its own
 * (`scheduler.yield()`, whose continuations run before other queued tasks; else a timer).
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function sameArgs(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The data controller of every element, on @lit/task: named arguments, aborts the previous
 * run when they change, applies only the latest result, renders the four states (loading,
 * empty, error, complete), keeps the previous view while loading when asked to, and
 * dispatches `fokus-load` (also for the empty state) / `fokus-error`.
 */
export class DataTask<A extends object, R> {
  private readonly task: Task<[A], R>;
  private readonly memo: Record<string, unknown> = {};
  private announced?: R;

  constructor(
    private readonly host: Host,
    private readonly options: DataTaskOptions<A, R>,
  ) {
    this.task = new Task<[A], R>(host, {
      args: () => [options.args()],
      argsEqual: ([a], [b]) => sameArgs(a, b),
      task: async ([args], { signal }) => {
        // The loader in a task of its own, not in the host's render that started it (data already
        // cached make its first part synchronous: model building would run inside that render) ...
        await yieldToMain();
        signal.throwIfAborted();
        const value = await options.load(args, { signal, client: getClient(), memo: this.memo });
        // ... and every element's result rendered in a task of its own: widgets waiting for the
        // same response (the catalog, a shared data file) would otherwise all render in one task.
        await yieldToMain();
        signal.throwIfAborted();
        return value;
      },
      onComplete: (value) => {
        if (!options.drawn || this.isEmpty(value)) void this.announceLoad(value);
      },
      onError: (error) => {
        if (errorCode(error) === 'aborted' || (error as Error)?.name === 'AbortError') return;
        if (leaving()) return; // the browser aborted the load because the reader leaves the page
        host.dispatchEvent(
          new FokusErrorEvent({ code: errorCode(error), message: errorMessage(error, host.uiLang), error }),
        );
      },
    });
  }

  /** The latest loaded value (also while the next one loads); undefined after an error. */
  get value(): R | undefined {
    return this.task.value;
  }

  /** True while a run is pending (or has not started). */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
  }

  /**
   * The value on screen: the loaded one, or (with `keepPrevious`) the previous one while
   * the next loads; undefined in the loading, empty and error states.
   */
  get shown(): R | undefined {
    const value = this.task.value;
    if (value === undefined || this.isEmpty(value)) return undefined;
    const status = this.task.status;
    if (status === TaskStatus.COMPLETE) return value;
    return status === TaskStatus.PENDING && this.options.keepPrevious ? value : undefined;
  }

  /** True when `shown` is the previous value, kept while the next one loads. */
  get stale(): boolean {
    return this.shown !== undefined && this.task.status === TaskStatus.PENDING;
  }

  private isEmpty(value: R): boolean {
    return this.options.describe(value).count === 0;
  }

  /**
   * Dispatches `fokus-load` once the host has rendered `value` (at most once per value
   * unless `again`; a superseded value is not announced).
   */
  async announceLoad(value: R | undefined = this.task.value, again = false): Promise<void> {
    if (value === undefined || (!again && this.announced === value)) return;
    // from onComplete: the task stores the value and asks the host to render it only after that
    await null;
    await this.host.updateComplete;
    if (this.task.value !== value || this.task.status !== TaskStatus.COMPLETE) return; // superseded meanwhile
    if (!again && this.announced === value) return;
    this.announced = value;
    this.host.dispatchEvent(new FokusLoadEvent(this.options.describe(value)));
  }

  /** Renders the current state. */
  render(views: StateViews<R>): unknown {
    const lang = this.host.uiLang;
    const shown = this.shown;
    if (shown !== undefined) return views.complete(shown, this.stale);
    return this.task.render({
      initial: () => this.renderLoading(views, lang),
      pending: () => this.renderLoading(views, lang),
      error: (error) =>
        html`<div class="state error" role="alert" part="error">
          <strong>${msg(common, lang, 'errorTitle')}</strong>
          <span class="message">${errorMessage(error, lang)}</span>
        </div>`,
      complete: () => html`<div class="state empty" role="status" part="empty">${msg(common, lang, 'empty')}</div>`,
    });
  }

  private renderLoading(views: StateViews<R>, lang: Lang): TemplateResult {
    const height = views.skeletonHeight === undefined ? null : cssLength(views.skeletonHeight);
    return html`<div class="loading" part="loading" aria-busy="true" style=${styleProps({ 'min-height': height })}>
      <span class="visually-hidden" role="status">${msg(common, lang, 'loading')}</span>
      ${views.skeleton ? keyed(views.skeletonKey, views.skeleton()) : html`<div class="skeleton fill"></div>`}
    </div>`;
  }
}
