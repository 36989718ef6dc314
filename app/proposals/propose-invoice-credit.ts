import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { buildAdjustmentNote } from '../../tools/invoice/build-adjustment-note.ts';
import { creditableAmounts } from '../../tools/invoice/creditable-amounts.ts';
import type { InvoiceLine } from '../../tools/invoice/invoice.types.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { notesFor } from '../../db/invoice-store.ts';
import { taxPacksInForce } from '../../db/tax-pack-store.ts';
import type { Store } from '../../db/open-database.ts';
import { createProposal, openProposalFor, type Requester, type StoredProposal } from '../../db/proposal-store.ts';
import { tenantAccount, tenantInvoice } from '../../db/tenant-scope.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from './requester.ts';

/** A fee waiver names a fee line; a credit gives an amount against a line (the largest charge when none is named). */
export interface InvoiceCreditRequest {
  kind: 'fee_waiver' | 'credit';
  invoice: string;
  /** The line's id, exact. */
  lineId?: string;
  /** Words of the line's description ("monthly fee", "activation"), when the id is not known. */
  lineQuery?: string;
  /** Net amount to credit (credit only). */
  amount?: string;
  reason: string;
}

const FEE_SECTIONS = new Set(['plans', 'one_time']);

function pickLine(lines: InvoiceLine[], req: InvoiceCreditRequest): InvoiceLine {
  if (req.lineId) {
    const l = lines.find((x) => x.id === req.lineId);
    if (!l) throw new BillingError('NOT_FOUND', `no line ${req.lineId} on the invoice`);
    return l;
  }
  const charges = lines.filter((l) => dec(l.amount).greaterThan(0));
  if (req.lineQuery) {
    const words = req.lineQuery
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 2 && w !== 'fee' && w !== 'the');
    const pool = req.kind === 'fee_waiver' ? charges.filter((l) => FEE_SECTIONS.has(l.section)) : charges;
    const found = pool.filter((l) => words.every((w) => l.description.toLowerCase().includes(w)));
    if (found.length === 1) return found[0]!;
    const options = pool.map((l) => `${l.id} (${l.description}, ${l.amount})`).join('; ');
    throw new BillingError(found.length ? 'CONFLICT' : 'NOT_FOUND', `${found.length ? 'several lines match' : 'no fee line matches'} "${req.lineQuery}"; name one: ${options}`);
  }
  if (req.kind === 'fee_waiver') throw new BillingError('INVALID_INPUT', 'say which fee to waive');
  const largest = [...charges].sort((a, b) => dec(b.amount).comparedTo(dec(a.amount)))[0];
  if (!largest) throw new BillingError('CONFLICT', 'the invoice has no charge to credit');
  return largest;
}

/**
 * Proposes a fee waiver or a goodwill credit on an issued invoice of the requester's tenant: the
 * credit note it would issue is computed now (net, tax at the line's rate, total) and kept in the
 * proposal, so approvers see exactly what posting will do. Nothing is credited until approved.
 */
export function proposeInvoiceCredit(store: Store, who: Requester, req: InvoiceCreditRequest): { proposal: StoredProposal<'fee_waiver' | 'credit'>; existing: boolean } {
  const inv = tenantInvoice(store, who.tenant, req.invoice);
  if (inv.kind !== 'invoice' || (inv.status !== 'issued' && inv.status !== 'overdue' && inv.status !== 'paid')) {
    throw new BillingError('CONFLICT', `invoice ${inv.number ?? inv.id} is ${inv.kind === 'invoice' ? inv.status : inv.kind.replace('_', ' ')}; only an issued invoice can be credited`);
  }
  const { customer, account } = tenantAccount(store, who.tenant, inv.accountId);
  const line = pickLine(inv.document.lines, req);
  // Asking again for a waiver already proposed (or given) returns that proposal, not "nothing left".
  const already = req.kind === 'fee_waiver' ? openProposalFor(store, who.tenant, `fee_waiver:${inv.id}:${line.id}`) : null;
  if (already) return { proposal: already as StoredProposal<'fee_waiver'>, existing: true };
  const notes = notesFor(store, inv.id).map((n) => n.document);
  const decimals = minorUnits(inv.currency);
  // A waiver or credit gives what the line charged net of discounts and earlier credits, within what is left of the invoice.
  const creditable = creditableAmounts(inv.document, notes);
  const lineLeft = creditable.lines.get(line.id);
  const room = dec(lineLeft?.left ?? '0').lessThan(creditable.invoiceLeft) ? dec(lineLeft?.left ?? '0') : dec(creditable.invoiceLeft);
  if (!room.greaterThan(0)) {
    throw new BillingError(
      'CONFLICT',
      `nothing left to credit on ${line.description} of invoice ${inv.number}: it charged ${lineLeft?.charged ?? '0.00'} ${inv.currency} net of discounts and ${lineLeft?.credited ?? '0.00'} was already credited (0.00 left)`,
    );
  }
  if (req.kind === 'credit' && !req.amount) throw new BillingError('INVALID_INPUT', 'a credit needs an amount');
  // A credit is money on a note: in the currency's minor unit, never finer (15 is 15.00; 15.005 is refused).
  if (req.kind === 'credit' && dec(req.amount!).decimalPlaces() > decimals) {
    throw new BillingError('INVALID_INPUT', `a credit in ${inv.currency} has at most ${decimals} decimals, not ${req.amount}`);
  }
  // A credit asked beyond what is left is refused with what is left, never silently lowered: a proposal carries what the analyst asked.
  if (req.kind === 'credit' && dec(req.amount!).greaterThan(room)) {
    const why =
      lineLeft && dec(lineLeft.left).greaterThan(room)
        ? `the invoice has only ${creditable.invoiceLeft} net left to credit`
        : `it charged ${lineLeft?.charged ?? '0.00'} net of discounts, ${lineLeft?.credited ?? '0.00'} already credited`;
    throw new BillingError('INVALID_INPUT', `line ${line.id} (${line.description}) has ${room.toFixed(decimals)} ${inv.currency} left to credit, less than ${req.amount} (${why})`);
  }
  const amount = req.kind === 'credit' ? dec(req.amount!).toFixed(decimals) : room.toFixed(decimals);
  const preview = buildAdjustmentNote({
    original: inv.document,
    credits: [{ lineId: line.id, amount }],
    customer,
    account,
    settings: getBillingSettings(store),
    reason: req.reason,
    earlierNotes: notes,
    ref: 'preview',
    taxPacks: taxPacksInForce(store),
  });
  const charged = lineLeft && lineLeft.charged !== line.amount ? `, charged ${lineLeft.charged} after discounts of the listed ${line.amount}` : '';
  const earlier = lineLeft && dec(lineLeft.credited).greaterThan(0) ? `, ${lineLeft.credited} already credited` : '';
  const what = req.kind === 'fee_waiver' ? `Waive ${line.description}` : `Credit ${amount} ${inv.currency} against ${line.description}`;
  return createProposal(store, who, {
    kind: req.kind,
    accountId: inv.accountId,
    invoiceId: inv.id,
    currency: inv.currency,
    amount,
    summary: `${what} on invoice ${inv.number}${charged}${earlier}: credit note of ${amount} net + ${dec(preview.taxTotal).negated().toFixed(decimals)} tax = ${dec(preview.total).negated().toFixed(decimals)} ${inv.currency}`,
    payload: {
      invoiceId: inv.id,
      invoiceNumber: inv.number,
      lineId: line.id,
      lineDescription: line.description,
      lineAmount: line.amount,
      lineCharged: lineLeft?.charged ?? line.amount,
      preview: { subtotal: preview.subtotal, taxTotal: preview.taxTotal, total: preview.total, taxes: preview.taxes },
    },
    reason: req.reason,
    targetKey: req.kind === 'fee_waiver' ? `fee_waiver:${inv.id}:${line.id}` : `credit:${inv.id}:${line.id}:${amount}`,
  });
}

/**
 * `invoices.propose-credit`: a fee waiver (a fee line named by id or by words of its description)
 * or a goodwill credit (a net amount against a line, the largest charge when none is named); the
 * credit note with its tax is computed now and issued only once another person approves.
 */
export const proposeCreditNote = defineOperation({
  name: 'invoices.propose-credit',
  summary: 'Propose a fee waiver or credit',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      number: invoiceNumberSchema.describe('the issued invoice'),
      kind: z.enum(['fee_waiver', 'credit']),
      lineId: z.string().min(1).max(200).optional().describe('the line, by id'),
      lineQuery: z.string().trim().min(2).max(100).optional().describe('words of the line description ("monthly fee"), when the id is not known'),
      amount: z
        .string()
        .regex(/^\d{1,9}(\.\d{1,4})?$/, 'a positive amount such as 12.50')
        .optional()
        .describe('net amount to credit (credit only)'),
      reason: reasonSchema,
    })
    .strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { number, ...req }) => proposeInvoiceCredit(ctx.store, requesterOf(ctx), { invoice: number, ...req }),
});
