import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatch, createDbSink, getOperatorSettings, importAccounts, listQuarantine, listUsageEvents, parseSettingValue, setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../tools/catalog/index.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { replayQuarantine } from '../../app/quarantine/index.ts';
import { ratePending } from '../../app/rating/index.ts';

// The line of issue 8, word for word: answered 06:03:30, ended 06:05:41, billsec 8640000 (100 days).
const ISSUE_LINE =
  '"","447400151026","07770150232","from-subscribers","""Priya Smith"" <447400151026>","PJSIP/447400151026-00008812","PJSIP/trunk-00008813","Dial","PJSIP/+447770150232@trunk,60,tT","2025-03-10 06:03:16","2025-03-10 06:03:30","2025-03-10 06:05:41","8640000","8640000","ANSWERED","DOCUMENTATION","QA.4",""';
// The same call as the switch should have written it (145 s in all, 131 s billable).
const FIXED_LINE = ISSUE_LINE.replace('"8640000","8640000"', '"145","131"').replace('"QA.4"', '"QA.5"');
// An ordinary call of the same line, the rest of Priya's month.
const ORDINARY_LINE = ISSUE_LINE.replace('"8640000","8640000"', '"312","300"')
  .replace('"2025-03-10 06:03:16","2025-03-10 06:03:30","2025-03-10 06:05:41"', '"2025-03-12 18:00:00","2025-03-12 18:00:12","2025-03-12 18:05:12"')
  .replace('"QA.4"', '"QA.6"');

type TempStore = ReturnType<typeof createTempStore>;

/** The billing test operator plus a demo-like consumer, Priya Smith, on Talk 10 with line 447400151026. */
function setUp(store: TempStore): void {
  setUpBillingOperator(store);
  const address = { lines: ['2 Low Road'], city: 'Leeds', postcode: 'LS1 1AA', region: null, country: 'GB' };
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: [{ id: 'C9', name: 'Priya Smith', address, customerSince: '2024-01-01' }],
      accounts: [{ id: 'A9', customerId: 'C9', currency: 'GBP', taxJurisdiction: { country: 'GB' } }],
      subscriptions: [{ id: 'L9', accountId: 'A9', msisdn: '447400151026', plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] }],
    }),
  );
}

async function ingestAsterisk(store: TempStore, lines: string[]) {
  const path = join(store.dir, `Master-${lines.length}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ingestFile(store, path, { format: 'asterisk', now: Date.UTC(2025, 3, 1) });
}

async function a9Total(lines: string[]): Promise<{ total: string; status: string }> {
  const store = createTempStore();
  try {
    setUp(store);
    await ingestAsterisk(store, lines);
    ratePending(store, {});
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const a9 = run.created.find((c) => c.accountId === 'A9')!;
    return { total: a9.total, status: a9.status };
  } finally {
    store.cleanup();
  }
}

let store: TempStore;
beforeEach(() => {
  store = createTempStore();
  setUp(store);
});
afterEach(() => store.cleanup());

describe('implausible usage never reaches an invoice (real SQLite, issue 8)', () => {
  it('quarantines the 100-day-billsec line with DURATION_MISMATCH and bills the account as if it never came', async () => {
    const counts = await ingestAsterisk(store, [ISSUE_LINE, ORDINARY_LINE]);
    expect([counts.read, counts.accepted, counts.duplicates, counts.quarantined]).toEqual([2, 1, 0, 1]);
    expect(counts.quarantineReasons).toEqual({ DURATION_MISMATCH: 1 });
    const [q] = listQuarantine(store, {});
    expect([q!.reason, q!.lineNo, q!.raw]).toEqual(['DURATION_MISMATCH', 1, ISSUE_LINE]);
    expect(listUsageEvents(store, {}).map((e) => [e.subscriber, e.usage])).toEqual([['447400151026', 300_000]]);

    ratePending(store, {});
    const a9 = billPeriod(store, { period: '2025-03', timezone: 'UTC' }).created.find((c) => c.accountId === 'A9')!;
    // Exactly what the account owes with only its ordinary call: nothing of 11,491.20 GBP is left.
    expect(a9).toMatchObject(await a9Total([ORDINARY_LINE]));
    expect(Number(a9.total)).toBeLessThan(100);
  });

  it('replays the quarantined line with the checks of its ingest: still quarantined as written, accepted once corrected', async () => {
    await ingestAsterisk(store, [ISSUE_LINE]);
    const [q] = listQuarantine(store, {});
    const again = replayQuarantine(store, {});
    expect(again.results).toEqual([expect.objectContaining({ id: q!.id, outcome: 'still_quarantined', reason: 'DURATION_MISMATCH' })]);
    const fixed = replayQuarantine(store, { id: q!.id, raw: FIXED_LINE });
    expect(fixed.results).toEqual([expect.objectContaining({ id: q!.id, outcome: 'accepted' })]);
    expect(listUsageEvents(store, {}).map((e) => [e.subscriber, e.usage])).toEqual([['447400151026', 131_000]]);
  });

  it('replays against the window of the ingest, not of the replay', async () => {
    // Ingested on 1 April, a call of 1 April 12:00 lies in the future; replayed later it still does.
    const future = FIXED_LINE.replaceAll('2025-03-10', '2025-04-01').replace('06:03:16', '12:03:16').replace('06:03:30', '12:03:30').replace('06:05:41', '12:05:41');
    const counts = await ingestAsterisk(store, [future]);
    expect(counts.quarantineReasons).toEqual({ TIME_IN_FUTURE: 1 });
    expect(replayQuarantine(store, {}).results).toEqual([expect.objectContaining({ outcome: 'still_quarantined', reason: 'TIME_IN_FUTURE' })]);
  });

  it('checks lines of batches stored before plausibility checks existed, as of the batch start', () => {
    // Such a batch keeps only its time zone; one of its lines was quarantined for another reason then.
    const batchId = createBatch(store, { sourceName: 'asterisk', format: 'asterisk', path: null, fileSha256: null, parserOptions: { timezone: 'UTC' } });
    const sink = createDbSink(store, batchId, 't');
    sink.writeChunk([], [{ dedupKey: 'asterisk:q:old', lineNo: 7, raw: ISSUE_LINE, reason: 'INVALID_VALUE', message: 'an older verdict' }]);
    sink.finish?.();
    expect(replayQuarantine(store, {}).results).toEqual([expect.objectContaining({ outcome: 'still_quarantined', reason: 'DURATION_MISMATCH' })]);
    expect(listUsageEvents(store, {})).toEqual([]);
  });

  it("takes the window's limits from the operator settings (config set)", async () => {
    // FIXED_LINE is from 10 March, 22 days before the 1 April ingest.
    setOperatorSetting(store, 'maxRecordAgeDays', parseSettingValue('maxRecordAgeDays', '21'));
    expect(getOperatorSettings(store).maxRecordAgeDays).toBe(21);
    expect((await ingestAsterisk(store, [FIXED_LINE])).quarantineReasons).toEqual({ TIME_TOO_OLD: 1 });
    setOperatorSetting(store, 'maxRecordAgeDays', parseSettingValue('maxRecordAgeDays', '30'));
    expect((await ingestAsterisk(store, [ORDINARY_LINE])).accepted).toBe(1);
    expect(() => setOperatorSetting(store, 'durationToleranceSeconds', parseSettingValue('durationToleranceSeconds', '-1'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('quarantines garbage billed parties, never rating them', async () => {
    const bad = ['abc', '+', '*#06#', "'; DROP TABLE usage_events;--", '9'.repeat(100), '447400151026\u200b'];
    const lines = bad.map((src, i) => FIXED_LINE.replace('"447400151026"', `"${src.replaceAll('"', '""')}"`).replace('"QA.5"', `"QB.${i}"`));
    const counts = await ingestAsterisk(store, lines);
    // The zero-width space is dropped and the number kept; everything else is INVALID_SUBSCRIBER.
    expect([counts.read, counts.accepted, counts.quarantined]).toEqual([6, 1, 5]);
    expect(counts.quarantineReasons).toEqual({ INVALID_SUBSCRIBER: 5 });
    ratePending(store, {});
    expect(listUsageEvents(store, {}).map((e) => [e.subscriber, e.status])).toEqual([['447400151026', 'rated']]);
  });
});
