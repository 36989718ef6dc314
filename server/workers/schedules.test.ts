import { describe, expect, it } from 'vitest';
import { dayIn, previousMonthIn } from './cycle-context.ts';
import { jobKey } from './queues.ts';
import { tenantSchedules } from './schedule-tenant.ts';

describe('worker schedules and keys', () => {
  it('bills the month before the tick, in the tenant’s zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin: April's tick bills March there.
    const at = new Date('2025-03-31T23:30:00Z');
    expect(previousMonthIn('Europe/Berlin', at)).toBe('2025-03');
    expect(previousMonthIn('UTC', at)).toBe('2025-02');
    expect(previousMonthIn('UTC', new Date('2025-01-01T02:00:00Z'))).toBe('2024-12');
    expect(dayIn('America/New_York', new Date('2025-03-01T03:00:00Z'))).toBe('2025-02-28');
  });

  it('keys jobs by kind, tenant, period and shard, without the ":" BullMQ refuses', () => {
    expect(jobKey('bill-shard', 'acme', '2025-03', 7)).toBe('bill-shard.acme.2025-03.7');
    expect(jobKey('bill-run', 'a:b', '2025-03')).toBe('bill-run.a_b.2025-03');
  });

  it('gives every tenant job a stable scheduler id in the tenant’s zone', () => {
    const s = tenantSchedules({ tenant: 'acme', timezone: 'Asia/Tokyo', billingDay: 5, dropFolders: [{ switch: 'pbx1', format: 'asterisk', dir: '/x' }], pollMs: 30_000 });
    expect(s.map((x) => [x.id, x.name])).toEqual([
      ['acme.ingest.pbx1', 'ingest.dropFolder'],
      ['acme.rating', 'rating.hourly'],
      ['acme.overdue', 'invoices.overdue'],
      ['acme.audit', 'audit.daily'],
      ['acme.cycle', 'cycle.start'],
      ['acme.notifications', 'notifications.deliver'],
      ['acme.retention', 'retention.clean'],
      ['acme.fraud', 'fraud.scan'],
    ]);
    expect(s.find((x) => x.name === 'cycle.start')!.repeat).toEqual({ pattern: '0 2 5 * *', tz: 'Asia/Tokyo' });
    expect(s[0]!.repeat).toEqual({ every: 30_000 });
  });
});
