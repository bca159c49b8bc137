/**
 * The framework-free data layer of fokus-widgets (`fokus-widgets/data`): endpoint format,
 * client, validation, model helpers, formatting, CSV, uncertainty of rates, pooled rates
 * and insights. Runs in browsers and Node.
 */
export * from './schema.js';
export * from './errors.js';
export * from './validate.js';
export * from './client.js';
export * from './model.js';
export * from './format.js';
export * from './csv.js';
export * from './uncertainty.js';
export * from './pooling.js';
export * from './insights.js';
