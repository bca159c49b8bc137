// Serves the demo: demo/ at /, dist/ at /dist/, the demo endpoint at /data/, the official one at /official/.
import { serve } from '../src/tools/serve.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const csp = process.argv.includes('--csp');
// PORT (default 8080; 0 picks a free port) and HOST (default 127.0.0.1) choose where it listens.
// The CSP demo pages (csp-*.html) always get the strict Content-Security-Policy they are written
// for; with --csp every response gets it.
const CSP_PAGE = /^\/csp-[\w-]+\.html$/;
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";

const server = await serve({
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
// runs before the file handler, which keeps headers already set
server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
  if (CSP_PAGE.test(new URL(req.url ?? '/', 'http://localhost').pathname)) res.setHeader('Content-Security-Policy', STRICT);
});
const actual = (server.address() as AddressInfo).port;
console.log(`fokus-widgets demo: http://localhost:${actual}/  (endpoint: http://localhost:${actual}/data/)`);
