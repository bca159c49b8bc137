/**
 * Localization: German first, English second. Each element keeps its own message
 * table next to it; `common` holds the texts every element shares.
 */
import { closestValue } from './config.js';

export type Lang = 'de' | 'en';
export type Messages<K extends string = string> = Record<Lang, Record<K, string>>;

/** `lang` from the element, an ancestor (crossing shadow roots) or `<html>`; German by default. */
export function resolveLang(element: Element): Lang {
  const raw = closestValue(element, (el) => el.getAttribute('lang') || null) ?? 'de';
  return raw.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** The BCP 47 locale used for numbers and dates. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'de-DE';
}

/** Looks up `key` and fills `{name}` placeholders. */
export function msg<K extends string>(
  table: Messages<K>,
  lang: Lang,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const text = table[lang][key] ?? table.de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const common = {
  de: {
    loading: 'Daten werden geladen …',
    empty: 'Keine Daten für diese Auswahl.',
    errorTitle: 'Die Daten können nicht angezeigt werden.',
    'error.unknown-indicator': 'Der Indikator „{subject}“ ist im Datenangebot nicht bekannt.',
    'error.unknown-region': 'Die Gebietskennziffer „{subject}“ ist im Datenangebot nicht bekannt.',
    'error.unknown-level':
      'Für die Gebietsebene „{subject}“ gibt es hier keine Daten oder Grenzen (Ebenen: land, kreis, amt, gemeinde).',
    'error.http': 'Der Datendienst antwortet mit Fehler {status} für {url}.',
    'error.network': 'Der Datendienst ist nicht erreichbar: {url}.',
    'error.timeout': 'Der Datendienst antwortet nicht rechtzeitig: {url}.',
    'error.malformed': 'Die Daten unter {url} sind fehlerhaft: {detail}',
    'error.aborted': 'Das Laden wurde abgebrochen.',
    'error.missing-attribute': 'Das Attribut „{subject}“ fehlt.',
    'error.invalid-attribute': 'Der Wert „{detail}“ ist für das Attribut „{subject}“ nicht zulässig.',
    'error.other': 'Unerwarteter Fehler: {detail}',
    source: 'Quelle',
    licence: 'Lizenz',
    dataYear: 'Datenstand',
    synthetic: 'Synthetische Beispieldaten – keine amtlichen Zahlen.',
    showTable: 'Tabelle anzeigen',
    hideTable: 'Tabelle ausblenden',
    download: 'Herunterladen',
    csvExcel: 'CSV (Excel)',
    csvMachine: 'CSV (maschinenlesbar)',
    png: 'PNG',
    svg: 'SVG',
    definition: 'Definition',
    region: 'Gebiet',
    year: 'Jahr',
    value: 'Wert',
    symbolKey: 'Zeichenerklärung',
  },
  en: {
    loading: 'Loading data …',
    empty: 'No data for this selection.',
    errorTitle: 'The data cannot be shown.',
    'error.unknown-indicator': 'The indicator "{subject}" is not known to the data endpoint.',
    'error.unknown-region': 'The region key "{subject}" is not known to the data endpoint.',
    'error.unknown-level':
      'There are no data or boundaries for the region level "{subject}" here (levels: land, kreis, amt, gemeinde).',
    'error.http': 'The data service answered with error {status} for {url}.',
    'error.network': 'The data service cannot be reached: {url}.',
    'error.timeout': 'The data service did not answer in time: {url}.',
    'error.malformed': 'The data at {url} are malformed: {detail}',
    'error.aborted': 'Loading was cancelled.',
    'error.missing-attribute': 'The attribute "{subject}" is missing.',
    'error.invalid-attribute': 'The value "{detail}" is not allowed for the attribute "{subject}".',
    'error.other': 'Unexpected error: {detail}',
    source: 'Source',
    licence: 'Licence',
    dataYear: 'Data as of',
    synthetic: 'Synthetic sample data – not official figures.',
    showTable: 'Show table',
    hideTable: 'Hide table',
    download: 'Download',
    csvExcel: 'CSV (Excel)',
    csvMachine: 'CSV (machine-readable)',
    png: 'PNG',
    svg: 'SVG',
    definition: 'Definition',
    region: 'Region',
    year: 'Year',
    value: 'Value',
    symbolKey: 'Key to symbols',
  },
} satisfies Messages;

export type CommonKey = keyof (typeof common)['de'];
