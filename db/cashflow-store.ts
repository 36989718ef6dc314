import { and, asc, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CashflowAllocation, CashflowDocument, CashflowPlan } from '../tools/cashflow/index.ts';
import { type dec, ZERO } from '../tools/money/index.ts';
import { calendarDateSchema, decimalStringSchema } from '../tools/schemas/index.ts';
import { paymentPlans } from './agent-schema.ts';
import { accounts, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';
import { accountCredits } from './payment-schema.ts';
import { listAllocations } from './payment-store.ts';

/** The parts of a stored document the forecast reads (checked, not assumed). */
const documentDates = z.object({
  issueDate: calendarDateSchema.nullable(),
  dueDate: calendarDateSchema.nullable(),
  correcting: z.object({ number: z.string() }).nullable(),
});

/** The instalments of a stored plan, as the payment_plan proposal's payload holds them. */
const storedInstalments = z.array(z.object({ dueDate: calendarDateSchema, amount: decimalStringSchema }).passthrough());

/** What the cash-flow forecast reads of a tenant: its issued documents, every allocation, credit balances and agreed plans. */
export interface CashflowData {
  documents: CashflowDocument[];
  allocations: CashflowAllocation[];
  credits: Record<string, string>;
  plans: CashflowPlan[];
}

/**
 * A tenant's payment history for the forecast: every invoice and note ever issued (drafts and
 * held ones were never sent), every allocation, each account's credit balance (the ledger's sum)
 * and every agreed payment plan.
 */
export function loadCashflowData(store: Store, tenant: string): CashflowData {
  const rows = store.db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      currency: invoices.currency,
      total: invoices.total,
      documentJson: invoices.documentJson,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), notInArray(invoices.status, ['draft', 'held'])))
    .orderBy(asc(invoices.id))
    .all();
  const documents = rows.map((r): CashflowDocument => {
    const doc = documentDates.parse(JSON.parse(r.documentJson));
    return {
      id: r.id,
      accountId: r.accountId,
      number: r.number,
      kind: r.kind,
      status: r.status,
      currency: r.currency,
      total: r.total,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      corrects: doc.correcting?.number ?? null,
    };
  });
  const allocations = listAllocations(store, tenant).map((a) => ({ invoiceId: a.invoiceId, accountId: a.accountId, kind: a.kind, amount: a.amount, date: a.date }));
  const credits = new Map<string, ReturnType<typeof dec>>();
  for (const c of store.db.select({ accountId: accountCredits.accountId, amount: accountCredits.amount }).from(accountCredits).where(eq(accountCredits.tenant, tenant)).all())
    credits.set(c.accountId, (credits.get(c.accountId) ?? ZERO).plus(c.amount));
  const plans = store.db
    .select({ accountId: paymentPlans.accountId, currency: paymentPlans.currency, createdAt: paymentPlans.createdAt, instalmentsJson: paymentPlans.instalmentsJson })
    .from(paymentPlans)
    .innerJoin(accounts, eq(accounts.id, paymentPlans.accountId))
    .where(eq(accounts.tenant, tenant))
    .orderBy(asc(paymentPlans.id))
    .all()
    .map((p) => ({
      accountId: p.accountId,
      currency: p.currency,
      agreedOn: p.createdAt.slice(0, 10),
      instalments: storedInstalments.parse(JSON.parse(p.instalmentsJson)).map((i) => ({ dueDate: i.dueDate, amount: i.amount })),
    }))
    .filter((p) => p.instalments.length > 0);
  return { documents, allocations, credits: Object.fromEntries([...credits].map(([k, v]) => [k, v.toString()])), plans };
}
