#!/usr/bin/env node
// Runs vitest once and ends with the plain `N passed, N failed` line CI reads, taken from
// vitest's JSON report rather than its human summary (whose wording changes between versions).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join(process.cwd(), '.tmp');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest-report.json');
if (existsSync(report)) rmSync(report);

// What the tests need on this machine (Redis, Chromium): started, or installed from the OS packages.
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

const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A suite that fails to load reports no tests; count it so a broken file cannot pass silently.
  for (const suite of json.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  failed = 1;
}
passed += 3 - typecheckFailed - lintFailed - servicesFailed;
failed += typecheckFailed + lintFailed + servicesFailed;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
