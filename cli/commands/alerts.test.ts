import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFraudAlerts, listLineBars } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestFraudMonth } from '../../app/alerts/testing/ingest-fraud-month.ts';
import { runCliOn } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const sb = (...args: string[]) => runCliOn(store.path, ...args);

describe('switchboard alerts', () => {
  it('lists, shows with evidence, dismisses with who and why, and refuses to decide twice', async () => {
    await ingestFraudMonth(store);
    const list = await sb('alerts', 'list', '--status', 'open', '--json');
    expect(list.code).toBe(0);
    expect(list.json.alerts.length).toBeGreaterThanOrEqual(4);
    expect(list.json.counts.open).toBe(list.json.alerts.length);
    const wangiri = list.json.alerts.find((a: any) => a.detector === 'wangiri');
    const text = await sb('alerts', 'show', String(wangiri.id));
    expect(text.stdout).toContain(`Alert ${wangiri.id}: wangiri`);
    expect(text.stdout).toMatch(/statistics: oneRingCalls \d+, peakInWindow \d+, distinctLines \d+, callbacks \d+/);
    expect(text.stdout).toContain('threshold: windowMinutes 60, maxRingSeconds 8, warningCalls 15');

    const anonymous = await sb('alerts', 'dismiss', String(wangiri.id), '--reason', 'known test traffic', '--json');
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.json.error.code).toBe('UNAUTHORIZED');
    const dismissed = await sb('alerts', 'dismiss', String(wangiri.id), '--reason', 'known test traffic', '--as', 'alice', '--json');
    expect(dismissed.json.alert).toMatchObject({ status: 'dismissed', decidedBy: 'alice', decisionReason: 'known test traffic' });
    const twice = await sb('alerts', 'confirm', String(wangiri.id), '--reason', 'changed my mind', '--as', 'bob', '--json');
    expect(twice.json.error).toMatchObject({ code: 'CONFLICT', message: `alert ${wangiri.id} is already dismissed (by alice)` });
    expect((await sb('alerts', 'list', '--status', 'dismissed', '--json')).json.alerts.map((a: any) => a.id)).toEqual([wangiri.id]);
  });

  it('confirming a critical alert about a line proposes barring it; another person approves and the line is recorded as barred', async () => {
    await ingestFraudMonth(store);
    const critical = listFraudAlerts(store, 'switchboard.local', { detector: 'irsf', severity: 'critical' })[0]!;
    const confirmed = await sb('alerts', 'confirm', String(critical.id), '--reason', 'customer never made these calls', '--bar', '--as', 'alice');
    expect(confirmed.code).toBe(0);
    const proposalId = Number(/Proposal (\d+) to bar line/.exec(confirmed.stdout)![1]);
    expect(listLineBars(store, 'switchboard.local')).toEqual([]); // a proposal, not a bar
    const own = await sb('approvals', 'approve', String(proposalId), '--as', 'alice', '--reason', 'bar it', '--json');
    expect(own.code).not.toBe(0);
    const approved = await sb('approvals', 'approve', String(proposalId), '--as', 'bob', '--reason', 'confirmed with the customer', '--json');
    expect(approved.code).toBe(0);
    expect(listLineBars(store, 'switchboard.local')).toEqual([expect.objectContaining({ subscriber: critical.subject, alertId: critical.id, proposalId })]);
    const shown = await sb('alerts', 'show', String(critical.id), '--json');
    expect(shown.json).toMatchObject({ status: 'confirmed', decidedBy: 'alice', proposalId });

    const warning = listFraudAlerts(store, 'switchboard.local', { detector: 'wangiri' })[0]!;
    const notALine = await sb('alerts', 'confirm', String(warning.id), '--reason', 'a wave', '--bar', '--as', 'alice', '--json');
    expect(notALine.json.error.code).toBe('INVALID_INPUT');
  });

  it('shows the thresholds with their defaults and sets one for the tenant (admin only)', async () => {
    const shown = await sb('alerts', 'thresholds', '--json');
    expect(shown.json.irsf).toMatchObject({ windowMinutes: 60, warningCalls: 5, criticalCalls: 12 });
    const set = await sb('alerts', 'thresholds', '--set', '{"irsf":{"warningCalls":8}}', '--json');
    expect(set.json.irsf).toMatchObject({ warningCalls: 8, criticalCalls: 12 });
    expect((await sb('alerts', 'thresholds', '--json')).json.irsf.warningCalls).toBe(8);
    const bad = await sb('alerts', 'thresholds', '--set', '{"irsf":{"warningCalls":0}}', '--json');
    expect(bad.json.error.code).toBe('INVALID_INPUT');
  });
});
