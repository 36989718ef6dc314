// The writer alone: the rows of an ingested database (this checkout's layout) inserted again into a
// fresh file through createRowWriter, 100 a call, rows prebuilt; prints µs per row. Run it in each
// checkout on a database that checkout ingested, round after round, for the layouts' SQLite work:
//   npx tsx bench/bench-insert.ts ingested.db [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatch, createRowWriter, openDatabase } from '../db/index.ts';

const [source, limitArg] = process.argv.slice(2);
const limit = Number(limitArg ?? 200_000);
const from = openDatabase(source!);
const cols = (from.sqlite.prepare("select name from pragma_table_info('usage_events')").all() as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'id');
const rows = from.sqlite
  .prepare(`select ${cols.map((c) => `"${c}"`).join(', ')} from usage_events order by id limit ?`)
  .raw()
  .all(limit) as unknown[][];
const dir = mkdtempSync(join(tmpdir(), 'switchboard-insert-'));
const fresh = openDatabase(join(dir, 'insert.db'));
if (from.sqlite.prepare("select 1 from sqlite_master where name = 'usage_dictionary'").get()) {
  const put = fresh.sqlite.prepare('insert into usage_dictionary (id, value) values (?, ?)');
  fresh.sqlite.transaction(() => {
    for (const d of from.sqlite.prepare('select id, value from usage_dictionary').raw().all() as Array<[number, string]>) put.run(d[0], d[1]);
  })();
}
from.close();
const writer = createRowWriter(fresh, createBatch(fresh, { sourceName: 'bench', format: 'asterisk', path: null, fileSha256: null, parserOptions: {} }));
const start = process.hrtime.bigint();
for (let i = 0; i < rows.length; i += 100) writer.write(rows.slice(i, i + 100), []);
writer.commit();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
fresh.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: rows.length, usPerRow: Math.round((seconds / rows.length) * 1e7) / 10 }));
