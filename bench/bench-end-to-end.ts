// End to end: file -> parsed -> classified -> rated -> stored in a fresh SQLite file (WAL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFile } from '../cli/commands/ingest.ts';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { openDatabase, setOperatorSetting } from '../db/index.ts';
import { buildPopulationFor } from '../evals/generator/index.ts';
import { measure } from './measure.ts';

const [file, root, seed, subscribers] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
const store = openDatabase(join(dir, 'bench.db'));
const settings = {
  ...JSON.parse(readFileSync(join(root!, 'evals/datasets/demo-operator/settings.json'), 'utf8')),
  ...buildPopulationFor({ seed: Number(seed), subscribers: Number(subscribers) }).operatorSettings,
};
for (const [k, v] of Object.entries(settings)) setOperatorSetting(store, k, v);
importTariffFromPath(join(root!, 'evals/datasets/demo-operator/tariff.yaml'), {}, store);
let counts: Awaited<ReturnType<typeof ingestFile>> | undefined;
const result = await measure(
  'end-to-end',
  async () => {
    counts = await ingestFile(store, file!, { format: 'asterisk', rate: true });
    return counts.read;
  },
  () => ({ accepted: counts!.accepted, quarantined: counts!.quarantined, duplicates: counts!.duplicates, statuses: counts!.statuses }),
);
store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
