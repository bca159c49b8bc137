/**
 * Insights: short, cautious findings about one indicator in one region, each with its
 * method, parameters and the data it used. Pure functions over an `IndicatorData` and the
 * catalog; no DOM. Texts come in German and English at once.
 *
 * - Trend: Theil–Sen slope with a Mann–Kendall test, over the years since the latest break
 *   in series (said so), only with `minYears` years or more, never on small counts. Pooled
 *   indicators use non-overlapping windows only (overlapping sums are not independent).
 * - Peers: the region against the other regions of its level in its Kreis (below the
 *   Gemeinde: in its Gemeinde; or of similar
 *   size): median / MAD modified z-score, "deutlich über/unter" only when |z| > 3.5 and
 *   the rate's interval excludes the peers' median; rank with its plausible range from the
 *   intervals and the rank of the previous year.
 * - Changes: the latest change against the previous (non-overlapping) year by the exact
 *   conditional Poisson test; earlier notable changes with a Holm correction.
 * - Nothing is claimed from suppressed values or from counts below the indicator's `minCount`.
 */
import type { Catalog, Indicator, LocalizedText, Region } from './schema.js';
import { childrenOf, levelNoun, peerParent, regionById, type IndicatorData } from './model.js';
import { inPlace, localText, numberFormat } from './format.js';
import { comparePoissonRates, mannKendall, robustScore, theilSen } from './stats.js';
import { DEFAULT_LEVEL, intervalOf, minCountOf, rankRange, type Interval } from './uncertainty.js';
import { windowLength, yearSpan } from './period.js';

/** A text in both languages. */
export interface Bilingual {
  de: string;
  en: string;
}

export type FindingKind = 'trend' | 'peers' | 'rank' | 'change';

/** notable: the test found something; none: tested, nothing clear; caution: the data cannot carry a claim. */
export type Verdict = 'notable' | 'none' | 'caution';

export interface MethodParameter {
  label: Bilingual;
  /** A number (formatted by the view with `decimals`) or a text. */
  value: number | Bilingual;
  decimals?: number;
}

export interface DataColumn {
  label: Bilingual;
  /** Decimals for numbers; text columns have none. */
  decimals?: number;
}

export interface Method {
  name: Bilingual;
  description: Bilingual;
  parameters: MethodParameter[];
  /** The data the finding used, as a small table. */
  data: { columns: DataColumn[]; rows: (string | number | null)[][] };
}

export interface Finding {
  kind: FindingKind;
  verdict: Verdict;
  /** One plain sentence. */
  text: Bilingual;
  method: Method;
}

export interface InsightOptions {
  /** The year looked at; default the latest with a value for the region. */
  year?: number;
  /** Peers: `kreis` (the regions of the same level in its Kreis, default) or `size` (same level, half to double the denominator). */
  peers?: 'kreis' | 'size';
  /** Fewest years for a trend (default 6). */
  minYears?: number;
  /** Significance level of the tests (default 0.05). */
  alpha?: number;
  /** Small-count threshold; default the indicator's `minCount` (20). */
  minCount?: number;
}

export interface Insights {
  region: Region;
  year: number;
  findings: Finding[];
}

const MAD_THRESHOLD = 3.5;
const MIN_PEERS = 5;

// --- wording helpers -------------------------------------------------------------------

function fmt(lang: 'de' | 'en', value: number, decimals: number, signed = false): string {
  return numberFormat(lang === 'de' ? 'de-DE' : 'en-GB', decimals, signed).format(value);
}

function both(make: (lang: 'de' | 'en') => string): Bilingual {
  return { de: make('de'), en: make('en') };
}

function t(de: string, en: string): Bilingual {
  return { de, en };
}

function unitOf(indicator: Indicator, lang: 'de' | 'en'): string {
  const u = localText(indicator.unit, lang);
  return u ? ` ${u}` : '';
}

function pct(alpha: number): string {
  return `${Math.round((1 - alpha) * 100)}`;
}

/** The plural of a level ("Gemeinden"; below the Gemeinde the catalog's, e.g. "Stadtteile"). */
function pluralOf(catalog: Catalog, level: Region['level']): Bilingual {
  return both((l) => levelNoun(catalog, level, l, 2));
}

/** The dative plural of a peer group's German name ("von 8 Stadtteilen", "den Ämtern"): -n unless it ends in n or s. */
function dative(plural: string): string {
  return plural.replace(/^(\S+?)(?<![ns])(?=\s|$)/u, '$1n');
}

/** "im Kreis Pinneberg" / "in Kreis Pinneberg" (the name may carry the kind). */
function inRegion(r: Region, lang: 'de' | 'en'): string {
  return inPlace(lang === 'de' && r.kind === 'Kreis' && !/^Kreis\b/.test(r.name) ? `Kreis ${r.name}` : r.name, lang);
}

// --- data helpers ------------------------------------------------------------------------

interface Point {
  year: number;
  value: number;
  numerator?: number;
  denominator?: number;
}

function pointOf(data: IndicatorData, regionId: string, year: number): Point | undefined {
  const { value } = data.get(regionId, year);
  if (value === null) return undefined;
  const c = data.counts(regionId, year);
  return {
    year,
    value,
    ...(c?.numerator != null ? { numerator: c.numerator } : {}),
    ...(c?.denominator != null ? { denominator: c.denominator } : {}),
  };
}

function isRatio(indicator: Indicator): boolean {
  return indicator.computation.type === 'ratio';
}

/** The first year of the segment that contains `year`: after the latest break at or before it. */
function segmentStart(indicator: Indicator, year: number): number | undefined {
  const breaks = (indicator.breaks ?? []).map((b) => b.year).filter((y) => y <= year);
  return breaks.length ? Math.max(...breaks) : undefined;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// --- trend -------------------------------------------------------------------------------

function trendFinding(
  data: IndicatorData,
  region: Region,
  year: number,
  opts: Required<Omit<InsightOptions, 'year' | 'peers'>>,
): Finding {
  const ind = data.indicator;
  const d = ind.decimals;
  const step = windowLength(ind);
  const breakYear = segmentStart(ind, year);
  // Non-overlapping years back from `year` (every year unless pooled).
  const years = data.years.filter(
    (y) => y <= year && (breakYear === undefined || y >= breakYear) && (year - y) % step === 0,
  );
  const points = years.map((y) => pointOf(data, region.id, y)).filter((p): p is Point => p !== undefined);
  const from = points[0]?.year ?? year;
  const to = points[points.length - 1]?.year ?? year;
  const counts = points.map((p) => p.numerator).filter((n): n is number => n !== undefined);
  const medianCount = counts.length ? median(counts) : undefined;
  const breakNote = (lang: 'de' | 'en') =>
    breakYear === undefined || breakYear <= data.years[0]
      ? ''
      : lang === 'de'
        ? ` Betrachtet werden nur die Jahre ab ${breakYear}, weil die Reihe dort einen Bruch hat.`
        : ` Only the years from ${breakYear} on are used, because the series has a break there.`;

  const method: Method = {
    name: t('Theil–Sen-Steigung mit Mann–Kendall-Test', 'Theil–Sen slope with Mann–Kendall test'),
    description: t(
      'Die Steigung ist der Median der Steigungen zwischen allen Paaren von Jahren (robust gegen einzelne Ausreißer); der Mann–Kendall-Test prüft, ob die Werte über die Jahre eher steigen oder fallen, als es der Zufall erwarten ließe. Der Test nimmt voneinander unabhängige Jahre an. Über einen Bruch in der Reihe hinweg wird nicht gerechnet.' +
        (step > 1
          ? ` Bei ${step}-Jahres-Mitteln nur jedes ${step}. Jahr, damit sich die Zeiträume nicht überschneiden.`
          : ''),
      'The slope is the median of the slopes between all pairs of years (robust against single outliers); the Mann–Kendall test checks whether the values rise or fall over the years more than chance would lead one to expect. The test assumes independent years. No trend is computed across a break in series.' +
        (step > 1 ? ` With ${step}-year averages only every ${step}th year, so that the periods do not overlap.` : ''),
    ),
    parameters: [
      { label: t('Jahre', 'Years'), value: points.length },
      { label: t('Mindestzahl Jahre', 'Minimum number of years'), value: opts.minYears },
      { label: t('Signifikanzniveau', 'Significance level'), value: opts.alpha, decimals: 2 },
    ],
    data: {
      columns: [
        { label: t('Jahr', 'Year') },
        { label: t('Wert', 'Value'), decimals: d },
        ...(counts.length ? [{ label: t('Fälle', 'Cases'), decimals: 0 }] : []),
      ],
      rows: points.map((p) => [String(p.year), p.value, ...(counts.length ? [p.numerator ?? null] : [])]),
    },
  };

  if (points.length < opts.minYears) {
    return {
      kind: 'trend',
      verdict: 'caution',
      text: both((l) =>
        l === 'de'
          ? `Für eine Trendaussage gibt es zu wenige vergleichbare Jahre (${points.length}, nötig sind mindestens ${opts.minYears}).${breakNote(l)}`
          : `There are too few comparable years for a trend (${points.length}, at least ${opts.minYears} are needed).${breakNote(l)}`,
      ),
      method,
    };
  }
  if (medianCount !== undefined && opts.minCount > 0 && medianCount < opts.minCount) {
    return {
      kind: 'trend',
      verdict: 'caution',
      text: both((l) =>
        l === 'de'
          ? `Die Fallzahlen in ${region.name} sind für eine Trendaussage zu klein (im Median ${fmt(l, medianCount, 0)} Fälle je Jahr, unter ${opts.minCount}).`
          : `The counts in ${region.name} are too small for a trend (a median of ${fmt(l, medianCount, 0)} cases a year, below ${opts.minCount}).`,
      ),
      method,
    };
  }
  const x = points.map((p) => p.year);
  const y = points.map((p) => p.value);
  const mk = mannKendall(y);
  const ts = theilSen(x, y, 1 - opts.alpha);
  method.parameters.push(
    { label: t('Kendalls S', "Kendall's S"), value: mk.s },
    { label: t('p-Wert (zweiseitig)', 'p-value (two-sided)'), value: mk.p, decimals: 3 },
    { label: t('Steigung je Jahr', 'Slope per year'), value: ts.slope, decimals: d + 2 },
    {
      label: t(`${pct(opts.alpha)}-%-Intervall, untere Grenze`, `${pct(opts.alpha)}% interval, lower bound`),
      value: ts.low,
      decimals: d + 2,
    },
    {
      label: t(`${pct(opts.alpha)}-%-Intervall, obere Grenze`, `${pct(opts.alpha)}% interval, upper bound`),
      value: ts.high,
      decimals: d + 2,
    },
  );
  const notable = mk.p < opts.alpha && ts.slope !== 0;
  const up = ts.slope > 0;
  return {
    kind: 'trend',
    verdict: notable ? 'notable' : 'none',
    text: both((l) => {
      const slope = fmt(l, Math.abs(ts.slope), d + 1);
      if (l === 'de')
        return notable
          ? `In ${region.name} ist der Wert von ${from} bis ${to} tendenziell ${up ? 'gestiegen' : 'gesunken'}, im Mittel um etwa ${slope}${unitOf(ind, l)} pro Jahr.${breakNote(l)}`
          : `In ${region.name} zeigt der Wert von ${from} bis ${to} keinen klaren Trend.${breakNote(l)}`;
      return notable
        ? `In ${region.name} the value tended to ${up ? 'rise' : 'fall'} from ${from} to ${to}, by about ${slope}${unitOf(ind, l)} a year on average.${breakNote(l)}`
        : `In ${region.name} the value shows no clear trend from ${from} to ${to}.${breakNote(l)}`;
    }),
    method,
  };
}

// --- peers and rank ----------------------------------------------------------------------

interface Peer {
  region: Region;
  point: Point;
  interval: Interval;
  small: boolean;
}

/** The peer regions (including the region itself) and a phrase naming the group. */
export function peerGroup(
  catalog: Catalog,
  data: IndicatorData,
  region: Region,
  year: number,
  mode: 'kreis' | 'size' = 'kreis',
): { regions: Region[]; name: Bilingual; definition?: Bilingual } {
  const plural = pluralOf(catalog, region.level);
  // its Kreis; below the Gemeinde (Stadtteile) the same Gemeinde
  const within = peerParent(catalog, region);
  if (mode === 'size' && isRatio(data.indicator)) {
    const own = data.counts(region.id, year)?.denominator;
    if (own != null && own > 0) {
      const regions = catalog.regions.filter((r) => {
        if (r.level !== region.level || !data.has(r.id)) return false;
        const n = data.counts(r.id, year)?.denominator;
        return n != null && n >= own / 2 && n <= own * 2;
      });
      return {
        regions,
        name: both((l) => (l === 'de' ? `${plural.de} ähnlicher Größe` : `${plural.en} of similar size`)),
        definition: t(
          `gleiche Ebene, halbe bis doppelte Bezugsgröße (${fmt('de', own / 2, 0)} bis ${fmt('de', own * 2, 0)})`,
          `same level, half to double the denominator (${fmt('en', own / 2, 0)} to ${fmt('en', own * 2, 0)})`,
        ),
      };
    }
  }
  if (!within) {
    const regions = catalog.regions.filter((r) => r.level === region.level);
    return { regions, name: both((l) => (l === 'de' ? `${plural.de}` : `${plural.en}`)) };
  }
  const regions = childrenOf(catalog, within.id, region.level);
  return { regions, name: both((l) => `${plural[l]} ${inRegion(within, l)}`) };
}

function peersOf(data: IndicatorData, regions: Region[], year: number, minCount: number): Peer[] {
  const out: Peer[] = [];
  for (const r of regions) {
    const point = pointOf(data, r.id, year);
    if (!point) continue;
    const iv = intervalOf(data, r.id, year, DEFAULT_LEVEL);
    out.push({
      region: r,
      point,
      interval: iv ? { low: iv.low, high: iv.high } : { low: point.value, high: point.value },
      small: point.numerator !== undefined && minCount > 0 && point.numerator < minCount,
    });
  }
  return out.sort((a, b) => b.point.value - a.point.value || a.region.name.localeCompare(b.region.name, 'de'));
}

function peerTable(ind: Indicator, peers: Peer[], withCounts: boolean): Method['data'] {
  const d = ind.decimals;
  return {
    columns: [
      { label: t('Gebiet', 'Region') },
      { label: t('Wert', 'Value'), decimals: d },
      ...(withCounts
        ? [
            { label: t('Fälle', 'Cases'), decimals: 0 },
            { label: t('95 %: von', '95%: from'), decimals: d },
            { label: t('95 %: bis', '95%: to'), decimals: d },
          ]
        : []),
    ],
    rows: peers.map((p) => [
      p.region.name,
      p.point.value,
      ...(withCounts ? [p.point.numerator ?? null, p.interval.low, p.interval.high] : []),
    ]),
  };
}

function peerFindings(
  catalog: Catalog,
  data: IndicatorData,
  region: Region,
  year: number,
  opts: Required<Omit<InsightOptions, 'year'>>,
): Finding[] {
  const ind = data.indicator;
  const d = ind.decimals;
  const group = peerGroup(catalog, data, region, year, opts.peers);
  const peers = peersOf(data, group.regions, year, opts.minCount);
  const own = peers.find((p) => p.region.id === region.id);
  const withCounts = peers.some((p) => p.point.numerator !== undefined);
  const table = peerTable(ind, peers, withCounts);
  const out: Finding[] = [];
  if (!own) return out;
  const value = (l: 'de' | 'en') => `${fmt(l, own.point.value, d)}${unitOf(ind, l)}`;

  // Robust outlier.
  const peerMethod: Method = {
    name: t('Median und MAD (robuster z-Wert)', 'Median and MAD (robust z-score)'),
    description: t(
      `Verglichen wird mit dem Median der ${group.name.de}. Der robuste z-Wert 0,6745 · (Wert − Median) / MAD misst den Abstand in mittleren absoluten Abweichungen; „deutlich“ heißt |z| > ${fmt('de', MAD_THRESHOLD, 1)} (Iglewicz und Hoaglin) und – bei Quoten – ein 95-%-Intervall ohne den Median.`,
      `Compared with the median of the ${group.name.en}. The robust z-score 0.6745 · (value − median) / MAD measures the distance in median absolute deviations; "clearly" means |z| > ${fmt('en', MAD_THRESHOLD, 1)} (Iglewicz and Hoaglin) and, for rates, a 95% interval that excludes the median.`,
    ),
    parameters: [
      ...(group.definition ? [{ label: t('Vergleichsgruppe', 'Peer group'), value: group.definition }] : []),
      { label: t('Vergleichsgebiete mit Wert', 'Peers with a value'), value: peers.length },
    ],
    data: table,
  };
  if (own.small) {
    const iv = own.interval;
    out.push({
      kind: 'peers',
      verdict: 'caution',
      text: both((l) =>
        l === 'de'
          ? `Der Wert von ${region.name} (${value(l)}) beruht ${yearSpan(ind, year)} auf nur ${fmt(l, own.point.numerator!, 0)} Fällen und liegt mit 95 % Sicherheit irgendwo zwischen ${fmt(l, iv.low, d)} und ${fmt(l, iv.high, d)}; ein Vergleich mit den ${dative(group.name.de)} ist nicht belastbar.`
          : `The value of ${region.name} (${value(l)}) rests on only ${fmt(l, own.point.numerator!, 0)} cases in ${yearSpan(ind, year)} and lies, with 95% confidence, somewhere between ${fmt(l, iv.low, d)} and ${fmt(l, iv.high, d)}; a comparison with the ${group.name.en} is not reliable.`,
      ),
      method: peerMethod,
    });
  } else if (peers.length < MIN_PEERS) {
    out.push({
      kind: 'peers',
      verdict: 'caution',
      text: both((l) =>
        l === 'de'
          ? `Für einen Vergleich gibt es zu wenige ${group.name.de} mit Wert (${peers.length}).`
          : `There are too few ${group.name.en} with a value for a comparison (${peers.length}).`,
      ),
      method: peerMethod,
    });
  } else {
    const score = robustScore(
      peers.map((p) => p.point.value),
      own.point.value,
    );
    const z = score.z;
    const above = own.point.value > score.median;
    const clear =
      z !== undefined &&
      Math.abs(z) > MAD_THRESHOLD &&
      (own.interval.low > score.median || own.interval.high < score.median);
    peerMethod.parameters.push(
      { label: t('Median', 'Median'), value: score.median, decimals: d },
      { label: t('MAD', 'MAD'), value: score.mad, decimals: d + 1 },
      ...(z !== undefined ? [{ label: t('robuster z-Wert', 'robust z-score'), value: z, decimals: 1 }] : []),
      { label: t('Schwelle |z|', 'Threshold |z|'), value: MAD_THRESHOLD, decimals: 1 },
    );
    const med = (l: 'de' | 'en') => fmt(l, score.median, d);
    out.push({
      kind: 'peers',
      verdict: clear ? 'notable' : 'none',
      text: both((l) => {
        if (l === 'de')
          return clear
            ? `${region.name} liegt ${yearSpan(ind, year)} mit ${value(l)} deutlich ${above ? 'über' : 'unter'} den meisten ${dative(group.name.de)} (Median ${med(l)}).`
            : `${region.name} liegt ${yearSpan(ind, year)} mit ${value(l)} ${own.point.value === score.median ? 'genau auf dem' : above ? 'über dem' : 'unter dem'} Median der ${group.name.de} (${med(l)}), aber innerhalb ihrer üblichen Streuung.`;
        return clear
          ? `In ${yearSpan(ind, year)}, ${region.name} is clearly ${above ? 'above' : 'below'} most ${group.name.en} at ${value(l)} (median ${med(l)}).`
          : `In ${yearSpan(ind, year)}, ${region.name} is ${own.point.value === score.median ? 'exactly at' : above ? 'above' : 'below'} the median of the ${group.name.en} (${med(l)}) at ${value(l)}, but within their usual spread.`;
      }),
      method: peerMethod,
    });
  }

  // Rank, its plausible range, and the previous year's rank.
  if (peers.length >= 2) {
    const others = peers.filter((p) => p !== own);
    const rank = 1 + others.filter((p) => p.point.value > own.point.value).length;
    const range = rankRange(
      own.interval,
      others.map((p) => p.interval),
    );
    const step = windowLength(ind);
    const prevYear = data.years.filter((y) => y <= year - step && (year - y) % step === 0).pop();
    const breakYear = segmentStart(ind, year);
    const comparable = prevYear !== undefined && (breakYear === undefined || prevYear >= breakYear);
    let prevRank: number | undefined;
    let prevOf = 0;
    if (prevYear !== undefined && comparable) {
      const before = peersOf(data, group.regions, prevYear, opts.minCount);
      const mine = before.find((p) => p.region.id === region.id);
      if (mine) {
        prevRank = 1 + before.filter((p) => p !== mine && p.point.value > mine.point.value).length;
        prevOf = before.length;
      }
    }
    const uncertain = range.best !== range.worst;
    const moved = prevRank !== undefined && prevRank !== rank;
    const movedClearly = moved && (prevRank! < range.best || prevRank! > range.worst) && !own.small;
    out.push({
      kind: 'rank',
      verdict:
        own.small || (uncertain && range.worst - range.best > peers.length / 4)
          ? 'caution'
          : movedClearly
            ? 'notable'
            : 'none',
      text: both((l) => {
        const of = peers.length;
        const parts: string[] = [];
        if (l === 'de') {
          parts.push(
            `${region.name} steht ${yearSpan(ind, year)} auf Rang ${rank} von ${of} ${dative(group.name.de)} (Rang 1 = höchster Wert)`,
          );
          if (uncertain)
            parts.push(
              `; wegen der Zufallsschwankung der Fallzahlen ist jeder Rang von ${range.best} bis ${range.worst} plausibel`,
            );
          if (prevRank !== undefined)
            parts.push(
              moved
                ? `. ${yearSpan(ind, prevYear!)} war es Rang ${prevRank} von ${prevOf}${movedClearly ? ', außerhalb dieser Spanne' : uncertain ? ', eine Verschiebung in dieser Größe kann Zufall sein' : ''}`
                : `. ${yearSpan(ind, prevYear!)} war es derselbe Rang`,
            );
          else if (prevYear !== undefined && !comparable)
            parts.push(
              `. Mit ${yearSpan(ind, prevYear)} ist der Rang wegen des Bruchs in der Reihe nicht vergleichbar`,
            );
          return parts.join('') + '.';
        }
        parts.push(
          `In ${yearSpan(ind, year)}, ${region.name} ranks ${rank} of ${of} ${group.name.en} (rank 1 = highest value)`,
        );
        if (uncertain)
          parts.push(
            `; given the random variation of the counts any rank from ${range.best} to ${range.worst} is plausible`,
          );
        if (prevRank !== undefined)
          parts.push(
            moved
              ? `. In ${yearSpan(ind, prevYear!)} it ranked ${prevRank} of ${prevOf}${movedClearly ? ', outside that range' : uncertain ? '; a shift of this size may be chance' : ''}`
              : `. In ${yearSpan(ind, prevYear!)} it held the same rank`,
          );
        else if (prevYear !== undefined && !comparable)
          parts.push(`. The rank cannot be compared with ${yearSpan(ind, prevYear)} because of the break in series`);
        return parts.join('') + '.';
      }),
      method: {
        name: t('Rang mit plausibler Spanne', 'Rank with plausible range'),
        description: t(
          'Rang 1 hat der höchste Wert. Die plausible Spanne zählt die Gebiete, deren 95-%-Intervall sicher über dem eigenen liegt (bester Rang), und die, deren Intervall über die untere Grenze des eigenen reicht (schlechtester Rang); überschneiden sich die Intervalle der Nachbarn, ist die Reihenfolge nicht gesichert.',
          "Rank 1 is the highest value. The plausible range counts the regions whose 95% interval lies surely above the own one (best rank) and those whose interval reaches above the own lower bound (worst rank); where the neighbours' intervals overlap, the order is not established.",
        ),
        parameters: [
          { label: t('Rang', 'Rank'), value: rank },
          { label: t('bester plausibler Rang', 'best plausible rank'), value: range.best },
          { label: t('schlechtester plausibler Rang', 'worst plausible rank'), value: range.worst },
          ...(prevRank !== undefined
            ? [{ label: t(`Rang ${yearSpan(ind, prevYear!)}`, `Rank ${yearSpan(ind, prevYear!)}`), value: prevRank }]
            : []),
        ],
        data: table,
      },
    });
  }
  return out;
}

// --- notable changes ---------------------------------------------------------------------

function changeFindings(
  data: IndicatorData,
  region: Region,
  year: number,
  opts: Required<Omit<InsightOptions, 'year' | 'peers'>>,
): Finding[] {
  const ind = data.indicator;
  if (!isRatio(ind)) return [];
  const d = ind.decimals;
  const step = windowLength(ind);
  const breaks = new Set((ind.breaks ?? []).map((b) => b.year));
  const years = data.years.filter((y) => y <= year && (year - y) % step === 0);
  const points = years.map((y) => pointOf(data, region.id, y));
  interface Pair {
    a: Point;
    b: Point;
    p: number;
  }
  const pairs: Pair[] = [];
  let crossesBreak = false;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    // A break between a and b (the first year after the break is in (a.year, b.year]).
    if ([...breaks].some((y) => y > a.year && y <= b.year)) {
      if (b.year === year) crossesBreak = true;
      continue;
    }
    if (a.numerator === undefined || b.numerator === undefined || !a.denominator || !b.denominator) continue;
    pairs.push({ a, b, p: comparePoissonRates(a.numerator, a.denominator, b.numerator, b.denominator).p });
  }
  const latest = pairs.find((p) => p.b.year === year);
  const columns: DataColumn[] = [
    { label: t('Jahr', 'Year') },
    { label: t('Wert', 'Value'), decimals: d },
    { label: t('Fälle', 'Cases'), decimals: 0 },
    { label: t('Bezugsgröße', 'Denominator'), decimals: 0 },
    { label: t('p-Wert der Veränderung', 'p-value of the change'), decimals: 3 },
  ];
  const pOf = new Map(pairs.map((p) => [p.b.year, p.p]));
  const rows = points
    .filter((p): p is Point => p !== undefined)
    .map((p) => [String(p.year), p.value, p.numerator ?? null, p.denominator ?? null, pOf.get(p.year) ?? null]);
  const method = (extra: MethodParameter[]): Method => ({
    name: t('Exakter Poisson-Test (bedingt)', 'Exact conditional Poisson test'),
    description: t(
      'Bei gleicher Rate in beiden Jahren verteilt sich die Summe der Fälle binomial auf die Jahre, im Verhältnis der Bezugsgrößen (wie R poisson.test). Ein kleiner p-Wert heißt: Die Veränderung ist größer, als es die Zufallsschwankung der Fallzahlen erklärt – nicht, warum sie eintrat. Frühere Jahre werden mit der Holm-Korrektur für mehrfaches Testen geprüft; über einen Bruch in der Reihe hinweg wird nicht verglichen.',
      'If the rate were equal in both years, the sum of the cases would split binomially between the years in proportion to the denominators (as R poisson.test). A small p-value means the change is larger than the random variation of the counts explains, not why it happened. Earlier years are tested with the Holm correction for multiple testing; no comparison is made across a break in series.',
    ),
    parameters: [{ label: t('Signifikanzniveau', 'Significance level'), value: opts.alpha, decimals: 2 }, ...extra],
    data: { columns, rows },
  });

  const out: Finding[] = [];
  const v = (l: 'de' | 'en', x: number) => fmt(l, x, d);
  if (crossesBreak) {
    out.push({
      kind: 'change',
      verdict: 'caution',
      text: both((l) =>
        l === 'de'
          ? `Die Veränderung zum Vorjahr ist nicht aussagekräftig: Die Reihe hat ${year} einen Bruch.`
          : `The change from the previous year is not meaningful: the series has a break in ${year}.`,
      ),
      method: method([]),
    });
  } else if (latest) {
    const { a, b, p } = latest;
    const cases = a.numerator! + b.numerator!;
    const rose = b.value > a.value;
    const same = b.value === a.value;
    const tooFew = opts.minCount > 0 && cases < opts.minCount;
    const notable = !tooFew && p < opts.alpha && !same;
    out.push({
      kind: 'change',
      verdict: same ? 'none' : tooFew ? 'caution' : notable ? 'notable' : 'none',
      text: both((l) => {
        const move =
          l === 'de'
            ? `${same ? 'Der Wert blieb' : rose ? 'Der Anstieg' : 'Der Rückgang'} von ${a.year} auf ${b.year}${same ? ` bei ${v(l, b.value)}` : ` (von ${v(l, a.value)} auf ${v(l, b.value)})`}`
            : `${same ? 'The value stayed' : rose ? 'The rise' : 'The fall'} from ${a.year} to ${b.year}${same ? ` at ${v(l, b.value)}` : ` (from ${v(l, a.value)} to ${v(l, b.value)})`}`;
        if (same) return l === 'de' ? `${move}.` : `${move}.`;
        if (tooFew)
          return l === 'de'
            ? `${move} beruht auf nur ${fmt(l, a.numerator!, 0)} und ${fmt(l, b.numerator!, 0)} Fällen und lässt sich nicht beurteilen.`
            : `${move} rests on only ${fmt(l, a.numerator!, 0)} and ${fmt(l, b.numerator!, 0)} cases and cannot be judged.`;
        return l === 'de'
          ? notable
            ? `${move} ist größer, als die Zufallsschwankung der Fallzahlen erklärt.`
            : `${move} liegt im Rahmen der zufälligen Schwankung der Fallzahlen.`
          : notable
            ? `${move} is larger than the random variation of the counts explains.`
            : `${move} is within the random variation of the counts.`;
      }),
      method: method([{ label: t('p-Wert', 'p-value'), value: p, decimals: 3 }]),
    });
  }

  // Earlier notable changes, Holm-corrected over all tested pairs.
  const earlier = pairs.filter((p) => p !== latest && p.a.numerator! + p.b.numerator! >= opts.minCount);
  const m = earlier.length;
  const sorted = [...earlier].sort((x, y) => x.p - y.p);
  const flagged: Pair[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].p <= opts.alpha / (m - i)) flagged.push(sorted[i]);
    else break;
  }
  if (flagged.length) {
    flagged.sort((x, y) => x.b.year - y.b.year);
    const list = (l: 'de' | 'en') =>
      flagged
        .map((f) => `${f.a.year}–${f.b.year} (${v(l, f.a.value)} → ${v(l, f.b.value)})`)
        .join(l === 'de' ? ', ' : ', ');
    out.push({
      kind: 'change',
      verdict: 'notable',
      text: both((l) =>
        l === 'de'
          ? `Über die Zufallsschwankung hinaus ${flagged.length === 1 ? 'ging außerdem diese Veränderung' : 'gingen außerdem diese Veränderungen'}: ${list(l)}.`
          : `Beyond random variation there ${flagged.length === 1 ? 'was also this change' : 'were also these changes'}: ${list(l)}.`,
      ),
      method: method([{ label: t('geprüfte frühere Paare', 'earlier pairs tested'), value: m }]),
    });
  }
  return out;
}

// --- entry point -------------------------------------------------------------------------

/**
 * The findings about one indicator in one region, in the order trend, peers, rank, changes.
 * Throws when the region is not in the catalog; a region without a value gets no findings.
 */
export function insightsFor(
  data: IndicatorData,
  catalog: Catalog,
  regionId: string,
  options: InsightOptions = {},
): Insights {
  const region = regionById(catalog, regionId);
  if (!region) throw new RangeError(`insightsFor: unknown region ${regionId}`);
  const year =
    options.year !== undefined && data.years.includes(options.year)
      ? options.year
      : (data.latestYear(regionId) ?? data.years[data.years.length - 1]);
  const opts = {
    minYears: options.minYears ?? 6,
    alpha: options.alpha ?? 0.05,
    minCount: options.minCount ?? minCountOf(data.indicator),
    peers: options.peers ?? 'kreis',
  } as const;
  if (!data.has(regionId) || data.get(regionId, year).value === null) return { region, year, findings: [] };
  return {
    region,
    year,
    findings: [
      trendFinding(data, region, year, opts),
      ...peerFindings(catalog, data, region, year, opts),
      ...changeFindings(data, region, year, opts),
    ],
  };
}

/** The finding's text in the requested language. */
export function findingText(text: Bilingual | LocalizedText, lang: string): string {
  return lang.toLowerCase().startsWith('en') ? (text.en ?? text.de) : text.de;
}
