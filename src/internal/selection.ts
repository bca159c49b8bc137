/**
 * Linked views: elements with the same `group` attribute share one selection (region,
 * year, indicator) through a page-level store.
 *
 * The store lives on `globalThis[Symbol.for('fokus-widgets.selection')]` as plain data
 * (maps, sets and functions only inside it), so tags pasted in separate places of a CMS
 * page and two copies of the bundle on one page all meet in the same groups.
 *
 * Opt-in URL state: an element of the group with the `sync-url` attribute binds the group
 * to the address bar (`?<group>.region=…&<group>.year=…&<group>.indicator=…`): a deep link
 * restores the selection, user selections add history entries (`pushState`), quick ones
 * such as a playing year slider replace the entry, and the back button restores the
 * previous selection (`popstate`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  decodeSelection,
  encodeSelection,
  SELECTION_KEYS,
  type Selection,
  type SelectionKey,
} from './selection-url.js';

export { decodeSelection, encodeSelection, SELECTION_KEYS, type Selection, type SelectionKey };

/** How a change reaches the address bar of a group bound with `sync-url`. */
export type HistoryMode = 'push' | 'replace' | 'none';

export interface SelectOptions {
  /** Default `push` (a new history entry). `replace` for quick successions, `none` to leave the URL. */
  history?: HistoryMode;
  /** Who changed it; listeners get it back (an element can ignore its own changes). */
  source?: unknown;
}

/** Called with the group's new selection, the keys that changed and the source of the change. */
export type SelectionListener = (selection: Selection, changed: SelectionKey[], source: unknown) => void;

interface Group {
  selection: Selection;
  /** Values seeded by elements' own attributes: what the back button returns to when the URL has nothing. */
  defaults: Selection;
  listeners: Set<SelectionListener>;
  /** Number of connected `sync-url` elements of this group. */
  urlBindings: number;
  /** True once the URL's selection has been applied (it is read once per page load). */
  urlRead: boolean;
}

interface Store {
  version: 1;
  groups: Map<string, Group>;
  popstateInstalled: boolean;
}

const KEY = Symbol.for('fokus-widgets.selection');
type GlobalWithStore = typeof globalThis & { [KEY]?: Store };

function store(): Store {
  const g = globalThis as GlobalWithStore;
  return (g[KEY] ??= { version: 1, groups: new Map(), popstateInstalled: false });
}

function group(name: string): Group {
  const groups = store().groups;
  let g = groups.get(name);
  if (!g) {
    g = { selection: {}, defaults: {}, listeners: new Set(), urlBindings: 0, urlRead: false };
    groups.set(name, g);
  }
  return g;
}

/** The current selection of a group (a copy; empty when nothing is selected yet). */
export function getSelection(name: string): Selection {
  return { ...(store().groups.get(name)?.selection ?? {}) };
}

/** Keys of `patch` whose value differs from `current` (undefined values in the patch are ignored). */
function changedKeys(current: Selection, patch: Selection): SelectionKey[] {
  return SELECTION_KEYS.filter((k) => patch[k] !== undefined && patch[k] !== current[k]);
}

function notify(g: Group, changed: SelectionKey[], source: unknown): void {
  const snapshot = { ...g.selection };
  for (const listener of [...g.listeners]) {
    try {
      listener(snapshot, changed, source);
    } catch (error) {
      console.error('fokus-widgets: a selection listener failed', error);
    }
  }
}

function writeUrl(name: string, mode: HistoryMode): void {
  if (mode === 'none' || typeof location === 'undefined' || typeof history === 'undefined') return;
  const search = encodeSelection(location.search, name, group(name).selection);
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (mode === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

/**
 * Changes the selection of a group: merges `patch` (undefined keys stay), notifies the
 * listeners of the group when something changed, and writes the URL of a bound group.
 */
export function setSelection(name: string, patch: Selection, options: SelectOptions = {}): void {
  const g = group(name);
  const changed = changedKeys(g.selection, patch);
  // A 'push' without change still writes the URL: e.g. a slider that moved with history 'none' while dragging.
  if (!changed.length) {
    if (g.urlBindings > 0 && options.history === 'push') writeUrl(name, 'push');
    return;
  }
  for (const k of changed) (g.selection as Record<string, unknown>)[k] = patch[k];
  if (g.urlBindings > 0) writeUrl(name, options.history ?? 'push');
  notify(g, changed, options.source);
}

/**
 * Offers values an element shows on its own (its attributes) as the group's starting
 * point: only keys the group has no value for yet are taken; the URL is not written.
 */
export function seedSelection(name: string, patch: Selection, source?: unknown): void {
  const g = group(name);
  const fresh: Selection = {};
  for (const k of SELECTION_KEYS) {
    if (patch[k] !== undefined && g.selection[k] === undefined) (fresh as Record<string, unknown>)[k] = patch[k];
    if (patch[k] !== undefined && g.defaults[k] === undefined) (g.defaults as Record<string, unknown>)[k] = patch[k];
  }
  setSelection(name, fresh, { history: 'none', source });
}

/**
 * Records what an element shows by default when the group has no value (e.g. the slider's
 * latest year), without selecting it: the back button returns to it when the URL has no
 * value for the key, as the same URL opened fresh does. Later offers overwrite earlier ones.
 */
export function setDefault(name: string, patch: Selection): void {
  const g = group(name);
  for (const k of SELECTION_KEYS) if (patch[k] !== undefined) (g.defaults as Record<string, unknown>)[k] = patch[k];
}

/** Listens to a group; returns the function that stops listening. */
export function subscribe(name: string, listener: SelectionListener): () => void {
  const g = group(name);
  g.listeners.add(listener);
  return () => g.listeners.delete(listener);
}

function onPopState(): void {
  for (const [name, g] of store().groups) {
    if (g.urlBindings <= 0) continue;
    const next = { ...g.defaults, ...decodeSelection(location.search, name) };
    const changed = SELECTION_KEYS.filter((k) => next[k] !== g.selection[k] && next[k] !== undefined);
    if (!changed.length) continue;
    g.selection = { ...g.selection, ...next };
    notify(g, changed, 'popstate');
  }
}

/** Applies the selection in the URL to a group, once per page load (later: `popstate`). */
function readUrl(name: string): void {
  const g = group(name);
  if (g.urlRead || typeof location === 'undefined') return;
  g.urlRead = true;
  const fromUrl = decodeSelection(location.search, name);
  const changed = changedKeys(g.selection, fromUrl);
  if (changed.length) {
    Object.assign(g.selection, fromUrl);
    notify(g, changed, 'url');
  }
}

/**
 * True when the document holds a `sync-url` element of the group, also one whose
 * definition has not loaded yet: elements that connect first then start with the URL's
 * selection instead of loading their own attributes' data and reloading a moment later.
 */
function groupSyncsUrl(name: string): boolean {
  if (typeof document === 'undefined' || typeof CSS === 'undefined') return false;
  return document.querySelector(`[group="${CSS.escape(name)}"][sync-url]`) !== null;
}

/**
 * Binds a group to the URL (the `sync-url` attribute): applies the selection in the URL
 * now and follows the back and forward buttons. Returns the function that unbinds.
 */
export function bindUrl(name: string): () => void {
  const s = store();
  const g = group(name);
  g.urlBindings++;
  if (!s.popstateInstalled && typeof window !== 'undefined') {
    s.popstateInstalled = true;
    window.addEventListener('popstate', onPopState);
  }
  readUrl(name);
  let bound = true;
  return () => {
    if (bound) g.urlBindings--;
    bound = false;
  };
}

type Host = ReactiveControllerHost & HTMLElement & { group?: string; syncUrl?: boolean };

/**
 * An `apply` for SelectionController that copies each changed key that has a value onto
 * the host's property of the same name (`region`, `year`, `indicator`).
 */
export function assignChanged(host: object, keys: readonly ('region' | 'year' | 'indicator')[]) {
  return (s: Selection, changed: SelectionKey[]): void => {
    for (const k of keys) if (changed.includes(k) && s[k]) (host as Record<string, unknown>)[k] = s[k];
  };
}

export interface SelectionControllerOptions {
  /** The keys this element can follow; the `link` attribute narrows them (e.g. `link="region"`). */
  keys: readonly SelectionKey[];
  /**
   * Called when the group's selection changes (also once on connect, with the keys the
   * group already holds). Only the followed keys are passed on.
   */
  apply: (selection: Selection, changed: SelectionKey[]) => void;
  /** What the element shows by itself, offered to the group as its starting point. */
  seed?: () => Selection;
}

/**
 * The controller every element uses to take part in linked views: it follows the group
 * named by the host's `group` attribute (and a change of it), hands the followed keys to
 * `apply`, and publishes the user's selections with `select()`. A `sync-url` attribute on
 * the host binds the group to the URL; a `link` attribute (e.g. `link="region year"`)
 * narrows what the host follows.
 */
export class SelectionController implements ReactiveController {
  private unsubscribe?: () => void;
  private unbindUrl?: () => void;
  private current?: string;

  constructor(
    private readonly host: Host,
    private readonly options: SelectionControllerOptions,
  ) {
    host.addController(this);
  }

  /** The group's current selection ({} without a group). */
  get selection(): Selection {
    return this.current ? getSelection(this.current) : {};
  }

  /** The keys the host follows: `options.keys`, narrowed by the `link` attribute. */
  get followed(): SelectionKey[] {
    const link = this.host.getAttribute('link');
    if (link === null) return [...this.options.keys];
    const wanted = new Set(link.split(/[\s,;]+/).filter(Boolean));
    return this.options.keys.filter((k) => wanted.has(k));
  }

  /** Publishes a selection made by the user to the group (no-op without a group). */
  select(patch: Selection, options: Omit<SelectOptions, 'source'> = {}): void {
    if (this.current) setSelection(this.current, patch, { ...options, source: this.host });
  }

  /** The `sync-url` attribute or property of the host. */
  private get wantsUrl(): boolean {
    return this.host.syncUrl === true || this.host.hasAttribute('sync-url');
  }

  /** Records the host's own default (not selected): what the back button returns to without a URL value. */
  offerDefault(patch: Selection): void {
    if (this.current) setDefault(this.current, patch);
  }

  /** Offers a value the host shows by default (e.g. after loading) as the group's starting point. */
  offer(patch: Selection): void {
    if (this.current) seedSelection(this.current, patch, this.host);
  }

  hostConnected(): void {
    this.connect();
  }

  hostUpdate(): void {
    const urlChanged = !!this.current && this.wantsUrl !== !!this.unbindUrl;
    if ((this.host.group || undefined) !== this.current || urlChanged) {
      this.disconnect();
      this.connect();
    }
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private connect(): void {
    const name = this.host.group || undefined;
    this.current = name;
    if (!name) return;
    this.unsubscribe = subscribe(name, (selection, changed, source) => {
      if (source !== this.host) this.deliver(selection, changed);
    });
    const seed = this.options.seed?.();
    if (seed) seedSelection(name, seed, this.host);
    if (this.wantsUrl) this.unbindUrl = bindUrl(name);
    else if (groupSyncsUrl(name)) readUrl(name);
    const existing = getSelection(name);
    const keys = SELECTION_KEYS.filter((k) => existing[k] !== undefined);
    if (keys.length) this.deliver(existing, keys);
  }

  private disconnect(): void {
    this.unsubscribe?.();
    this.unbindUrl?.();
    this.unsubscribe = this.unbindUrl = undefined;
    this.current = undefined;
  }

  private deliver(selection: Selection, changed: SelectionKey[]): void {
    const followed = this.followed;
    const keys = changed.filter((k) => followed.includes(k));
    if (!keys.length) return;
    const picked: Selection = {};
    for (const k of followed) (picked as Record<string, unknown>)[k] = selection[k];
    this.options.apply(picked, keys);
  }
}
