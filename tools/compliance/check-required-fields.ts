import type { InvoiceDocument, PostalAddress } from '../invoice/invoice.types.ts';
import type { RequiredInvoiceField, TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import { correctionSource, invoiceContentSource, issueRuleSource } from './cite-invoice-rules.ts';
import type { ComplianceFinding } from './compliance.types.ts';

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** Street, city and country are required everywhere; some places have no postcodes, so a missing one is a warning. */
function checkAddress(address: PostalAddress, party: 'seller' | 'buyer', source: string): ComplianceFinding[] {
  const code = party === 'seller' ? 'SELLER_ADDRESS_INCOMPLETE' : 'BUYER_ADDRESS_INCOMPLETE';
  const missing = [blank(address.lines[0]) ? 'a street line' : null, blank(address.city) ? 'a city' : null, blank(address.country) ? 'a country' : null].filter((m) => m !== null);
  const out: ComplianceFinding[] = [];
  if (missing.length) out.push(finding(code, 'error', `the ${party}'s address lacks ${missing.join(' and ')}`, { field: `${party}.address`, source }));
  if (blank(address.postcode)) out.push(finding(code, 'warning', `the ${party}'s address has no postcode`, { field: `${party}.address.postcode`, source }));
  return out;
}

// Numbers and dates are required once a document is issued; a draft or held invoice has none yet,
// and a voided one keeps what it had.
const ISSUED = new Set(['issued', 'paid', 'overdue']);

/**
 * Checks the fields an invoice must carry: number, issue date and due date once issued; the
 * seller's name, address and (on VAT invoices) VAT id; the buyer's name and address; and, on a
 * credit or debit note, the invoice it corrects.
 */
export function checkRequiredFields(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const content = invoiceContentSource(pack);
  if (ISSUED.has(doc.status)) {
    const issueRule = issueRuleSource(pack);
    if (blank(doc.number)) out.push(finding('INVOICE_NUMBER_MISSING', 'error', `an ${doc.status} ${doc.kind.replace('_', ' ')} needs its sequential number`, { field: 'number', source: issueRule }));
    if (blank(doc.issueDate)) out.push(finding('ISSUE_DATE_MISSING', 'error', `an ${doc.status} ${doc.kind.replace('_', ' ')} needs its issue date`, { field: 'issueDate', source: issueRule }));
    if (blank(doc.dueDate))
      out.push(finding('DUE_DATE_MISSING', 'error', `an ${doc.status} ${doc.kind.replace('_', ' ')} needs a due date`, { field: 'dueDate', source: `${issueRule}; EN 16931 BR-CO-25` }));
  }
  if (doc.issueDate && doc.dueDate && doc.dueDate < doc.issueDate) {
    out.push(finding('DUE_DATE_BEFORE_ISSUE_DATE', 'error', `the due date ${doc.dueDate} is before the issue date ${doc.issueDate}`, { field: 'dueDate' }));
  }
  if (blank(doc.seller.name)) out.push(finding('SELLER_NAME_MISSING', 'error', "the seller's name is blank", { field: 'seller.name', source: content }));
  out.push(...checkAddress(doc.seller.address, 'seller', content));
  // VAT invoices name the supplier's VAT id (art. 226(3), reg. 14(1)); a US-style pack has no such rule.
  if (pack?.exempt !== undefined && blank(doc.seller.vatId)) {
    out.push(finding('SELLER_VAT_ID_MISSING', 'error', `a VAT invoice under pack ${pack.id} must show the seller's VAT id`, { field: 'seller.vatId', source: content }));
  }
  if (blank(doc.buyer.name)) out.push(finding('BUYER_NAME_MISSING', 'error', "the buyer's name is blank", { field: 'buyer.name', source: content }));
  out.push(...checkAddress(doc.buyer.address, 'buyer', content));
  if (doc.kind !== 'invoice' && (doc.correcting === null || blank(doc.correcting.number) || blank(doc.correcting.issueDate))) {
    out.push(
      finding('CORRECTED_INVOICE_MISSING', 'error', `a ${doc.kind.replace('_', ' ')} must reference the number and issue date of the invoice it corrects`, {
        field: 'correcting',
        source: correctionSource(pack),
      }),
    );
  }
  out.push(...checkPackRequiredFields(doc, pack));
  if (doc.kind === 'invoice' && doc.correcting !== null) {
    out.push(finding('CORRECTION_ON_INVOICE', 'warning', `an ordinary invoice references ${doc.correcting.number} as corrected; corrections are credit or debit notes`, { field: 'correcting' }));
  }
  return out;
}

// The value of a requirable field on the document ('seller.address.postcode' → its postcode).
function fieldValue(doc: InvoiceDocument, field: RequiredInvoiceField['field']): string | null | undefined {
  let at: unknown = doc;
  for (const key of field.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' ? at : null;
}

/** The fields the pack requires of invoices issued from a day on (pack data, so a new version can add one). */
function checkPackRequiredFields(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const day = doc.issueDate ?? doc.period.to;
  return (pack?.requiredFields ?? [])
    .filter((r) => r.from <= day && (r.customers === 'all' || (r.customers === 'business') === doc.buyer.business))
    .filter((r) => blank(fieldValue(doc, r.field)))
    .map((r) =>
      finding('PACK_REQUIRED_FIELD_MISSING', 'error', `pack ${pack!.id} requires ${r.field} on invoices${r.customers === 'all' ? '' : ` to ${r.customers} customers`} from ${r.from}`, {
        field: r.field,
        source: r.source,
      }),
    );
}
