/**
 * When a message is worth printing (docs/invoices-output.md, "Personalised messages"). A message
 * whose figures fall below these is not made at all: a bill is no place for noise.
 */
export const MESSAGE_THRESHOLDS = {
  /** Usage change: the earlier periods averaged, each a full period of the line with an issued invoice. */
  usageHistoryPeriods: 3,
  /** Usage change: shown when the exact change is at least this many percent either way. */
  usageChangePercent: 20,
  /** Usage change: the earlier average must reach this (usage-line units: MB, min, SMS), so small numbers do not make big percentages. */
  usageMinimumAverage: { data: '100', voice: '30', sms: '20' },
  /** Plan saving: at least this much in the invoice currency… */
  planSavingAmount: '2',
  /** …and at least this share of what the line cost this period (percent). */
  planSavingPercent: 10,
  /** Expired allowance: at least this share (percent) of what was available went unused (and one message per line at most). */
  allowanceExpiredPercent: 50,
  /** Promotion ending: its last period is at most this many periods after this one (0: this one). */
  promotionEndingWithin: 1,
  /** At most this many messages on one invoice, the most useful kinds first (a 300-line account is not sent 600). */
  maxPerInvoice: 6,
} as const;
