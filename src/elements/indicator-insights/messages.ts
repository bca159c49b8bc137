import type { Messages } from '../../internal/i18n.js';

/** Texts of `<indicator-insights>`, German first. */
export const messages = {
  de: {
    heading: '{indicator}: {region}, {year}',
    method: 'Methode und Daten',
    parameters: 'Kenngrößen',
    data: 'Verwendete Daten',
    notable: 'Auffällig',
    none: 'Kein klarer Befund',
    caution: 'Nicht belastbar',
    disclaimer:
      'Automatisch berechnete Hinweise aus den veröffentlichten Zahlen; sie beschreiben Muster, keine Ursachen, und ersetzen keine fachliche Bewertung.',
    noFindings: 'Für {region} liegt für {year} kein veröffentlichter Wert vor; es gibt daher keine Hinweise.',
  },
  en: {
    heading: '{indicator}: {region}, {year}',
    method: 'Method and data',
    parameters: 'Parameters',
    data: 'Data used',
    notable: 'Notable',
    none: 'No clear finding',
    caution: 'Not reliable',
    disclaimer:
      'Automatically computed notes from the published figures; they describe patterns, not causes, and do not replace an expert assessment.',
    noFindings: 'There is no published value for {region} in {year}, so there are no notes.',
  },
} satisfies Messages;
