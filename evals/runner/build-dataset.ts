import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type Store } from '../../db/index.ts';
import { clonePostgresBooks, postgresBooksExist } from '../../db/postgres/clone-postgres-books.ts';
import { dropPostgresBooks } from '../../db/postgres/postgres-books.ts';
import { loadConfig } from '../../config/index.ts';
import { RulesChatModel } from '../../agents/model/index.ts';
import { runDemo } from '../../cli/commands/demo.ts';

/**
 * The demo operator as every eval task starts from it: `switchboard demo`'s default run (20,000
 * Asterisk rows, seed 7) with its agent steps on the offline model and a pinned date, so the ids and
 * amounts the tasks name are the same on every build (proposal 1 posted as CN-000001, proposal 2
 * waiting).
 */
export const DEMO_BUILD = { rows: 20_000, seed: 7, today: '2025-04-20' } as const;

/** "Today" of a task's conversation unless it says otherwise: INV-… of March (due 2025-04-15) are 35 days overdue. */
export const EVAL_TODAY = '2025-05-20';

/** A built dataset: closed books that each task copies (an SQLite file, or on PostgreSQL the schema that path names). */
export interface BuiltDataset {
  name: string;
  path: string;
  /** Removes the build directory. */
  cleanup(): void;
}

/** Builds the demo operator once into a temporary directory (about 15 s) and closes it. */
export async function buildDemoDataset(): Promise<BuiltDataset> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-eval-dataset-'));
  const path = join(dir, 'demo-operator.db');
  const store = openDatabase(path);
  try {
    // Without the April fraud, the dunning run and the statement (fixture april-payments imports its own): the tasks name event ids, which its events would move (fixture fraud-april adds it).
    await runDemo(store, {
      rows: DEMO_BUILD.rows,
      seed: DEMO_BUILD.seed,
      dir: join(dir, 'demo'),
      model: new RulesChatModel({}),
      today: DEMO_BUILD.today,
      fraud: false,
      collections: false,
      payments: false,
      taxUpdate: false,
    });
  } finally {
    // Closing checkpoints the WAL into the file, so a plain copy is the whole database.
    store.close();
  }
  return { name: 'demo-operator', path, cleanup: () => removeBooks(path, dir) };
}

/** Copies closed books: the SQLite file, or on PostgreSQL the schema `from` names into the one `to` names. */
export function copyBooks(from: string, to: string): void {
  const url = loadConfig().databaseUrl;
  if (url) clonePostgresBooks(url, from, to);
  else copyFileSync(from, to);
}

/** Deletes the temporary directory of built books, and on PostgreSQL their schema too. */
export function removeBooks(path: string, dir: string): void {
  const url = loadConfig().databaseUrl;
  if (url) dropPostgresBooks(url, path);
  rmSync(dir, { recursive: true, force: true });
}

const booksExist = (path: string) => {
  const url = loadConfig().databaseUrl;
  return url ? postgresBooksExist(url, path) : existsSync(path);
};

/**
 * The demo dataset kept in a file across runs (`npm run eval -- --dataset FILE`): built there when
 * missing, reused as it is otherwise (delete the file after changing the demo or the billing code).
 */
export async function demoDatasetAt(path: string): Promise<BuiltDataset> {
  if (!booksExist(path)) {
    const built = await buildDemoDataset();
    mkdirSync(dirname(path), { recursive: true });
    copyBooks(built.path, path);
    built.cleanup();
  }
  return { name: 'demo-operator', path, cleanup: () => {} };
}

/** A private copy of a dataset for one task trial, opened; `cleanup` closes and deletes it. */
export function copyDataset(dataset: BuiltDataset): Store & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-eval-task-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'task.db');
  copyBooks(dataset.path, path);
  const store = openDatabase(path);
  return {
    ...store,
    dir,
    cleanup() {
      store.close();
      removeBooks(path, dir);
    },
  };
}
