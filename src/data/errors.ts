/**
 * The one error type of the data layer. Elements localize it from `code` and the
 * fields (`subject`, `url`, `status`, `detail`); `message` is English, for developers.
 */

export type FokusDataErrorCode =
  'network' | 'http' | 'timeout' | 'malformed' | 'unknown-indicator' | 'unknown-region' | 'unknown-level' | 'aborted';

export interface FokusDataErrorFields {
  /** The URL that failed (network, http, timeout, malformed, aborted). */
  url?: string;
  /** The HTTP status (code `http`). */
  status?: number;
  /** What is wrong, e.g. `regions[3].id: expected an official region key (digits), received "0105x"`. */
  detail?: string;
  /** The unknown id (codes `unknown-indicator`, `unknown-region`, `unknown-level`). */
  subject?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

function describe(code: FokusDataErrorCode, f: FokusDataErrorFields): string {
  const at = f.url ? ` (${f.url})` : '';
  switch (code) {
    case 'network':
      return `Network error${at}${f.detail ? `: ${f.detail}` : ''}`;
    case 'http':
      return `HTTP ${f.status ?? '?'}${at}`;
    case 'timeout':
      return `Request timed out${at}`;
    case 'malformed':
      return `Malformed data${at}${f.detail ? `: ${f.detail}` : ''}`;
    case 'unknown-indicator':
      return `Unknown indicator "${f.subject ?? ''}"${f.detail ? `: ${f.detail}` : ''}`;
    case 'unknown-region':
      return `Unknown region "${f.subject ?? ''}"${f.detail ? `: ${f.detail}` : ''}`;
    case 'unknown-level':
      return `Unknown region level "${f.subject ?? ''}"${f.detail ? `: ${f.detail}` : ''}`;
    case 'aborted':
      return `Request aborted${at}`;
  }
}

/**
 * An error of the data layer.
 *
 * Abort: a caller whose `signal` aborts gets a `FokusDataError` with code `aborted`
 * whose `name` is `'AbortError'`, so both `error.code === 'aborted'` and the usual
 * `error.name === 'AbortError'` check recognise it (see `isAbortError`).
 */
export class FokusDataError extends Error {
  readonly code: FokusDataErrorCode;
  readonly url?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly subject?: string;

  constructor(code: FokusDataErrorCode, fields: FokusDataErrorFields = {}, message?: string) {
    super(message ?? describe(code, fields), fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = code === 'aborted' ? 'AbortError' : 'FokusDataError';
    this.code = code;
    if (fields.url !== undefined) this.url = fields.url;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.detail !== undefined) this.detail = fields.detail;
    if (fields.subject !== undefined) this.subject = fields.subject;
  }
}

/** True for an abort: a `FokusDataError('aborted')` or any error named `AbortError` (DOMException). */
export function isAbortError(error: unknown): boolean {
  if (error instanceof FokusDataError) return error.code === 'aborted';
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
