import type { Messages } from '../../internal/i18n.js';

/** Texts of `<indicator-view>`, German first. */
export const messages = {
  de: {
    tabs: 'Darstellung',
    chart: 'Diagramm',
    map: 'Karte',
    table: 'Tabelle',
    seriesBreak: 'Zeitreihenbruch ab',
    period: 'Werte als',
    titleLine: '{indicator} in {where}, {period}',
    titleLineScope: '{indicator}: {where}, {period}',
    titleYear: '{indicator} {year}: {where}',
  },
  en: {
    tabs: 'View',
    chart: 'Chart',
    map: 'Map',
    table: 'Table',
    seriesBreak: 'Break in the series from',
    period: 'Values as',
    titleLine: '{indicator} in {where}, {period}',
    titleLineScope: '{indicator}: {where}, {period}',
    titleYear: '{indicator} {year}: {where}',
  },
} satisfies Messages;
