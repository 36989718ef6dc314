// End to end: file -> parsed -> classified -> rated -> stored in a fresh SQLite file (WAL).
// Arguments: file, repository root, seed, subscribers, and optionally `inline` or `thread` (the writer)
// and `no-detect` (without the fraud detection stage, docs/fraud.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { openDatabase, setOperatorSetting } from '../db/index.ts';
import { buildPopulationFor } from '../evals/generator/index.ts';
import { cpuSeconds, measure } from './measure.ts';
import { ingestFile } from '../app/ingest/index.ts';

const [file, root, seed, subscribers, ...flags] = process.argv.slice(2);
const writer = flags.find((f) => f === 'inline' || f === 'thread');
const detect = !flags.includes('no-detect');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
const store = openDatabase(join(dir, 'bench.db'));
const settings = {
  ...JSON.parse(readFileSync(join(root!, 'evals/datasets/demo-operator/settings.json'), 'utf8')),
  ...buildPopulationFor({ seed: Number(seed), subscribers: Number(subscribers) }).operatorSettings,
};
for (const [k, v] of Object.entries(settings)) setOperatorSetting(store, k, v);
importTariffFromPath(join(root!, 'evals/datasets/demo-operator/tariff.yaml'), {}, store);
let counts: Awaited<ReturnType<typeof ingestFile>> | undefined;
const cpuBefore = cpuSeconds();
const perRowUs = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / counts!.read) * 1e7) / 10);
const result = await measure(
  'end-to-end',
  async () => {
    counts = await ingestFile(store, file!, { format: 'asterisk', rate: true, detect, ...(writer === 'inline' || writer === 'thread' ? { writer } : {}) });
    return counts.read;
  },
  () => {
    const cpu = cpuSeconds();
    const main = cpu.main === null || cpuBefore.main === null ? null : cpu.main - cpuBefore.main;
    return {
      accepted: counts!.accepted,
      quarantined: counts!.quarantined,
      duplicates: counts!.duplicates,
      statuses: counts!.statuses,
      detection: detect ? { alerts: counts!.alerts.length } : 'off',
      // Where the CPU went, per input row: the pipeline thread, and everything else (the writer
      // thread, V8's collector helpers). On a busy machine these say more than the wall clock.
      cpuUsPerRow: { mainThread: perRowUs(main), otherThreads: perRowUs(main === null ? null : cpu.total - cpuBefore.total - main) },
    };
  },
);
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
