import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRows, type GeneratorOptions } from '../../evals/generator/index.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { ratePending } from '../../app/rating/index.ts';
import type { Store } from '../../db/index.ts';

/**
 * The served demo's calendar day: ten days into the month after the billed March, so the console
 * and the portal have a current period with usage so far (docs/console.md, "The demo's calendar").
 */
export const DEMO_TODAY = '2025-04-10';

/** Lines of the live month with 40 twenty-minute calls in its first nine days (800 minutes). */
const HEAVY_LINES = 3;
const HEAVY_CALLS = 40;

/**
 * Writes and ingests the switch's records of the current month up to DEMO_TODAY (the same
 * subscribers as March's files; record ids of their own), then rates them. A second run finds
 * the same file and only duplicates.
 */
export async function ingestLiveUsage(store: Store, opts: { dir: string; seed: number; rows: number }) {
  const path = join(opts.dir, 'live-2025-04.jsonl');
  if (!existsSync(path)) {
    // March's generator settings with April's start: the population is the same (it depends on the seed and days only).
    const generator: GeneratorOptions = { rows: opts.rows, seed: opts.seed, subscribers: 1000, start: '2025-04-01', days: 31, format: 'jsonl' };
    const endOfToday = `${DEMO_TODAY}T23:59:59`;
    const lines: string[] = [];
    const heavy: Array<{ subscriber: string; imsi?: string }> = [];
    for (const row of generateRows(generator)) {
      if (row.kind !== 'record') continue;
      const record = JSON.parse(row.line) as { record_id: string; start: string; subscriber: string; imsi?: string; service: string; direction: string };
      if (record.start.slice(0, 19) > endOfToday) continue;
      lines.push(JSON.stringify({ ...record, record_id: `live-${record.record_id}` }));
      const known = heavy.some((h) => h.subscriber === record.subscriber);
      if (!known && heavy.length < HEAVY_LINES && record.service === 'voice' && record.direction === 'outbound') heavy.push({ subscriber: record.subscriber, imsi: record.imsi });
    }
    // A few lines that talk far more than usual this month: the day's scan forecasts them over their minutes.
    heavy.forEach((line, i) => {
      for (let k = 0; k < HEAVY_CALLS; k++) {
        const start = new Date(Date.UTC(2025, 3, 1 + (k % 9), 8 + (k % 11), (13 * k) % 60)).toISOString().replace('.000Z', '+00:00');
        lines.push(
          JSON.stringify({ record_id: `live-heavy-${i}-${k}`, service: 'voice', direction: 'outbound', ...line, other_party: '+447812345678', start, duration: 1200, disposition: 'answered' }),
        );
      }
    });
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
  const ingest = await ingestFile(store, path, { format: 'jsonl' });
  const rating = ratePending(store, {});
  return { file: path, read: ingest.read, accepted: ingest.accepted, duplicates: ingest.duplicates, quarantined: ingest.quarantined, rated: rating.rated };
}
