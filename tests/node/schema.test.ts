import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../../src/tools/json-schema.js';

test('the committed JSON Schema files are generated from the current Valibot schemas', () => {
  for (const [file, text] of Object.entries(jsonSchemaFiles())) {
    assert.equal(readFileSync(`schema/${file}`, 'utf8'), text, `schema/${file} is stale: run npm run schema`);
  }
});

test('the catalog JSON Schema requires the fields a publisher must provide', () => {
  const schema = JSON.parse(readFileSync('schema/catalog.schema.json', 'utf8'));
  for (const field of [
    'format',
    'version',
    'title',
    'publisher',
    'licence',
    'attribution',
    'updated',
    'levels',
    'regions',
    'indicators',
    'geometry',
  ]) {
    assert.ok(schema.required.includes(field), `catalog requires ${field}`);
  }
  const indicator = schema.properties.indicators.items;
  for (const field of ['id', 'label', 'unit', 'decimals', 'polarity', 'years', 'levels', 'computation', 'source']) {
    assert.ok(indicator.required.includes(field), `indicator requires ${field}`);
  }
});
