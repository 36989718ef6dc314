import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { dec } from '../money/index.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import type { ComplianceFinding } from './compliance.types.ts';

const categoryText = (code: string, rate: string | null) => (rate === null ? code : `${code} ${rate}%`);

function sameRate(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : dec(a).equals(b);
}

/**
 * Checks that each line's VAT category is that of the percentage tax line whose base holds it (what
 * the e-invoice prints per line), and, in a VAT pack, that exactly one tax line holds each line.
 */
export function checkLineCategories(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const vat = pack?.exempt !== undefined;
  const out: ComplianceFinding[] = [];
  for (const line of doc.lines) {
    const covering = doc.taxes.filter((t) => t.kind === 'percentage' && t.lineIds.includes(line.id));
    if (vat && covering.length !== 1) {
      const what = covering.length === 0 ? 'no tax line' : `${covering.length} tax lines (${covering.map((t) => t.taxId).join(', ')})`;
      out.push(
        finding('LINE_WITHOUT_TAX_CATEGORY', 'error', `line ${line.id} is in ${what}; in a VAT invoice every line has exactly one VAT category`, {
          lineId: line.id,
          field: 'taxCategory',
          source: 'EN 16931 BR-CO-04, BR-CO-18',
        }),
      );
    }
    const tax = covering[0];
    if (tax && (line.taxCategory.code !== tax.categoryCode || !sameRate(line.taxCategory.ratePercent, tax.ratePercent))) {
      out.push(
        finding(
          'LINE_TAX_CATEGORY_MISMATCH',
          'error',
          `line ${line.id} shows ${categoryText(line.taxCategory.code, line.taxCategory.ratePercent)} but is taxed by ${tax.taxId} (${categoryText(tax.categoryCode, tax.ratePercent)})`,
          { lineId: line.id, field: 'taxCategory' },
        ),
      );
    }
  }
  return out;
}
