// The real launcher on real files, killed and raced the way an operator (or a crash) would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchLeaseHeld, openDatabase } from '../../db/index.ts';
import { readDatabase } from '../../db/testing/read-database.ts';
import { writeCdrFile, type GenerationStats } from '../../evals/generator/index.ts';
import { childPids, isAlive, runCli, startCli, waitFor } from '../testing/cli-processes.ts';
import { runCli as runInProcess } from '../testing/run-cli.ts';

let dir: string;
let big: { path: string; stats: GenerationStats };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-int-'));
  // Large enough that the first commit (50,000 records) comes well before the end of the file.
  const path = join(dir, 'big.csv');
  // The generator writes Europe/London wall-clock time; read in UTC, a call across the March clock
  // change would rightly be quarantined (DURATION_MISMATCH), so every ingest here names the zone.
  big = { path, stats: await writeCdrFile(path, { format: 'asterisk', rows: 130_000, seed: 11 }) };
}, 360_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI in this process, with the bin's CI environment. */
const inProcess = (args: string[]) => runInProcess(args, { env: { ...process.env, CI: '1' } });

let n = 0;
/** A fresh, migrated database file (so concurrent runs do not race to create it). */
function freshDb(): string {
  const path = join(dir, `db-${++n}.db`);
  openDatabase(path).close();
  return path;
}

const query = <T>(db: string, sql: string): T => readDatabase<T>(db, sql);
const eventsOf = (db: string, batch: number) => query<{ n: number }>(db, `select count(*) n from usage_events where batch_id = ${batch}`).n;
const batchRow = (db: string, id: number) => query<{ status: string; read: number } | undefined>(db, `select status, read from ingest_batches where id = ${id}`);

/** Starts an ingest of the big file and waits until its first commit is in, so it is truly mid-file. */
async function ingestUntilFirstCommit(db: string) {
  const run = startCli(['--db', db, 'ingest', big.path, '--format', 'asterisk', '--timezone', 'Europe/London', '--json']);
  const worker = await waitFor('the ingest child process', () => childPids(run.child.pid!)[0], 30_000);
  await waitFor('the first committed events', () => query<{ n: number }>(db, 'select count(*) n from usage_events').n > 0, 120_000);
  return { run, worker };
}

describe('killing `switchboard ingest` stops the work (real launcher, real file)', () => {
  it('kill -9 of the launcher: its ingest child dies too and the batch does not finish', async () => {
    const db = freshDb();
    const { run, worker } = await ingestUntilFirstCommit(db);
    run.child.kill('SIGKILL');
    await waitFor('the ingest child to die with its parent', () => !isAlive(worker), 15_000);
    const committed = eventsOf(db, 1);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(big.stats.records);
    expect(batchRow(db, 1)!.status).toBe('running');
  }, 720_000);

  it('SIGTERM of the launcher is passed on: the child stops and the launcher ends by that signal', async () => {
    const db = freshDb();
    const { run, worker } = await ingestUntilFirstCommit(db);
    run.child.kill('SIGTERM');
    const end = await run.ended;
    expect(end.signal ?? end.status).toBe(end.signal ? 'SIGTERM' : 143);
    await waitFor('the ingest child to stop', () => !isAlive(worker), 15_000);
    expect(eventsOf(db, 1)).toBeLessThan(big.stats.records);
    expect(batchRow(db, 1)!.status).not.toBe('done');
  }, 720_000);

  it('a killed batch shows as interrupted with what it committed, and a re-run of the file resumes it', async () => {
    const db = freshDb();
    const { run, worker } = await ingestUntilFirstCommit(db);
    run.child.kill('SIGKILL');
    await waitFor('the ingest child to die', () => !isAlive(worker), 15_000);
    // The kernel drops a dead process's file locks as its last thread goes; under load that can
    // trail the process's own exit by a moment.
    const store = openDatabase(db);
    try {
      await waitFor('the dead ingest to let go of its batch lease', () => !batchLeaseHeld(store, 1), 15_000);
    } finally {
      store.close();
    }
    const committed = eventsOf(db, 1);
    const quarantined = query<{ n: number }>(db, 'select count(*) n from quarantine where batch_id = 1').n;

    // What follows the kill needs no process of its own: the CLI in this process.
    const listed = await inProcess(['--db', db, 'batches', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const batch = (JSON.parse(listed.stdout) as Array<{ id: number; state: string; committed: { events: number; quarantined: number } }>).find((b) => b.id === 1)!;
    expect(batch.state).toBe('interrupted');
    expect(batch.committed).toMatchObject({ events: committed, quarantined });

    const human = await inProcess(['--db', db, 'batches', 'list']);
    expect(human.stdout).toMatch(new RegExp(`interrupted.*${committed}`));

    const again = await inProcess(['--db', db, 'ingest', big.path, '--format', 'asterisk', '--timezone', 'Europe/London', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const r = JSON.parse(again.stdout) as { batchId: number; read: number; accepted: number; duplicates: number; quarantined: number; resumes: { batchId: number; events: number } | null };
    expect(r.resumes).toMatchObject({ batchId: 1, events: committed });
    expect(r.read).toBe(r.accepted + r.duplicates + r.quarantined);
    // nothing lost, nothing doubled: every record of the file is stored once, across both batches
    expect(query<{ n: number }>(db, 'select count(*) n from usage_events').n).toBe(big.stats.records);
    const humanAgain = await inProcess(['--db', db, 'ingest', big.path, '--format', 'asterisk', '--timezone', 'Europe/London']);
    expect(humanAgain.stdout).not.toMatch(/resumes/); // batch 1 was resumed already: a plain re-run now
    const after = await inProcess(['--db', db, 'batches', 'list', '--json']);
    const states = (JSON.parse(after.stdout) as Array<{ id: number; state: string; resumedBy: number | null }>).map((b) => [b.id, b.state, b.resumedBy]);
    expect(states).toEqual(
      expect.arrayContaining([
        [1, 'interrupted', 2],
        [2, 'done', null],
      ]),
    );
  }, 720_000);
});

describe('concurrent ingests on one database', () => {
  it('three at once all succeed (they wait for the write lock) and the counts reconcile', async () => {
    const db = freshDb();
    // Over 4 MB each (the writer thread) and two commits of 50,000 records each: a writer that has
    // just committed takes the lock straight back, so the others wait well past a 5 s busy timeout.
    const files = await Promise.all(
      [21, 22, 23].map(async (seed) => {
        const path = join(dir, `c${seed}.csv`);
        return { path, stats: await writeCdrFile(path, { format: 'asterisk', rows: 100_000, seed }) };
      }),
    );
    const runs = await Promise.all(files.map((f) => runCli(['--db', db, 'ingest', f.path, '--format', 'asterisk', '--timezone', 'Europe/London', '--json'])));
    for (const r of runs) expect(r.status, r.stdout + r.stderr).toBe(0);
    const results = runs.map((r) => JSON.parse(r.stdout) as { read: number; accepted: number; duplicates: number; quarantined: number });
    for (const r of results) expect(r.read).toBe(r.accepted + r.duplicates + r.quarantined);
    const sum = (k: 'read' | 'accepted' | 'quarantined') => results.reduce((s, r) => s + r[k], 0);
    expect(sum('read')).toBe(files.reduce((s, f) => s + f.stats.rows, 0));
    expect(query<{ n: number }>(db, 'select count(*) n from usage_events').n).toBe(sum('accepted'));
    expect(query<{ n: number }>(db, 'select count(*) n from quarantine').n).toBe(sum('quarantined'));
  }, 1440_000);
});
