// `npm run bench:startup [-- --runs N] [-- --bin PATH ...]`: how long the installed CLI takes to
// start and answer, wall and CPU time, for a few quick commands on a demo database built in a temp
// dir. Figures, not pass/fail: targets are in docs/benchmarks.md. Several --bin (e.g. a checkout of
// main and this one) are measured interleaved, run by run, so a busy shared machine slows them alike;
// the first one builds the demo database (`demo`, ~15 s built, longer through tsx).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const bins = args.flatMap((a, i) => (args[i - 1] === '--bin' ? [resolve(a)] : []));
if (bins.length === 0) bins.push(join(ROOT, 'bin', 'switchboard.js'));

/** CPU seconds used so far by this process's waited-for children (Linux: /proc, 10 ms ticks). */
function childrenCpuSeconds(): number {
  // Fields 16 and 17 of /proc/self/stat (cutime, cstime), counted after the `(comm)` field.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One run of the bin: wall and CPU seconds (the CPU of every process it waited for included). */
function timeRun(bin: string, argv: string[]): { wall: number; cpu: number } {
  const cpu0 = childrenCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${bin} ${argv.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { wall, cpu: childrenCpuSeconds() - cpu0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (s: number) => `${Math.round(s * 1000)}`.padStart(6);

const work = mkdtempSync(join(tmpdir(), 'switchboard-bench-startup-'));
try {
  const db = join(work, 'demo.db');
  const t = Date.now();
  const demo = spawnSync(process.execPath, [bins[0]!, 'demo', '--db', db], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (demo.status !== 0) throw new Error(`demo failed:\n${demo.stderr}`);
  console.log(`built the demo database in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const cases = [['--version'], ['--help'], ['--db', db, 'invoice', 'show', 'INV-000001'], ['--db', db, 'usage', 'list', '--limit', '5']];
  const times = new Map<string, { wall: number[]; cpu: number[] }>();
  const key = (bin: string, c: string[]) => `${bin}\0${c.join(' ')}`;
  for (const bin of bins) for (const c of cases) timeRun(bin, c); // warm the file cache
  for (let i = 0; i < runs; i += 1) {
    for (const c of cases) {
      for (const bin of bins) {
        const r = timeRun(bin, c);
        const t = times.get(key(bin, c)) ?? { wall: [], cpu: [] };
        t.wall.push(r.wall);
        t.cpu.push(r.cpu);
        times.set(key(bin, c), t);
      }
    }
  }

  console.log(`\nSwitchboard CLI start-up — median of ${runs} runs, node ${process.version}, ${process.platform}/${process.arch}`);
  console.log('command                        wall ms  CPU ms   bin');
  for (const c of cases) {
    for (const bin of bins) {
      const t = times.get(key(bin, c))!;
      const label = c.filter((a) => a !== db && a !== '--db').join(' ');
      console.log(`${label.padEnd(29)} ${ms(median(t.wall))}  ${ms(median(t.cpu))}   ${bin}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
