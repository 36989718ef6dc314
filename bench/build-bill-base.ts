// The data of the billing benchmarks: N accounts with M rated usage events each in March 2025,
// built once (bench/out, reused) through the same sink ingestion uses.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBatch, createDbSink, finishBatch, importAccounts, openDatabase, saveCatalogVersion, setOperatorSetting, type Store } from '../db/index.ts';
import { buildManyAccountsFile, manyAccountsMsisdn } from '../evals/generator/index.ts';
import { loadCatalog } from '../tools/catalog/index.ts';
import { compileTariff, loadNativeTariff, rateUsage } from '../tools/rating/index.ts';
import type { AcceptedRecord } from '../tools/cdr/ingest-sink.types.ts';
import { importTariffFromPath } from '../cli/commands/tariffs.ts';
import { loadConfig } from '../config/index.ts';
import { dropPostgresBooks } from '../db/postgres/postgres-books.ts';

const MARCH = Date.UTC(2025, 2, 1);

/** A tiny deterministic generator, so the data is the same on every machine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function build(store: Store, N: number, M: number, DATASET: string): Promise<void> {
  for (const [k, v] of Object.entries({ tenant: 'switchboard.local', homeCountry: 'GB', timezone: 'UTC' })) setOperatorSetting(store, k, v);
  const tariff = importTariffFromPath(join(DATASET, 'tariff.yaml'), {}, store);
  const compiled = compileTariff(loadNativeTariff(readFileSync(join(DATASET, 'tariff.yaml'), 'utf8')).plan);
  const catalog = loadCatalog(readFileSync(join(DATASET, 'catalog.yaml'), 'utf8'));
  saveCatalogVersion(store, catalog);
  importAccounts(store, buildManyAccountsFile(N));
  const rnd = lcg(42);
  const batchId = createBatch(store, { sourceName: 'bench', format: 'csv', path: null, fileSha256: null, parserOptions: {} });
  const sink = createDbSink(store, batchId, 'switchboard.local');
  let chunk: AcceptedRecord[] = [];
  let n = 0;
  for (let i = 0; i < N; i++) {
    const msisdn = manyAccountsMsisdn(i);
    for (let k = 0; k < M; k++) {
      const r = rnd();
      const service = r < 0.6 ? 'voice' : r < 0.85 ? 'sms' : 'data';
      const start = MARCH + Math.floor(rnd() * 31 * 86_400_000);
      const usage = service === 'voice' ? 1000 * (5 + Math.floor(rnd() * 600)) : service === 'sms' ? 1 : Math.floor(rnd() * 50_000_000);
      const destination = service === 'data' ? '*any' : rnd() < 0.9 ? '447812345678' : '33612345678';
      const category = service === 'data' ? 'data' : destination.startsWith('44') ? 'mobile' : 'international';
      const rated = rateUsage(compiled, {
        tenant: 'switchboard.local',
        category: service === 'voice' ? 'call' : service,
        subject: msisdn,
        destination,
        answerTime: start,
        usage: service === 'voice' ? usage * 1_000_000 : usage,
        tor: service,
      });
      chunk.push({
        idemKey: `bench:${n}`,
        lineNo: ++n,
        record: {
          sourceId: `b${n}`,
          service,
          direction: 'outbound',
          subscriber: msisdn,
          otherParty: destination,
          imsi: null,
          servingNetwork: null,
          visitedCountry: null,
          startTime: start,
          answerTime: start,
          endTime: start + usage,
          duration: usage,
          usage,
          disposition: 'answered',
          attributes: {},
        },
        classification: { category, roaming: 'none', destination, destinationCountry: category === 'mobile' ? 'GB' : 'FR', reason: null },
        rating: { status: 'rated', cost: rated.cost, currency: rated.currency, tariffVersionId: tariff.id, breakdown: rated },
      });
      if (chunk.length === 5000) {
        await sink.writeChunk(chunk, []);
        chunk = [];
      }
    }
  }
  await sink.writeChunk(chunk, []);
  await sink.finish?.();
  finishBatch(store, batchId, { read: n, accepted: n, duplicates: 0, quarantined: 0 });
}

/**
 * The base database of N accounts x M events under `root`/bench/out (built when missing); returns
 * its path. On PostgreSQL (SWITCHBOARD_DATABASE_URL) the path names a schema, which counts as
 * built once its bench batch is finished; a half-built one is dropped and built again.
 */
export async function ensureBillBase(N: number, M: number, root: string): Promise<string> {
  const DATASET = join(root, 'evals', 'datasets', 'demo-operator');
  const base = join(root, 'bench', 'out', `bill-base-${N}x${M}.db`);
  const url = loadConfig().databaseUrl;
  if (url) {
    const probe = openDatabase(base);
    const done = probe.sqlite.prepare("select count(*) n from ingest_batches where source_name = 'bench' and finished_at is not null").get() as { n: number };
    probe.close();
    if (done.n > 0) return base;
    dropPostgresBooks(url, base);
  } else if (existsSync(base)) return base;
  const t = Date.now();
  const store = openDatabase(base);
  await build(store, N, M, DATASET);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.error(`built ${base}${url ? ' (PostgreSQL)' : ''}: ${N} accounts x ${M} events in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return base;
}
