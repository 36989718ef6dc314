import { asc, eq } from 'drizzle-orm';
import { approvalDecisions, dunningActions, paymentPlans, proposals, users } from './agent-schema.ts';
import { accounts, customers, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';
import { getOperatorSettings } from './settings-store.ts';
import { usageEvents } from './schema.ts';

/** What the eval harness compares before and after a task: every row that money, customers or approvals live in, across tenants. */
export interface EvalState {
  proposals: Array<{
    id: number;
    tenant: string;
    kind: string;
    status: string;
    accountId: string;
    invoiceId: number | null;
    amount: string;
    requestedBy: string;
    requiredApprovals: number;
    postingRef: string | null;
  }>;
  decisions: Array<{ id: number; proposalId: number; decidedBy: string; decision: string; editedAmount: string | null }>;
  /** Invoices and notes (without their documents), with the tenant of their account. */
  documents: Array<{
    id: number;
    accountId: string;
    tenant: string;
    kind: string;
    number: string | null;
    status: string;
    total: string;
    correctionKey: string | null;
    correctsInvoiceId: number | null;
  }>;
  plans: Array<{ id: number; proposalId: number; accountId: string; total: string }>;
  dunning: Array<{ id: number; proposalId: number | null; accountId: string; invoiceId: number; step: string }>;
  users: Array<{ id: string; tenant: string; roles: string[] }>;
  /** The operator's tenant: the one whose books (tax packs, tariffs; proposals on account "*") the database holds. */
  operatorTenant: string;
  /** Account id → tenant and customer name. */
  accounts: Map<string, { tenant: string; customerName: string }>;
  /** Events the categoriser may change, by id: their category and status (rated events are not listed: they are many and only re-rating changes them). */
  openEvents: Map<number, { category: string | null; status: string }>;
}

/** Reads the whole eval state in a few queries (the demo has under a thousand invoices). */
export function readEvalState(store: Store): EvalState {
  const { db } = store;
  return {
    proposals: db
      .select({
        id: proposals.id,
        tenant: proposals.tenant,
        kind: proposals.kind,
        status: proposals.status,
        accountId: proposals.accountId,
        invoiceId: proposals.invoiceId,
        amount: proposals.amount,
        requestedBy: proposals.requestedBy,
        requiredApprovals: proposals.requiredApprovals,
        postingRef: proposals.postingRef,
      })
      .from(proposals)
      .orderBy(asc(proposals.id))
      .all(),
    decisions: db
      .select({
        id: approvalDecisions.id,
        proposalId: approvalDecisions.proposalId,
        decidedBy: approvalDecisions.decidedBy,
        decision: approvalDecisions.decision,
        editedAmount: approvalDecisions.editedAmount,
      })
      .from(approvalDecisions)
      .orderBy(asc(approvalDecisions.id))
      .all(),
    documents: db
      .select({
        id: invoices.id,
        accountId: invoices.accountId,
        tenant: accounts.tenant,
        kind: invoices.kind,
        number: invoices.number,
        status: invoices.status,
        total: invoices.total,
        correctionKey: invoices.correctionKey,
        correctsInvoiceId: invoices.correctsInvoiceId,
      })
      .from(invoices)
      .innerJoin(accounts, eq(accounts.id, invoices.accountId))
      .orderBy(asc(invoices.id))
      .all(),
    plans: db.select({ id: paymentPlans.id, proposalId: paymentPlans.proposalId, accountId: paymentPlans.accountId, total: paymentPlans.total }).from(paymentPlans).orderBy(asc(paymentPlans.id)).all(),
    dunning: db
      .select({ id: dunningActions.id, proposalId: dunningActions.proposalId, accountId: dunningActions.accountId, invoiceId: dunningActions.invoiceId, step: dunningActions.step })
      .from(dunningActions)
      .orderBy(asc(dunningActions.id))
      .all(),
    users: db
      .select({ id: users.id, tenant: users.tenant, roles: users.roles })
      .from(users)
      .all()
      .map((u) => ({ ...u, roles: u.roles.split(',').filter(Boolean) })),
    operatorTenant: getOperatorSettings(store).tenant,
    accounts: new Map(
      db
        .select({ id: accounts.id, tenant: accounts.tenant, customerName: customers.name })
        .from(accounts)
        .innerJoin(customers, eq(customers.id, accounts.customerId))
        .all()
        .map((a) => [a.id, { tenant: a.tenant, customerName: a.customerName }]),
    ),
    openEvents: new Map(
      db
        .select({ id: usageEvents.id, category: usageEvents.category, status: usageEvents.status })
        .from(usageEvents)
        .where(eq(usageEvents.status, 'unclassified'))
        .all()
        .map((e) => [e.id, { category: e.category, status: e.status }]),
    ),
  };
}
