// Pricing what-if benchmark: the demo's March and a bigger generated month (the bill-run bench's
// N accounts x M events, billed), each re-priced under the demo's proposed tariff (calls to Europe
// and mobile peak dearer), in process through the operation as the CLI runs it. Also the usage
// trend back-test of the demo by day. Prints StageResult JSON lines (bench/measure.ts); figures, not a test.
//   npx tsx bench/bench-pricing.ts [accounts=5000] [events=100]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runOperation } from '../app/index.ts';
import { showPricingWhatIf, showUsageTrends, type PricingWhatIf } from '../app/pricing/index.ts';
import { cliContext } from '../cli/operation-context.ts';
import { openDatabase } from '../db/index.ts';
import { measure } from './measure.ts';

const N = Number(process.argv[2] ?? 5000);
const M = Number(process.argv[3] ?? 100);
const ROOT = resolve('.');
const OUT = join(ROOT, 'bench', 'out');
const TARIFF = join(ROOT, 'evals', 'datasets', 'demo-operator', 'whatif', 'tariff-europe-up.yaml');
const CATALOG = join(ROOT, 'evals', 'datasets', 'demo-operator', 'whatif', 'catalog-fees-up.yaml');
mkdirSync(OUT, { recursive: true });

function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
}

async function whatIf(label: string, db: string, input: Record<string, unknown>) {
  const store = openDatabase(db);
  let out: PricingWhatIf | null = null;
  const result = await measure(label, async () => {
    out = await runOperation(showPricingWhatIf, cliContext(store), { period: '2025-03', ...input });
    return out.accounts;
  });
  const o = out!;
  result.extra = { accounts: o.accounts, events: o.events.repriced, billed: o.total.before, proposed: o.total.after, change: o.total.change, ms: o.ms };
  console.log(JSON.stringify(result));
  store.close();
}

// The demo's March (790 accounts, ~30,000 events), built once.
const demo = join(OUT, 'pricing-demo.db');
if (!existsSync(demo)) run([join(ROOT, 'bin', 'switchboard.js'), '--db', demo, 'demo', '--json']);
await whatIf('pricing what-if, demo, tariff', demo, { tariff: { format: 'native', text: readFileSync(TARIFF, 'utf8'), fileName: 'tariff-europe-up.yaml' } });
await whatIf('pricing what-if, demo, catalog', demo, { catalog: { text: readFileSync(CATALOG, 'utf8'), fileName: 'catalog-fees-up.yaml' } });
{
  const store = openDatabase(demo);
  const t = await runOperation(showUsageTrends, cliContext(store), { bucket: 'day', until: '2025-03-31', history: 31 });
  console.log(
    JSON.stringify({
      stage: 'usage trends back-test, demo by day',
      ratedMape: t.ratedMape,
      quantityMape: t.quantityMape,
      total: { method: t.total.model.method, mape: t.total.model.backtest?.mape, candidates: t.total.model.candidates },
    }),
  );
  store.close();
}

// A bigger month: the bill-run bench's database of N accounts x M events, billed by it.
const big = join(OUT, `bill-run-${N}x${M}.db`);
run(['--import', 'tsx', join(ROOT, 'bench', 'bench-bill-run.ts'), String(N), String(M), ROOT, '2']);
await whatIf(`pricing what-if, ${N} accounts x ${M} events, tariff`, big, { tariff: { format: 'native', text: readFileSync(TARIFF, 'utf8'), fileName: 'tariff-europe-up.yaml' } });
