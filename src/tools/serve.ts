/**
 * A small static file server for endpoint folders and the demo, fit to run behind a
 * reverse proxy or CDN: gzip and brotli, strong ETags and 304, Cache-Control, a CORS
 * allow-list, correct content types, no directory listing, no path traversal.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export interface Mount {
  /** URL prefix, e.g. `/data/`. */
  prefix: string;
  /** Folder served under the prefix. */
  dir: string;
  /** Cache-Control for files of this mount (default: `public, max-age=300`). */
  cacheControl?: string;
}

export interface ServeOptions {
  mounts: Mount[];
  port?: number;
  host?: string;
  /** Origins allowed to read cross-origin (`*` for any). Default: none. */
  cors?: string[];
  /** Extra headers on every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Log one line per request. */
  log?: boolean;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

interface Entry {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

/** Resolves a URL path inside `dir`, or null when it would leave it. */
export function safeJoin(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(dir);
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/** Creates the request handler (exported for tests and for embedding in other servers). */
export function createHandler(options: ServeOptions) {
  const cache = new Map<string, Entry>();
  const mounts = [...options.mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const cors = options.cors ?? [];

  async function load(file: string): Promise<Entry | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (info.isDirectory()) {
      return load(path.join(file, 'index.html'));
    }
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(file);
    const entry: Entry = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    };
    cache.set(file, entry);
    return entry;
  }

  function setCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (cors.includes('*')) res.setHeader('Access-Control-Allow-Origin', '*');
    else if (origin && cors.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin, Accept-Encoding');
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    setCors(req, res);
    const done = (status: number, text?: string) => {
      res.statusCode = status;
      if (text !== undefined) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : text);
      } else res.end();
      if (options.log) console.log(`${req.method} ${url.pathname} ${status} ${Date.now() - started} ms`);
    };

    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '86400');
      return done(204);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      return done(405, 'Method not allowed');
    }
    const mount = mounts.find((m) => url.pathname.startsWith(m.prefix));
    const file = mount ? safeJoin(mount.dir, url.pathname.slice(mount.prefix.length)) : null;
    if (!mount || !file) return done(404, 'Not found');
    const entry = await load(file);
    if (!entry) return done(404, 'Not found');

    const ext = path.extname(file.endsWith(path.sep) || !path.extname(file) ? 'index.html' : file);
    const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', mount.cacheControl ?? 'public, max-age=300');
    res.setHeader('Vary', res.getHeader('Vary') ?? 'Accept-Encoding');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, '') === entry.etag)) return done(304);

    let body = entry.body;
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.test(type) && body.length > 512) {
      if (/\bbr\b/.test(accept)) {
        entry.br ??= brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
        body = entry.br;
        res.setHeader('Content-Encoding', 'br');
      } else if (/\bgzip\b/.test(accept)) {
        entry.gzip ??= gzipSync(body, { level: 9 });
        body = entry.gzip;
        res.setHeader('Content-Encoding', 'gzip');
      }
    }
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
    if (options.log) console.log(`${req.method} ${url.pathname} 200 ${Date.now() - started} ms`);
  };
}

/** Starts the server; resolves once it listens. */
export function serve(options: ServeOptions): Promise<Server> {
  const handler = createHandler(options);
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
