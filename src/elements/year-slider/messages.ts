import type { Messages } from '../../internal/i18n.js';

/** Texts of `<year-slider>`, German first. */
export const messages = {
  de: {
    label: 'Jahr',
    play: 'Abspielen',
    pause: 'Anhalten',
    playLabel: 'Jahre nacheinander abspielen',
    pauseLabel: 'Abspielen anhalten',
    range: '{from} bis {to}',
    previous: 'Vorheriges Jahr',
    next: 'Nächstes Jahr',
  },
  en: {
    label: 'Year',
    play: 'Play',
    pause: 'Pause',
    playLabel: 'Play the years one after another',
    pauseLabel: 'Pause playing',
    range: '{from} to {to}',
    previous: 'Previous year',
    next: 'Next year',
  },
} satisfies Messages;
