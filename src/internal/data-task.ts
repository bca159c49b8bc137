import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { getClient, type FokusClient } from '../data/client.js';
import { errorCode, errorMessage } from './errors.js';
import { FokusErrorEvent, FokusLoadEvent, type FokusLoadDetail } from './events.js';
import { common, msg, type Lang } from './i18n.js';

type Host = ReactiveControllerHost & HTMLElement & { uiLang: Lang };

export interface DataTaskOptions<A extends readonly unknown[], R> {
  /** Arguments; a change starts a new run and aborts the previous one. */
  args: () => A;
  /** Loads and prepares the view model. Only the latest run's result is applied. */
  load: (args: A, context: { signal: AbortSignal; client: FokusClient }) => Promise<R>;
  /** What `fokus-load` reports; a count of 0 renders the empty state. */
  describe: (value: R) => FokusLoadDetail;
  /**
   * When true the element dispatches `fokus-load` itself with `announceLoad()`
   * (e.g. after an asynchronous drawing library has painted).
   */
  manualLoadEvent?: boolean;
}

/**
 * The data controller of every element, on @lit/task: aborts the previous run when the
 * arguments change, applies only the latest result, renders the four states
 * (loading, empty, error, complete) and dispatches `fokus-load` / `fokus-error`.
 */
export class DataTask<A extends readonly unknown[], R> {
  readonly task: Task<A, R>;

  constructor(
    private readonly host: Host,
    private readonly options: DataTaskOptions<A, R>,
  ) {
    this.task = new Task<A, R>(host, {
      args: options.args,
      task: (args, { signal }) => options.load(args, { signal, client: getClient() }),
      onComplete: (value) => {
        if (!options.manualLoadEvent) void this.announceLoad(value);
      },
      onError: (error) => {
        if (errorCode(error) === 'aborted' || (error as Error)?.name === 'AbortError') return;
        host.dispatchEvent(
          new FokusErrorEvent({ code: errorCode(error), message: errorMessage(error, host.uiLang), error }),
        );
      },
    });
  }

  get value(): R | undefined {
    return this.task.value;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** Dispatches `fokus-load` once the host has rendered `value`. */
  async announceLoad(value: R | undefined = this.task.value): Promise<void> {
    if (value === undefined) return;
    await this.host.updateComplete;
    if (this.task.value !== value) return; // superseded meanwhile
    this.host.dispatchEvent(new FokusLoadEvent(this.options.describe(value)));
  }

  /** Renders the current state; `skeleton` is sized like the result. */
  render(views: { complete: (value: R) => unknown; skeleton: () => TemplateResult }): unknown {
    const lang = this.host.uiLang;
    return this.task.render({
      initial: () => this.renderLoading(views.skeleton, lang),
      pending: () => this.renderLoading(views.skeleton, lang),
      error: (error) =>
        html`<div class="state error" role="alert" part="error">
          <strong>${msg(common, lang, 'errorTitle')}</strong>
          <span class="message">${errorMessage(error, lang)}</span>
        </div>`,
      complete: (value) =>
        this.options.describe(value).count === 0
          ? html`<div class="state empty" role="status" part="empty">${msg(common, lang, 'empty')}</div>`
          : views.complete(value),
    });
  }

  private renderLoading(skeleton: () => TemplateResult, lang: Lang): TemplateResult {
    return html`<div class="loading" part="loading" aria-busy="true">
      <span class="visually-hidden" role="status">${msg(common, lang, 'loading')}</span>
      ${skeleton()}
    </div>`;
  }
}
