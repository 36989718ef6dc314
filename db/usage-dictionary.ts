import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import type { Store } from './open-database.ts';
import { usageDictionary } from './schema.ts';

// Hashed ids live in [2^52, 2^53): safe JavaScript integers, and never equal to the small ids
// migration 0020 gave the texts it moved (those count up from 1).
const HASHED_BASE = 2 ** 52;

/** The usage_dictionary id of a text: 52 bits of its SHA-256, so every writer names it alike without asking the database. */
export function dictionaryId(value: string): number {
  return HASHED_BASE + Number.parseInt(createHash('sha256').update(value).digest('hex').slice(0, 13), 16);
}

/**
 * The texts one writer has named, and those it has not yet handed to the database. A writer
 * (an ingest sink, a rating run) keeps one, so each shared text is hashed once per run and sent
 * once with the rows that first use it.
 */
export class DictionaryTexts {
  readonly #ids = new Map<string, number>();
  #pending: Array<[number, string]> = [];

  /** The id of a text, queued to be stored the first time this writer sees it. */
  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = dictionaryId(value);
      this.#ids.set(value, id);
      this.#pending.push([id, value]);
    }
    return id;
  }

  /** The texts first named since the last call, to store with the rows that name them. */
  drain(): Array<[number, string]> {
    const out = this.#pending;
    this.#pending = [];
    return out;
  }

  /** Forgets what was sent (the transaction that carried it rolled back). */
  reset(): void {
    this.#ids.clear();
    this.#pending = [];
  }
}

const inserts = new WeakMap<Store, { insert: { run(p: { id: number; value: string }): { changes: number } }; find: { get(p: { id: number }): { value: string } | undefined } }>();
function statements(store: Store) {
  let s = inserts.get(store);
  if (!s) {
    s = {
      insert: store.db
        .insert(usageDictionary)
        .values({ id: sql.placeholder('id'), value: sql.placeholder('value') })
        .onConflictDoNothing()
        .prepare(),
      find: store.db
        .select({ value: usageDictionary.value })
        .from(usageDictionary)
        .where(eq(usageDictionary.id, sql.placeholder('id')))
        .prepare(),
    };
    inserts.set(store, s);
  }
  return s;
}

/** Stores texts under their ids (in the caller's transaction); an id already holding another text is a hash collision and refused. */
export function saveDictionaryTexts(store: Store, entries: Array<[number, string]>): void {
  const s = statements(store);
  for (const [id, value] of entries) {
    if (s.insert.run({ id, value }).changes === 1) continue;
    const stored = s.find.get({ id })?.value;
    if (stored !== value) throw new BillingError('INTERNAL', `usage dictionary id ${id} already names another text`);
  }
}

// An id always names the same text (hashed ids by construction, migrated ids once committed), so
// what a store has read once is kept for the life of the process.
const known = new WeakMap<Store, Map<number, string>>();

/** The text of a usage_dictionary id. */
export function dictionaryText(store: Store, id: number): string {
  let cache = known.get(store);
  if (!cache) {
    cache = new Map();
    known.set(store, cache);
  }
  let value = cache.get(id);
  if (value === undefined) {
    value = statements(store).find.get({ id })?.value;
    if (value === undefined) throw new BillingError('INTERNAL', `usage dictionary id ${id} is missing`);
    cache.set(id, value);
  }
  return value;
}
