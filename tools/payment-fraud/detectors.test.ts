import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { checkRefundAmount } from './check-refund-amount.ts';
import { checkRefundDestination } from './check-refund-destination.ts';
import { detectPayerName } from './detect-payer-name.ts';
import { detectRepeatedReturns } from './detect-repeated-returns.ts';
import { detectSharedInstrument } from './detect-shared-instrument.ts';
import { nameSimilarity } from './name-similarity.ts';
import { defaultPaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import { isValidIban } from './payment-fraud.types.ts';
import { scanPayments } from './scan-payments.ts';
import { holders, paymentFact } from './testing/payment-facts.ts';

const T = defaultPaymentFraudThresholds();
const MULE = 'DE89370400440532013000';

describe('name similarity', () => {
  it('tolerates case, order, initials, accents, titles, legal forms and a typo', () => {
    expect(nameSimilarity('CHIDI BROWN', 'Chidi Brown')).toBe(1);
    expect(nameSimilarity('BROWN CHIDI', 'Chidi Brown')).toBe(1);
    expect(nameSimilarity('C. Brown', 'Chidi Brown')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('Mr Jose Garcia', 'José García')).toBe(1);
    expect(nameSimilarity('MUELLER ZOE', 'Zoë Müller')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Lukasz Nowak', 'Łukasz Nowak')).toBe(1);
    expect(nameSimilarity('ACME TELECOM', 'Acme Telecom GmbH')).toBe(1);
    expect(nameSimilarity('Chidi Brwon', 'Chidi Brown')).toBeGreaterThan(0.9);
    expect(nameSimilarity('John Smith', 'John Paul Smith')).toBe(1);
  });
  it('scores another person low, initials alone at most 0.4, nothing as null', () => {
    expect(nameSimilarity('Oliver Grant', 'Chidi Brown')).toBe(0);
    expect(nameSimilarity('C. B.', 'Chidi Brown')).toBe(0.4);
    expect(nameSimilarity('Ada Brown', 'Chidi Brown')).toBe(0.5);
    expect(nameSimilarity('---', 'Chidi Brown')).toBeNull();
  });
});

describe('payment detectors', () => {
  it('(a) flags one IBAN paying for three different customers in a window; two accounts of one customer count once', () => {
    const h = holders(['A1', 'C1', 'Ann Lee'], ['A2', 'C1', 'Ann Lee'], ['A3', 'C2', 'Bo Chan'], ['A4', 'C3', 'Cy Dunn'], ['A5', 'C4', 'Di Eze']);
    const two = ['A1', 'A2', 'A3'].map((a, i) => paymentFact({ accountId: a, payerIban: MULE, bookingDate: `2025-04-0${i + 1}` }));
    expect(detectSharedInstrument(two, h, T.sharedInstrument)).toEqual([]);
    const three = [...two, paymentFact({ accountId: 'A4', payerIban: MULE, bookingDate: '2025-04-20' })];
    const [a] = detectSharedInstrument(three, h, T.sharedInstrument);
    expect(a).toMatchObject({ detector: 'shared_instrument', severity: 'warning', subjectKind: 'payer', subject: MULE, key: `shared_instrument:${MULE}:${three[0]!.id}` });
    expect(a!.evidence.statistics).toMatchObject({ customers: 3, accounts: 4, payments: 4 });
    // Outside the window: not one case.
    const late = [...two, paymentFact({ accountId: 'A4', payerIban: MULE, bookingDate: '2025-06-20' })];
    expect(detectSharedInstrument(late, h, T.sharedInstrument)).toEqual([]);
  });

  it('(b) flags an account whose payments are charged back three times in 90 days, with the reason codes', () => {
    const pays = [1, 2, 3].map((m) => paymentFact({ accountId: 'A1', payerToken: 'tok_9', payerIban: null, bookingDate: `2025-0${m}-05` }));
    const rets = pays.map((p) => paymentFact({ kind: 'chargeback', state: 'returned', accountId: 'A1', returnOf: p.id, returnReason: '4837', bookingDate: p.bookingDate.replace('-05', '-12') }));
    const alerts = detectRepeatedReturns([...pays, ...rets.slice(0, 2)], T.repeatedReturn);
    expect(alerts).toEqual([]);
    const [a, ...rest] = detectRepeatedReturns([...pays, ...rets], T.repeatedReturn);
    expect(rest).toEqual([]); // one account: no payer alert beside it
    expect(a).toMatchObject({ detector: 'repeated_return', subjectKind: 'account', subject: 'A1', severity: 'warning' });
    expect(a!.evidence.statistics).toMatchObject({ returns: 3, reasonCodes: '4837', kinds: 'chargeback', returned: '90.00 GBP' });
  });

  it('(c) passes a refund to the IBAN that paid; flags another IBAN after an overpayment as critical, with evidence', () => {
    const h = holders(['A1', 'C1', 'Chidi Brown'], ['A9', 'C9', 'Zed Ray']);
    const paid = [paymentFact({ accountId: 'A1', bookingDate: '2025-04-01', amount: '80.00', unallocated: '50.00' })];
    const req = { proposalId: 7, accountId: 'A1', amount: '50.00', currency: 'GBP', iban: 'GB29 NWBK 6016 1331 9268 19', name: 'Chidi Brown', requestedOn: '2025-04-05' };
    expect(checkRefundDestination(req, paid, h, T.refundDestination)).toMatchObject({ passed: true });
    const mule = [...paid, paymentFact({ accountId: 'A9', payerIban: MULE, payerName: 'Zed Ray' })];
    const c = checkRefundDestination({ ...req, iban: MULE, name: 'Max Payne' }, mule, h, T.refundDestination);
    expect(c.passed).toBe(false);
    if (c.passed) return;
    expect(c.alert).toMatchObject({ key: 'refund_destination:proposal:7', severity: 'critical', subjectKind: 'account', subject: 'A1' });
    expect(c.alert.evidence.statistics).toMatchObject({ destination: MULE, overpayments: 1, daysSinceOverpayment: 4, otherCustomersPaid: 1, nameSimilarity: 0 });
    expect(c.alert.evidence.events[0]).toBe('proposal:7');
  });

  it('(d) flags payments from another person, one alert per account and payer name; variants of the name pass', () => {
    const h = holders(['A1', 'C1', 'Chidi Brown']);
    const ok = ['CHIDI BROWN', 'Brown C', 'Mr C. Brown'].map((n) => paymentFact({ payerName: n, accountId: 'A1' }));
    expect(detectPayerName(ok, h, T.payerName)).toEqual([]);
    const bad = [paymentFact({ payerName: 'Oliver Grant', accountId: 'A1' }), paymentFact({ payerName: 'GRANT OLIVER', accountId: 'A1', bookingDate: '2025-05-01' })];
    const alerts = detectPayerName([...ok, ...bad], h, T.payerName);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ detector: 'payer_name', subject: 'A1', evidence: { eventCount: 2, statistics: { customerName: 'Chidi Brown', similarity: 0 } } });
  });

  it('raises the same keys when scanning the same history twice; `only` keeps what an import takes part in', () => {
    const h = holders(['A1', 'C1', 'Ann Lee'], ['A2', 'C2', 'Bo Chan'], ['A3', 'C3', 'Cy Dunn']);
    const ps = ['A1', 'A2', 'A3'].map((a) => paymentFact({ accountId: a, payerIban: MULE, payerName: 'Max Payne' }));
    const input = { payments: ps, holders: h, refunds: [] };
    const once = scanPayments(input, T).map((a) => a.key);
    expect(scanPayments(input, T).map((a) => a.key)).toEqual(once);
    expect(once.filter((k) => k.startsWith('shared_instrument'))).toHaveLength(1);
    expect(scanPayments(input, T, { only: new Set([999]) })).toEqual([]);
    expect(scanPayments(input, T, { only: new Set([ps[2]!.id]) }).length).toBeGreaterThan(0);
  });
});

describe('refund amount and IBAN', () => {
  it('refuses more than the credit balance, nothing, or a fraction of a cent', () => {
    expect(checkRefundAmount('20', '50.00', 'GBP')).toBe('20.00');
    expect(checkRefundAmount('50.00', '50.00', 'GBP')).toBe('50.00');
    expect(() => checkRefundAmount('50.01', '50.00', 'GBP')).toThrow(/more than the credit balance/);
    expect(() => checkRefundAmount('5', '0', 'GBP')).toThrow(BillingError);
    expect(() => checkRefundAmount('0', '50.00', 'GBP')).toThrow(/positive/);
    expect(() => checkRefundAmount('1.005', '50.00', 'GBP')).toThrow(/not an amount/);
  });
  it('checks IBANs by ISO 13616 mod 97', () => {
    expect(isValidIban('GB29 NWBK 6016 1331 9268 19')).toBe(true);
    expect(isValidIban(MULE)).toBe(true);
    expect(isValidIban('GB29NWBK60161331926818')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
  });
});
