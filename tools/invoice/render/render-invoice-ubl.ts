import { create } from 'xmlbuilder2';
import { BillingError } from '../../errors.ts';
import type { TaxLine } from '../../tax/tax.types.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { addUblLines } from './build-ubl-lines.ts';
import { addUblParties } from './build-ubl-parties.ts';
import { lastDayOf } from './format-invoice-values.ts';
import { parseInvoiceDocument } from './parse-invoice-document.ts';
import { BILLING_PROFILE_ID, EN16931_CUSTOMIZATION_ID, flipSign, UBL_NAMESPACES, type XmlElement } from './ubl-common.ts';
import { creditorReferenceOf } from '../../payments/creditor-reference.ts';

const TYPE_CODES = { invoice: '380', credit_note: '381', debit_note: '383' } as const;

// The one exemption code each of these categories has; exempt (E) has many, so it needs a tax note.
const DEFAULT_EXEMPTION_CODES: Record<string, string> = { AE: 'VATEX-EU-AE', O: 'VATEX-EU-O' };

/**
 * The VAT breakdown (BG-23): one percentage tax line per (category, rate), taken as it is. Per-line
 * fees (US 911, USF) have no place in EN 16931's VAT model without totals the document does not
 * carry, and two tax lines of one category and rate would have to be added up: both are refused
 * rather than computed here.
 */
function vatBreakdown(doc: InvoiceDocument): TaxLine[] {
  const fees = doc.taxes.filter((t) => t.kind !== 'percentage');
  if (fees.length > 0) {
    throw new BillingError('UNSUPPORTED_FORMAT', `EN 16931 has no place for per-line fees (${fees.map((f) => f.taxId).join(', ')}): the document would need its charge total and tax-exclusive amount`);
  }
  const seen = new Set<string>();
  for (const tax of doc.taxes) {
    const key = `${tax.categoryCode} ${tax.ratePercent ?? ''}`;
    if (seen.has(key)) {
      throw new BillingError('UNSUPPORTED_FORMAT', `two tax lines share VAT category ${tax.categoryCode} at rate ${tax.ratePercent ?? 'none'}; the VAT breakdown needs one line per category and rate`);
    }
    seen.add(key);
  }
  return doc.taxes;
}

function addTaxTotal(root: XmlElement, doc: InvoiceDocument, breakdown: TaxLine[]): void {
  const total = root.ele('cac:TaxTotal');
  total.ele('cbc:TaxAmount', { currencyID: doc.currency }).txt(doc.taxTotal);
  for (const tax of breakdown) {
    const subtotal = total.ele('cac:TaxSubtotal');
    subtotal.ele('cbc:TaxableAmount', { currencyID: doc.currency }).txt(tax.base);
    subtotal.ele('cbc:TaxAmount', { currencyID: doc.currency }).txt(tax.amount);
    const category = subtotal.ele('cac:TaxCategory');
    category.ele('cbc:ID').txt(tax.categoryCode);
    if (tax.categoryCode !== 'O' && tax.ratePercent !== null) category.ele('cbc:Percent').txt(tax.ratePercent);
    if (tax.categoryCode !== 'S' && tax.categoryCode !== 'Z') {
      const note = doc.taxNotes.find((n) => n.categoryCode === tax.categoryCode);
      const code = note?.exemptionReasonCode ?? DEFAULT_EXEMPTION_CODES[tax.categoryCode];
      if (code) category.ele('cbc:TaxExemptionReasonCode').txt(code);
      if (note) category.ele('cbc:TaxExemptionReason').txt(note.text);
    }
    category.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  }
}

function addPaymentMeans(root: XmlElement, doc: InvoiceDocument, number: string): void {
  const credit = doc.kind === 'credit_note';
  const iban = credit ? null : doc.seller.iban;
  // UBL 2.1's CreditNote has no DueDate: its BT-9 lives in PaymentMeans.
  const dueHere = credit && doc.dueDate !== null;
  if (!iban && !dueHere) return;
  const means = root.ele('cac:PaymentMeans');
  // 58 SEPA credit transfer, 30 other credit transfer; a credit note is settled on the account (97).
  means.ele('cbc:PaymentMeansCode').txt(iban ? (doc.currency === 'EUR' ? '58' : '30') : '97');
  if (dueHere && doc.dueDate) means.ele('cbc:PaymentDueDate').txt(doc.dueDate);
  // BT-83 remittance information: the ISO 11649 RF reference the statement brings back (docs/payments.md); a credit note keeps its number.
  means.ele('cbc:PaymentID').txt(credit ? number : (creditorReferenceOf(number) ?? number));
  if (iban) {
    const account = means.ele('cac:PayeeFinancialAccount');
    account.ele('cbc:ID').txt(iban.replace(/\s+/g, ''));
    account.ele('cbc:Name').txt(doc.seller.name);
  }
}

function addMonetaryTotal(root: XmlElement, doc: InvoiceDocument): void {
  const totals = root.ele('cac:LegalMonetaryTotal');
  const currencyID = doc.currency;
  // No document-level allowances or charges are written, so the tax-exclusive amount is the subtotal.
  totals.ele('cbc:LineExtensionAmount', { currencyID }).txt(doc.subtotal);
  totals.ele('cbc:TaxExclusiveAmount', { currencyID }).txt(doc.subtotal);
  totals.ele('cbc:TaxInclusiveAmount', { currencyID }).txt(doc.total);
  totals.ele('cbc:PayableAmount', { currencyID }).txt(doc.total);
}

/**
 * A credit note's amounts as UBL's CreditNote states them. Switchboard's credit notes carry the
 * credit as negative amounts (the invoice invariants require a total of 0 or less), while a UBL
 * CreditNote states the credit as positive amounts: every amount changes sign, a change of notation
 * on the strings, not a calculation. A line's unit price changes with its amount, so quantity x
 * price still gives the amount.
 */
function asCreditNoteAmounts(doc: InvoiceDocument): InvoiceDocument {
  return {
    ...doc,
    lines: doc.lines.map((l) => ({ ...l, amount: flipSign(l.amount), unitPrice: l.unitPrice === null ? null : flipSign(l.unitPrice) })),
    taxes: doc.taxes.map((t) => ({ ...t, base: flipSign(t.base), amount: flipSign(t.amount) })),
    subtotal: flipSign(doc.subtotal),
    taxTotal: flipSign(doc.taxTotal),
    total: flipSign(doc.total),
  };
}

/**
 * Renders an issued invoice document as EN 16931 UBL 2.1: an Invoice (380, or 383 for a debit
 * note) or a CreditNote (381, its amounts stated as positive credits). Amounts are the document's
 * strings; nothing is computed.
 */
export function renderInvoiceUbl(doc: InvoiceDocument): string {
  const parsed = parseInvoiceDocument(doc);
  const d = parsed.kind === 'credit_note' ? asCreditNoteAmounts(parsed) : parsed;
  if (!d.number || !d.issueDate) {
    throw new BillingError('CONFLICT', `an e-invoice needs an issued document with a number and an issue date (status ${d.status})`);
  }
  const breakdown = vatBreakdown(d);
  const credit = d.kind === 'credit_note';
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(credit ? UBL_NAMESPACES.creditNote : UBL_NAMESPACES.invoice, credit ? 'CreditNote' : 'Invoice', {
    'xmlns:cac': UBL_NAMESPACES.cac,
    'xmlns:cbc': UBL_NAMESPACES.cbc,
  });
  root.ele('cbc:CustomizationID').txt(EN16931_CUSTOMIZATION_ID);
  root.ele('cbc:ProfileID').txt(BILLING_PROFILE_ID);
  root.ele('cbc:ID').txt(d.number);
  root.ele('cbc:IssueDate').txt(d.issueDate);
  if (!credit && d.dueDate) root.ele('cbc:DueDate').txt(d.dueDate);
  root.ele(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode').txt(TYPE_CODES[d.kind]);
  if (d.correcting) root.ele('cbc:Note').txt(d.correcting.reason);
  root.ele('cbc:DocumentCurrencyCode').txt(d.currency);
  root.ele('cbc:BuyerReference').txt(d.buyer.accountId);
  const period = root.ele('cac:InvoicePeriod');
  period.ele('cbc:StartDate').txt(d.period.from);
  period.ele('cbc:EndDate').txt(lastDayOf(d.period));
  if (d.correcting) {
    const reference = root.ele('cac:BillingReference').ele('cac:InvoiceDocumentReference');
    reference.ele('cbc:ID').txt(d.correcting.number);
    reference.ele('cbc:IssueDate').txt(d.correcting.issueDate);
  }
  const outsideScope = d.lines.some((l) => l.taxCategory.code === 'O') || breakdown.some((t) => t.categoryCode === 'O');
  addUblParties(root, d, !outsideScope);
  addPaymentMeans(root, d, d.number);
  addTaxTotal(root, d, breakdown);
  addMonetaryTotal(root, d);
  addUblLines(root, d);
  return root.end({ prettyPrint: true });
}
