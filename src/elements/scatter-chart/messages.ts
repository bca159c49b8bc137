import type { Messages } from '../../internal/i18n.js';

/** Texts of `<scatter-chart>`, German first. No causal wording: "hängen zusammen", never "führt zu". */
export const messages = {
  de: {
    chart: 'Streudiagramm',
    keyHint:
      'Pfeiltasten wechseln zwischen den Gebieten (links/rechts nach dem Wert auf der x-Achse, auf/ab nach der y-Achse), Eingabe wählt das Gebiet aus.',
    tooFew: 'Für eine Aussage zum Zusammenhang sind es zu wenige Gebiete (n = {n}).',
    none: 'Zwischen {x} und {y} zeigt sich über die {n} Gebiete kein klarer Zusammenhang (Pearson r = {r}, Spearman ρ = {rho}).',
    clear:
      '{x} und {y} hängen über die {n} Gebiete {strength} {direction} zusammen (Pearson r = {r}, Spearman ρ = {rho}): Wo {x} höher ist, ist {y} tendenziell {trend}.',
    weak: 'schwach',
    moderate: 'mäßig',
    strong: 'stark',
    positive: 'positiv',
    negative: 'negativ',
    higher: 'höher',
    lower: 'niedriger',
    causes: 'Ein Zusammenhang zwischen Gebieten sagt nichts über Ursachen und nichts über einzelne Personen.',
    small:
      '{k} Gebiete mit kleinen Fallzahlen (unter {min} Fällen) sind hohl gezeichnet: ihre Quoten schwanken zufällig stark.',
    excluded: '{k} Gebiete ohne Wert für beide Indikatoren sind nicht enthalten.',
    smallMark: 'kleine Fallzahl',
    table: 'Tabelle',
    of: '{y} nach {x}',
    scope: '{level} in {parent}, {year}',
    scopeAll: '{level}, {year}',
  },
  en: {
    chart: 'Scatter plot',
    keyHint:
      'Arrow keys move between the regions (left/right by the x value, up/down by the y value), Enter selects the region.',
    tooFew: 'There are too few regions to say anything about an association (n = {n}).',
    none: 'Across the {n} regions there is no clear association between {x} and {y} (Pearson r = {r}, Spearman ρ = {rho}).',
    clear:
      'Across the {n} regions {x} and {y} are {strength} {direction}ly associated (Pearson r = {r}, Spearman ρ = {rho}): where {x} is higher, {y} tends to be {trend}.',
    weak: 'weakly',
    moderate: 'moderately',
    strong: 'strongly',
    positive: 'positive',
    negative: 'negative',
    higher: 'higher',
    lower: 'lower',
    causes: 'An association between regions says nothing about causes and nothing about individual people.',
    small: '{k} regions with small counts (below {min} cases) are drawn hollow: their rates vary strongly by chance.',
    excluded: '{k} regions without a value for both indicators are left out.',
    smallMark: 'small count',
    table: 'Table',
    of: '{y} by {x}',
    scope: '{level} in {parent}, {year}',
    scopeAll: '{level}, {year}',
  },
} satisfies Messages;
