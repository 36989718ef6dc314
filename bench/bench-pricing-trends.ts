// Usage-trend back-test on a generated history: 24 months (January 2024 to December 2025; the demo tariff takes effect in 2024) of rated usage
// in five categories, each with its own growth, a yearly season and noise (a fixed seed, so the
// same on every machine), stored through the ingest sink and priced by the demo tariff. Prints the
// monthly back-test (rolling origin, one month ahead) per category and overall; figures, not a test.
//   npx tsx bench/bench-pricing-trends.ts [events per month=4000]
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runOperation } from '../app/index.ts';
import { showUsageTrends } from '../app/pricing/index.ts';
import { cliContext } from '../cli/operation-context.ts';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { createBatch, createDbSink, finishBatch, openDatabase, setOperatorSetting, type Store } from '../db/index.ts';
import type { AcceptedRecord } from '../tools/cdr/ingest-sink.types.ts';
import type { CallCategory } from '../tools/classify/classification.types.ts';
import { compileTariff, loadNativeTariff, rateUsage } from '../tools/rating/index.ts';

const PER_MONTH = Number(process.argv[2] ?? 4000);
const ROOT = resolve('.');
const DATASET = join(ROOT, 'evals', 'datasets', 'demo-operator');
const db = join(ROOT, 'bench', 'out', `pricing-history-${PER_MONTH}.db`);
const TENANT = 'switchboard.local';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// share of the month's events, growth per month, season amplitude, the month (1-12) of the peak
const CATEGORIES: Array<{ service: 'voice' | 'sms' | 'data'; category: CallCategory; destination: string; share: number; growth: number; season: number; peak: number }> = [
  { service: 'voice', category: 'mobile', destination: '447812345678', share: 0.35, growth: 0.01, season: 0.1, peak: 12 },
  { service: 'voice', category: 'national', destination: '441612345678', share: 0.15, growth: -0.015, season: 0.05, peak: 1 },
  { service: 'voice', category: 'international', destination: '33612345678', share: 0.1, growth: 0.02, season: 0.35, peak: 8 },
  { service: 'sms', category: 'mobile', destination: '447812345678', share: 0.2, growth: -0.02, season: 0.15, peak: 12 },
  { service: 'data', category: 'data', destination: '*any', share: 0.2, growth: 0.04, season: 0.1, peak: 8 },
];

async function build(store: Store): Promise<void> {
  for (const [k, v] of Object.entries({ tenant: TENANT, homeCountry: 'GB', timezone: 'UTC' })) setOperatorSetting(store, k, v);
  const tariff = importTariffFromPath(join(DATASET, 'tariff.yaml'), {}, store);
  const compiled = compileTariff(loadNativeTariff(readFileSync(join(DATASET, 'tariff.yaml'), 'utf8')).plan);
  const rnd = lcg(14);
  const batchId = createBatch(store, { sourceName: 'bench-history', format: 'csv', path: null, fileSha256: null, parserOptions: {} });
  const sink = createDbSink(store, batchId, TENANT);
  let chunk: AcceptedRecord[] = [];
  let n = 0;
  for (let m = 0; m < 24; m++) {
    const year = 2024 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const start = Date.UTC(year, month - 1, 1);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (const c of CATEGORIES) {
      const season = 1 + c.season * Math.cos((2 * Math.PI * (month - c.peak)) / 12);
      const noise = 0.9 + 0.2 * rnd();
      const count = Math.floor(PER_MONTH * c.share * (1 + c.growth * m) * season * noise);
      for (let k = 0; k < count; k++) {
        const at = start + Math.floor(rnd() * days * 86_400_000);
        const usage = c.service === 'voice' ? 1000 * (20 + Math.floor(rnd() * 400)) : c.service === 'sms' ? 1 : Math.floor(rnd() * 80_000_000);
        const subscriber = `4474001${String(Math.floor(rnd() * 500)).padStart(5, '0')}`;
        const rated = rateUsage(compiled, {
          tenant: TENANT,
          category: c.service === 'voice' ? 'call' : c.service,
          subject: subscriber,
          destination: c.destination,
          answerTime: at,
          usage: c.service === 'voice' ? usage * 1_000_000 : usage,
          tor: c.service,
        });
        n += 1;
        chunk.push({
          idemKey: `history:${n}`,
          lineNo: n,
          record: {
            sourceId: `h${n}`,
            service: c.service,
            direction: 'outbound',
            subscriber,
            otherParty: c.destination,
            imsi: null,
            servingNetwork: null,
            visitedCountry: null,
            startTime: at,
            answerTime: at,
            endTime: at + usage,
            duration: usage,
            usage,
            disposition: 'answered',
            attributes: {},
          },
          classification: { category: c.category, roaming: 'none', destination: c.destination, destinationCountry: c.category === 'international' ? 'FR' : 'GB', reason: null },
          rating: { status: 'rated', cost: rated.cost, currency: rated.currency, tariffVersionId: tariff.id, breakdown: rated },
        });
        if (chunk.length === 5000) {
          await sink.writeChunk(chunk, []);
          chunk = [];
        }
      }
    }
  }
  await sink.writeChunk(chunk, []);
  await sink.finish?.();
  finishBatch(store, batchId, { read: n, accepted: n, duplicates: 0, quarantined: 0 });
}

mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
if (!existsSync(db)) {
  const store = openDatabase(db);
  await build(store);
  store.close();
}
const store = openDatabase(db);
const started = performance.now();
const t = await runOperation(showUsageTrends, cliContext(store), { until: '2025-12', history: 24, horizon: 3 });
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    stage: 'usage trends back-test, 24 generated months',
    seconds,
    months: t.buckets.length,
    ratedMape: t.ratedMape,
    quantityMape: t.quantityMape,
    total: { method: t.total.model.method, backtest: t.total.model.backtest, candidates: t.total.model.candidates, forecast: t.total.forecast },
    categories: t.categories.map((c) => ({
      key: c.key,
      method: c.ratedModel.method,
      ratedMape: c.ratedModel.backtest?.mape ?? null,
      quantityMape: c.quantityModel.backtest?.mape ?? null,
      candidates: c.ratedModel.candidates,
    })),
  }),
);
store.close();
