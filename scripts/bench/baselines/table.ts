/**
 * Baseline: a plain HTML table of the same regions and indicators (name + one formatted
 * value per indicator), every row built with plain DOM calls and attached at once. No sorting, no
 * filter, no reference rows, no windowing.
 */
import type { Catalog, IndicatorFile } from '../../../src/data/schema.js';
import { fail, getJson, painted, param, report } from './common.js';

async function main(): Promise<void> {
  const start = performance.now();
  const endpoint = param('endpoint', '/data/');
  const ids = param('indicators').split(',');
  const catalog = await getJson<Catalog>(`${endpoint}catalog.json`);
  const files = await Promise.all(ids.map((id) => getJson<IndicatorFile>(`${endpoint}indicators/${id}.json`)));
  const level = param('level', 'gemeinde');
  const parent = param('parent');
  const parentOf = new Map(catalog.regions.map((r) => [r.id, r.parent]));
  const isBelow = (id: string): boolean => {
    for (let p = parentOf.get(id) ?? null; p; p = parentOf.get(p) ?? null) if (p === parent) return true;
    return false;
  };
  const regions = catalog.regions.filter((r) => r.level === level && (!parent || isBelow(r.id)));
  const columns = files.map((f, i) => {
    const def = catalog.indicators.find((d) => d.id === ids[i])!;
    const col = param('year') ? f.years.indexOf(Number(param('year'))) : f.years.length - 1;
    const row = new Map(f.regions.map((id, r) => [id, r]));
    const fmt = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: def.decimals,
      maximumFractionDigits: def.decimals,
    });
    return {
      label: def.label.de,
      value: (id: string) => {
        const v = f.values[row.get(id) ?? -1]?.[col];
        return v == null ? '.' : fmt.format(v);
      },
    };
  });
  // Plain DOM (text only, no HTML parsing), built off-document and attached once.
  const table = document.createElement('table');
  const cell = (tr: HTMLTableRowElement, tag: 'th' | 'td', text: string, scope?: string) => {
    const c = document.createElement(tag);
    if (scope) c.scope = scope;
    c.textContent = text;
    tr.append(c);
  };
  const headRow = table.createTHead().insertRow();
  cell(headRow, 'th', 'Region', 'col');
  for (const c of columns) cell(headRow, 'th', c.label, 'col');
  const body = table.createTBody();
  for (const r of regions) {
    const tr = body.insertRow();
    cell(tr, 'th', r.name, 'row');
    for (const c of columns) cell(tr, 'td', c.value(r.id));
  }
  document.getElementById('table')!.append(table);
  const done = performance.now();
  report({ start, done, painted: await painted(), count: regions.length });
}

main().catch(fail);
