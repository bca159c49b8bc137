// Serves the demo: demo/ at /, dist/ at /dist/, the demo endpoint at /data/, the official one at /official/.
import { serve } from '../src/tools/serve.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const csp = process.argv.includes('--csp');

await serve({
  port,
  host,
  cors: ['*'],
  log: process.argv.includes('--log'),
  headers: csp
    ? {
        'Content-Security-Policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:",
      }
    : {},
  mounts: [
    { prefix: '/data/', dir: 'demo-dist/data', cacheControl: 'public, max-age=300' },
    { prefix: '/official/', dir: 'demo-dist/official', cacheControl: 'public, max-age=300' },
    { prefix: '/dist/', dir: 'dist', cacheControl: 'public, max-age=60' },
    { prefix: '/', dir: 'demo', cacheControl: 'no-cache' },
  ],
});
console.log(`fokus-widgets demo: http://localhost:${port}/  (endpoint: http://localhost:${port}/data/)`);
