import type { Messages } from '../../internal/i18n.js';

/** Texts of `<region-picker>`, German first. */
export const messages = {
  de: {
    label: 'Gebiet',
    placeholder: 'Name oder Schlüssel eingeben …',
    toggle: 'Liste der Gebiete',
    top: 'Kreis und Land',
    free: 'Amtsfreie Städte und Gemeinden',
    count: '{count} Gebiete zur Auswahl.',
    countOne: 'Ein Gebiet zur Auswahl.',
    countLimited: '{count} Gebiete, die ersten {shown} sind aufgelistet – tippen Sie, um zu suchen.',
    none: 'Kein Gebiet passt zu „{query}“.',
    chosen: '{name} ausgewählt.',
    hint: 'Pfeiltasten: Liste; Eingabetaste: auswählen; Escape: schließen.',
  },
  en: {
    label: 'Region',
    placeholder: 'Type a name or key …',
    toggle: 'List of regions',
    top: 'District and state',
    free: 'Independent towns and municipalities',
    count: '{count} regions to choose from.',
    countOne: 'One region to choose from.',
    countLimited: '{count} regions, the first {shown} are listed – type to search.',
    none: 'No region matches "{query}".',
    chosen: '{name} selected.',
    hint: 'Arrow keys: list; Enter: select; Escape: close.',
  },
} satisfies Messages;
