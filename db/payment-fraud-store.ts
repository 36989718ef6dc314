import { and, desc, eq, gte, inArray, or, type SQL } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { dec, minorUnits } from '../tools/money/index.ts';
import type { AccountHolder, PaymentFact, RefundRequest } from '../tools/payment-fraud/index.ts';
import { accounts, customers } from './billing-schema.ts';
import { proposals } from './agent-schema.ts';
import { ID_SLICE } from './account-store.ts';
import type { Store } from './open-database.ts';
import { accountCredits, payments } from './payment-schema.ts';
import { accountCreditBalance } from './payment-store.ts';
import { proposalPayloadSchemas } from '../tools/approval/index.ts';

const FACT_COLUMNS = {
  id: payments.id,
  kind: payments.kind,
  state: payments.state,
  importId: payments.importId,
  bookingDate: payments.bookingDate,
  amount: payments.amount,
  currency: payments.currency,
  payerName: payments.payerName,
  payerIban: payments.payerIban,
  payerToken: payments.payerToken,
  remittance: payments.remittance,
  accountId: payments.accountId,
  unallocated: payments.unallocated,
  returnOf: payments.returnOf,
  returnReason: payments.returnReason,
};

/**
 * The tenant's payments as the payment-fraud detectors read them: those booked on or after `since`
 * (YYYY-MM-DD), or those of some accounts or payer IBANs, oldest first.
 */
export function paymentFacts(store: Store, tenant: string, filter: { since?: string; importId?: number; accountIds?: readonly string[]; ibans?: readonly string[] } = {}): PaymentFact[] {
  const where: SQL[] = [eq(payments.tenant, tenant)];
  if (filter.since) where.push(gte(payments.bookingDate, filter.since));
  if (filter.importId !== undefined) where.push(eq(payments.importId, filter.importId));
  const any: SQL[] = [];
  if (filter.accountIds?.length) any.push(inArray(payments.accountId, [...filter.accountIds]));
  if (filter.ibans?.length) any.push(inArray(payments.payerIban, [...filter.ibans]));
  if (any.length) where.push(or(...any)!);
  return store.db
    .select(FACT_COLUMNS)
    .from(payments)
    .where(and(...where))
    .orderBy(payments.bookingDate, payments.id)
    .all();
}

/** Who holds each of the given accounts of the tenant: the customer and the customer's name. */
export function accountHolders(store: Store, tenant: string, accountIds: readonly string[]): Map<string, AccountHolder> {
  const out = new Map<string, AccountHolder>();
  const ids = [...new Set(accountIds)];
  for (let i = 0; i < ids.length; i += ID_SLICE) {
    const rows = store.db
      .select({ accountId: accounts.id, customerId: customers.id, customerName: customers.name })
      .from(accounts)
      .innerJoin(customers, eq(customers.id, accounts.customerId))
      .where(and(eq(accounts.tenant, tenant), inArray(accounts.id, ids.slice(i, i + ID_SLICE))))
      .all();
    for (const r of rows) out.set(r.accountId, { customerId: r.customerId, customerName: r.customerName });
  }
  return out;
}

/** The refunds asked (refund proposals not rejected) created on or after `since` (YYYY-MM-DD): where each would send the money. */
export function refundRequests(store: Store, tenant: string, since: string): RefundRequest[] {
  const rows = store.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.tenant, tenant), eq(proposals.kind, 'refund'), inArray(proposals.status, ['pending', 'approved', 'posted']), gte(proposals.createdAt, since)))
    .orderBy(proposals.id)
    .all();
  return rows.map((r) => {
    const payload = proposalPayloadSchemas.refund.parse(JSON.parse(r.payloadJson));
    return { proposalId: r.id, accountId: r.accountId, amount: r.amount, currency: r.currency, iban: payload.iban, name: payload.holderName, requestedOn: r.createdAt.slice(0, 10) };
  });
}

/** The id of the newest row of an account's credit ledger (0 when none): a refund proposal is about the balance as of it. */
export function lastCreditEntry(store: Store, tenant: string, accountId: string): number {
  const row = store.db
    .select({ id: accountCredits.id })
    .from(accountCredits)
    .where(and(eq(accountCredits.tenant, tenant), eq(accountCredits.accountId, accountId)))
    .orderBy(desc(accountCredits.id))
    .limit(1)
    .get();
  return row?.id ?? 0;
}

/**
 * Pays out an approved refund exactly once (inside the posting transaction): a `payments` row of
 * kind refund keyed `refund:proposal:<id>` (the unique entry key of the contract), and the
 * account_credits row that takes it off the balance (reason refund, negative). A second call
 * finds the payment and writes nothing. CONFLICT when the balance no longer covers it.
 */
export function postRefund(
  store: Store,
  r: { tenant: string; proposalId: number; accountId: string; amount: string; currency: string; iban: string; holderName: string; approvedBy: string | null; today: string; at?: Date },
): { paymentId: number; alreadyPosted: boolean } {
  const entryKey = `refund:proposal:${r.proposalId}`;
  const done = store.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.tenant, r.tenant), eq(payments.entryKey, entryKey)))
    .get();
  if (done) return { paymentId: done.id, alreadyPosted: true };
  const balance = accountCreditBalance(store, r.tenant, r.accountId);
  if (dec(r.amount).greaterThan(dec(balance)))
    throw new BillingError('CONFLICT', `refund of proposal ${r.proposalId} is ${r.amount} ${r.currency} but account ${r.accountId}'s credit balance is now ${balance}; it is not paid out`);
  const at = (r.at ?? new Date()).toISOString();
  const row = store.db
    .insert(payments)
    .values({
      tenant: r.tenant,
      source: 'manual',
      importId: null,
      entryNo: null,
      entryKey,
      kind: 'refund',
      state: 'matched',
      bookingDate: r.today,
      valueDate: r.today,
      amount: r.amount,
      currency: r.currency,
      payerName: r.holderName,
      payerIban: r.iban,
      accountId: r.accountId,
      matchMethod: 'manual',
      matchedBy: r.approvedBy,
      matchedAt: at,
      unallocated: '0',
      remittance: `refund of account credit, proposal ${r.proposalId}`,
      createdAt: at,
    })
    .returning({ id: payments.id })
    .get();
  store.db
    .insert(accountCredits)
    .values({
      tenant: r.tenant,
      accountId: r.accountId,
      currency: r.currency,
      reason: 'refund',
      amount: dec(r.amount).negated().toFixed(minorUnits(r.currency)),
      paymentId: row.id,
      proposalId: r.proposalId,
      date: r.today,
      createdAt: at,
    })
    .run();
  return { paymentId: row.id, alreadyPosted: false };
}
