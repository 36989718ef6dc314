import { migratePostgres } from './migrate-postgres.ts';
import { schemaFor } from './postgres-books.ts';
import { PgSyncClient } from './sync-client.ts';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Makes the books named `to` an exact copy of the books named `from` on the PostgreSQL database at
 * `url` (PostgreSQL's counterpart of copying a closed SQLite file): `to` is dropped, migrated
 * afresh, and every row and sequence position of `from` copied into it in one transaction.
 */
export function clonePostgresBooks(url: string, from: string, to: string): void {
  const source = schemaFor(from);
  const target = schemaFor(to);
  if (source === target) throw new Error(`cannot clone the books ${from} onto themselves`);
  const client = new PgSyncClient(url, target);
  try {
    // A fresh schema with the migrations' own objects (tables, guard triggers, functions, sequences):
    // those are not copied, so a clone is the same as books built from scratch.
    client.script(`DROP SCHEMA IF EXISTS ${q(target)} CASCADE; CREATE SCHEMA ${q(target)}; SET search_path TO ${q(target)}`);
    migratePostgres(client);
    client.transaction(() => {
      const tablesOf = (schema: string) =>
        new Set(
          (client.prepare("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'").all(schema) as Array<{ name: string }>).map((t) => t.name),
        );
      const have = tablesOf(target);
      for (const table of tablesOf(source)) {
        // The migrations' record is the fresh schema's own; the source may be at another version.
        if (table === '__drizzle_migrations') continue;
        // Tables the migrations do not make (the LangGraph saver's, which it creates on first use) come over whole.
        if (!have.has(table)) client.script(`CREATE TABLE ${q(target)}.${q(table)} (LIKE ${q(source)}.${q(table)} INCLUDING ALL)`);
        const columns = (
          client.prepare('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position').all(source, table) as Array<{
            name: string;
          }>
        )
          .map((c) => q(c.name))
          .join(', ');
        // The guard triggers (append-only, no replace, rowid) are off while rows are copied as they are:
        // the rows passed them once already, and the sequences are set from the source below.
        client.script(
          `ALTER TABLE ${q(target)}.${q(table)} DISABLE TRIGGER USER;
           DELETE FROM ${q(target)}.${q(table)};
           INSERT INTO ${q(target)}.${q(table)} (${columns}) SELECT ${columns} FROM ${q(source)}.${q(table)};
           ALTER TABLE ${q(target)}.${q(table)} ENABLE TRIGGER USER`,
        );
      }
      const sequences = client.prepare('SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = ?').all(source) as Array<{ name: string }>;
      for (const { name } of sequences) {
        if (name.startsWith('__drizzle_migrations')) continue;
        const qualified = `${q(target)}.${q(name)}`.replaceAll("'", "''");
        client.script(`SELECT setval('${qualified}', s.last_value, s.is_called) FROM ${q(source)}.${q(name)} s`);
      }
    })();
  } finally {
    client.close();
  }
}

/** Whether the books named `name` exist on the PostgreSQL database at `url` (their schema was made and migrated). */
export function postgresBooksExist(url: string, name: string): boolean {
  const client = new PgSyncClient(url, '');
  try {
    const row = client.prepare("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = '__drizzle_migrations'").get(schemaFor(name)) as { n: number | string };
    return Number(row.n) > 0;
  } finally {
    client.close();
  }
}
