import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { WebEnv } from './web-env.ts';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'assets');
// Chart.js's own build, served from node_modules: no CDN, works offline, updated with npm.
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

/** The files the pages load: path, file on disk, content type. */
const ASSETS: ReadonlyArray<{ path: string; file: string; type: string }> = [
  { path: '/assets/app.css', file: join(HERE, 'app.css'), type: 'text/css; charset=utf-8' },
  { path: '/assets/console.js', file: join(HERE, 'console.js'), type: 'text/javascript; charset=utf-8' },
  { path: '/assets/portal.js', file: join(HERE, 'portal.js'), type: 'text/javascript; charset=utf-8' },
  { path: '/assets/chat.js', file: join(HERE, 'chat.js'), type: 'text/javascript; charset=utf-8' },
  { path: '/assets/chart.js', file: CHART_JS, type: 'text/javascript; charset=utf-8' },
];

/** Serves the stylesheet and scripts, read once, with an ETag so a browser asks again cheaply. */
export function mountAssets(web: Hono<WebEnv>): void {
  for (const a of ASSETS) {
    let cached: { body: string; etag: string } | undefined;
    web.get(a.path, (c) => {
      cached ??= (() => {
        const body = readFileSync(a.file, 'utf8');
        return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
      })();
      if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
      return c.body(cached.body, 200, { 'content-type': a.type, etag: cached.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    });
  }
}
