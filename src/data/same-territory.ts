/**
 * Regions of different levels that are the same territory: an amtsfreie Gemeinde is a
 * Gemeinde (`01056039`, Pinneberg) and, on the Amt level, its own unit (`010560039`); a
 * kreisfreie Stadt is a Kreis and its one Gemeinde. The catalog knows this without a list:
 * a region whose only child (of the next level down, repeatedly) is the other one.
 */
import type { Catalog, LevelId, Region } from './schema.js';
import { regionById } from './model.js';

const childIndex = new WeakMap<Catalog, Map<string, Region[]>>();

/** Direct children by parent key (built once per catalog). */
function childrenByParent(catalog: Catalog): Map<string, Region[]> {
  let index = childIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const r of catalog.regions) {
      if (!r.parent) continue;
      const list = index.get(r.parent);
      if (list) list.push(r);
      else index.set(r.parent, [r]);
    }
    childIndex.set(catalog, index);
  }
  return index;
}

/**
 * The key of the region of `level` that covers exactly the same territory as region `id`:
 * `id` itself when it is of that level; an ancestor of that level when every step up is a
 * parent with this one child only (Gemeinde 01056039 -> Amt-level 010560039); a descendant
 * when every step down is the only child (010560039 -> 01056039). Undefined when there is
 * none (a Gemeinde of an Amt with several Gemeinden, an unknown key).
 */
export function sameTerritory(catalog: Catalog, id: string, level: LevelId): string | undefined {
  const region = regionById(catalog, id);
  if (!region) return undefined;
  if (region.level === level) return region.id;
  const children = childrenByParent(catalog);
  // up: while the parent has no other child
  const seen = new Set<string>([region.id]);
  for (let r: Region | undefined = region; r?.parent && !seen.has(r.parent);) {
    const parent = regionById(catalog, r.parent);
    if (!parent || children.get(parent.id)?.length !== 1) break;
    if (parent.level === level) return parent.id;
    seen.add(parent.id);
    r = parent;
  }
  // down: while there is exactly one child
  for (let r = region; ;) {
    const only = children.get(r.id);
    if (only?.length !== 1 || seen.has(only[0].id)) return undefined;
    r = only[0];
    if (r.level === level) return r.id;
    seen.add(r.id);
  }
}
