import { invoiceInvariantViolations } from '../invoice/check-invoice-invariants.ts';
import { invoiceDocumentSchema, type InvoiceDocument } from '../invoice/invoice.types.ts';
import { builtInTaxPacks } from '../tax/parse-tax-pack.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import { checkEInvoiceRules } from './check-e-invoice-rules.ts';
import { checkGovernmentCharges } from './check-government-charges.ts';
import { checkLineCategories } from './check-line-categories.ts';
import { checkRequiredFields } from './check-required-fields.ts';
import { checkTaxRates } from './check-tax-rates.ts';
import { checkTaxTreatments } from './check-tax-treatments.ts';
import { complianceReportSchema, type ComplianceFinding, type ComplianceReport } from './compliance.types.ts';
import { resolveInvoicePack } from './resolve-invoice-pack.ts';

const INVARIANTS_SOURCE = 'Switchboard invoice invariants (docs/billing.md; tools/invoice/check-invoice-invariants.ts)';

/**
 * Checks an invoice document against its jurisdiction's rule pack (the built-in packs unless given
 * others) and the invoice rules: tax rates, bases and rounding; reverse charge and exemptions;
 * required fields; government charges kept apart; EN 16931 business rules; the invariants.
 * Deterministic: the same document and packs give the same findings in the same order.
 */
export function checkInvoiceCompliance(doc: InvoiceDocument, options: { packs?: readonly TaxPack[] } = {}): ComplianceReport {
  const parsed = invoiceDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    // Nothing else can be read reliably from a document that is not one.
    const findings = parsed.error.issues.map((i) => finding('DOCUMENT_INVALID', 'error', i.message, { field: i.path.join('.') }));
    return complianceReportSchema.parse({ jurisdiction: doc?.buyer?.address?.country ?? 'unknown', packId: null, findings, passed: false });
  }
  const valid = parsed.data;
  const { pack, jurisdiction, findings: packFindings } = resolveInvoicePack(valid, options.packs ?? builtInTaxPacks());
  const findings: ComplianceFinding[] = [
    ...packFindings,
    ...(pack ? checkTaxRates(valid, pack) : []),
    ...checkTaxTreatments(valid, pack),
    ...checkLineCategories(valid, pack),
    ...checkRequiredFields(valid, pack),
    ...checkGovernmentCharges(valid, pack),
    ...checkEInvoiceRules(valid, pack),
    ...invoiceInvariantViolations(valid).map((v) => finding('INVARIANT_BROKEN', 'error', v, { source: INVARIANTS_SOURCE })),
  ];
  return complianceReportSchema.parse({ jurisdiction, packId: pack?.id ?? null, findings, passed: !findings.some((f) => f.severity === 'error') });
}
