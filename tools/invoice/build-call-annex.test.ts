import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../money/index.ts';
import { buildCallAnnex } from './build-call-annex.ts';
import { familyEvents, familyInvoiceGbp } from './render/layout-fixtures.ts';

describe('buildCallAnnex', () => {
  it('lists every event once, by line then time, even when the store hands one over twice', () => {
    const events = familyEvents();
    const annex = buildCallAnnex(familyInvoiceGbp(), [...events, events[0]!, events[5]!], 'Europe/London');
    expect(annex.rows.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(annex.rows.map((r) => r.msisdn)).toEqual([...Array(5).fill('+447700900123'), ...Array(3).fill('+447700900456')]);
    const first = annex.rows.filter((r) => r.msisdn === '+447700900123').map((r) => r.at);
    expect(first).toEqual([...first].sort());
  });

  it('charges what the usage lines charge: promotions repeating the events count nothing twice', () => {
    const doc = familyInvoiceGbp();
    const annex = buildCallAnnex(doc, familyEvents(), 'UTC');
    const charged = annex.rows.reduce((s, r) => s.plus(r.amount), ZERO);
    const usage = doc.lines.filter((l) => l.section === 'usage').reduce((s, l) => s.plus(l.amount), ZERO);
    expect(charged.equals(usage)).toBe(true);
    expect(usage.equals(dec('5.85'))).toBe(true);
  });

  it('marks what an allowance covered as included, and shows durations, messages and MB', () => {
    const rows = new Map(buildCallAnnex(familyInvoiceGbp(), familyEvents(), 'UTC').rows.map((r) => [r.eventId, r]));
    expect(rows.get(104)).toMatchObject({ included: true, amount: '0', usage: '1:35' });
    expect(rows.get(101)).toMatchObject({ included: false, amount: '1.25', usage: '42:00', otherParty: '+33142685300' });
    // Not on any line of the invoice (a free inbound call): nothing charged, nothing included.
    expect(rows.get(105)).toMatchObject({ included: false, amount: '0', received: true, usage: '1:01' });
    expect(rows.get(106)).toMatchObject({ usage: '105.00 MB', amount: '1.05' });
    expect(rows.get(108)).toMatchObject({ usage: '1', service: 'sms' });
  });

  it('prints local time in the operator time zone (summer time included)', () => {
    const event = { id: 1, subscriber: '447700900123', service: 'voice' as const, direction: 'outbound', otherParty: '+441', startTime: Date.parse('2025-07-01T12:34:56Z'), usage: 1000 };
    expect(buildCallAnnex({ lines: [] }, [event], 'Europe/London').rows[0]?.at).toBe('2025-07-01 13:34:56');
    expect(buildCallAnnex({ lines: [] }, [event], 'UTC').rows[0]?.at).toBe('2025-07-01 12:34:56');
  });
});
