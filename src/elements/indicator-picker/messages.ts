import type { Messages } from '../../internal/i18n.js';

/** Texts of `<indicator-picker>`, German first. */
export const messages = {
  de: {
    label: 'Indikator',
    unit: 'Einheit',
    source: 'Quelle',
    years: 'Jahre',
    polarity: 'Bewertung',
    'polarity.higher-is-better': 'ein höherer Wert ist günstiger',
    'polarity.lower-is-better': 'ein niedrigerer Wert ist günstiger',
    'polarity.neutral': 'keine Bewertung (weder hoch noch niedrig ist günstiger)',
  },
  en: {
    label: 'Indicator',
    unit: 'Unit',
    source: 'Source',
    years: 'Years',
    polarity: 'Assessment',
    'polarity.higher-is-better': 'a higher value is more favourable',
    'polarity.lower-is-better': 'a lower value is more favourable',
    'polarity.neutral': 'no assessment (neither high nor low is better)',
  },
} satisfies Messages;
