import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { buildPopulationFor, writeCdrFile, type GeneratorOptions } from '../evals/generator/index.ts';
import type { AcceptedRecord } from '../tools/cdr/ingest-sink.types.ts';
import { createWorkerSink } from './create-worker-sink.ts';
import { createBatch, createDbSink } from './ingest-store.ts';
import { setOperatorSetting } from './settings-store.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { ingestFile } from '../app/ingest/index.ts';
import { withEnvironment } from '../config/index.ts';
import { onPostgres } from './testing/on-postgres.ts';

const stores: Array<ReturnType<typeof createTempStore>> = [];
afterEach(() => stores.splice(0).forEach((s) => s.cleanup()));
/** Books on the suite's engine: on SQLite its writer thread is under test, on PostgreSQL its multi-row writer. */
const temp = () => {
  const s = createTempStore();
  stores.push(s);
  return s;
};
/** SQLite books whatever the suite's engine: the inline writer there is the reference both are held to. */
const sqliteTemp = () => {
  const s = withEnvironment({ ...process.env, SWITCHBOARD_DATABASE_URL: '' }, () => createTempStore());
  stores.push(s);
  return s;
};
type Books = ReturnType<typeof temp>;
/** The writer the suite's engine ingests large files with: SQLite's writer thread; PostgreSQL has one writer (inline, multi-row). */
const writerUnderTest = onPostgres ? ('inline' as const) : ('thread' as const);

// Every column (rated_at is the clock and the id the insertion order); on SQLite with its storage
// class too, so the thread is held to the inline writer's types. Across engines the values are
// compared as the db layer reads them (numbers, strings, buffers, null).
const columns = (s: Books) =>
  (s.dialect === 'sqlite'
    ? (s.sqlite.prepare(`select name from pragma_table_info('usage_events')`).all() as Array<{ name: string }>)
    : (s.sqlite.prepare("select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'usage_events' order by ordinal_position").all() as Array<{
        name: string;
      }>)
  )
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'rated_at');
const dump = (s: Books, other: Books) => {
  const cols = columns(s);
  const typed = s.dialect === 'sqlite' && other.dialect === 'sqlite';
  return s.sqlite.prepare(`select ${cols.map((c) => (typed ? `"${c}", typeof("${c}") as "${c}:type"` : `"${c}"`)).join(', ')} from usage_events order by idem_key`).all();
};

describe('the large-file writer (SQLite: its thread; PostgreSQL: its multi-row writer) stores exactly what SQLite’s inline writer stores', () => {
  it('for a rated file: every column, value and storage class', async () => {
    const root = join(import.meta.dirname, '..');
    const options: GeneratorOptions = { format: 'asterisk', rows: 3000, seed: 5, subscribers: 300 };
    const [threaded, inline] = [temp(), sqliteTemp()];
    expect(inline.dialect).toBe('sqlite');
    const file = join(threaded.dir, 'Master.csv');
    await writeCdrFile(file, options);
    const settings = { ...JSON.parse(readFileSync(join(root, 'evals/datasets/demo-operator/settings.json'), 'utf8')), ...buildPopulationFor(options).operatorSettings };
    for (const s of [threaded, inline]) {
      for (const [k, v] of Object.entries(settings)) setOperatorSetting(s, k, v);
      importTariffFromPath(join(root, 'evals/datasets/demo-operator/tariff.yaml'), {}, s);
    }
    const a = await ingestFile(threaded, file, { format: 'asterisk', rate: true, writer: writerUnderTest });
    const b = await ingestFile(inline, file, { format: 'asterisk', rate: true, writer: 'inline' });
    expect(a.statuses.rated).toBeGreaterThan(2000);
    expect([a.read, a.accepted, a.duplicates, a.quarantined]).toEqual([b.read, b.accepted, b.duplicates, b.quarantined]);
    expect(dump(threaded, inline)).toEqual(dump(inline, threaded));
    // The shared texts the rows name, and each batch's id range, are stored alike by both writers.
    const texts = (st: Books) => st.sqlite.prepare('select id, value from usage_dictionary order by id').all();
    expect(texts(threaded).length).toBeGreaterThan(10);
    expect(texts(threaded)).toEqual(texts(inline));
    const range = (st: Books) =>
      st.sqlite.prepare('select first_event_id f, last_event_id l, (select min(id) from usage_events) lo, (select max(id) from usage_events) hi from ingest_batches').get() as Record<string, number>;
    for (const r of [range(threaded), range(inline)]) expect([r.f, r.l]).toEqual([r.lo, r.hi]);
  });

  it('for values a row string cannot carry (separator and NUL characters), which travel as they are', async () => {
    const record = (n: number, otherParty: string, sourceId: string | null): AcceptedRecord => ({
      idemKey: `t:${n}`,
      lineNo: n,
      record: {
        sourceId,
        service: 'voice',
        direction: 'outbound',
        subscriber: '447700900001',
        otherParty,
        imsi: null,
        servingNetwork: null,
        visitedCountry: null,
        startTime: 1740787581000 + n,
        answerTime: null,
        endTime: null,
        duration: 0,
        usage: 0,
        disposition: 'no_answer',
        attributes: { note: `x\u001fy${n}` },
      },
      classification: { category: 'unclassified', roaming: 'none', destination: null, destinationCountry: null, reason: `odd \u001f ${n}` },
      rating: null,
    });
    // A NUL never reaches a sink from ingest (it quarantines the line as CONTROL_CHARACTER); the NUL rows check
    // that SQLite's writer thread carries one as its inline path does. PostgreSQL's text cannot hold it at all.
    const nul = onPostgres ? [] : [record(2, '\u0000', null), record(3, '', '\u0000')];
    const records = [record(1, '0161\u001f496', 'a'), ...nul, record(4, '01614960123', 'b'), record(4, 'again', 'c')];
    const [threaded, inline] = [temp(), sqliteTemp()];
    const batch = (s: Books) => createBatch(s, { sourceName: 't', format: 'jsonl', path: null, fileSha256: null, parserOptions: {} });
    const sink = onPostgres ? createDbSink(threaded, batch(threaded), 'tenant') : createWorkerSink(threaded.path, batch(threaded), 'tenant');
    const result = await sink.writeChunk(records, []);
    await sink.finish?.();
    const direct = createDbSink(inline, batch(inline), 'tenant');
    expect(result).toEqual(direct.writeChunk(records, []));
    direct.finish?.();
    expect(result.acceptedNew).toEqual([true, ...nul.map(() => true), true, false]);
    expect(dump(threaded, inline)).toEqual(dump(inline, threaded));
  });
});
