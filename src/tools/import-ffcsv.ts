/**
 * Reader for the "ffcsv" flat files of the GENESIS web service (API 2020): one value per
 * row with the columns `statistics_code; ...; time; 1_variable_code; 1_variable_label;
 * 1_variable_attribute_code; 1_variable_attribute_label; 2_variable_...; value;
 * value_unit; value_variable_code; value_variable_label`.
 */
import { InputError, parseDelimited } from './text.js';
import { REGION_KEY } from './import-genesis.js';

export interface FfcsvVariable {
  /** e.g. `GES`, `KREISE`, `GEMEIN`. */
  code: string;
  label: string;
  /** e.g. `GESW` (empty for the total). */
  attributeCode: string;
  /** e.g. `weiblich`, `Insgesamt`. */
  attributeLabel: string;
}

export interface FfcsvRow {
  line: number;
  /** `time` as exported: `2023`, `2024-12-31`. */
  time: string;
  /** The region key (attribute code of the regional variable). */
  region: string;
  regionName: string;
  /** The other (non-regional) variables of the row. */
  variables: FfcsvVariable[];
  /** The raw value cell (number with decimal comma or a symbol). */
  value: string;
  unit: string;
  valueCode: string;
  valueLabel: string;
}

/** Variable codes of the regional classifications of GENESIS. */
const REGIONAL = new Set(['DINSG', 'DLAND', 'REGBEZ', 'KREISE', 'GEMEIN', 'GVB', 'VERBAND', 'STAG_REG']);

export function looksLikeFfcsv(text: string): boolean {
  const head = text
    .replace(/^\uFEFF/, '')
    .slice(0, 2000)
    .split(/\r?\n/, 1)[0];
  return /(^|;)statistics_code;/.test(head) && /;value;/.test(head + ';');
}

/** Parses an ffcsv file. `file` names the file in errors. */
export function parseFfcsv(text: string, file: string): FfcsvRow[] {
  const records = parseDelimited(text.replace(/^\uFEFF/, ''), ';');
  if (records.length === 0) throw new InputError(file, undefined, 'the file is empty');
  const header = records[0].cells.map((c) => c.trim());
  const col = (name: string, required = true) => {
    const i = header.indexOf(name);
    if (i < 0 && required) throw new InputError(file, 1, `missing column "${name}" (not an ffcsv file?)`);
    return i;
  };
  const time = col('time');
  const value = col('value');
  const unit = col('value_unit', false);
  const valueCode = col('value_variable_code');
  const valueLabel = col('value_variable_label', false);
  const variables: { code: number; label: number; attr: number; attrLabel: number }[] = [];
  for (let k = 1; header.includes(`${k}_variable_code`); k++) {
    variables.push({
      code: col(`${k}_variable_code`),
      label: col(`${k}_variable_label`),
      attr: col(`${k}_variable_attribute_code`),
      attrLabel: col(`${k}_variable_attribute_label`),
    });
  }
  if (variables.length === 0)
    throw new InputError(file, 1, 'no "1_variable_code" column: the table has no regional variable');

  const rows: FfcsvRow[] = [];
  for (const r of records.slice(1)) {
    const c = r.cells;
    if (c.every((x) => x.trim() === '')) continue;
    if (c.length < header.length) {
      throw new InputError(file, r.line, `${c.length} cells for ${header.length} columns`);
    }
    const vars: FfcsvVariable[] = variables.map((v) => ({
      code: c[v.code].trim(),
      label: c[v.label].trim(),
      attributeCode: c[v.attr].trim(),
      attributeLabel: c[v.attrLabel].trim(),
    }));
    const regional =
      vars.findIndex((v) => REGIONAL.has(v.code)) >= 0
        ? vars.findIndex((v) => REGIONAL.has(v.code))
        : vars.findIndex((v) => REGION_KEY.test(v.attributeCode));
    if (regional < 0) {
      throw new InputError(file, r.line, 'no regional variable (a variable whose attribute codes are region keys)');
    }
    const region = vars[regional];
    if (!REGION_KEY.test(region.attributeCode)) {
      throw new InputError(file, r.line, `"${region.attributeCode}" is not a region key`);
    }
    rows.push({
      line: r.line,
      time: c[time].trim(),
      region: region.attributeCode,
      regionName: region.attributeLabel,
      variables: vars.filter((_, i) => i !== regional),
      value: c[value],
      unit: unit >= 0 ? c[unit].trim() : '',
      valueCode: c[valueCode].trim(),
      valueLabel: valueLabel >= 0 ? c[valueLabel].trim() : '',
    });
  }
  return rows;
}

/**
 * A row selector of a mapping: `value` names the value variable (code or label, e.g.
 * `BEVSTD`); every other key is a variable code whose attribute (code or label) must match,
 * e.g. `{ value: BEVSTD, GES: weiblich }`. `GES: Insgesamt` matches the total (empty code).
 */
export type FfcsvSelector = { value?: string } & Record<string, string>;

export function matchesFfcsv(row: FfcsvRow, selector: FfcsvSelector): boolean {
  for (const [key, wanted] of Object.entries(selector)) {
    const w = wanted.trim().toLowerCase();
    if (key === 'value') {
      if (row.valueCode.toLowerCase() !== w && row.valueLabel.toLowerCase() !== w) return false;
      continue;
    }
    const v = row.variables.find((x) => x.code === key);
    if (!v) return false;
    if (v.attributeCode.toLowerCase() !== w && v.attributeLabel.toLowerCase() !== w) return false;
  }
  return true;
}
