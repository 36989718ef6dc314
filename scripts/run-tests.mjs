#!/usr/bin/env node
// Runs the suite on both engines and ends with the plain `N passed, N failed` line CI reads, taken
// from vitest's JSON reports rather than its human summary (whose wording changes between versions).
// First on SQLite (the embedded default), then on PostgreSQL (SWITCHBOARD_DATABASE_URL: every test's
// books in their own schema of the database `test`). tools/ runs once: the billing domain imports
// nothing from db/ (docs/architecture.md), so a second engine cannot change what it does.
// `npm test -- <files or vitest options>` passes them to both runs; SWITCHBOARD_TEST_ENGINES=sqlite
// (or postgres) runs one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const outDir = join(process.cwd(), '.tmp');
mkdirSync(outDir, { recursive: true });

// What the tests need on this machine (Redis, PostgreSQL, Chromium): started, or installed from the OS packages.
const services = spawnSync('bash', ['scripts/ensure-services.sh'], { stdio: 'inherit' });
const servicesFailed = services.status === 0 ? 0 : 1;
if (servicesFailed) console.log('services: FAILED (scripts/ensure-services.sh); tests that need them will fail');

// Type errors are failures too: vitest strips types without checking them.
const typecheck = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
const typecheckFailed = typecheck.status === 0 ? 0 : 1;
console.log(typecheckFailed ? 'typecheck: FAILED' : 'typecheck: ok');

// Formatting and lint errors are failures too (warnings are listed by `npm run lint`).
const lint = spawnSync('npx', ['biome', 'ci', '.', '--diagnostic-level=error'], { stdio: 'inherit' });
const lintFailed = lint.status === 0 ? 0 : 1;
console.log(lintFailed ? 'lint: FAILED (npm run format fixes formatting)' : 'lint: ok');

/** One vitest run; its counts from the JSON report (a file that fails to load counts as a failure). */
function runSuite(engine, env, extra) {
  const report = join(outDir, `vitest-report-${engine}.json`);
  if (existsSync(report)) rmSync(report);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra, ...process.argv.slice(2)];
  const started = Date.now();
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const counts = { passed: 0, failed: 0, skipped: 0, ok: run.status === 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = json.numPassedTests ?? 0;
    counts.failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    for (const suite of json.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) counts.failed += 1;
    }
  } else {
    counts.failed = 1;
  }
  console.log(`${engine}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${Math.round((Date.now() - started) / 1000)} s`);
  return counts;
}

/** Drops the schemas earlier runs left behind (each test's books live in one). */
function dropLeftoverSchemas() {
  const sql = "select string_agg(format('drop schema %I cascade;', nspname), ' ') from pg_namespace where nspname like 'sbp\\_%'";
  const found = spawnSync('psql', [POSTGRES_URL, '-tAc', sql], { encoding: 'utf8' });
  const drops = (found.stdout ?? '').trim();
  // One statement at a time (psql's input runs each in its own transaction): dropping them all in
  // one would hold a lock per table of every schema at once (max_locks_per_transaction).
  if (drops) spawnSync('psql', [POSTGRES_URL, '-q'], { input: `set client_min_messages = warning;\n${drops.replaceAll('; ', ';\n')}`, stdio: ['pipe', 'inherit', 'inherit'] });
}

const engines = (process.env.SWITCHBOARD_TEST_ENGINES ?? 'sqlite,postgres').split(',');
const runs = [];
if (engines.includes('sqlite')) runs.push(runSuite('sqlite', { SWITCHBOARD_DATABASE_URL: '' }, []));
if (engines.includes('postgres')) {
  dropLeftoverSchemas();
  runs.push(runSuite('postgres', { SWITCHBOARD_DATABASE_URL: POSTGRES_URL }, ['--exclude', 'tools/**']));
}

let passed = runs.reduce((n, r) => n + r.passed, 0);
let failed = runs.reduce((n, r) => n + r.failed, 0);
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
passed += 3 - typecheckFailed - lintFailed - servicesFailed;
failed += typecheckFailed + lintFailed + servicesFailed;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(runs.every((r) => r.ok) && failed === 0 ? 0 : 1);
