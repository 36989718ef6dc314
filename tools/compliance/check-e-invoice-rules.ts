import { BillingError } from '../errors.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { checkEn16931 } from '../invoice/render/check-en16931.ts';
import { renderInvoiceUbl } from '../invoice/render/render-invoice-ubl.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import type { ComplianceFinding } from './compliance.types.ts';

const PLACEHOLDER_NUMBER = 'DRAFT';

/**
 * Checks the invoice against the EN 16931 business rules by rendering it as UBL (the e-invoice
 * Switchboard issues) and running checkEn16931 on the XML; each broken rule becomes a finding
 * coded `EN16931-<rule>`. Only VAT invoices are EN 16931 documents; a draft is checked with a
 * placeholder number and dates (reported as info) so its other rules are still seen.
 */
export function checkEInvoiceRules(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const fees = doc.taxes.filter((t) => t.kind === 'per_line');
  if ((pack !== null && pack.exempt === undefined) || fees.length > 0) {
    const why = fees.length > 0 ? `it carries per-line fees (${fees.map((f) => f.taxId).join(', ')})` : `pack ${pack?.id} is not a VAT pack`;
    return [finding('EN16931_NOT_APPLICABLE', 'info', `not checked against EN 16931: ${why}`)];
  }
  const out: ComplianceFinding[] = [];
  let checked = doc;
  if (!doc.number || !doc.issueDate) {
    // Issuing sets the number and dates; a missing one on an issued document is checkRequiredFields' finding.
    const unissued = doc.status === 'draft' || doc.status === 'held';
    const issueDate = doc.issueDate ?? doc.period.to;
    checked = { ...doc, number: doc.number || PLACEHOLDER_NUMBER, issueDate, dueDate: doc.dueDate ?? (unissued ? issueDate : null) };
    out.push(finding('EN16931_CHECKED_AS_DRAFT', 'info', `the document has no number or issue date yet; EN 16931 was checked with number "${checked.number}" and issue date ${issueDate}`));
  }
  let xml: string;
  try {
    xml = renderInvoiceUbl(checked);
  } catch (err) {
    if (!(err instanceof BillingError)) throw err;
    return [...out, finding('EN16931_NOT_RENDERABLE', 'error', `the document cannot be rendered as EN 16931 UBL: ${err.message}`, { source: 'EN 16931-1:2017' })];
  }
  for (const f of checkEn16931(xml)) {
    out.push({ code: `EN16931-${f.rule}`, severity: 'error', message: f.message, source: `EN 16931-1:2017 business rule ${f.rule}` });
  }
  return out;
}
