// API benchmark (`npm run bench:api`, figures only): `switchboard serve` on 127.0.0.1 (a free
// port) over a copy of the demo database, loaded by 50 concurrent keep-alive clients over the
// loopback, each stage bounded in requests and in seconds. Prints requests/s and p50/p99 latency
// for invoice show and usage list (when the route exists), and one upload of a 100k-line CDR file.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApiToken, getOperatorSettings, openDatabase, saveUser } from '../db/index.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'switchboard.js');
const OUT = join(ROOT, 'bench', 'out', 'api');
const CLIENTS = 50;
const MAX_REQUESTS = 5_000;
const MAX_SECONDS = 15;
const UPLOAD_LINES = 100_000;

function sb(args: string[], what: string): void {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr || r.stdout}`);
  console.log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The demo database (built once, then reused from bench/out/api) and the 100k-line file. */
function prepare(): { db: string; cdrs: string } {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, 'demo-base.db');
  if (!existsSync(base)) sb(['--db', base, 'demo', '--dir', join(OUT, 'demo'), '--json'], 'built the demo database (once)');
  const cdrs = join(OUT, `cdrs-${UPLOAD_LINES}.csv`);
  if (!existsSync(cdrs))
    sb(['generate', '--format', 'csv', '--rows', String(UPLOAD_LINES), '--seed', '11', '--start', '2025-04-01', '--days', '30', '--out', cdrs, '--json'], `generated ${UPLOAD_LINES} CDR lines (once)`);
  const db = join(OUT, 'run.db');
  for (const side of ['', '-wal', '-shm']) rmSync(`${db}${side}`, { force: true });
  copyFileSync(base, db);
  return { db, cdrs };
}

/** Starts `switchboard serve --port 0` and resolves with its URL. */
function startServer(db: string) {
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CI: '1', SWITCHBOARD_LOG_LEVEL: 'warn' },
  });
  const url = new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve ended (${code}) before listening`)));
  });
  return { child, url };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

/** 50 clients, each sending its next request when the last is answered, until the request or time bound. */
async function load(name: string, next: (i: number) => string, headers: Record<string, string>): Promise<void> {
  const latencies: number[] = [];
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  const client = async () => {
    while (sent < MAX_REQUESTS && performance.now() < deadline) {
      const i = sent++;
      const t0 = performance.now();
      const res = await fetch(next(i), { headers });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(22)} ${String(latencies.length).padStart(5)} requests in ${seconds.toFixed(1)} s: ${(latencies.length / seconds).toFixed(0).padStart(5)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${failed ? `, ${failed} not 200` : ''}`,
  );
}

async function main(): Promise<void> {
  console.log(`API benchmark: ${CLIENTS} clients over the loopback, each stage at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s`);
  const { db, cdrs } = prepare();
  const store = openDatabase(db);
  const tenant = getOperatorSettings(store).tenant;
  saveUser(store, { id: 'bench', tenant, name: 'Bench', roles: ['analyst', 'admin'] });
  const { token } = createApiToken(store, 'bench', 'bench');
  const numbers = (store.sqlite.prepare("SELECT number FROM invoices WHERE number LIKE 'INV-%' ORDER BY id LIMIT 500").all() as Array<{ number: string }>).map((r) => r.number);
  store.close();
  const server = startServer(db);
  try {
    const url = await server.url;
    const headers = { authorization: `Bearer ${token}` };
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    console.log(`  serving ${url} on a copy of the demo database (${numbers.length} invoices sampled)`);
    await load('GET invoice show', (i) => `${url}/api/v1/invoices/${numbers[i % numbers.length]}`, headers);
    const usage = Object.keys(doc.paths).find((p) => /^\/api\/v1\/usage[^{]*$/.test(p) && doc.paths[p]!.get);
    if (usage) await load('GET usage list', () => `${url}${usage}?limit=50`, headers);
    else console.log('GET usage list         skipped: no /api/v1/usage route in this build');
    if (doc.paths['/api/v1/cdr-uploads']?.post) {
      const bytes = statSync(cdrs).size;
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/cdr-uploads?format=csv`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
        body: Readable.toWeb(createReadStream(cdrs)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const report = (await res.json()) as { read?: number; accepted?: number };
      const seconds = (performance.now() - t0) / 1000;
      console.log(
        `POST cdr-uploads       1 upload of ${UPLOAD_LINES} lines (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ${(UPLOAD_LINES / seconds).toFixed(0)} lines/s, status ${res.status}, read ${report.read ?? '?'}, accepted ${report.accepted ?? '?'}`,
      );
    } else console.log('POST cdr-uploads       skipped: no /api/v1/cdr-uploads route in this build');
  } finally {
    server.child.kill('SIGTERM');
  }
}

await main();
