import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import type { Store } from '../../db/open-database.ts';
import { createProposal, type Requester, type StoredProposal } from '../../db/proposal-store.ts';
import { tenantInvoice } from '../../db/tenant-scope.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from './requester.ts';

/** Proposes issuing a held invoice after review: it takes its number only once approved. */
export function proposeRelease(store: Store, who: Requester, req: { invoice: string; reason: string }): { proposal: StoredProposal<'release_hold'>; existing: boolean } {
  const inv = tenantInvoice(store, who.tenant, req.invoice);
  if (inv.status !== 'held') throw new BillingError('CONFLICT', `invoice ${inv.number ?? inv.id} is ${inv.status}, not held`);
  const holds = inv.document.holdReasons.map((h) => `${h.code}: ${h.message}`).join('; ');
  return createProposal(store, who, {
    kind: 'release_hold',
    accountId: inv.accountId,
    invoiceId: inv.id,
    currency: inv.currency,
    amount: inv.total,
    summary: `Release held invoice ${inv.id} of ${inv.accountId} (${inv.period}, total ${inv.total} ${inv.currency}); held for ${holds}`,
    payload: { invoiceId: inv.id, holdReasons: inv.document.holdReasons, total: inv.total },
    reason: req.reason,
    targetKey: `release:${inv.id}`,
  });
}

/** Proposes voiding an invoice issued in error (or a held one): it leaves the books only once approved. */
export function proposeVoid(store: Store, who: Requester, req: { invoice: string; reason: string }): { proposal: StoredProposal<'void_invoice'>; existing: boolean } {
  const inv = tenantInvoice(store, who.tenant, req.invoice);
  if (inv.status === 'paid' || inv.status === 'void') throw new BillingError('CONFLICT', `invoice ${inv.number ?? inv.id} is ${inv.status} and cannot be voided`);
  return createProposal(store, who, {
    kind: 'void_invoice',
    accountId: inv.accountId,
    invoiceId: inv.id,
    currency: inv.currency,
    amount: inv.total.replace(/^-/, ''),
    summary: `Void ${inv.kind.replace('_', ' ')} ${inv.number ?? `(held, id ${inv.id})`} of ${inv.accountId} (${inv.period}, total ${inv.total} ${inv.currency})`,
    payload: { invoiceId: inv.id, number: inv.number, status: inv.status, total: inv.total },
    reason: req.reason,
    targetKey: `void:${inv.id}`,
  });
}

const invoiceProposalInput = z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice'), reason: reasonSchema }).strict();

/** `invoices.propose-release`: asks for a held invoice to be issued; it takes its number once another person approves. */
export const proposeInvoiceRelease = defineOperation({
  name: 'invoices.propose-release',
  summary: 'Propose releasing a held invoice',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: invoiceProposalInput,
  output: proposalCreatedSchema,
  handler: (ctx, { number, reason }) => proposeRelease(ctx.store, requesterOf(ctx), { invoice: number, reason }),
});

/** `invoices.propose-void`: asks for an invoice (held, or issued in error) to be voided once another person approves. */
export const proposeInvoiceVoid = defineOperation({
  name: 'invoices.propose-void',
  summary: 'Propose voiding an invoice',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: invoiceProposalInput,
  output: proposalCreatedSchema,
  handler: (ctx, { number, reason }) => proposeVoid(ctx.store, requesterOf(ctx), { invoice: number, reason }),
});
