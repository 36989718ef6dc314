// End to end: file -> parsed -> classified -> rated -> stored in a fresh SQLite file (WAL).
// Arguments: file, repository root, seed, subscribers, and optionally `inline` or `thread` (the writer)
// and `no-detect` (without the fraud detection stage, docs/fraud.md), `insert` (then also time the
// writer alone: the stored rows inserted again into a fresh file, 100 a call, as the writer gets them).
// With SWITCHBOARD_DATABASE_URL set the books are a fresh PostgreSQL schema instead (dropped after),
// its bytes per event from pg_total_relation_size; the insert-only figure is SQLite's alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { createBatch, createRowWriter, openDatabase, setOperatorSetting } from '../db/index.ts';
import { buildPopulationFor } from '../evals/generator/index.ts';
import { cpuSeconds, measure } from './measure.ts';
import { ingestFile } from '../app/ingest/index.ts';

const [file, root, seed, subscribers, ...flags] = process.argv.slice(2);
const writer = flags.find((f) => f === 'inline' || f === 'thread');
const detect = !flags.includes('no-detect');
const timeInserts = flags.includes('insert');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
const store = openDatabase(join(dir, 'bench.db'));
const settings = {
  ...JSON.parse(readFileSync(join(root!, 'evals/datasets/demo-operator/settings.json'), 'utf8')),
  ...buildPopulationFor({ seed: Number(seed), subscribers: Number(subscribers) }).operatorSettings,
};
for (const [k, v] of Object.entries(settings)) setOperatorSetting(store, k, v);
importTariffFromPath(join(root!, 'evals/datasets/demo-operator/tariff.yaml'), {}, store);
let counts: Awaited<ReturnType<typeof ingestFile>> | undefined;
const cpuBefore = cpuSeconds();
const perRowUs = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / counts!.read) * 1e7) / 10);
const result = await measure(
  'end-to-end',
  async () => {
    counts = await ingestFile(store, file!, { format: 'asterisk', rate: true, detect, ...(writer === 'inline' || writer === 'thread' ? { writer } : {}) });
    return counts.read;
  },
  () => {
    const cpu = cpuSeconds();
    const main = cpu.main === null || cpuBefore.main === null ? null : cpu.main - cpuBefore.main;
    return {
      accepted: counts!.accepted,
      quarantined: counts!.quarantined,
      duplicates: counts!.duplicates,
      statuses: counts!.statuses,
      detection: detect ? { alerts: counts!.alerts.length } : 'off',
      // Where the CPU went, per input row: the pipeline thread, and everything else (the writer
      // thread, V8's collector helpers). On a busy machine these say more than the wall clock.
      cpuUsPerRow: { mainThread: perRowUs(main), otherThreads: perRowUs(main === null ? null : cpu.total - cpuBefore.total - main) },
    };
  },
);
// Bytes per stored event: the pages of usage_events, its indexes and the texts it shares, from
// SQLite's dbstat table (the whole file's pages over rows when dbstat is missing).
const storage = (() => {
  const rows = (store.sqlite.prepare('select count(*) n from usage_events').get() as { n: number }).n;
  if (store.dialect === 'postgres') {
    // The table with its TOAST and indexes, and the texts it shares, after a VACUUM ANALYZE (the
    // visibility map and statistics an operator's autovacuum would leave).
    for (const t of ['usage_events', 'usage_dictionary']) store.sqlite.exec(`VACUUM ANALYZE ${t}`);
    const size = (fn: string, t: string) => (store.sqlite.prepare(`select ${fn}(?::regclass) n`).get(t) as { n: number }).n;
    const all = size('pg_total_relation_size', 'usage_events') + size('pg_total_relation_size', 'usage_dictionary');
    const table = size('pg_table_size', 'usage_events') + size('pg_table_size', 'usage_dictionary');
    return { rows, bytesPerEvent: Math.round(all / rows), bytesPerEventNoIndexes: Math.round(table / rows), pages: { usage_events: size('pg_total_relation_size', 'usage_events') } };
  }
  try {
    const pages = store.sqlite.prepare("select name, sum(pgsize) bytes from dbstat where name like 'usage_%' or name like 'sqlite_autoindex_usage_%' group by name").all() as Array<{
      name: string;
      bytes: number;
    }>;
    const table = pages.filter((p) => p.name === 'usage_events' || p.name === 'usage_dictionary').reduce((a, p) => a + p.bytes, 0);
    const all = pages.reduce((a, p) => a + p.bytes, 0);
    return { rows, bytesPerEvent: Math.round(all / rows), bytesPerEventNoIndexes: Math.round(table / rows), pages: Object.fromEntries(pages.map((p) => [p.name, p.bytes])) };
  } catch {
    const { page_count: n } = store.sqlite.prepare('pragma page_count').get() as { page_count: number };
    const { page_size: size } = store.sqlite.prepare('pragma page_size').get() as { page_size: number };
    return { rows, bytesPerEvent: Math.round((n * size) / rows), bytesPerEventNoIndexes: null, pages: null };
  }
})();
// The writer alone: SQLite's work per row of this layout, rows prebuilt (read back as stored).
const insertOnly = (() => {
  if (!timeInserts || store.dialect === 'postgres') return null;
  const cols = (store.sqlite.prepare("select name from pragma_table_info('usage_events')").all() as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'id');
  const rows = store.sqlite
    .prepare(`select ${cols.map((c) => `"${c}"`).join(', ')} from usage_events order by id limit 200000`)
    .raw()
    .all() as unknown[][];
  const fresh = openDatabase(join(dir, 'insert.db'));
  const hasDictionary = store.sqlite.prepare("select 1 from sqlite_master where name = 'usage_dictionary'").get() !== undefined;
  if (hasDictionary) {
    const put = fresh.sqlite.prepare('insert into usage_dictionary (id, value) values (?, ?)');
    fresh.sqlite.transaction(() => {
      for (const d of store.sqlite.prepare('select id, value from usage_dictionary').raw().all() as Array<[number, string]>) put.run(d[0], d[1]);
    })();
  }
  const batchId = createBatch(fresh, { sourceName: 'bench', format: 'asterisk', path: null, fileSha256: null, parserOptions: {} });
  const writer = createRowWriter(fresh, batchId);
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 100) writer.write(rows.slice(i, i + 100), []);
  writer.commit();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fresh.close();
  return { rows: rows.length, usPerRow: Math.round((seconds / rows.length) * 1e7) / 10 };
})();
result.extra = { ...result.extra, storage, ...(insertOnly ? { insertOnly } : {}) };
store.close();
// Imported here: this harness also runs in the old layout's checkout, which has no PostgreSQL layer.
if (store.dialect === 'postgres') (await import('../db/postgres/postgres-books.ts')).dropPostgresBooks(store.postgres!.url, store.path);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
