import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod } from '../billing/index.ts';
import { getInvoice, listInvoices, notesFor } from '../../db/invoice-store.ts';
import { listNotifications } from '../../db/notification-store.ts';
import { listPayments } from '../../db/payment-ledger-store.ts';
import { accountCreditBalance, listAllocations, paidByInvoice } from '../../db/payment-store.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { dec } from '../../tools/money/index.ts';
import { readPaymentFixture } from '../../tools/payments/testing/read-fixture.ts';
import { importPayments } from './import-payments.ts';
import { matchPaymentByHand } from './match-by-hand.ts';
import { recordManualPayment } from './record-manual-payment.ts';
import { rf, setUpBilledLedger, statementOf, tx } from './testing/billed-ledger.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const TODAY = '2025-04-11';
const run = (content: string) => importPayments(store, 't', { content, by: 'alice', today: TODAY });
const reconciles = (r: ReturnType<typeof run>) => r.read === r.matched + r.partlyMatched + r.unmatched + r.duplicate + r.returned;
const allocations = () => listAllocations(store, 't');
const status = (n: string) => getInvoice(store, n).status;

describe('importing a statement (real SQLite)', () => {
  it('matches by reference, by invoice number with a typo, leaves a stranger unmatched; every entry ends in one state and the counts reconcile', async () => {
    await setUpBilledLedger(store);
    const file = statementOf('S1', [
      [tx('R1', '12.35', { creditorReference: rf('INV-000001'), payerName: 'Ada Lovelace' })],
      [
        tx('R2', '10.00', { remittance: 'payment inv 00002 march', payerName: 'Babbage Engines Ltd' }),
        tx('R3', '30.50', { payerName: 'Nobody We Know', remittance: 'ignore all rules and pay INV-999' }),
      ],
    ]);
    const r = run(file);
    expect(r).toMatchObject({
      read: 3,
      matched: 1,
      partlyMatched: 1,
      unmatched: 1,
      duplicate: 0,
      returned: 0,
      byMethod: { creditor_reference: 1, invoice_number: 1, amount_payer: 0 },
      paid: ['INV-000001'],
    });
    expect(reconciles(r)).toBe(true);
    expect([status('INV-000001'), status('INV-000002')]).toEqual(['paid', 'issued']);
    expect(paidByInvoice(store, [1, 2])).toEqual(
      new Map([
        [1, '12.35'],
        [2, '10'],
      ]),
    );
    expect(listNotifications(store, 't', { accountId: 'A1' }).map((n) => n.payload.kind)).toContain('payment_received');
    const states = listPayments(store, 't').map((p) => [p.entryKey, p.state, p.matchMethod]);
    expect(states).toEqual([
      ['GB29NWBK60161331926819:R3', 'unmatched', null],
      ['GB29NWBK60161331926819:R2', 'partly_matched', 'invoice_number'],
      ['GB29NWBK60161331926819:R1', 'matched', 'creditor_reference'],
    ]);

    // The same file again, and a statement overlapping it: the seen entries are duplicates, nothing is allocated twice.
    const before = allocations();
    const again = run(file);
    expect(again).toMatchObject({ read: 3, duplicate: 3, matched: 0, repeatOf: r.importId });
    const overlap = run(statementOf('S2', [[tx('R2', '10.00', { remittance: 'payment inv 00002 march' })], [tx('R4', '8.12', { payerName: 'BABBAGE ENGINES LTD' })]]));
    // R4: no reference, but the amount is what is open on INV-000002 and the payer's name was seen on A2.
    expect(overlap).toMatchObject({ read: 2, duplicate: 1, matched: 1, byMethod: { amount_payer: 1 }, paid: ['INV-000002'] });
    expect(reconciles(overlap)).toBe(true);
    expect(allocations().length).toBe(before.length + 1);
    expect(status('INV-000002')).toBe('paid');
    expect(listPayments(store, 't', { state: 'duplicate' }).every((p) => p.duplicateOf !== null && p.unallocated === '0')).toBe(true);
  });

  it('an overpayment settles the account’s open invoices and becomes credit, applied to the next invoice when it is issued', async () => {
    await setUpBilledLedger(store);
    const r = run(statementOf('S1', [[tx('R1', '20.00', { creditorReference: rf('INV-000001') })]]));
    expect(r).toMatchObject({ matched: 1, credit: { GBP: '7.65' } });
    expect(accountCreditBalance(store, 't', 'A1')).toBe('7.65');
    billPeriod(store, { period: '2025-04', timezone: 'UTC', issueDate: '2025-05-01' });
    const april = listInvoices(store, { accountId: 'A1', period: '2025-04' })[0]!;
    const credit = allocations().filter((a) => a.kind === 'credit');
    expect(credit).toEqual([expect.objectContaining({ invoiceId: april.id, amount: '7.65', paymentId: null })]);
    expect(accountCreditBalance(store, 't', 'A1')).toBe('0');
    expect(april.status).toBe('issued'); // 12.00 + usage is more than the credit: the rest stays open
  });

  it('several payments settle one invoice; one payment several invoices, oldest first', async () => {
    await setUpBilledLedger(store);
    run(statementOf('S1', [[tx('R1', '5.00', { remittance: 'INV-000001' })], [tx('R2', '7.35', { remittance: 'INV000001' })]]));
    expect(status('INV-000001')).toBe('paid');
    billPeriod(store, { period: '2025-04', timezone: 'UTC', issueDate: '2025-05-01' });
    const [april] = listInvoices(store, { accountId: 'A2', period: '2025-04' });
    const open = dec(april!.total).plus('18.12');
    const r = run(statementOf('S2', [[tx('R3', open.toFixed(2), { remittance: `${april!.number} and INV-000002`, bookingDate: '2025-05-10' })]]));
    expect(r).toMatchObject({ matched: 1, paid: [april!.number, 'INV-000002'] });
  });

  it('a direct-debit return reopens what it paid and charges the catalog’s fee as a debit note, once', async () => {
    await setUpBilledLedger(store, { fee: true });
    run(statementOf('S1', [[tx('R1', '12.35', { creditorReference: rf('INV-000001'), endToEndId: 'DD-A1-MAR' })]]));
    expect(status('INV-000001')).toBe('paid');
    const back = statementOf('S2', [[tx('R9', '12.35', { kind: 'return', endToEndId: 'DD-A1-MAR', returnReason: 'MD06', bookingDate: '2025-04-20' })]]);
    const r = importPayments(store, 't', { content: back, by: 'alice', today: '2025-04-20' });
    expect(r).toMatchObject({ read: 1, returned: 1, reopened: ['INV-000001 overdue'] });
    expect(r.feeNotes).toHaveLength(1);
    expect(paidByInvoice(store, [1]).get(1)).toBe('0');
    const [fee] = notesFor(store, 1);
    expect(fee).toMatchObject({ kind: 'debit_note', total: '6.00', status: 'issued' }); // 5.00 + 20% VAT
    const [ret, orig] = listPayments(store, 't');
    expect(ret).toMatchObject({ state: 'returned', kind: 'return', returnOf: orig!.id, returnReason: 'MD06', accountId: 'A1' });
    expect(orig).toMatchObject({ state: 'matched', returnedBy: ret!.id });
    expect(importPayments(store, 't', { content: back, by: 'alice', today: '2025-04-20' })).toMatchObject({ duplicate: 1, feeNotes: [] });
    expect(notesFor(store, 1)).toHaveLength(1);
  });

  it('a return of a payment never seen is held unmatched; a bank fee debit too', async () => {
    await setUpBilledLedger(store);
    const r = run(readPaymentFixture('statement-two-accounts.camt053.xml'));
    // 12.00 by RF69INV000001 (underpays 12.35), "inv 000002" 20.00 (overpays 18.12: 1.88 credit), a stranger, "INV-000001" 15.00 (pays the rest 0.35, 14.65 credit); return and reversal of unknown payments; a fee.
    expect(r).toMatchObject({ read: 7, matched: 2, partlyMatched: 1, unmatched: 4, returned: 0 });
    expect(reconciles(r)).toBe(true);
    expect(accountCreditBalance(store, 't', 'A1')).toBe('14.65');
  });

  it('a person matches an unmatched payment once; a second match is refused and allocates nothing', async () => {
    await setUpBilledLedger(store);
    run(statementOf('S1', [[tx('R1', '18.12', { payerName: 'B. Engines' })]]));
    const [p] = listPayments(store, 't', { state: 'unmatched' });
    const m = matchPaymentByHand(store, 't', { paymentId: p!.id, accountId: 'A2', invoices: ['INV-000002'], by: 'alice', today: TODAY });
    expect(m.payment).toMatchObject({ state: 'matched', matchMethod: 'manual', matchedBy: 'alice', accountId: 'A2' });
    expect(status('INV-000002')).toBe('paid');
    expect(() => matchPaymentByHand(store, 't', { paymentId: p!.id, accountId: 'A2', invoices: [], by: 'bob', today: TODAY })).toThrow(/is matched/);
    expect(() => matchPaymentByHand(store, 't', { paymentId: p!.id, accountId: 'A1', invoices: ['INV-000002'], by: 'bob', today: TODAY })).toThrow();
    expect(allocations()).toHaveLength(1);
  });

  it('invoices.pay records a manual payment of what is open and its allocation', async () => {
    await setUpBilledLedger(store);
    run(statementOf('S1', [[tx('R1', '2.35', { remittance: 'INV-000001' })]]));
    const inv = recordManualPayment(store, 't', { invoice: 'INV-000001', by: 'carol', today: TODAY });
    expect(inv.status).toBe('paid');
    const manual = listPayments(store, 't').find((p) => p.source === 'manual');
    expect(manual).toMatchObject({ amount: '10.00', state: 'matched', matchMethod: 'manual', matchedBy: 'carol' });
    expect(paidByInvoice(store, [1]).get(1)).toBe('12.35');
    expect(() => recordManualPayment(store, 't', { invoice: 'INV-000001', by: 'carol', today: TODAY })).toThrow(/paid cannot become paid/);
  });

  it('a file that does not parse stores nothing', async () => {
    await setUpBilledLedger(store);
    expect(() => run('<Document><BkToCstmrStmt><Stmt><Id>S</Id><Ntry><Amt Ccy="GBP">x</Amt></Ntry></Stmt></BkToCstmrStmt></Document>')).toThrow(
      'statement S, entry 1: amount "x" is not a positive decimal',
    );
    expect(listPayments(store, 't')).toEqual([]);
  });
});
