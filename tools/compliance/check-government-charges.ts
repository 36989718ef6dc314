import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import { TRUTH_IN_BILLING } from './cite-invoice-rules.ts';
import type { ComplianceFinding } from './compliance.types.ts';

// Words that name a government charge on a US bill, beside the pack's own tax names and ids.
const GOVERNMENT_WORDS = /\b(tax|taxes|911|e911|universal service|usf)\b/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Checks that government charges and the operator's own charges stay apart: every tax line is
 * government-mandated, and (for a US-style pack, which has no VAT treatment) no line of the
 * operator's own charges names a tax or government fee.
 */
export function checkGovernmentCharges(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  doc.taxes.forEach((t, i) => {
    if (!t.governmentMandated) {
      out.push(
        finding('OPERATOR_CHARGE_IN_TAXES', 'error', `"${t.name}" (${t.taxId}) is not government-mandated but is printed among the taxes; bill it as one of the operator's own lines`, {
          field: `taxes[${i}].governmentMandated`,
          source: TRUTH_IN_BILLING,
        }),
      );
    }
  });
  if (pack === null || pack.exempt !== undefined) return out;
  const names = pack.rules.flatMap((r) => [r.name, r.taxId]).map((n) => new RegExp(`\\b${escape(n)}\\b`, 'i'));
  for (const line of doc.lines) {
    const text = [line.description, ...line.provenance.catalogItems].join(' ');
    const hit = names.find((re) => re.test(text)) ?? (GOVERNMENT_WORDS.test(text) ? GOVERNMENT_WORDS : undefined);
    if (hit) {
      out.push(
        finding(
          'GOVERNMENT_CHARGE_IN_OWN_LINES',
          'error',
          `line ${line.id} ("${line.description}") reads as a government charge (${text.match(hit)?.[0]}) but is billed among the operator's own charges; government charges are tax lines`,
          { lineId: line.id, field: 'lines', source: TRUTH_IN_BILLING },
        ),
      );
    }
  }
  return out;
}
