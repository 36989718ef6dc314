import { explainInvoice, type InvoiceExplanation } from '../tools/audit/index.ts';
import { BillingError } from '../tools/errors.ts';
import { notesFor, type StoredInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';
import { listTenantInvoices, tenantAccount, tenantInvoice } from './tenant-scope.ts';

/** An account's invoice (not a note) for a period, or its latest one when no period is given. */
export function accountPeriodInvoice(store: Store, tenant: string, accountId: string, period?: string): StoredInvoice {
  tenantAccount(store, tenant, accountId);
  const row = listTenantInvoices(store, tenant, { accountId, kind: 'invoice', period, limit: 1 })[0];
  if (!row) throw new BillingError('NOT_FOUND', period ? `account ${accountId} has no invoice for ${period}` : `account ${accountId} has no invoice yet`);
  return tenantInvoice(store, tenant, row.number ?? String(row.id));
}

/** The account's invoices before a period, newest first (at most `limit`): the history a bill is compared with. */
export function invoicesBefore(store: Store, tenant: string, accountId: string, period: string, limit = 6): StoredInvoice[] {
  return listTenantInvoices(store, tenant, { accountId, kind: 'invoice', limit: 100 })
    .filter((r) => r.period < period && r.status !== 'void')
    .slice(0, limit)
    .map((r) => tenantInvoice(store, tenant, r.number ?? String(r.id)));
}

/** An invoice of the tenant explained, with the notes issued against it read from the store, so the explanation says where it stands on `asOf`. */
export function explainTenantInvoice(store: Store, tenant: string, ref: string, asOf: string, maxEventsPerLine = 3): InvoiceExplanation {
  const inv = tenantInvoice(store, tenant, ref);
  return explainInvoice(inv.document, { maxEventsPerLine, settlement: { notes: notesFor(store, inv.id).map((n) => n.document), asOf } });
}
