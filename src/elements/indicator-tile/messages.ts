import type { Messages } from '../../internal/i18n.js';

/** Texts of `<indicator-tile>`, German first. */
export const messages = {
  de: {
    regionYear: '{region}, {year}',
    change: 'gegenüber {year}',
    better: 'günstige Entwicklung',
    worse: 'ungünstige Entwicklung',
    smallCount:
      'Kleine Fallzahl ({count}): Bei wenigen Fällen schwankt der Wert von Jahr zu Jahr stark zufällig; bitte vorsichtig deuten.',
    noValue: 'Für {region} liegt für {year} kein Wert vor',
    interval: 'Mit 95 % Sicherheit liegt der Wert zwischen {low} und {high}.',
  },
  en: {
    regionYear: '{region}, {year}',
    change: 'compared with {year}',
    better: 'favourable development',
    worse: 'unfavourable development',
    smallCount:
      'Small count ({count}): with few cases the value swings a lot by chance from year to year; interpret with care.',
    noValue: 'There is no value for {region} in {year}',
    interval: 'With 95% confidence the value lies between {low} and {high}.',
  },
} satisfies Messages;
