import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { findPeriodInvoice, getBillingSettings, loadBillingInput } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { billAccount } from '../../tools/invoice/bill-account.ts';
import { phraseMessage } from '../../tools/invoice/messages/index.ts';
import { dec, roundDecimal } from '../../tools/money/index.ts';
import { billPeriod } from './bill-period.ts';
import { DATA_MB, seedUsageHistory } from './testing/usage-history.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await seedUsageHistory(store);
});
afterEach(() => store.cleanup());

describe('a bill run with three earlier billed periods', () => {
  it('stores the personalised messages with the figures they come from, and the same ones again when recomputed', () => {
    for (const period of ['2024-12', '2025-01', '2025-02']) {
      const run = billPeriod(store, { period, timezone: 'UTC', accountIds: ['A1'] });
      expect(run.created.map((c) => [c.accountId, c.status])).toEqual([['A1', 'issued']]);
    }
    billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1'] });
    const march = findPeriodInvoice(store, 'A1', '2025-03')!;

    // The expected change from the seeded usage: this period against the mean of the three before.
    const average = dec(DATA_MB['2024-12']! + DATA_MB['2025-01']! + DATA_MB['2025-02']!).div(3);
    const change = dec(DATA_MB['2025-03']!).minus(average).div(average).times(100);
    const gb = (mb: ReturnType<typeof dec>) => roundDecimal(mb.div(1024), 1, 'middle').toFixed(1);
    const line = { subscriptionId: 'L1', msisdn: '447700900123', label: null };

    const messages = march.document.messages;
    expect(messages.map((m) => m.kind)).toEqual(['usage_change', 'promotion_ending', 'rollover_left', 'allowance_expired']);
    expect(messages[0]).toMatchObject({
      kind: 'usage_change',
      line,
      service: 'data',
      figures: {
        current: { value: gb(dec(DATA_MB['2025-03']!)), unit: 'GB' },
        average: { value: gb(average), unit: 'GB' },
        change: { value: roundDecimal(change, 0, 'middle').toFixed(0), unit: '%' },
      },
    });
    expect(messages[0]!.figures).toMatchObject({ current: { value: '1.5' }, average: { value: '1.1' }, change: { value: '40' } });
    // 50 of the 100 SMS roll over (the cap); the 50 carried in from February expire with March.
    expect(messages[2]).toMatchObject({
      kind: 'rollover_left',
      allowanceId: 'SMS_100',
      service: 'sms',
      figures: { units: { value: '50', unit: 'SMS' }, usableUntil: { value: '2025-04-30', unit: 'date' } },
    });
    // Of the lapsed allowances (all 10 minutes; 100 of the 150 SMS) the line is told the largest share.
    expect(messages[3]).toMatchObject({
      kind: 'allowance_expired',
      allowanceId: 'UK_MIN',
      figures: { units: { value: '10', unit: 'min' }, available: { value: '10' }, expiredOn: { value: '2025-03-31' } },
    });
    expect(messages[1]).toMatchObject({ kind: 'promotion_ending', promotionId: 'WELCOME', figures: { periodsLeft: { value: '0' }, endsOn: { value: '2025-03-31' } } });
    expect(phraseMessage(messages[0]!, 'en')).toBe('Line +447700900123: you used 40% more mobile data than your three-month average (1.5\u00a0GB this period, 1.1\u00a0GB on average).');

    // February had only two earlier periods: no usage insight, but the promotion's last period was next.
    const february = findPeriodInvoice(store, 'A1', '2025-02')!.document.messages;
    expect(february.some((m) => m.kind === 'usage_change')).toBe(false);
    expect(february.find((m) => m.kind === 'promotion_ending')?.figures.periodsLeft.value).toBe('1');

    // Deterministic: the bill run's input computed again gives the stored messages; a second run changes nothing.
    const again = billAccount(loadBillingInput(store, 'A1', '2025-03', 'UTC', getBillingSettings(store)));
    expect(again.doc.messages).toEqual(messages);
    expect(billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1'] }).alreadyPresent).toEqual(['A1']);
    expect(findPeriodInvoice(store, 'A1', '2025-03')!.document.messages).toEqual(messages);
  });

  it('shows no usage insight when an earlier period has no issued invoice', () => {
    billPeriod(store, { period: '2025-01', timezone: 'UTC', accountIds: ['A1'] });
    billPeriod(store, { period: '2025-02', timezone: 'UTC', accountIds: ['A1'] });
    billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1'] });
    const kinds = findPeriodInvoice(store, 'A1', '2025-03')!.document.messages.map((m) => m.kind);
    expect(kinds).not.toContain('usage_change');
    expect(kinds).toContain('rollover_left');
  });
});
