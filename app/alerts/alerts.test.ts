import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countFraudAlerts, listFraudAlerts, listLineBars } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { matchAlertsToLabels } from '../../tools/fraud/index.ts';
import { ingestFile } from '../ingest/index.ts';
import { AFTER_MONTH, ingestFraudMonth, SMALL_FRAUD_MONTH, writeFraudMonth } from './testing/ingest-fraud-month.ts';
import { scanRecentUsage } from './scan-recent-usage.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const stateRows = () => store.sqlite.prepare('SELECT scope, key, state_json FROM fraud_state ORDER BY scope, key').all();

describe('detection as a stage of ingest', () => {
  it('raises an alert for each injected case while the file is ingested, with its evidence, and none twice when the file comes again', async () => {
    const { path, labels, report } = await ingestFraudMonth(store);
    const alerts = listFraudAlerts(store, 'switchboard.local', { limit: 1000 });
    expect(report.alerts.sort()).toEqual(alerts.map((a) => a.id).sort());
    const scores = matchAlertsToLabels(
      alerts.map((a) => ({ ...a, firstAt: Date.parse(a.firstAt), lastAt: Date.parse(a.lastAt) })),
      labels,
    );
    for (const d of ['irsf', 'wangiri', 'simbox'] as const) expect(scores.find((s) => s.detector === d)).toMatchObject({ recall: 1, precision: 1 });
    const irsf = alerts.find((a) => a.detector === 'irsf')!;
    expect(irsf).toMatchObject({ status: 'open', source: 'ingest', batchId: report.batchId, subjectKind: 'subscriber' });
    expect(irsf.evidence.events.length).toBeGreaterThan(5);
    expect(irsf.evidence.events[0]).toMatch(/^csv:cdr-02/); // injected rows are numbered from 200,000,001
    expect(irsf.evidence.threshold).toMatchObject({ warningCalls: 5 });

    const before = stateRows();
    expect(before.length).toBeGreaterThan(300);
    const again = await ingestFile(store, path, { format: 'csv', now: AFTER_MONTH });
    expect([again.accepted, again.alerts]).toEqual([0, []]);
    expect(listFraudAlerts(store, 'switchboard.local', { limit: 1000 })).toHaveLength(alerts.length);
    expect(stateRows()).toEqual(before); // duplicates are never observed: no baseline counted twice
  });

  it('ingested without detection, a month raises nothing; the scheduled pass over stored usage then finds the same cases, and a second pass nothing new', async () => {
    const { prepareFraudStore } = await import('./testing/ingest-fraud-month.ts');
    prepareFraudStore(store);
    const { path, labels } = await writeFraudMonth(store.dir);
    const r = await ingestFile(store, path, { format: 'csv', now: AFTER_MONTH, detect: false });
    expect(r.alerts).toEqual([]);
    expect(countFraudAlerts(store, 'switchboard.local').open).toBe(0);
    const scan = scanRecentUsage(store, 'switchboard.local', { days: 40, now: new Date(AFTER_MONTH) });
    expect(scan.events).toBe(r.accepted);
    const alerts = listFraudAlerts(store, 'switchboard.local', { limit: 1000 });
    expect(alerts.every((a) => a.source === 'scheduled')).toBe(true);
    const found = matchAlertsToLabels(
      alerts.map((a) => ({ ...a, firstAt: Date.parse(a.firstAt), lastAt: Date.parse(a.lastAt) })),
      labels,
    );
    expect(found.filter((s) => s.labels > 0).every((s) => s.recall === 1)).toBe(true);
    expect(scanRecentUsage(store, 'switchboard.local', { days: 40, now: new Date(AFTER_MONTH) }).alerts).toEqual([]);
    expect(listLineBars(store, 'switchboard.local')).toEqual([]);
  });

  it('a clean month raises no alert', async () => {
    const { report } = await ingestFraudMonth(store, { ...SMALL_FRAUD_MONTH, fraud: undefined });
    expect(report.accepted).toBeGreaterThan(11_000);
    expect(report.alerts).toEqual([]);
  });
});
