/** Typed, namespaced, bubbling and composed events of all fokus elements. */

export interface FokusLoadDetail {
  /** What was loaded, e.g. the indicator ids. */
  indicators: string[];
  /** Number of values (marks, regions or cells) shown. */
  count: number;
}

export interface FokusErrorDetail {
  /** Machine-readable code, e.g. `unknown-indicator`, `http`, `timeout`. */
  code: string;
  /** The localized message shown to the user. */
  message: string;
  error: unknown;
}

export interface FokusSelectDetail {
  /** Official key of the selected region. */
  region: string;
  year?: number;
  indicator?: string;
}

const init = { bubbles: true, composed: true } as const;

/** Fired when an element has rendered its data. */
export class FokusLoadEvent extends CustomEvent<FokusLoadDetail> {
  static readonly type = 'fokus-load';
  constructor(detail: FokusLoadDetail) {
    super(FokusLoadEvent.type, { ...init, detail });
  }
}

/** Fired when an element shows an error instead of data. */
export class FokusErrorEvent extends CustomEvent<FokusErrorDetail> {
  static readonly type = 'fokus-error';
  constructor(detail: FokusErrorDetail) {
    super(FokusErrorEvent.type, { ...init, detail });
  }
}

/** Fired when the user selects a region (click, Enter). */
export class FokusSelectEvent extends CustomEvent<FokusSelectDetail> {
  static readonly type = 'fokus-select';
  constructor(detail: FokusSelectDetail) {
    super(FokusSelectEvent.type, { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'fokus-load': FokusLoadEvent;
    'fokus-error': FokusErrorEvent;
    'fokus-select': FokusSelectEvent;
  }
}
