import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPopulationFor, writeCdrFile, type GeneratorOptions } from '../../evals/generator/index.ts';
import { createDbSink, createBatch, getUsageEvent, listQuarantine, setOperatorSetting, usageCounts } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { createParser, ingestLines, plausibilityWindow, readLines, type IngestSink } from '../../tools/cdr/index.ts';
import { createRecordClassifier, operatorSettingsSchema } from '../../tools/classify/index.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { replayQuarantine } from '../../app/quarantine/index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const count = (table: string) => (store.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

const GOOD = [
  '"","1001","01614960123","from-internal","""Alice"" <1001>","PJSIP/1001-00000001","PJSIP/trunk-00000002","Dial","PJSIP/01614960123@trunk,60","2025-03-03 10:00:00","2025-03-03 10:00:05","2025-03-03 10:01:35",95,90,"ANSWERED","DOCUMENTATION","1741000000.1",""',
  '"","1002","07390100001","from-internal","Bob <1002>","PJSIP/1002-00000003","","Dial","PJSIP/07390100001@trunk,60","2025-03-03 11:00:00","","2025-03-03 11:00:20",20,0,"NO ANSWER","DOCUMENTATION","1741000000.2",""',
  '"","1003","999","from-internal","Carol <1003>","PJSIP/1003-00000004","PJSIP/trunk-00000005","Dial","PJSIP/999@trunk,60","2025-03-03 12:00:00","2025-03-03 12:00:01","2025-03-03 12:03:01",181,180,"ANSWERED","DOCUMENTATION","1741000000.3",""',
];
const BAD = {
  WRONG_COLUMN_COUNT: '"","1001","0161","from-internal"',
  UNTERMINATED_QUOTE:
    '"","1001","01614960123","from-internal","A","PJSIP/1001","","Dial","x","2025-03-03 10:00:00","2025-03-03 10:00:05","2025-03-03 10:01:35",95,90,"ANSWERED","DOCUMENTATION","1741000000.9","note',
  INVALID_DATE:
    '"","1001","01614960123","from-internal","A","PJSIP/1001","","Dial","x","2025-02-30 10:00:00","2025-02-30 10:00:05","2025-02-30 10:01:35",95,90,"ANSWERED","DOCUMENTATION","1741000000.10",""',
  NEGATIVE_DURATION:
    '"","1001","01614960123","from-internal","A","PJSIP/1001","","Dial","x","2025-03-03 10:00:00","2025-03-03 10:00:05","2025-03-03 10:01:35",-95,90,"ANSWERED","DOCUMENTATION","1741000000.11",""',
  UNKNOWN_DISPOSITION:
    '"","1001","01614960123","from-internal","A","PJSIP/1001","","Dial","x","2025-03-03 10:00:00","2025-03-03 10:00:05","2025-03-03 10:01:35",95,90,"HUNG UP","DOCUMENTATION","1741000000.12",""',
};

function settings() {
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'timezone', 'Europe/London');
}

describe('ingest: nothing lost, nothing doubled (real SQLite)', () => {
  it('quarantines each malformed line on its own and accepts its neighbours', async () => {
    settings();
    const file = join(store.dir, 'Master.csv');
    writeFileSync(file, [GOOD[0], ...Object.values(BAD), GOOD[1], GOOD[2]].join('\n'));
    const r = await ingestFile(store, file, { format: 'asterisk' });
    expect([r.read, r.accepted, r.duplicates, r.quarantined]).toEqual([8, 3, 0, 5]);
    expect(r.quarantineReasons).toEqual({ WRONG_COLUMN_COUNT: 1, UNTERMINATED_QUOTE: 1, INVALID_DATE: 1, NEGATIVE_DURATION: 1, UNKNOWN_DISPOSITION: 1 });
    const q = listQuarantine(store, { status: 'open' });
    expect(q.map((x) => x.lineNo).sort()).toEqual([2, 3, 4, 5, 6]);
    expect(q.find((x) => x.reason === 'INVALID_DATE')!.raw).toBe(BAD.INVALID_DATE);
    expect(count('usage_events')).toBe(3);
  });

  it('finds only duplicates when the same file is ingested again, and in overlapping files', async () => {
    settings();
    const a = join(store.dir, 'a.csv');
    const b = join(store.dir, 'b.csv');
    writeFileSync(a, [GOOD[0], GOOD[1], BAD.INVALID_DATE].join('\n'));
    writeFileSync(b, [GOOD[1], GOOD[2], GOOD[2]].join('\n')); // overlaps a, and repeats a row
    await ingestFile(store, a, { format: 'asterisk' });
    const again = await ingestFile(store, a, { format: 'asterisk' });
    expect([again.read, again.accepted, again.duplicates, again.quarantined]).toEqual([3, 0, 3, 0]);
    const overlap = await ingestFile(store, b, { format: 'asterisk' });
    expect([overlap.read, overlap.accepted, overlap.duplicates, overlap.quarantined]).toEqual([3, 1, 2, 0]);
    expect(count('usage_events')).toBe(3);
    expect(count('quarantine')).toBe(1);
    expect(count('ingest_duplicates')).toBe(5);
  });

  it('loses and doubles nothing when a run crashes mid-file and is run again', async () => {
    const file = join(store.dir, 'big.csv');
    const options: GeneratorOptions = { format: 'asterisk', rows: 3000, seed: 11, subscribers: 200 };
    const stats = await writeCdrFile(file, options);
    const s = operatorSettingsSchema.parse({ ...buildPopulationFor(options).operatorSettings, timezone: 'Europe/London' });
    const classifier = createRecordClassifier();
    const run = async (sink: IngestSink) =>
      ingestLines(readLines(createReadStream(file)), createParser('asterisk', { timezone: s.timezone, plausibility: plausibilityWindow(Date.UTC(2025, 5, 1), s) }), sink, {
        sourceName: 'asterisk',
        classify: (rec) => classifier(rec, s),
        chunkSize: 500,
      });
    // Commits every 1,000 records, so some work is durable before the crash and some is not.
    const real = createDbSink(store, createBatch(store, { sourceName: 'asterisk', format: 'asterisk', path: file, fileSha256: null, parserOptions: {} }), s.tenant, { commitEvery: 1000 });
    let chunks = 0;
    // The process dies at the fifth chunk: what was not committed is rolled back, as SQLite does on a crash.
    const crashing: IngestSink = {
      writeChunk(a, q) {
        if (++chunks === 5) throw new Error('power cut');
        return real.writeChunk(a, q);
      },
      abort: () => real.abort?.(),
    };
    await expect(run(crashing)).rejects.toThrow('power cut');
    const afterCrash = count('usage_events') + count('quarantine');
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThan(stats.records + stats.malformed.total);
    const rerun = await run(createDbSink(store, createBatch(store, { sourceName: 'asterisk', format: 'asterisk', path: file, fileSha256: null, parserOptions: {} }), s.tenant));
    expect(rerun.read).toBe(rerun.accepted + rerun.duplicates + rerun.quarantined);
    expect(count('usage_events')).toBe(stats.records);
    expect(count('quarantine')).toBe(stats.malformed.total);
  });

  it('replays a corrected quarantined line into an accepted record, once', async () => {
    settings();
    const file = join(store.dir, 'Master.csv');
    writeFileSync(file, [GOOD[0], BAD.INVALID_DATE].join('\n'));
    await ingestFile(store, file, { format: 'asterisk' });
    const [q] = listQuarantine(store, { status: 'open' });
    const stillBad = replayQuarantine(store, { id: q!.id });
    expect(stillBad).toMatchObject({ replayed: 0, stillQuarantined: 1 });
    const fixed = replayQuarantine(store, { id: q!.id, raw: BAD.INVALID_DATE.replaceAll('2025-02-30', '2025-02-28') });
    expect(fixed.results[0]).toMatchObject({ outcome: 'accepted' });
    expect(count('usage_events')).toBe(2);
    expect(listQuarantine(store, { status: 'open' })).toHaveLength(0);
    expect(() => replayQuarantine(store, { id: q!.id })).toThrow(/already replayed/);
  });
});

describe('ingest: a NUL character is bad input on every engine', () => {
  it('quarantines a raw NUL as CONTROL_CHARACTER, once, shown as U+2400, and replays only a corrected line', async () => {
    settings();
    const file = join(store.dir, 'Master.csv');
    const nul = GOOD[1]!.replace('"Bob <1002>"', '"Bob\u0000 <1002>"');
    writeFileSync(file, [GOOD[0], nul, GOOD[2]].join('\n'));
    const r = await ingestFile(store, file, { format: 'asterisk' });
    expect([r.read, r.accepted, r.quarantined]).toEqual([3, 2, 1]);
    expect(r.quarantineReasons).toEqual({ CONTROL_CHARACTER: 1 });
    const [q] = listQuarantine(store, { status: 'open' });
    expect(q).toMatchObject({ lineNo: 2, reason: 'CONTROL_CHARACTER', raw: nul.replace('\u0000', '\u2400') });
    const again = await ingestFile(store, file, { format: 'asterisk' });
    expect([again.read, again.accepted, again.duplicates, again.quarantined]).toEqual([3, 0, 3, 0]);
    // The stored text is not the line as read, so it does not replay by itself, nor does a corrected line that keeps a NUL.
    expect(replayQuarantine(store, { id: q!.id }).results[0]).toMatchObject({ outcome: 'still_quarantined', reason: 'CONTROL_CHARACTER' });
    expect(replayQuarantine(store, { id: q!.id, raw: nul }).results[0]).toMatchObject({ outcome: 'still_quarantined', reason: 'CONTROL_CHARACTER' });
    expect(listQuarantine(store, { status: 'open' })[0]!.raw).toBe(nul.replace('\u0000', '\u2400'));
    expect(replayQuarantine(store, { id: q!.id, raw: GOOD[1]! }).results[0]).toMatchObject({ outcome: 'accepted' });
    expect(count('usage_events')).toBe(3);
  });

  it('quarantines an escaped NUL in a JSON Lines value or key and accepts its neighbours', async () => {
    settings();
    const file = join(store.dir, 'cdrs.jsonl');
    const line = (id: string, extra: string) =>
      `{"record_id":"${id}","service":"voice","direction":"outbound","subscriber":"447400100001","other_party":"01614960123","start":"2025-03-03T10:00:00Z","duration":60,"disposition":"answered"${extra}}`;
    writeFileSync(file, [line('j1', ''), line('j2', ',"notes":"a\\u0000b"'), line('j3', ',"x\\u0000":"1"'), line('j4', ',"notes":"\\\\u0000 is text"')].join('\n'));
    const r = await ingestFile(store, file, { format: 'jsonl' });
    expect([r.read, r.accepted, r.quarantined]).toEqual([4, 2, 2]);
    expect(r.quarantineReasons).toEqual({ CONTROL_CHARACTER: 2 });
  });
});

describe('quarantine replay of a generic CSV line', () => {
  it('re-reads a corrected line with the columns of its file header', async () => {
    const file = join(store.dir, 'usage.csv');
    writeFileSync(
      file,
      ['record_id,service,subscriber,other_party,start,duration', 'r1,voice,447400100001,01614960123,2025-03-03T10:00:00Z,60', 'r2,voice,447400100001,01614960123,2025-02-30T10:00:00Z,60'].join('\n'),
    );
    const r = await ingestFile(store, file, { format: 'csv' });
    expect([r.accepted, r.quarantined]).toEqual([1, 1]);
    const [q] = listQuarantine(store, { status: 'open' });
    expect(q!.reason).toBe('INVALID_DATE');
    const fixed = replayQuarantine(store, { id: q!.id, raw: 'r2,voice,447400100001,01614960123,2025-02-28T10:00:00Z,60' });
    expect(fixed.results[0]).toMatchObject({ outcome: 'accepted' });
    expect(store.sqlite.prepare('select source_id from usage_events order by id').all()).toEqual([{ source_id: 'r1' }, { source_id: 'r2' }]);
  });
});

describe('ingest: generated files reconcile exactly with the generator', () => {
  for (const format of ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const) {
    it(`${format}: accepted = records, duplicates = repeats, quarantined = malformed; categories as generated`, async () => {
      const options: GeneratorOptions = { format, rows: 4000, seed: 3, subscribers: 300, malformedRate: 0.01, duplicateRate: 0.01 };
      const file = join(store.dir, `cdrs.${format}`);
      const stats = await writeCdrFile(file, options);
      for (const [k, v] of Object.entries({ ...buildPopulationFor(options).operatorSettings, timezone: 'Europe/London' })) setOperatorSetting(store, k, v);
      const r = await ingestFile(store, file, { format });
      expect(r.read).toBe(stats.rows);
      expect(r.read).toBe(r.accepted + r.duplicates + r.quarantined);
      expect([r.accepted, r.duplicates, r.quarantined]).toEqual([stats.records, stats.duplicates, stats.malformed.total]);
      expect(r.quarantineReasons).toEqual(stats.malformed.byKind);
      const byCategory: Record<string, number> = {};
      for (const c of usageCounts(store).byCategory) byCategory[c.category] = (byCategory[c.category] ?? 0) + c.n;
      expect(byCategory).toEqual(Object.fromEntries(Object.entries(stats.byCategory).filter(([, n]) => n > 0)));
    });
  }
});

describe('ingest on a writer thread (the path large files take)', () => {
  it('reconciles exactly, finds duplicates on a re-run, and matches the inline path', async () => {
    const options: GeneratorOptions = { format: 'csv', rows: 3000, seed: 8, subscribers: 200, malformedRate: 0.01, duplicateRate: 0.01 };
    const file = join(store.dir, 'cdrs.csv');
    const stats = await writeCdrFile(file, options);
    for (const [k, v] of Object.entries({ ...buildPopulationFor(options).operatorSettings, timezone: 'Europe/London' })) setOperatorSetting(store, k, v);
    const threaded = await ingestFile(store, file, { format: 'csv', writer: 'thread' });
    expect([threaded.read, threaded.accepted, threaded.duplicates, threaded.quarantined]).toEqual([stats.rows, stats.records, stats.duplicates, stats.malformed.total]);
    expect(count('usage_events')).toBe(stats.records);
    const again = await ingestFile(store, file, { format: 'csv', writer: 'thread' });
    expect([again.accepted, again.duplicates, again.quarantined]).toEqual([0, stats.rows, 0]);

    const inline = createTempStore();
    try {
      for (const [k, v] of Object.entries({ ...buildPopulationFor(options).operatorSettings, timezone: 'Europe/London' })) setOperatorSetting(inline, k, v);
      await ingestFile(inline, file, { format: 'csv', writer: 'inline' });
      const dump = (s: typeof store) => s.sqlite.prepare('select idem_key, category, roaming, usage, status from usage_events order by idem_key').all();
      expect(dump(store)).toEqual(dump(inline));
    } finally {
      inline.cleanup();
    }
  });
});

describe('ingest: line endings and text encodings', () => {
  it('reads a file with CR-only line endings as one record per line', async () => {
    settings();
    const file = join(store.dir, 'mac.csv');
    writeFileSync(file, `${GOOD.join('\r')}\r`);
    const r = await ingestFile(store, file, { format: 'asterisk' });
    expect([r.read, r.accepted, r.quarantined]).toEqual([3, 3, 0]);
  });

  it('refuses a Latin-1 file before storing anything, and reads it when the encoding is declared', async () => {
    settings();
    const file = join(store.dir, 'latin1.csv');
    const named = GOOD.map((l, i) => l.replace(/"(""Alice"" |Bob |Carol )<(100\d)>"/, `"Jos\u00e9 M\u00fcller ${i} <$2>"`));
    writeFileSync(file, Buffer.from(named.join('\n'), 'latin1'));
    await expect(ingestFile(store, file, { format: 'asterisk' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not UTF-8 .*line 1.*--encoding latin1/) });
    expect([count('ingest_batches'), count('usage_events'), count('quarantine')]).toEqual([0, 0, 0]);
    const r = await ingestFile(store, file, { format: 'asterisk', encoding: 'latin1' });
    expect([r.read, r.accepted]).toEqual([3, 3]);
    const ids = (store.sqlite.prepare('select id from usage_events order by line_no').all() as Array<{ id: number }>).map((r) => r.id);
    const clids = ids.map((id) => getUsageEvent(store, id)!.attributes.clid);
    expect(clids).toEqual(['José Müller 0 <1001>', 'José Müller 1 <1002>', 'José Müller 2 <1003>']);
  });
});
