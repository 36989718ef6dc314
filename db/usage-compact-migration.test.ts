import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../app/ingest/index.ts';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { buildPopulationFor, writeCdrFile, type GeneratorOptions } from '../evals/generator/index.ts';
import { loadChargeableEvents } from './billing-usage-store.ts';
import { committedRows } from './list-batches.ts';
import { openDatabase, type Store } from './open-database.ts';
import { setOperatorSetting } from './settings-store.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { decodeEventRow, type StoredEventRow } from './usage-row.ts';
import { getUsageEvent, listUsageEvents } from './usage-store.ts';
import { onPostgres } from './testing/on-postgres.ts';

const ROOT = join(import.meta.dirname, '..');
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A database file at migration 0019 (the layout before 0020), made by the real migrations up to it. */
function databaseAt0019(dir: string): string {
  const folder = join(dir, 'migrations');
  cpSync(join(ROOT, 'db/migrations'), folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= 19);
  writeFileSync(journalPath, JSON.stringify(journal));
  const path = join(dir, 'old.db');
  const sqlite = new Database(path);
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return path;
}

// The 0019 columns of a usage event, as that layout stored them (whole JSON, texts, ISO rated_at).
const OLD_COLUMNS =
  'id idem_key source_id batch_id line_no tenant service direction subscriber other_party imsi serving_network visited_country start_time answer_time end_time duration_ms usage disposition attributes category roaming destination destination_country classification_reason status cost currency tariff_version_id rating_breakdown rating_error_code rating_error rated_at direction_rule'.split(
    ' ',
  );
const camel = (c: string) => c.replace(/_(.)/g, (_, x: string) => x.toUpperCase());

// A data migration of SQLite files (0019 -> 0020); PostgreSQL books begin at the 0020 layout.
describe.skipIf(onPostgres)('migration 0020 (usage rows re-laid) (SQLite)', () => {
  it('converts every 0019 row: usage show, costs, tariff rows and batch counts are the same after it', async () => {
    const source = createTempStore();
    cleanups.push(source.cleanup);
    const options: GeneratorOptions = { format: 'asterisk', rows: 2500, seed: 11, subscribers: 200 };
    const file = join(source.dir, 'Master.csv');
    await writeCdrFile(file, options);
    const settings = { ...JSON.parse(readFileSync(join(ROOT, 'evals/datasets/demo-operator/settings.json'), 'utf8')), ...buildPopulationFor(options).operatorSettings };
    for (const [k, v] of Object.entries(settings)) setOperatorSetting(source, k, v);
    importTariffFromPath(join(ROOT, 'evals/datasets/demo-operator/tariff.yaml'), {}, source);
    const counts = await ingestFile(source, file, { format: 'asterisk', rate: true, writer: 'inline' });
    expect(counts.statuses.rated).toBeGreaterThan(1500);

    // The same events written in the 0019 layout, plus the edge cases that layout could hold.
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-0019-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const oldPath = databaseAt0019(dir);
    const old = new Database(oldPath);
    for (const table of ['settings', 'tariff_versions']) {
      for (const row of source.sqlite.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>>) {
        const cols = Object.keys(row);
        old.prepare(`insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
      }
    }
    for (const b of source.sqlite.prepare('select id, source_name, format, path, parser_options, status, read, accepted, duplicates, quarantined, started_at from ingest_batches').all() as Array<
      Record<string, unknown>
    >)
      old
        .prepare('insert into ingest_batches (id, source_name, format, path, parser_options, status, read, accepted, duplicates, quarantined, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(...Object.values(b));
    const insertOld = old.prepare(`insert into usage_events (${OLD_COLUMNS.join(', ')}) values (${OLD_COLUMNS.map(() => '?').join(', ')})`);
    const stored = source.sqlite.prepare('select * from usage_events order by id').all() as Array<Record<string, unknown>>;
    for (const raw of stored) {
      const r = decodeEventRow(source, Object.fromEntries(Object.entries(raw).map(([k, v]) => [camel(k), v])) as StoredEventRow) as unknown as Record<string, unknown>;
      insertOld.run(...OLD_COLUMNS.map((c) => r[camel(c)] ?? null));
    }
    // Attributes the new layout must carry as they were: a __proto__ key, non-ASCII, an empty set.
    const first = stored[0]!.id as number;
    old.prepare('update usage_events set attributes = ? where id = ?').run('{"__proto__":"x","clid":"\\"Zoë\\" <1>","note":"a\\u001fb"}', first);
    old.prepare("update usage_events set attributes = '{}', direction_rule = null where id = ?").run(first + 1);
    old.close();

    const before = new Map<number, unknown>();
    const shownBefore = legacyShow(source, first);
    for (const raw of stored) before.set(raw.id as number, shownBefore(raw.id as number));

    const migrated = openDatabase(oldPath);
    cleanups.push(() => migrated.close());
    // Every event, as `usage show` prints it.
    for (const raw of stored) expect(getUsageEvent(migrated, raw.id as number)).toEqual(before.get(raw.id as number));
    // Billing reads: costs, tariff rows and the expanded breakdowns of every line's events.
    const numbers = [...new Set(stored.map((r) => String(r.subscriber).replace(/^\+/, '')))];
    const billing = (s: Store) => {
      const { events, notRated } = loadChargeableEvents(s, numbers, 0, Number.MAX_SAFE_INTEGER);
      return { notRated, events: events.map((e) => ({ id: e.id, cost: e.cost, rows: e.tariffRows, breakdown: e.breakdown })) };
    };
    expect(billing(migrated)).toEqual(billing(source));
    // Batches: found by their id ranges, with the same counts and listings.
    const batchId = stored[0]!.batch_id as number;
    // (Only the events were copied to the 0019 file, not the quarantine and duplicate rows.)
    expect(committedRows(migrated, batchId).events).toBe(committedRows(source, batchId).events);
    expect(committedRows(migrated, batchId).events).toBe(stored.length);
    expect(listUsageEvents(migrated, { batchId, limit: 5000 }).map((e) => e.id)).toEqual(listUsageEvents(source, { batchId, limit: 5000 }).map((e) => e.id));
    // Attributes are all re-laid by the migration; breakdowns rated before it stay whole (docs/storage.md).
    const legacy = migrated.sqlite.prepare('select count(*) n from usage_events where attribute_keys is null').get() as { n: number };
    expect(legacy.n).toBe(0);

    // A new ingest on the migrated database stores next to the migrated rows; nothing is doubled.
    const again = await ingestFile(migrated, file, { format: 'asterisk', rate: true, writer: 'inline' });
    expect(again.duplicates).toBeGreaterThanOrEqual(stored.length);
    expect((migrated.sqlite.prepare('select count(*) n from usage_events').get() as { n: number }).n).toBe(stored.length);
  });
});

/** What `usage show` printed for each event of the 0019 file (the source's, with the two edge cases written into it). */
function legacyShow(source: Store, first: number): (id: number) => unknown {
  return (id) => {
    const shown = getUsageEvent(source, id)!;
    if (id === first) return { ...shown, attributes: JSON.parse('{"__proto__":"x","clid":"\\"Zoë\\" <1>","note":"a\\u001fb"}') };
    if (id === first + 1) return { ...shown, attributes: {}, directionRule: null };
    return shown;
  };
}
