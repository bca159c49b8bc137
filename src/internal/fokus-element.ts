import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { resolveEndpoint } from './config.js';
import { yieldToMain } from './data-task.js';
import { localeOf, resolveLang, type Lang } from './i18n.js';
import { baseStyles, tokens } from './styles.js';

const connected = new Set<FokusElement>();

/** The heading tags, as static literals (no string is ever turned into markup). */
const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** A `heading-level` value as a level 1–6 (2 when missing or not a number). */
export function clampLevel(level: unknown): number {
  const n = Math.round(Number(level));
  return Number.isFinite(n) && n > 0 ? Math.min(6, n) : 2;
}
let langObserver: MutationObserver | undefined;

/**
 * How long (ms) the updates of fokus elements may run in one task before the next element's
 * update waits for a task of its own: a selection that reaches every widget of a group, or
 * several loads that complete together, would otherwise render all widgets in one long task.
 */
export const SLICE_MS = 8;
/** When the current slice of updates began (undefined: none open). */
let sliceStart: number | undefined;
let sliceToken = 0;

let sliceEnd: MessagePort | undefined;

function openSlice(now = performance.now()): void {
  sliceStart = now;
  const token = ++sliceToken;
  // closed by a message, which arrives in a later task (a timer could be delayed, e.g. in a background tab)
  if (!sliceEnd && typeof MessageChannel !== 'undefined') {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<number>) => {
      if (e.data === sliceToken) sliceStart = undefined;
    };
    sliceEnd = channel.port2;
  }
  if (sliceEnd) sliceEnd.postMessage(token);
  else
    setTimeout(() => {
      if (token === sliceToken) sliceStart = undefined;
    }, 0);
}

/** True when the updates in this task have run longer than `SLICE_MS` (opens a slice when none is open). */
function sliceSpent(): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    openSlice(now);
    return false;
  }
  return now - sliceStart > SLICE_MS;
}

/** The language each element last rendered in. */
const renderedLang = new WeakMap<FokusElement, Lang>();

/**
 * Re-render the widgets whose language changed when a `lang` attribute changes anywhere on
 * the page. Only those: every widget reflects its own `lang` (an empty one) on its first
 * render, which would otherwise render every other widget of the page again each time.
 */
function watchLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() =>
    connected.forEach((el) => {
      if (renderedLang.get(el) !== el.uiLang) el.requestUpdate();
    }),
  );
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Base class of all fokus elements: endpoint resolution, language, the `group` of
 * linked views, theme tokens and base styles. Data loading lives in `DataTask`.
 *
 * The global theme tokens (read in styles.ts), listed here so that custom-elements.json
 * carries them for every element (docs, IDE data):
 * @cssprop --fokus-font-family - Font stack (default: the page's font).
 * @attr heading-level - Level of the widget's title (1–6, default 2); its inner headings follow one level lower, so the widget fits the host page's outline.
 * @cssprop --fokus-font-size - Base font size in px (default 16px; independent of the page's root font size). Small texts follow it with a 12px floor.
 * @cssprop --fokus-color-text - Text colour (default #1f2933).
 * @cssprop --fokus-color-muted - Secondary text: captions, axes (default #52606d).
 * @cssprop --fokus-color-background - Background of the widget (default #ffffff).
 * @cssprop --fokus-color-surface - Background of panels, skeletons and table stripes (default #f1f3f5).
 * @cssprop --fokus-color-border - Lines and borders (default #858f99).
 * @cssprop --fokus-color-accent - Primary series colour, selection and buttons (default #005b96).
 * @cssprop --fokus-color-reference - Colour of reference regions, e.g. Kreis and Land (default #5f6b76).
 * @cssprop --fokus-color-focus - Focus outline (default #d35400).
 * @cssprop --fokus-color-error - Error text and border (default #b00020).
 * @cssprop --fokus-color-missing - Fill for suppressed or missing values (default #d9d9d9).
 * @cssprop --fokus-radius - Corner radius (default 4px).
 * @cssprop --fokus-space - Base spacing unit (default 8px).
 */
export abstract class FokusElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /**
   * Base URL of the data endpoint. When not set: the nearest ancestor's
   * `data-fokus-endpoint`, then `configure({ endpoint })` or the loader script's
   * `data-fokus-endpoint`, then `/data/`.
   */
  @property() endpoint?: string;

  /** Linked views: elements with the same group share the selected region, year and indicator. */
  @property({ reflect: true }) group?: string;

  /**
   * Level of the widget's title heading (1–6, default 2), so the widget fits the host
   * page's outline: `heading-level="3"` makes the title an h3 and the widget's inner
   * headings h4 and below.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Language of the texts (`de` or `en`); inherited from an ancestor or `<html>` when not set. */
  @property({ reflect: true }) override lang = '';

  /** The endpoint this element reads from, after resolution. */
  get resolvedEndpoint(): string {
    return resolveEndpoint(this);
  }

  /** The language used for texts: `de` unless `lang` (here or on an ancestor) says English. */
  get uiLang(): Lang {
    return resolveLang(this);
  }

  /** The locale used for numbers. */
  get locale(): string {
    return localeOf(this.uiLang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  protected override update(changed: PropertyValues): void {
    renderedLang.set(this, this.uiLang);
    super.update(changed);
  }

  /**
   * Updates after the first wait for a task of their own once the updates in the current task
   * have taken `SLICE_MS`, so that many widgets updating together (a linked selection, loads
   * completing at once) give the main thread back between them (input, paint). The first
   * render is never delayed: a defined element that has not rendered is an empty box, and the
   * page would jump when it renders (layout shift).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated || !sliceSpent()) return super.scheduleUpdate();
    return yieldToMain().then(() => {
      openSlice();
      return super.scheduleUpdate();
    });
  }

  /** The level of the title (`heading-level` clamped to 1–6). */
  get titleLevel(): number {
    return clampLevel(this.headingLevel);
  }

  /**
   * The level of a heading `depth` levels below the title (0: the title itself; 1: its
   * sections; …), at most 6. Give it to child widgets: `heading-level=${this.levelBelow(2)}`.
   */
  levelBelow(depth: number): number {
    return Math.min(6, this.titleLevel + depth);
  }

  /**
   * Helper for subclasses: a heading `depth` levels below the widget's title (a real
   * `<h1>`–`<h6>` by `heading-level`), e.g. `this.renderHeading(1, 'Legende', 'legend-title')`.
   */
  protected renderHeading(
    depth: number,
    text: string,
    options: { id?: string; className?: string; part?: string } = {},
  ): TemplateResult {
    const tag = HEADINGS[this.levelBelow(depth) - 1];
    return staticHtml`<${tag} class=${options.className ?? nothing} id=${options.id ?? nothing} part=${options.part ?? nothing}>${text}</${tag}>`;
  }

  /** Helper for subclasses: an optional visible title, a heading of the level `heading-level` (default h2). */
  protected renderTitle(text: string | undefined, id = 'title'): TemplateResult | string {
    return text ? this.renderHeading(0, text, { id, className: 'title', part: 'title' }) : '';
  }
}
