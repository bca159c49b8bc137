/**
 * Number and status formatting: the official symbols survive into every text.
 */
import type { LocalizedText, StatusSymbol } from './schema.js';
import { isMissing } from './model.js';

const formats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` with exactly `decimals` fraction digits (shared module-wide); `signed` adds + and - (deviations). */
export function numberFormat(locale: string, decimals: number, signed = false): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A value as text with its symbol, as in official tables:
 * `9,4`; `9,4 p` (also `r`, `s`); `(9,4)` for limited validity `()`; the bare symbol for
 * missing values (`.`, `/`, `x`, `...`); `-` for nothing (zero by definition); "keine Angabe"
 * ("no data" in English) for a value that is null without a symbol: the source does not cover
 * that region or year, which is not the same as secret (`.`).
 */
export function formatValue(
  value: number | null | undefined,
  status: StatusSymbol | '' | undefined,
  decimals: number,
  locale: string,
): string {
  if (status && isMissing(status)) return status;
  if (status === '-') return '-';
  if (value === null || value === undefined || !Number.isFinite(value)) return noDataText(locale);
  const text = numberFormat(locale, decimals).format(value);
  if (status === '()') return `(${text})`;
  return status ? `${text} ${status}` : text;
}

const STATUS_LABELS: Record<'de' | 'en', Record<StatusSymbol, string>> = {
  de: {
    '-': 'nichts vorhanden',
    '.': 'Zahlenwert unbekannt oder geheim zu halten',
    '/': 'keine Angabe, da Zahlenwert nicht sicher genug',
    x: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll',
    '...': 'Angabe fällt später an',
    '()': 'Aussagewert eingeschränkt',
    p: 'vorläufige Zahl',
    r: 'berichtigte Zahl',
    s: 'geschätzte Zahl',
  },
  en: {
    '-': 'nil (exactly zero)',
    '.': 'unknown or confidential',
    '/': 'no data, the value is not reliable enough',
    x: 'cell blocked, a value would not be meaningful',
    '...': 'data will be available later',
    '()': 'limited informative value',
    p: 'provisional figure',
    r: 'revised figure',
    s: 'estimated figure',
  },
};

function isEnglish(lang: string): boolean {
  return lang.toLowerCase().startsWith('en');
}

/** The text for a region or year the source does not cover: "keine Angabe" / "no data". */
export function noDataText(lang: string = 'de'): string {
  return isEnglish(lang) ? 'no data' : 'keine Angabe';
}

/** An ISO date (`2017-10-10`) in the locale's format (`10.10.2017`, `Oct 10, 2017`); other text as it is. */
export function formatDate(iso: string, locale: string = 'de'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // creating an Intl.DateTimeFormat is slow (captions call this on every render): one per locale
  let format = dateFormats.get(locale);
  if (!format)
    dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(date);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

const prepared = new Set<string>();

/**
 * Makes the number and date formats of `locale` in a task of its own, once per page and
 * locale: the first `Intl` formatter of a page loads its locale data (5–20 ms), which would
 * otherwise fall into the task that shows the catalog's caption or the data. Elements call
 * it while their files load; the formats stay cached here.
 */
export function prepareFormats(locale: string): void {
  if (prepared.has(locale)) return;
  prepared.add(locale);
  setTimeout(() => {
    numberFormat(locale, 1).format(0);
    formatDate('2000-01-01', locale);
  }, 0);
}

/** The official legend text of a symbol ('' for a plain number); German unless `lang` is English. */
export function statusLabel(status: StatusSymbol | '' | undefined, lang: string = 'de'): string {
  if (!status) return '';
  return STATUS_LABELS[isEnglish(lang) ? 'en' : 'de'][status] ?? '';
}

/** The text in the requested language: English when asked for and present, else German. */
export function localText(text: LocalizedText | undefined, lang: string = 'de'): string {
  if (!text) return '';
  return (isEnglish(lang) && text.en) || text.de;
}

/** "im Kreis Pinneberg", "im Amt Elmshorn-Land", "in Elmshorn" (English: "in …"). */
export function inPlace(name: string, lang: string = 'de'): string {
  return lang.startsWith('de') && /^(Kreis|Amt|Landkreis|Stadtkreis|Bezirk)\s/.test(name) ? `im ${name}` : `in ${name}`;
}
