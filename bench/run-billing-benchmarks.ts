// `npm run bench:billing [-- --accounts N --events M --jobs J]`: the bill run (N accounts with M
// rated events each, billed by `switchboard bill --jobs J`) and PDF rendering of its invoices.
// Figures, not pass/fail; targets and measured figures are in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StageResult } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const accounts = arg('accounts', 100_000);
const events = arg('events', 100);
const jobs = arg('jobs', 2);

function child(script: string, ...params: string[]): StageResult[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), ...params], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${script} failed`);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as StageResult);
}

const results = [
  ...child('bench-bill-run.ts', String(accounts), String(events), ROOT, String(jobs)),
  ...child('bench-pdf.ts', join(ROOT, 'bench', 'out', `bill-run-${accounts}x${events}.db`), '1000'),
];
console.log(`\nSwitchboard billing benchmark — ${accounts.toLocaleString('en')} accounts x ${events} rated events, node ${process.version}`);
console.log('stage                     items      seconds   per second   peak RSS MB');
for (const r of results) {
  console.log(`${r.stage.padEnd(24)}  ${String(r.items).padStart(9)}  ${r.seconds.toFixed(2).padStart(8)}  ${r.perSecond.toLocaleString('en').padStart(11)}  ${String(r.peakRssMb).padStart(11)}`);
}
for (const r of results) if (r.extra) console.log(`${r.stage}: ${JSON.stringify(r.extra)}`);
