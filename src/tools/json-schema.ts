/** JSON Schema (draft-07) documents generated from the Valibot schemas of the endpoint format. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { Catalog, IndicatorFile } from '../data/schema.js';

const BASE = 'https://fokus-widgets.invalid/schema/';

export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema, title] of [
    ['catalog', Catalog, 'fokus-widgets endpoint catalog (catalog.json), format v1'],
    ['indicator', IndicatorFile, 'fokus-widgets indicator file (indicators/<id>.json), format v1'],
  ] as const) {
    const json = { ...toJsonSchema(schema, { errorMode: 'ignore' }), $id: `${BASE}${name}.schema.json`, title };
    files[`${name}.schema.json`] = JSON.stringify(json, null, 2) + '\n';
  }
  return files;
}
