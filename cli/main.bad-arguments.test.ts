import type { Command, Option } from 'commander';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { onPostgres } from '../db/testing/on-postgres.ts';
import { ingestAndRate, setUpBillingOperator } from './commands/testing/billing-setup.ts';
import { buildProgram } from './main.ts';
import { runCli } from './testing/run-cli.ts';

// Every command and subcommand of the program, each with every kind of bad argument: exit 2, one
// line (or one JSON error), no stack trace, nothing written. The cases are derived from the
// commander definitions, so a new command or option is covered without touching this file.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = join(ROOT, 'evals/datasets/demo-operator');
const work = mkdtempSync(join(tmpdir(), 'switchboard-bad-args-'));
const db = join(work, 'good.db');
const files = {
  cdrs: join(work, 'cdrs.csv'),
  accounts: join(work, 'accounts.json'),
  text: join(work, 'notes.txt'),
  corrupt: join(work, 'corrupt.db'),
  truncated: join(work, 'truncated.db'),
  notSqlite: join(work, 'not-sqlite.db'),
  folder: join(work, 'a-folder'),
};

/** Commands that never open the database: the bad-database cases only check they refuse `--db ""`. */
const NO_DATABASE = new Set(['generate']);
/** Commands whose `<id>` is a free-text name they create, so no id is a bad one. */
const FREE_TEXT_ID = new Set(['users add']);

beforeAll(() => {
  process.env.CI = '1'; // no progress bars in captured output
  openDatabase(db).close();
  writeFileSync(files.cdrs, 'record_id,service,subscriber,other_party,start,duration\nr1,voice,447400100001,01614960123,2025-03-03T10:00:00Z,60\n');
  writeFileSync(files.accounts, JSON.stringify({ customers: [], accounts: [], subscriptions: [] }));
  writeFileSync(files.text, 'hello\n');
  writeFileSync(files.notSqlite, 'this is not a database, just some text long enough to look like a header\n');
  mkdirSync(files.folder);
  // On PostgreSQL the books are a schema, not good.db: there is no file to corrupt.
  if (onPostgres) return;
  const good = readFileSync(db);
  writeFileSync(files.truncated, good.subarray(0, 100));
  const corrupt = Buffer.from(good);
  corrupt.fill(0xff, 100, Math.min(corrupt.length, 8192 * 2));
  writeFileSync(files.corrupt, corrupt);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Leaf {
  name: string;
  path: string[];
  cmd: Command;
}

function leaves(cmd: Command, path: string[] = []): Leaf[] {
  if (cmd.commands.length === 0) return [{ name: path.join(' '), path, cmd }];
  return cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

const placeholder = (o: Option) => /<([^>]+)>/.exec(o.flags)?.[1] ?? '';
const isDate = (o: Option) => /^(YYYY-MM|date|iso)$/.test(placeholder(o));
// `--account <id>` names an account (any text); the other ids are record numbers.
const isNumber = (o: Option) => /^(n|id|share|amount)$/.test(placeholder(o)) && o.long !== '--account';
const isOutput = (o: Option) => placeholder(o) === 'file' || o.long === '--dir';
const isEnum = (o: Option) => Boolean(o.argChoices?.length) || o.attributeName() === 'format';

/** A value that passes each positional argument's own checks, so a case fails only on what it breaks. */
function validArgument(leaf: Leaf, name: string): string {
  if (name === 'file' || name === 'path') {
    return { ingest: files.cdrs, 'tariffs import': join(DATASET, 'tariff.yaml'), 'catalog import': join(DATASET, 'catalog.yaml'), 'accounts import': files.accounts }[leaf.name] ?? files.text;
  }
  return ({ key: 'timezone', value: 'UTC', accountId: 'A1', message: 'hello' } as Record<string, string>)[name] ?? '1';
}

function validOption(leaf: Leaf, o: Option): string[] {
  if (o.argChoices?.length) return [o.long!, o.argChoices[0]!];
  const p = placeholder(o);
  const byName: Record<string, string> = {
    format: 'csv',
    out: join(work, 'never-written.csv'),
    tenant: 't',
    category: 'call',
    subject: 's',
    usage: '60s',
    'answer-time': '2025-03-03T10:00:00Z',
    reason: 'why not',
    roles: 'analyst',
    account: 'A1',
    period: '2025-03',
  };
  const value = byName[o.long!.slice(2)] ?? (p === 'YYYY-MM' ? '2025-03' : p === 'date' ? '2025-03-01' : p === 'iso' ? '2025-03-01T00:00:00Z' : '1');
  return [o.long!, value];
}

function validArgs(leaf: Leaf, without?: Option): string[] {
  const positional = leaf.cmd.registeredArguments.filter((a) => a.required).map((a) => validArgument(leaf, a.name()));
  const required = leaf.cmd.options.filter((o) => o.mandatory && o !== without).flatMap((o) => validOption(leaf, o));
  return [...leaf.path, ...positional, ...required];
}

function positionalOnlyOptions(leaf: Leaf): string[] {
  return [...leaf.path, ...leaf.cmd.options.filter((o) => o.mandatory).flatMap((o) => validOption(leaf, o))];
}

interface Case {
  what: string;
  args: string[];
  /** The error code expected under --json, when the case pins one. */
  code?: RegExp;
}

function casesFor(leaf: Leaf): Case[] {
  const cases: Case[] = [];
  const withDb = (args: string[], path = db) => ['--db', path, ...args];
  if (leaf.cmd.registeredArguments.some((a) => a.required)) cases.push({ what: 'missing argument', args: withDb(positionalOnlyOptions(leaf)) });
  const mandatory = leaf.cmd.options.find((o) => o.mandatory);
  if (mandatory) cases.push({ what: `missing ${mandatory.long}`, args: withDb(validArgs(leaf, mandatory)) });
  cases.push({ what: 'unknown option', args: withDb([...validArgs(leaf), '--no-such-option']) });
  const valid = validArgs(leaf);
  for (const o of leaf.cmd.options) {
    const rest = valid.filter((_, i) => !(valid[i] === o.long || valid[i - 1] === o.long));
    if (isEnum(o)) cases.push({ what: `bad ${o.long}`, args: withDb([...rest, o.long!, 'NOPE']) });
    if (isDate(o)) {
      cases.push({ what: `bad ${o.long}`, args: withDb([...rest, o.long!, 'not-a-date']) });
      cases.push({ what: `impossible ${o.long}`, args: withDb([...rest, o.long!, placeholder(o) === 'YYYY-MM' ? '2025-13' : '2025-02-30']) });
    }
    if (isNumber(o)) cases.push({ what: `bad ${o.long}`, args: withDb([...rest, o.long!, 'abc']) });
    if (isOutput(o)) {
      // A file goes into a folder that exists; a folder option (demo --dir) is created when missing.
      if (o.long === '--dir') cases.push({ what: `${o.long} a file`, args: withDb([...rest, o.long!, files.text]), code: /UNWRITABLE_OUTPUT/ });
      else {
        cases.push({ what: `${o.long} in a missing folder`, args: withDb([...rest, o.long!, join(work, 'no-such-dir', 'x.out')]), code: /UNWRITABLE_OUTPUT/ });
        cases.push({ what: `${o.long} a folder`, args: withDb([...rest, o.long!, files.folder]), code: /UNWRITABLE_OUTPUT/ });
      }
    }
  }
  leaf.cmd.registeredArguments.forEach((a, i) => {
    if (!a.required) return;
    const args = [...valid];
    const at = leaf.path.length + i;
    if (a.name() === 'file' || a.name() === 'path') args[at] = join(work, 'no-such-file.csv');
    else if (a.name() === 'id' && !FREE_TEXT_ID.has(leaf.name)) args[at] = 'abc';
    else return;
    cases.push({ what: `bad <${a.name()}>`, args: withDb(args) });
  });
  cases.push({ what: 'empty --db', args: withDb(valid, ''), code: /INVALID_INPUT/ });
  // Unusable SQLite files; on PostgreSQL --db names a schema, so these are names like any other.
  if (!NO_DATABASE.has(leaf.name) && !onPostgres) {
    cases.push({ what: 'a folder as --db', args: withDb(valid, files.folder), code: /INVALID_DATABASE/ });
    cases.push({ what: 'a corrupt --db', args: withDb(valid, files.corrupt), code: /INVALID_DATABASE/ });
    cases.push({ what: 'a truncated --db', args: withDb(valid, files.truncated), code: /INVALID_DATABASE/ });
    cases.push({ what: 'a text file as --db', args: withDb(valid, files.notSqlite), code: /INVALID_DATABASE/ });
  }
  return cases;
}

/** Every file under the work folder with a hash of its bytes: a failed command must leave it as it was. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      // An opened, unchanged WAL database may leave its (empty) side files; they hold no data.
      else if (!/-(wal|shm)$/.test(name)) out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(work);
  return out;
}

const ALL = leaves(buildProgram());

describe('every command refuses bad arguments the same way', { timeout: 360_000 }, () => {
  it('walks the whole program (a new command is covered automatically)', () => {
    expect(ALL.length).toBeGreaterThan(30);
    expect(ALL.map((l) => l.name)).toEqual(expect.arrayContaining(['ingest', 'invoice show', 'approvals list', 'whatif', 'generate']));
  });

  for (const leaf of ALL) {
    it(`${leaf.name}: exit 2, one line, no stack, nothing written`, async () => {
      const json = leaf.cmd.options.some((o) => o.long === '--json');
      const problems: string[] = [];
      for (const c of casesFor(leaf)) {
        for (const asJson of json ? [false, true] : [false]) {
          const args = asJson ? [...c.args, '--json'] : c.args;
          const before = snapshot();
          const r = await runCli(args);
          const label = `${c.what}${asJson ? ' --json' : ''}: switchboard ${args.join(' ')}`;
          const lines = (asJson ? r.stdout : r.stderr).split('\n').filter((l) => l !== '');
          if (r.code !== 2) problems.push(`${label}\n  exit ${r.code}: ${r.stderr || r.stdout}`.slice(0, 600));
          else if (lines.length !== 1 || (asJson ? r.stderr : r.stdout) !== '')
            problems.push(`${label}\n  wanted one line, got stdout ${JSON.stringify(r.stdout.slice(0, 300))} stderr ${JSON.stringify(r.stderr.slice(0, 300))}`);
          else if (`${r.stdout}${r.stderr}`.includes('    at ')) problems.push(`${label}\n  printed a stack trace`);
          else if (asJson) {
            let code = '';
            try {
              code = (JSON.parse(lines[0]!) as { error: { code: string } }).error.code;
            } catch {
              problems.push(`${label}\n  not a JSON error: ${lines[0]}`);
            }
            if (code && c.code && !c.code.test(code)) problems.push(`${label}\n  error code ${code}, wanted ${c.code}: ${lines[0]}`);
          }
          const after = snapshot();
          if (JSON.stringify(after) !== JSON.stringify(before))
            problems.push(
              `${label}\n  wrote: ${Object.keys(after)
                .filter((k) => after[k] !== before[k])
                .join(', ')}`,
            );
          for (const stray of ['never-written.csv', 'no-such-dir']) {
            if (!existsSync(join(work, stray))) continue;
            problems.push(`${label}\n  created ${stray}`);
            rmSync(join(work, stray), { recursive: true, force: true });
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** Runs the CLI in this process in `cwd` with the environment of a user's shell (CI set, `env` added). */
async function inProcess(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const r = await runCli(args, { cwd: options.cwd ?? work, env: { ...process.env, CI: '1', ...options.env } });
  return { ...r, lines: r.stderr.split('\n').filter(Boolean) };
}

describe('the environment and the working directory of a run', () => {
  it('refuses --db "" and SWITCHBOARD_DB="" instead of storing into a temporary database', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const empty = await inProcess(['--db', '', 'ingest', files.cdrs, '--format', 'csv'], { cwd });
    expect([empty.code, empty.lines.length, empty.stdout]).toEqual([2, 1, '']);
    expect(empty.lines[0]).toMatch(/^error \[INVALID_INPUT\]: --db is empty/);
    const env = await inProcess(['tariffs', 'import', join(DATASET, 'tariff.yaml'), '--json'], { cwd, env: { SWITCHBOARD_DB: '' } });
    expect([env.code, JSON.parse(env.stdout).error.code, env.stderr]).toEqual([2, 'INVALID_CONFIG', '']);
    expect(readdirSync(cwd)).toEqual([]); // not even ./data/switchboard.db
  });

  it.skipIf(onPostgres)('names a corrupt database in one line, without a stack trace (SQLite)', async () => {
    const corrupt = await inProcess(['--db', files.corrupt, 'usage', 'list']);
    expect([corrupt.code, corrupt.lines.length]).toEqual([2, 1]);
    expect(corrupt.lines[0]).toMatch(/^error \[INVALID_DATABASE\]: database .*corrupt\.db is corrupt or truncated/);
  });

  it('names an unwritable --pdf in one line, without a stack trace', async () => {
    const pdf = await inProcess(['--db', db, 'invoice', 'show', 'INV-000001', '--pdf', '/nonexistent-dir/x.pdf']);
    expect([pdf.code, pdf.lines]).toEqual([2, ['error [UNWRITABLE_OUTPUT]: cannot write --pdf /nonexistent-dir/x.pdf: folder /nonexistent-dir does not exist']]);
  });
});

/** Runs the installed bin as a user would (optionally as another, unprivileged, user). */
function bin(args: string[], options: { env?: Record<string, string>; cwd?: string; uid?: number } = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/switchboard.js'), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? work,
    env: { ...process.env, CI: '1', ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

// Only what needs processes of its own: bill shards, and a run as another (unprivileged) user.
describe('through the real bin', { timeout: 540_000 }, () => {
  it.skipIf(onPostgres)('names a corrupt database to a bill run in shards (its own processes) in one line, without a stack trace (SQLite)', () => {
    const shards = bin(['--db', files.notSqlite, 'bill', '--period', '2025-03', '--jobs', '2']);
    expect([shards.code, shards.lines.length, shards.lines[0]]).toEqual([2, 1, expect.stringMatching(/^error \[INVALID_DATABASE\]: .* is not an SQLite database/)]);
  });

  // A read-only database file; PostgreSQL's counterpart (a read-only server) is in db/storage-error.test.ts.
  it.skipIf(onPostgres)('fails a bill run into a read-only database once, before billing anyone; refuses a --pdf into a read-only folder (SQLite)', async () => {
    const ro = mkdtempSync(join(work, 'ro-'));
    const file = join(ro, 'billing.db');
    const store = openDatabase(file);
    setUpBillingOperator({ ...store, dir: ro, cleanup: () => undefined });
    await ingestAndRate({ ...store, dir: ro, cleanup: () => undefined });
    store.close();
    const before = readFileSync(file);
    // Root writes any file whatever its mode, so the run is made as an unprivileged user instead.
    const asRoot = process.getuid?.() === 0;
    chmodSync(file, 0o444);
    chmodSync(ro, 0o555);
    chmodSync(work, 0o755);
    try {
      const r = bin(['--db', file, 'bill', '--period', '2025-03'], asRoot ? { uid: 65534 } : {});
      expect([r.code, r.stdout, r.lines.length]).toEqual([2, '', 1]);
      expect(r.lines[0]).toMatch(/^error \[INVALID_DATABASE\]: database .* is read-only/);
      expect(readFileSync(file).equals(before)).toBe(true);
      // The same user cannot write a PDF into that folder either: refused before the invoice is read.
      const pdf = bin(['--db', file, 'invoice', 'show', 'INV-000001', '--pdf', join(ro, 'x.pdf')], asRoot ? { uid: 65534 } : {});
      expect([pdf.code, pdf.lines]).toEqual([2, [`error [UNWRITABLE_OUTPUT]: cannot write --pdf ${join(ro, 'x.pdf')}: folder ${ro} is not writable`]]);
      expect(existsSync(join(ro, 'x.pdf'))).toBe(false);
    } finally {
      chmodSync(ro, 0o755);
      chmodSync(file, 0o644);
    }
  });
});
