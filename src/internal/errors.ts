import { common, msg, type CommonKey, type Lang } from './i18n.js';

/** A problem with how an element was configured (an attribute missing or invalid). */
export class FokusUsageError extends Error {
  constructor(
    readonly code: 'missing-attribute' | 'invalid-attribute',
    /** The attribute name. */
    readonly subject: string,
    /** The offending value, where there is one. */
    readonly detail = '',
  ) {
    super(`${code}: ${subject}${detail ? ` = ${detail}` : ''}`);
    this.name = 'FokusUsageError';
  }
}

interface ErrorFields {
  code?: unknown;
  subject?: unknown;
  url?: unknown;
  status?: unknown;
  detail?: unknown;
  message?: unknown;
}

/** Machine-readable code of any error an element can meet. */
export function errorCode(error: unknown): string {
  const code = (error as ErrorFields | null)?.code;
  return typeof code === 'string' ? code : 'other';
}

/** The localized, user-facing message for an error: says what is wrong and where. */
export function errorMessage(error: unknown, lang: Lang): string {
  const e = (error ?? {}) as ErrorFields;
  const code = errorCode(error);
  const key = `error.${code}` as CommonKey;
  const known = key in common.de;
  return msg(common, lang, known ? key : 'error.other', {
    subject: String(e.subject ?? ''),
    url: String(e.url ?? ''),
    status: String(e.status ?? ''),
    detail: String(e.detail ?? e.message ?? error ?? ''),
  });
}
