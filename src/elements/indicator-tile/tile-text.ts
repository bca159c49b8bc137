/**
 * Pure text logic of <indicator-tile>: the sentence that compares a region with its Kreis
 * and the Land (respecting the indicator's polarity), the change against the previous
 * year, and the small-count warning. No DOM, no Lit: unit-tested in Node.
 */
import type { Indicator, OfficialLevelId as LevelId, StatusSymbol } from '../../data/schema.js';
import { numberFormat } from '../../data/format.js';
import type { Lang } from '../../internal/i18n.js';

export type Polarity = Indicator['polarity'];
export type Tone = 'better' | 'worse' | 'neutral';

export interface Value {
  value: number | null;
  status: StatusSymbol | '';
}

export interface Reference extends Value {
  level: LevelId;
  name: string;
}

export interface SentenceInput extends Value {
  lang: Lang;
  locale: string;
  regionName: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  /** `count` indicators (e.g. inhabitants) are compared as a share of the reference, not as a level. */
  kind: 'count' | 'ratio';
  /** Nearest first, e.g. Kreis, then Land. */
  references: Reference[];
}

type Direction = 'above' | 'below' | 'equal';

/** Compares two values as they are shown (rounded to `decimals`), so that "8,7 über 8,7" cannot happen. */
export function direction(value: number, reference: number, decimals: number): Direction {
  const f = 10 ** decimals;
  const a = Math.round(value * f);
  const b = Math.round(reference * f);
  return a > b ? 'above' : a < b ? 'below' : 'equal';
}

/** Better, worse or neutral for a move or a difference in `dir`, by the indicator's polarity. */
export function toneOf(dir: Direction | 'up' | 'down' | 'same', polarity: Polarity): Tone {
  if (polarity === 'neutral' || dir === 'equal' || dir === 'same') return 'neutral';
  const higher = dir === 'above' || dir === 'up';
  return higher === (polarity === 'higher-is-better') ? 'better' : 'worse';
}

const WORDS = {
  de: {
    value: { kreis: 'Kreiswert', land: 'Landeswert', amt: 'Wert des Amtes', gemeinde: 'Gemeindewert' },
    place: { kreis: 'im Kreis', land: 'im Land', amt: 'im Amt', gemeinde: 'in der Gemeinde' },
    above: 'über dem',
    below: 'unter dem',
    equal: 'genau auf dem',
    of: 'von',
    and: 'und',
    better: 'günstiger als',
    worse: 'ungünstiger als',
  },
  en: {
    value: { kreis: 'district value', land: 'state value', amt: 'Amt value', gemeinde: 'municipal value' },
    place: { kreis: 'the district', land: 'the state', amt: 'the Amt', gemeinde: 'the municipality' },
    above: 'above the',
    below: 'below the',
    equal: 'exactly at the',
    of: 'of',
    and: 'and',
    better: 'more favourable than',
    worse: 'less favourable than',
  },
} as const;

function joinList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function fmt(v: number, decimals: number, locale: string): string {
  return numberFormat(locale, decimals).format(v);
}

/**
 * The comparison sentence, e.g. "Elmshorn liegt mit 9,4 Geburten je 1.000 Einwohner über dem
 * Kreiswert von 8,7." With a polarity, a judgement follows ("– ungünstiger als im Kreis und
 * im Land"). Numbers are plain (the symbols stay with the headline). Counts are put as a share of the nearest reference. '' when the region has no
 * value; references without a value are left out.
 */
export function comparisonSentence(input: SentenceInput): string {
  const { lang, locale, regionName, unit, decimals, polarity } = input;
  if (input.value === null) return '';
  const w = WORDS[lang];
  const refs = input.references.filter((r): r is Reference & { value: number } => r.value !== null);
  // Prose reads plain numbers; the symbols (p, r, s, ()) stay with the headline number.
  const shown = fmt(input.value, decimals, locale);
  const withUnit = unit ? `${shown} ${unit}` : shown;
  // German "liegt mit …" takes the dative, which a unit noun from the catalog ("Lebendgeborene je
  // 1.000 Einwohner") does not have: only symbols (%, ‰) go with the number there; the unit is
  // shown next to the headline number anyway.
  const withSymbol = unit && !/\p{L}/u.test(unit) ? `${shown} ${unit}` : shown;

  if (input.kind === 'count') {
    const ref = refs[0];
    if (!ref || ref.value <= 0) return `${regionName}: ${withUnit}.`;
    const share = fmt((input.value / ref.value) * 100, 1, locale);
    const total = fmt(ref.value, decimals, locale);
    return lang === 'de'
      ? `${regionName}: ${withUnit}, das sind ${share} % des ${w.value[ref.level]}s von ${total}.`
      : `${regionName}: ${withUnit}, ${share}% of the ${w.value[ref.level]} of ${total}.`;
  }
  if (!refs.length) return '';

  // Group consecutive references with the same direction: "über dem Kreiswert von 8,7 und dem Landeswert von 8,2".
  const dirs = refs.map((r) => direction(input.value!, r.value, decimals));
  const parts: string[] = [];
  refs.forEach((r, i) => {
    const phrase = `${w.value[r.level]} ${w.of} ${fmt(r.value, decimals, locale)}`;
    const article = lang === 'de' ? 'dem ' : 'the ';
    parts.push(i > 0 && dirs[i] === dirs[i - 1] ? `${article}${phrase}` : `${w[dirs[i]]} ${phrase}`);
  });
  const comparison = parts.join(` ${w.and} `);

  let judgement = '';
  if (polarity !== 'neutral') {
    const byTone = new Map<Tone, string[]>();
    refs.forEach((r, i) => {
      const tone = toneOf(dirs[i], polarity);
      if (tone !== 'neutral') byTone.set(tone, [...(byTone.get(tone) ?? []), w.place[r.level]]);
    });
    const clauses = (['better', 'worse'] as const)
      .filter((t) => byTone.has(t))
      .map((t) => `${w[t]} ${joinList(byTone.get(t)!, w.and)}`);
    if (clauses.length) judgement = ` – ${clauses.join(', ')}`;
  }
  return lang === 'de'
    ? `${regionName} liegt mit ${withSymbol} ${comparison}${judgement}.`
    : `${regionName}, at ${withUnit}, is ${comparison}${judgement}.`;
}

export interface Change {
  /** Signed difference as shown, e.g. "+0,3" or "−1,2" (with a real minus sign); "±0,0" when equal. */
  text: string;
  direction: 'up' | 'down' | 'same';
  tone: Tone;
  /** Full sentence for screen readers, e.g. "gestiegen um 0,3 gegenüber 2023". */
  label: string;
  previousYear: number;
}

/** The change against the previous year, or undefined when either value is missing. */
export function changeAgainst(
  current: Value,
  previous: Value & { year: number },
  decimals: number,
  polarity: Polarity,
  lang: Lang,
  locale: string,
): Change | undefined {
  if (current.value === null || previous.value === null) return undefined;
  const f = 10 ** decimals;
  const diff = (Math.round(current.value * f) - Math.round(previous.value * f)) / f;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const abs = fmt(Math.abs(diff), decimals, locale);
  const text = dir === 'up' ? `+${abs}` : dir === 'down' ? `\u2212${abs}` : `±${abs}`;
  const label =
    lang === 'de'
      ? dir === 'same'
        ? `unverändert gegenüber ${previous.year}`
        : `${dir === 'up' ? 'gestiegen' : 'gesunken'} um ${abs} gegenüber ${previous.year}`
      : dir === 'same'
        ? `unchanged from ${previous.year}`
        : `${dir === 'up' ? 'up' : 'down'} ${abs} from ${previous.year}`;
  return { text, direction: dir, tone: toneOf(dir, polarity), label, previousYear: previous.year };
}

/** One rule for every element: the data layer's small-count test (src/data/uncertainty.ts). */
export { isSmallCount } from '../../data/uncertainty.js';

/**
 * The expected height (px) of a finished tile `width` px wide at 16px text, for the loading
 * skeleton (CLS): label, place, number, change, a sentence of about 80 characters and, unless
 * `noSource`, the caption's three lines (source, attribution, notice), wrapped at about
 * 6.2px per character of 14px text. Measured on the demo: within about 10 % from 260 to 600px.
 */
export function tileHeight(width: number, { noSource = false } = {}): number {
  const w = width > 0 ? width : 320;
  const content = Math.max(120, w - 26);
  const lines = (chars: number, px = 6.2) => Math.max(1, Math.ceil((chars * px) / content));
  const line = 19.6;
  const number = w < 290 ? 55 : 35;
  let h = 39 + 22 + 20 + number + 20 + lines(80, 6.6) * line;
  if (!noSource) h += 17 + (lines(140) + lines(104) + lines(125)) * line;
  return Math.round(h);
}
