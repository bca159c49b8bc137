import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveEndpoint } from './config.js';
import { localeOf, resolveLang, type Lang } from './i18n.js';
import { baseStyles, tokens } from './styles.js';

const connected = new Set<FokusElement>();
let langObserver: MutationObserver | undefined;

/** Re-render every widget when a `lang` attribute changes anywhere on the page. */
function watchLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Base class of all fokus elements: endpoint resolution, language, the `group` of
 * linked views, theme tokens and base styles. Data loading lives in `DataTask`.
 *
 * The global theme tokens (read in styles.ts), listed here so that custom-elements.json
 * carries them for every element (docs, IDE data):
 * @cssprop --fokus-font-family - Font stack (default: the page's font).
 * @cssprop --fokus-font-size - Base font size (default 1rem).
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
 * @cssprop --fokus-space - Base spacing unit (default 0.5rem).
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

  /** Helper for subclasses: an optional visible title. */
  protected renderTitle(text: string | undefined, id = 'title'): TemplateResult | string {
    return text ? html`<h2 class="title" id=${id} part="title">${text}</h2>` : '';
  }
}
