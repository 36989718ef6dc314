import { describe, expect, it } from 'vitest';
import type { NotificationPayload } from './notification.types.ts';
import { notificationPayloadSchema } from './notification.types.ts';
import { renderNotificationEmail } from './render-notification-email.ts';

const NBSP = '\u00a0';

const forecast: NotificationPayload = notificationPayloadSchema.parse({
  kind: 'usage_forecast',
  subscriptionId: 'L1',
  allowanceId: 'UK_MIN',
  service: 'voice',
  period: '2025-03',
  lastDay: '2025-03-31',
  unit: 'min',
  included: '10.00',
  used: '13.00',
  projected: '62.40',
  extraCharge: '3.48',
  currency: 'GBP',
  suggestion: { planId: 'PLAN_15', planName: 'Talk 200', saving: '1.50', alternativeAmount: '15.00' },
});

describe('the usage_forecast email', () => {
  it('says what was used, where it is heading, the extra charge and the cheaper plan (English)', () => {
    const m = renderNotificationEmail(forecast, { language: 'en', audience: 'consumer', name: 'Ada' });
    // Period, date and amounts in the language's style (Intl), no longer the stored strings.
    expect(m.subject).toBe('Line L1 is likely to go over its voice allowance in March 2025');
    expect(m.text).toBe(
      'Hi Ada,\n\nLine L1 has used 13.00 of its 10.00 min voice allowance. At its usual pace it will use about 62.40 min by 31 March 2025: the expected extra charge is £3.48 before tax. On Talk 200 this period would cost £1.50 less (£15.00).\n\nCheers,\nYour billing team\n',
    );
  });

  it('in German, formally, and without a plan when none is cheaper', () => {
    const m = renderNotificationEmail({ ...forecast, suggestion: null } as NotificationPayload, { language: 'de', audience: 'business', name: 'Babbage Engines Ltd' });
    expect(m.subject).toContain('voraussichtlich');
    expect(m.text).toContain(`voraussichtliche Mehrkosten 3,48${NBSP}£ netto.`);
    expect(m.text).toContain('bis zum 31. März 2025 etwa 62,40 min');
    expect(m.text).not.toContain('günstiger');
    expect(m.text.startsWith('Sehr geehrte Damen und Herren (Babbage Engines Ltd),')).toBe(true);
  });

  it('refuses a payload without the extra charge', () => {
    expect(notificationPayloadSchema.safeParse({ ...forecast, extraCharge: 3.48 }).success).toBe(false);
  });
});
