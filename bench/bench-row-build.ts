// The pipeline thread's share of storing: building each event's row values (eventValues) and
// encoding it as the string that crosses to the writer thread, for this checkout's layout and,
// given a second checkout, for its layout too, interleaved pass by pass on the same records.
// Arguments: a database this checkout ingested (its events become the records), [other checkout].
// Usage: npx tsx bench/bench-row-build.ts path/to/ingested.db [/tmp/switchboard-bench-base-<sha>]
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/index.ts';
import { getUsageEventRow, toRecordAndClassification } from '../db/usage-store.ts';
import { DictionaryTexts } from '../db/usage-dictionary.ts';
import { eventValues } from '../db/ingest-store.ts';
import { encodeRow } from '../db/ingest-writer.worker.mjs';
import { expandBreakdown, readCompactBreakdown, tariffPlanSchema, type TariffPlan } from '../tools/rating/index.ts';
import type { AcceptedRecord } from '../tools/cdr/ingest-sink.types.ts';

const [dbPath, other] = process.argv.slice(2);
const store = openDatabase(resolve(dbPath!));
const plans = new Map<number, TariffPlan>();
for (const t of store.sqlite.prepare('select id, plan_json from tariff_versions').all() as Array<{ id: number; plan_json: string }>) plans.set(t.id, tariffPlanSchema.parse(JSON.parse(t.plan_json)));
const ids = (store.sqlite.prepare('select id from usage_events order by id limit 100000').all() as Array<{ id: number }>).map((r) => r.id);
const records: AcceptedRecord[] = ids.map((id, i) => {
  const row = getUsageEventRow(store, id)!;
  const { record, classification } = toRecordAndClassification(row);
  const stored = row.ratingBreakdown ? JSON.parse(row.ratingBreakdown) : null;
  const rating =
    row.status === 'rated' && row.cost !== null
      ? {
          status: 'rated' as const,
          cost: row.cost,
          currency: row.currency!,
          tariffVersionId: row.tariffVersionId,
          breakdown: stored && 'v' in stored ? expandBreakdown(readCompactBreakdown(stored), plans.get(row.tariffVersionId!)!) : stored,
        }
      : undefined;
  return { idemKey: row.idemKey, lineNo: i + 1, record, classification, ...(rating ? { rating } : {}) } as AcceptedRecord;
});
store.close();

type Build = (a: AcceptedRecord) => unknown;
const layouts: Array<{ name: string; build: () => Build }> = [
  {
    name: 'this checkout',
    build: () => {
      const texts = new DictionaryTexts();
      return (a) => encodeRow(eventValues(1, 't', a, Date.now(), texts));
    },
  },
];
if (other) {
  const mod = (await import(join(resolve(other), 'db/ingest-store.ts'))) as { eventValues: (b: number, t: string, a: AcceptedRecord, now: string) => unknown[] };
  const enc = (await import(join(resolve(other), 'db/ingest-writer.worker.mjs'))) as { encodeRow: (v: unknown[]) => string | null };
  layouts.push({ name: other, build: () => (a) => enc.encodeRow(mod.eventValues(1, 't', a, new Date().toISOString())) });
}
const runs = new Map<string, number[]>(layouts.map((l) => [l.name, []]));
const bytes = new Map<string, number>();
for (let pass = 0; pass < 9; pass++) {
  for (const l of pass % 2 === 0 ? layouts : [...layouts].reverse()) {
    const build = l.build();
    let total = 0;
    const start = process.hrtime.bigint();
    for (const a of records) total += (build(a) as string).length;
    const us = Number(process.hrtime.bigint() - start) / 1e3 / records.length;
    runs.get(l.name)!.push(Math.round(us * 100) / 100);
    bytes.set(l.name, Math.round(total / records.length));
  }
}
for (const [name, us] of runs)
  console.log(`${name}: build + encode ${[...us].sort((a, b) => a - b)[us.length >> 1]} us/row (min ${Math.min(...us)}; passes ${us.join(', ')}), row string ${bytes.get(name)} chars`);
