import type Database from 'better-sqlite3';
import { BillingError } from '../../tools/errors.ts';

/**
 * PostgreSQL's DDL for the schema an SQLite database holds after its migrations: the tables
 * (SQLite's INTEGER as bigint, TEXT in the C collation so text sorts as SQLite's BINARY does,
 * integer primary keys fed by a sequence the way SQLite's rowid is), the indexes (partial ones
 * too) and the guard triggers (SQLite's `WHEN ... BEGIN SELECT RAISE(ABORT, msg); END` as a
 * PL/pgSQL function raising the same message). Used to write db/migrations-pg/ from
 * db/migrations/ (scripts/generate-postgres-baseline.ts); the schema test compares the two.
 */
export function postgresDdl(sqlite: Database.Database): string[] {
  const objects = sqlite.prepare("select type, name, tbl_name as tbl, sql from sqlite_master where name not like 'sqlite_%' and name <> '__drizzle_migrations' order by rowid").all() as Array<{
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }>;
  const out: string[] = [];
  for (const o of objects.filter((x) => x.type === 'table')) out.push(...tableDdl(sqlite, o.name, o.sql!));
  for (const o of objects.filter((x) => x.type === 'index' && x.sql)) out.push(indexDdl(o.sql!));
  for (const o of objects.filter((x) => x.type === 'trigger')) out.push(...triggerDdl(o.name, o.sql!));
  return out;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

function columnType(type: string): string {
  const t = type.toUpperCase();
  if (t === 'INTEGER') return 'bigint';
  if (t === 'TEXT') return 'text COLLATE "C"';
  if (t === 'REAL') return 'double precision';
  if (t === 'BLOB') return 'bytea';
  if (t === 'NUMERIC') return 'numeric';
  throw new BillingError('INTERNAL', `no PostgreSQL type for SQLite column type ${type}`);
}

function defaultValue(value: string): string {
  if (value.toUpperCase() === 'CURRENT_TIMESTAMP') return `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;
  if (/^-?\d+(\.\d+)?$/.test(value) || /^'([^']|'')*'$/.test(value)) return value;
  throw new BillingError('INTERNAL', `no PostgreSQL form for the SQLite default ${value}`);
}

function tableDdl(sqlite: Database.Database, table: string, sql: string): string[] {
  const cols = sqlite.prepare(`select name, type, "notnull" as nn, dflt_value as dflt, pk from pragma_table_info(?)`).all(table) as Array<{
    name: string;
    type: string;
    nn: number;
    dflt: string | null;
    pk: number;
  }>;
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const rowid = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null;
  if (rowid && rowid !== 'id') throw new BillingError('INTERNAL', `table ${table}: an integer primary key is called id (sb_rowid sets NEW.id)`);
  if (/\bCHECK\b|\bREFERENCES\b|\bUNIQUE\b/i.test(sql)) throw new BillingError('INTERNAL', `table ${table} has inline constraints the generator does not translate`);
  const lines = cols.map((c) => {
    let line = `  ${q(c.name)} ${columnType(c.type)}`;
    if (c.dflt !== null) line += ` DEFAULT ${defaultValue(c.dflt)}`;
    if (c.nn || c.name === rowid) line += ' NOT NULL';
    return line;
  });
  if (pk.length > 0) lines.push(`  PRIMARY KEY (${pk.map((c) => q(c.name)).join(', ')})`);
  const out = [`CREATE TABLE ${q(table)} (\n${lines.join(',\n')}\n);`];
  if (rowid) {
    // SQLite gives an INTEGER PRIMARY KEY the next rowid when the insert leaves it NULL, and an
    // explicit id moves that counter on; a sequence and this trigger do both.
    const seq = `${table}_${rowid}_seq`;
    out.push(`CREATE SEQUENCE ${q(seq)} OWNED BY ${q(table)}.${q(rowid)};`);
    out.push(`CREATE TRIGGER ${q(`${table}_rowid`)} BEFORE INSERT ON ${q(table)} FOR EACH ROW EXECUTE FUNCTION sb_rowid('${seq}');`);
  }
  return out;
}

function indexDdl(sql: string): string {
  return `${backticks(sql)};`;
}

const backticks = (sql: string) => sql.replace(/`([^`]*)`/g, (_, name: string) => q(name));

const TRIGGER = /^CREATE TRIGGER\s+`?([^`\s]+)`?\s+BEFORE\s+(INSERT|UPDATE|DELETE)\s+ON\s+`?([^`\s]+)`?\s*(?:WHEN\s+([\s\S]*?))?\s*BEGIN\s+SELECT\s+RAISE\(ABORT,\s*'((?:[^']|'')*)'\);\s*END$/i;

function triggerDdl(name: string, sql: string): string[] {
  const m = TRIGGER.exec(sql.trim());
  if (!m) throw new BillingError('INTERNAL', `trigger ${name} is not a guard (BEFORE ... [WHEN ...] BEGIN SELECT RAISE(ABORT, '...'); END)`);
  const [, , event, table, when, message] = m;
  const row = event!.toUpperCase() === 'DELETE' ? 'OLD' : 'NEW';
  const condition = when ? whenCondition(when) : 'true';
  const fn = `${name}_fn`;
  const out = [
    `CREATE FUNCTION ${q(fn)}() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  IF ${condition} THEN\n    RAISE EXCEPTION '${message}';\n  END IF;\n  RETURN ${row};\nEND\n$fn$;`,
    `CREATE TRIGGER ${q(name)} BEFORE ${event!.toUpperCase()} ON ${q(table!)} FOR EACH ROW EXECUTE FUNCTION ${q(fn)}();`,
  ];
  // TRUNCATE deletes every row without firing row triggers (PostgreSQL's way round a delete guard,
  // as REPLACE is SQLite's): a table with a delete guard refuses it outright.
  if (event!.toUpperCase() === 'DELETE') out.push(`CREATE TRIGGER ${q(`${name}_truncate`)} BEFORE TRUNCATE ON ${q(table!)} FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('${message}');`);
  return out;
}

/** A trigger's WHEN in PostgreSQL: SQLite's IS / IS NOT between values are IS [NOT] DISTINCT FROM, GLOB a regular expression. */
function whenCondition(when: string): string {
  return backticks(when)
    .replace(/\bIS\s+NOT\s+(?!NULL\b)/gi, 'IS DISTINCT FROM ')
    .replace(/\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b)/gi, 'IS NOT DISTINCT FROM ')
    .replace(/\bGLOB\s+'\*\[\^0-9a-f\]\*'/gi, "~ '[^0-9a-f]'")
    .replace(/\bGLOB\b/gi, () => {
      throw new BillingError('INTERNAL', 'a GLOB pattern the generator does not translate');
    });
}

/**
 * The helpers the translated schema and the db layer's SQL use on PostgreSQL: the sequence
 * trigger of integer keys, the TRUNCATE refusal of guarded tables, and the two SQLite JSON functions the guard triggers call
 * (json_extract and json_remove over `$.a.b` paths, on the JSON held as text).
 */
export const POSTGRES_HELPERS = [
  `CREATE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT doc::jsonb #>> string_to_array(substr(path, 3), '.')
$fn$;`,
  `CREATE FUNCTION json_remove(doc text, VARIADIC paths text[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  j jsonb := doc::jsonb;
  p text;
BEGIN
  FOREACH p IN ARRAY paths LOOP
    j := j #- string_to_array(substr(p, 3), '.');
  END LOOP;
  RETURN j;
END
$fn$;`,
  `CREATE FUNCTION sb_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$fn$;`,
  `CREATE FUNCTION sb_rowid() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  last bigint;
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(TG_ARGV[0]::regclass);
  ELSE
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %I', TG_ARGV[0]) INTO last;
    IF NEW.id > last THEN PERFORM setval(TG_ARGV[0]::regclass, NEW.id); END IF;
  END IF;
  RETURN NEW;
END
$fn$;`,
];
