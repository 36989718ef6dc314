import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { isLockError } from './ingest-writer.worker.mjs';
import type { Store } from './open-database.ts';

// A running ingest holds its batch's lease: an exclusive lock on a small SQLite file beside the
// database (<db>-leases/batch-<id>.lock). SQLite's lock is a POSIX record lock, which the kernel
// drops when the process ends however it ends (kill -9, a crash, a power cut), so "running with no
// lease held" means the process is gone. Unlike a stored pid it cannot be fooled by a reused pid,
// needs no heartbeat or clock, and needs no schema change.

/** A held lease; `release` drops it (and its file) when the batch is finished. */
export interface BatchLease {
  release(): void;
}

// Leases of in-memory stores (per connection): nothing outside this process can see such a database.
const memoryLeases = new WeakMap<Store['sqlite'], Set<number>>();
const memoryLeasesOf = (store: Store) => {
  let held = memoryLeases.get(store.sqlite);
  if (!held) memoryLeases.set(store.sqlite, (held = new Set()));
  return held;
};

function leaseFile(store: Store, batchId: number): string {
  return join(`${store.path}-leases`, `batch-${batchId}.lock`);
}

/** Takes the lease of a new batch (before its row is committed, so a running row always has a live lease while its process lives). */
export function takeBatchLease(store: Store, batchId: number): BatchLease {
  if (store.path === ':memory:') {
    memoryLeasesOf(store).add(batchId);
    return { release: () => memoryLeasesOf(store).delete(batchId) };
  }
  const file = leaseFile(store, batchId);
  mkdirSync(dirname(file), { recursive: true });
  const lock = new Database(file);
  // Who holds it, for a person looking at the file; liveness comes from the lock alone.
  lock.exec('CREATE TABLE IF NOT EXISTS lease (pid INTEGER NOT NULL, host TEXT NOT NULL, taken_at TEXT NOT NULL)');
  lock.prepare('INSERT INTO lease (pid, host, taken_at) VALUES (?, ?, ?)').run(process.pid, hostname(), new Date().toISOString());
  lock.exec('BEGIN EXCLUSIVE');
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      lock.exec('ROLLBACK');
      lock.close();
      rmSync(file, { force: true });
    },
  };
}

/** True while the process that took the batch's lease is alive. */
export function batchLeaseHeld(store: Store, batchId: number): boolean {
  if (store.path === ':memory:') return memoryLeasesOf(store).has(batchId);
  const file = leaseFile(store, batchId);
  if (!existsSync(file)) return false;
  let probe: Database.Database;
  try {
    probe = new Database(file, { fileMustExist: true });
  } catch {
    return false; // removed as we looked: released
  }
  try {
    probe.pragma('busy_timeout = 0');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if (isLockError(err)) return true;
    throw err;
  } finally {
    probe.close();
  }
}

/** Removes the lease file a dead process left behind (its batch is closed; batch ids are never reused). */
export function removeDeadLease(store: Store, batchId: number): void {
  if (store.path !== ':memory:') rmSync(leaseFile(store, batchId), { force: true });
}
