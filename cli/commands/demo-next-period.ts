import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../app/ingest/index.ts';
import { ratePending } from '../../app/rating/index.ts';
import type { Store } from '../../db/index.ts';
import { generateRows, type GeneratorOptions } from '../../evals/generator/index.ts';

/** The month after the demo's billed March: its whole usage is on file, so its cycle can run (`switchboard cycle run --period 2025-04`). */
export const DEMO_NEXT_PERIOD = '2025-04';

/** Lines whose April usage jumps (long calls abroad), so the cycle has invoices to hold for a person. */
const SPIKING_LINES = 4;
const SPIKE_CALLS = 30;

/**
 * Writes and ingests April's records of the same subscribers as March (record ids of their own),
 * with a burst of long international calls on a few lines, then rates them. A second run finds
 * the same file and only duplicates.
 */
export async function ingestNextPeriodUsage(store: Store, opts: { dir: string; seed: number; rows: number }) {
  const path = join(opts.dir, `usage-${DEMO_NEXT_PERIOD}.jsonl`);
  if (!existsSync(path)) {
    const generator: GeneratorOptions = { rows: opts.rows, seed: opts.seed, subscribers: 1000, start: `${DEMO_NEXT_PERIOD}-01`, days: 30, format: 'jsonl', inboundShare: 0, transitShare: 0 };
    const lines: string[] = [];
    const spiking: Array<{ subscriber: string; imsi?: string }> = [];
    for (const row of generateRows(generator)) {
      if (row.kind !== 'record') continue;
      const record = JSON.parse(row.line) as { record_id: string; subscriber: string; imsi?: string; direction: string; service: string };
      lines.push(JSON.stringify({ ...record, record_id: `apr-${record.record_id}` }));
      const known = spiking.some((s) => s.subscriber === record.subscriber);
      if (!known && spiking.length < SPIKING_LINES && record.service === 'voice' && record.direction === 'outbound') spiking.push({ subscriber: record.subscriber, imsi: record.imsi });
    }
    spiking.forEach((line, i) => {
      for (let k = 0; k < SPIKE_CALLS; k++) {
        const start = new Date(Date.UTC(2025, 3, 12 + (k % 8), 9 + (k % 10), (7 * k) % 60)).toISOString().replace('.000Z', '+00:00');
        lines.push(JSON.stringify({ record_id: `apr-spike-${i}-${k}`, service: 'voice', direction: 'outbound', ...line, other_party: '+33612345678', start, duration: 2400, disposition: 'answered' }));
      }
    });
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
  const ingest = await ingestFile(store, path, { format: 'jsonl' });
  const rating = ratePending(store, {});
  return { period: DEMO_NEXT_PERIOD, file: path, read: ingest.read, accepted: ingest.accepted, duplicates: ingest.duplicates, quarantined: ingest.quarantined, rated: rating.rated };
}
