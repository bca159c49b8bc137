/**
 * The iframe embed page (dist/embed.html): renders exactly one widget from the query,
 * e.g. `embed.html?element=indicator-chart&indicator=geburtenrate&region=01056015&endpoint=…`.
 *
 * - `element` names the widget; every other parameter must be an attribute the element
 *   declares (its `observedAttributes`, the same list as custom-elements.json), `lang`
 *   also sets the page language. Anything else is a localized error in the frame.
 * - Query values only ever become attribute values or text (`setAttribute`,
 *   `textContent`): a hostile value is shown as text in the element's error.
 * - The page tells its parent its height (`{ type: 'fokus-embed-height', height }` by
 *   postMessage) whenever it changes; `embed-resizer.js` on the host sets the frame's height.
 * Works under a strict Content-Security-Policy (no inline script or style).
 */
import { discover } from '../fokus-widgets.js';

type Lang = 'de' | 'en';

/** The message the frame posts to its parent (the resizer accepts exactly this shape). */
export interface EmbedHeightMessage {
  type: 'fokus-embed-height';
  height: number;
}

const texts = {
  de: {
    title: 'Das Widget kann nicht angezeigt werden.',
    noElement: 'Im Aufruf fehlt der Parameter „element“, z. B. ?element=indicator-chart&indicator=geburtenrate.',
    badElement: 'Das Element „{name}“ gibt es nicht.',
    unknownParam: 'Den Parameter „{name}“ gibt es bei <{tag}> nicht. Bekannt sind: {known}.',
    repeated: 'Der Parameter „{name}“ steht mehrfach im Aufruf.',
    badUrl:
      'Der Wert „{value}“ ist für „{name}“ nicht zulässig: nur http://, https:// oder eine Adresse auf diesem Server.',
  },
  en: {
    title: 'The widget cannot be shown.',
    noElement: 'The parameter "element" is missing, e.g. ?element=indicator-chart&indicator=geburtenrate.',
    badElement: 'There is no element "{name}".',
    unknownParam: 'The parameter "{name}" does not exist on <{tag}>. Known: {known}.',
    repeated: 'The parameter "{name}" is given more than once.',
    badUrl: 'The value "{value}" is not allowed for "{name}": only http://, https:// or an address on this server.',
  },
} as const;

type Key = keyof (typeof texts)['de'];

function t(lang: Lang, key: Key, params: Record<string, string> = {}): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** http(s) or an address without a scheme (relative to the embed page). */
export function isSafeUrl(value: string): boolean {
  if (/[\s"'<>`\\]/.test(value)) return false;
  if (/^(https?:)?\/\/[^/]/i.test(value)) return true;
  return !/^[^/?#]*:/.test(value);
}

/** A problem with the query: the key of its message and the values to fill in. */
export interface QueryProblem {
  key: Key;
  params: Record<string, string>;
}

/**
 * Checks the query against the element's attributes; returns the attributes to set or the
 * first problem. `known` is the element's attribute list (lower case).
 */
export function checkQuery(
  query: URLSearchParams,
  tag: string,
  known: readonly string[],
): QueryProblem | Array<[string, string]> {
  const attrs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [name, value] of query) {
    if (name === 'element') continue;
    if (seen.has(name)) return { key: 'repeated', params: { name } };
    seen.add(name);
    if (!known.includes(name)) return { key: 'unknownParam', params: { name, tag, known: known.join(', ') } };
    if ((name === 'endpoint' || name === 'tiles') && value && !isSafeUrl(value))
      return { key: 'badUrl', params: { name, value } };
    attrs.push([name, value]);
  }
  return attrs;
}

function langOf(query: URLSearchParams): Lang {
  return (query.get('lang') ?? '').toLowerCase().startsWith('en') ? 'en' : 'de';
}

function showError(root: HTMLElement, lang: Lang, message: string): void {
  const box = document.createElement('div');
  box.className = 'embed-error';
  box.setAttribute('role', 'alert');
  const strong = document.createElement('strong');
  strong.textContent = t(lang, 'title');
  const p = document.createElement('p');
  p.textContent = message;
  box.append(strong, p);
  root.replaceChildren(box);
}

/** Posts the document's height to the parent whenever it changes. */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: 'fokus-embed-height', height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

/** Builds the page from `location.search`. */
export async function main(root: HTMLElement, search = location.search): Promise<void> {
  const query = new URLSearchParams(search);
  const lang = langOf(query);
  document.documentElement.lang = lang;
  reportHeight();
  const tag = (query.get('element') ?? '').trim().toLowerCase();
  if (!tag) return showError(root, lang, t(lang, 'noElement'));
  // Only a valid custom element name can be created; the loader knows which ones are ours.
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(tag)) return showError(root, lang, t(lang, 'badElement', { name: tag }));
  const element = document.createElement(tag);
  await discover(element);
  const ctor = customElements.get(tag) as (CustomElementConstructor & { observedAttributes?: string[] }) | undefined;
  if (!ctor) return showError(root, lang, t(lang, 'badElement', { name: tag }));
  const result = checkQuery(query, tag, ctor.observedAttributes ?? []);
  if (!Array.isArray(result)) return showError(root, lang, t(lang, result.key, result.params));
  for (const [name, value] of result) element.setAttribute(name, value);
  document.title = `${tag} – fokus-widgets`;
  root.replaceChildren(element);
}

const root = document.getElementById('widget');
if (root) void main(root);
