/**
 * Pure logic of <region-picker>: the regions to offer, grouped by Amt (within one Kreis)
 * or by Kreis (across the Land), and a forgiving search over them (case, umlauts and
 * "ae/oe/ue" spellings, ß, word starts, official keys). No DOM: unit-tested in Node.
 */
import type { Catalog, LevelId, Region } from '../../data/schema.js';
import { ancestors, childrenOf, regionById } from '../../data/model.js';

export interface RegionOption {
  id: string;
  name: string;
  /** Official designation, e.g. "Stadt", "Amt", "Kreis". */
  kind?: string;
  level: LevelId;
}

export interface RegionGroup {
  /** Stable id for DOM ids, e.g. the Amt key, or `top`, `free`. */
  id: string;
  label: string;
  options: RegionOption[];
}

export interface GroupLabels {
  /** Label of the group of the `include` regions, e.g. "Kreis und Land". */
  top: string;
  /** Label of the Gemeinden without Amt, e.g. "Amtsfreie Städte und Gemeinden". */
  free: string;
}

const option = (r: Region): RegionOption => ({ id: r.id, name: r.name, kind: r.kind, level: r.level });

/**
 * The regions of `level` below `parent` (all of the level without parent), grouped:
 * - all within one Kreis: by Amt; Gemeinden whose Amt-level unit is not an Amt with several
 *   members (amtsfreie Städte und Gemeinden) form one group, first;
 * - across Kreise: by Kreis;
 * - otherwise one group.
 * `include` regions (e.g. the Kreis and the Land) come first in a group of their own.
 * Groups and options are sorted by name in the locale's order.
 */
export function regionGroups(
  catalog: Catalog,
  { level, parent, include = [] }: { level: LevelId; parent?: string; include?: string[] },
  labels: GroupLabels,
  locale = 'de-DE',
): RegionGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const regions = parent ? childrenOf(catalog, parent, level) : catalog.regions.filter((r) => r.level === level);
  const groups: RegionGroup[] = [];
  const top = include.map((id) => regionById(catalog, id)).filter((r): r is Region => !!r);
  if (top.length) groups.push({ id: 'top', label: labels.top, options: top.map(option) });

  const kreisOf = (r: Region) => [r, ...ancestors(catalog, r.id)].find((a) => a.level === 'kreis');
  const kreise = new Set(regions.map((r) => kreisOf(r)?.id));
  const buckets = new Map<string, { label: string; items: Region[]; order: number }>();
  const put = (key: string, label: string, r: Region, order = 1) => {
    const bucket = buckets.get(key) ?? { label, items: [], order };
    bucket.items.push(r);
    buckets.set(key, bucket);
  };

  if (level === 'gemeinde' && kreise.size === 1) {
    const members = new Map<string, number>();
    for (const r of regions) if (r.parent) members.set(r.parent, (members.get(r.parent) ?? 0) + 1);
    for (const r of regions) {
      const amt = r.parent ? regionById(catalog, r.parent) : undefined;
      const realAmt = amt && amt.level === 'amt' && (amt.kind === 'Amt' || (members.get(amt.id) ?? 0) > 1);
      if (realAmt) put(amt.id, amt.name, r);
      else put('free', labels.free, r, 0);
    }
  } else if (kreise.size > 1) {
    for (const r of regions) {
      const kreis = kreisOf(r);
      put(kreis?.id ?? 'other', kreis?.name ?? '', r);
    }
  } else {
    for (const r of regions) put('all', '', r);
  }
  const sorted = [...buckets.entries()].sort(([, a], [, b]) => a.order - b.order || collator.compare(a.label, b.label));
  for (const [id, b] of sorted) groups.push({ id, label: b.label, options: b.items.sort(byName).map(option) });
  return groups;
}

/** Lower case, without diacritics, ß as ss: "Mölln" -> "molln". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The transcribed spelling: "Mölln" -> "moelln" (what people type without umlaut keys). */
function transcribe(text: string): string {
  return fold(text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
}

/**
 * How well `name` matches `query` (already folded): 3 name starts with it, 2 a word starts
 * with it, 1 it occurs inside, 0 no match.
 */
export function matchScore(name: string, query: string): number {
  if (!query) return 1;
  let best = 0;
  for (const form of [fold(name), transcribe(name)]) {
    const at = form.indexOf(query);
    if (at < 0) continue;
    const score = at === 0 ? 3 : /[\s\-/(.]/.test(form[at - 1]) ? 2 : 1;
    best = Math.max(best, score);
  }
  return best;
}

/**
 * Filters the groups by a query. A region matches by its name (see `matchScore`) or by
 * the start of its official key; when the query names a group (e.g. an Amt), all its
 * regions are kept. Within a group, better matches come first. Empty groups are dropped.
 */
export function searchGroups(groups: RegionGroup[], query: string): RegionGroup[] {
  const q = fold(query.trim()).replace(/\s+/g, ' ');
  if (!q) return groups;
  const digits = /^\d+$/.test(q);
  const out: RegionGroup[] = [];
  for (const g of groups) {
    if (!digits && g.id !== 'top' && g.id !== 'free' && matchScore(g.label, q) >= 2) {
      out.push(g);
      continue;
    }
    const scored = g.options
      .map((o, i) => ({ o, i, s: digits ? (o.id.startsWith(q) ? 3 : 0) : matchScore(o.name, q) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.i - b.i);
    if (scored.length) out.push({ ...g, options: scored.map((x) => x.o) });
  }
  return out;
}

/** All options of the groups, in display order. */
export function flatten(groups: RegionGroup[]): RegionOption[] {
  return groups.flatMap((g) => g.options);
}
