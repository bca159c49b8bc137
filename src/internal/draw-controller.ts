import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { yieldToMain } from './data-task.js';
import { errorMessage } from './errors.js';
import { FokusErrorEvent } from './events.js';
import type { Lang } from './i18n.js';
import { leaving } from './leaving.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/** What a drawing gets: the container, the value, and a check that it is still wanted. */
export interface DrawJob<V> {
  container: HTMLElement;
  value: V;
  /** True when the same value is drawn again (`redraw()`, e.g. after a resize), false for a new one. */
  redraw: boolean;
  /** False once a newer draw started or the element was disconnected: stop, touch nothing. */
  current(): boolean;
}

export interface DrawOptions<V> {
  /** The container to draw into (in the shadow root); none: nothing is drawn. */
  container: () => HTMLElement | null | undefined;
  /** The value to draw; undefined: nothing (loading, empty, error), the drawing is torn down. */
  value: () => V | undefined;
  /**
   * Draws `job.value` into `job.container` (asynchronous renderers: Vega, Leaflet). Called
   * again when the value or the container changes. Resolves to false when it gave up.
   */
  draw: (job: DrawJob<V>) => Promise<boolean | void>;
  /** Cheap updates after every render of the host once drawn (selection, styles). */
  update?: (job: DrawJob<V>) => void;
  /** The container's width changed (one call per animation frame at most). */
  resize?: (job: DrawJob<V>, width: number) => void;
  /** Releases the renderer (finalize the view, remove the map). */
  teardown: () => void;
  /** After a draw has been painted (the next animation frame): usually `data.announceLoad`. */
  painted?: (value: V) => void;
  /** A draw failed (e.g. the renderer's chunk did not load). */
  failed?: (error: unknown) => void;
}

/**
 * A renderer could not draw (e.g. its chunk failed to load): logs it and fires
 * `fokus-error` (code `other`) on the element, so that nothing half-drawn goes unexplained.
 */
export function reportDrawError(host: HTMLElement & { uiLang: Lang }, error: unknown): void {
  if (leaving()) return; // code or data aborted because the reader leaves the page
  console.error(`${host.localName}: could not draw`, error);
  host.dispatchEvent(new FokusErrorEvent({ code: 'other', message: errorMessage(error, host.uiLang), error }));
}

export { yieldToMain };

/** The next animation frame: what was drawn before it has been painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Drives an asynchronous renderer from the host's render cycle: draws when the value or
 * the container changes, ignores draws overtaken by a newer one (stale-draw tokens),
 * watches the container's size, tears the renderer down on disconnect (and draws again
 * when the element is put back), and reports when a draw has been painted.
 */
export class DrawController<V> implements ReactiveController {
  private token = 0;
  private drawn?: { container: HTMLElement; value: V };
  private ready = false;
  private observer?: ResizeObserver;
  private frame = 0;
  private width = 0;

  constructor(
    private readonly host: Host,
    private readonly options: DrawOptions<V>,
  ) {
    host.addController(this);
  }

  /** True while a drawing is on screen (after `draw` resolved). */
  get isDrawn(): boolean {
    return this.ready;
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.host.requestUpdate(); // put back in the DOM: draw again
  }

  hostDisconnected(): void {
    this.reset();
  }

  hostUpdated(): void {
    const value = this.options.value();
    const container = value === undefined ? undefined : this.options.container();
    if (value === undefined || !container || !this.host.isConnected) {
      if (this.drawn) this.reset();
      return;
    }
    if (this.drawn && this.drawn.container === container && this.drawn.value === value) {
      if (this.ready) this.options.update?.(this.job(container, value, this.token, true));
      return;
    }
    if (this.drawn?.container !== container) this.reset();
    void this.start(container, value);
  }

  /** Draws the current value again (e.g. a legend that needs another layout after a resize). */
  redraw(): void {
    const d = this.drawn;
    if (d) void this.start(d.container, d.value, false);
  }

  private job(container: HTMLElement, value: V, token: number, redraw: boolean): DrawJob<V> {
    return { container, value, redraw, current: () => token === this.token && this.host.isConnected };
  }

  private async start(container: HTMLElement, value: V, announce = true): Promise<void> {
    const token = ++this.token;
    this.drawn = { container, value };
    const job = this.job(container, value, token, !announce);
    try {
      // The renderer in a task of its own, not in the host's render that asked for it (Vega's
      // dataflow and Leaflet's setup are long; several widgets' renders and draws would add up).
      await yieldToMain();
      if (!job.current()) return;
      const ok = await this.options.draw(job);
      if (ok === false || !job.current()) return;
      this.ready = true;
      this.observe(job);
      this.options.update?.(job);
      if (!announce || !this.options.painted) return;
      await nextFrame();
      if (job.current()) this.options.painted(value);
    } catch (error) {
      if (job.current()) this.options.failed?.(error);
    }
  }

  private observe(job: DrawJob<V>): void {
    if (!this.options.resize) return;
    this.observer?.disconnect();
    this.width = job.container.clientWidth;
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const width = job.container.clientWidth;
        if (!width || width === this.width || !job.current()) return;
        this.width = width;
        const d = this.drawn;
        if (d) this.options.resize!(this.job(d.container, d.value, this.token, true), width);
      });
    });
    this.observer.observe(job.container);
  }

  private reset(): void {
    this.token++;
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = undefined;
    const had = this.drawn !== undefined;
    this.drawn = undefined;
    this.ready = false;
    if (had) this.options.teardown();
  }
}
