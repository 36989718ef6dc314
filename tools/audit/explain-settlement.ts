import { ageReceivables } from '../collections/age-receivables.ts';
import type { ReceivableDocument } from '../collections/collections.types.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { dec, minorUnits, ZERO } from '../money/index.ts';
import { settlementSchema, type Settlement } from './audit.types.ts';

function receivable(d: InvoiceDocument, id: string): ReceivableDocument {
  return { id, number: d.number, kind: d.kind, status: d.status, currency: d.currency, total: d.total, issueDate: d.issueDate, dueDate: d.dueDate, corrects: d.correcting?.number ?? null };
}

const KIND = { invoice: 'invoice', credit_note: 'credit note', debit_note: 'debit note' } as const;

/**
 * Where an invoice stands after it was issued: the credit and debit notes issued against it, whether
 * it is marked paid (Switchboard records the status, not payment amounts), what is still open on
 * it and its notes, and any credit the customer has from them, with the same rules as the account
 * standing (ageReceivables), so an explanation and the collections agent never disagree.
 */
export function explainSettlement(invoice: InvoiceDocument, notes: ReadonlyArray<InvoiceDocument>, asOf: string): Settlement {
  const decimals = minorUnits(invoice.currency);
  const cur = invoice.currency;
  const listed = notes.map((n) => ({ number: n.number, kind: n.kind, status: n.status, issueDate: n.issueDate, total: n.total, reason: n.correcting?.reason ?? null }));
  const name = invoice.number ?? '(held, not numbered)';
  const noteWords = listed.length
    ? `; ${listed.map((n) => `${KIND[n.kind]} ${n.number ?? '(not numbered)'} of ${n.total} ${cur}${n.issueDate ? ` issued ${n.issueDate}` : ''}${n.status === 'void' ? ' (void)' : ''}${n.reason ? ` (${n.reason})` : ''}`).join('; ')} ${listed.length === 1 ? 'was' : 'were'} issued against it`
    : '; no credit or debit note was issued against it';
  const base = { invoiceStatus: invoice.status, paid: invoice.status === 'paid', notes: listed };
  if (invoice.kind !== 'invoice' || !invoice.number || invoice.status === 'draft' || invoice.status === 'held' || invoice.status === 'void') {
    const why =
      invoice.kind !== 'invoice'
        ? `a ${KIND[invoice.kind]} is settled with the invoice it corrects`
        : invoice.status === 'void'
          ? 'it is void: nothing is owed on it'
          : 'it is not issued yet: nothing is owed until it is';
    return settlementSchema.parse({ ...base, open: ZERO.toFixed(decimals), credit: ZERO.toFixed(decimals), sentence: `${name}: ${why}${listed.length ? noteWords : ''}.` });
  }
  const s = ageReceivables([receivable(invoice, 'invoice'), ...notes.map((n, i) => receivable(n, `note-${i}`))], asOf);
  const open = s.rows.reduce((t, r) => (dec(r.open).greaterThan(0) ? t.plus(r.open) : t), ZERO);
  const credit = dec(s.creditBalance);
  const paid = invoice.status === 'paid' ? 'is marked paid (Switchboard records that status, not payment amounts)' : `is not marked paid (status ${invoice.status})`;
  const owed = open.greaterThan(0)
    ? `${open.toFixed(decimals)} ${cur} is still open${s.oldestDueDate ? `, due ${s.oldestDueDate}${s.daysPastDue ? ` (${s.daysPastDue} days past due)` : ''}` : ''}`
    : `nothing is still open`;
  const inCredit = credit.greaterThan(0) ? `; the customer has ${credit.toFixed(decimals)} ${cur} in credit from it, not yet refunded or applied` : '';
  return settlementSchema.parse({
    ...base,
    open: open.toFixed(decimals),
    credit: credit.toFixed(decimals),
    sentence: `${name} (total ${invoice.total} ${cur}) ${paid}${noteWords}; ${owed}${inCredit}.`,
  });
}
