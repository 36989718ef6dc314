import { describe, expect, it } from 'vitest';
import type { AssuranceEvent, AssuranceFacts, Stage } from './assurance.types.ts';
import { quarantineMonth } from './attribute-quarantine.ts';
import { buildAssuranceReport, checkStages } from './build-assurance-report.ts';

const stage = (id: Stage['id'], count: number, money: Record<string, string>): Stage => ({ id, label: id, unit: 'events', count, money, estimated: {} });
const event = (id: number, over: Partial<AssuranceEvent> = {}): AssuranceEvent => ({
  id,
  batchId: 1,
  lineNo: id + 1,
  subscriber: '447700900123',
  service: 'voice',
  direction: 'outbound',
  category: 'mobile',
  roaming: 'none',
  startTime: Date.UTC(2025, 2, 3),
  localDate: '2025-03-03',
  usage: 60_000,
  disposition: 'answered',
  status: 'rated',
  cost: '0.11',
  currency: 'GBP',
  ratingErrorCode: null,
  classificationReason: null,
  ...over,
});
const facts = (over: Partial<AssuranceFacts> = {}): AssuranceFacts => ({
  tenant: 't',
  period: '2025-03',
  timezone: 'UTC',
  window: { from: '2025-03-01', to: '2025-04-01' },
  events: [],
  quarantined: [],
  duplicates: [],
  lines: [],
  invoices: [],
  elsewhere: new Map(),
  ledger: [],
  allocations: [],
  ...over,
});

describe('checkStages', () => {
  it('says no when a stage is not the next plus its gaps, in count or in any currency', () => {
    const gaps = buildAssuranceReport(facts()).gaps.map((g) => (g.cause === 'no_subscription' ? { ...g, count: 1, money: { GBP: '0.11' } } : g));
    expect(checkStages(stage('rated', 2, { GBP: '0.22' }), stage('charged', 1, { GBP: '0.11' }), gaps)).toMatchObject({ countAddsUp: true, moneyAddsUp: true });
    expect(checkStages(stage('rated', 3, { GBP: '0.22' }), stage('charged', 1, { GBP: '0.11' }), gaps)).toMatchObject({ countAddsUp: false, moneyAddsUp: true });
    expect(checkStages(stage('rated', 2, { GBP: '0.22', EUR: '0.01' }), stage('charged', 1, { GBP: '0.11' }), gaps)).toMatchObject({ countAddsUp: true, moneyAddsUp: false });
  });
});

describe('buildAssuranceReport', () => {
  it('values an unrated call at its kind’s average and a zero-usage one at nothing, exactly', () => {
    const r = buildAssuranceReport(
      facts({
        events: [
          event(1),
          event(2, { cost: '0.12' }),
          event(3, { status: 'rating_failed', cost: null, currency: null }),
          event(4, { status: 'unclassified', category: 'unclassified', usage: 0, cost: null, currency: null }),
        ],
      }),
    );
    expect(r.gaps.find((g) => g.cause === 'rating_failed')).toMatchObject({ money: { GBP: '0.115' }, estimate: 'average of 2 priced voice outbound mobile roaming:none events' });
    expect(r.gaps.find((g) => g.cause === 'unclassified')).toMatchObject({ count: 1, money: {}, estimate: 'zero usage: worth nothing' });
    expect(r.stages.find((s) => s.id === 'accepted')).toMatchObject({ count: 4, money: { GBP: '0.345' }, estimated: { GBP: '0.115' } });
    // Both rated calls have no line: they leave between rated and charged, and the report still adds up.
    expect(r.gaps.find((g) => g.cause === 'no_subscription')).toMatchObject({ count: 2, money: { GBP: '0.23' } });
    expect(r.gapsAddUp).toBe(true);
  });

  it('does not take a kind that is free for all of its events for a zero-rated leak', () => {
    const free = buildAssuranceReport(facts({ events: [event(1, { category: 'toll_free', cost: '0' }), event(2, { category: 'toll_free', cost: '0' })] }));
    expect(free.gaps.find((g) => g.cause === 'zero_rated')!.itemCount).toBe(0);
  });
});

describe('quarantineMonth', () => {
  it('reads the month from a date in the line, else from epoch seconds, else from its batch', () => {
    expect(quarantineMonth('r1,voice,2025-02-28T23:59:00Z,abc', { usageMonth: '2025-03', readOn: null }, 'UTC')).toBe('2025-02');
    expect(quarantineMonth('{"start_epoch":1741000000,"x":"?"}', { usageMonth: null, readOn: null }, 'UTC')).toBe('2025-03');
    expect(quarantineMonth('garbage', { usageMonth: '2025-03', readOn: '2025-05-01T00:00:00Z' }, 'UTC')).toBe('2025-03');
    expect(quarantineMonth('garbage', { usageMonth: null, readOn: '2025-05-01T00:00:00Z' }, 'UTC')).toBe('2025-05');
  });
});
