import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { dec, ZERO } from '../money/index.ts';
import { vatIdCountry } from '../tax/select-tax-pack.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import type { TaxLine } from '../tax/tax.types.ts';
import { finding } from './build-finding.ts';
import type { ComplianceFinding } from './compliance.types.ts';

const TREATMENT_CODES = ['AE', 'E', 'O'] as const;
type TreatmentCode = (typeof TREATMENT_CODES)[number];

// Where the pack is silent (an operator's own pack without the section), the Directive's articles.
const DEFAULT_SOURCES: Record<TreatmentCode, string> = {
  AE: "Directive 2006/112/EC art. 196 (recipient liable) and art. 226(4), (11a) (customer's VAT id, the mention 'Reverse charge')",
  E: 'Directive 2006/112/EC art. 226(11) (reference to the exemption)',
  O: 'EN 16931 BR-O-10 (an outside-scope breakdown carries an exemption reason)',
};

function specOf(pack: TaxPack | null, code: TreatmentCode) {
  if (!pack) return undefined;
  return code === 'AE' ? pack.reverseCharge : code === 'E' ? pack.exempt : pack.outsideScope;
}

function sourceOf(pack: TaxPack | null, code: TreatmentCode): string {
  const spec = specOf(pack, code);
  return spec ? `${spec.source} (checked ${spec.checked})` : DEFAULT_SOURCES[code];
}

function isTreatment(code: string): code is TreatmentCode {
  return (TREATMENT_CODES as readonly string[]).includes(code);
}

/** A zero-amount treatment line: no tax, the rate EN 16931 wants (0 for AE and E, none for O), its lines as the base. */
function checkTreatmentLine(doc: InvoiceDocument, pack: TaxPack | null, t: TaxLine & { categoryCode: TreatmentCode }, i: number): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const field = `taxes[${i}]`;
  const source = sourceOf(pack, t.categoryCode);
  if (!dec(t.amount).isZero())
    out.push(finding('TREATMENT_AMOUNT_NOT_ZERO', 'error', `${t.taxId} (category ${t.categoryCode}) charges ${t.amount}; no tax is due under this treatment`, { field: `${field}.amount`, source }));
  const rateOk = t.categoryCode === 'O' ? t.ratePercent === null : t.ratePercent !== null && dec(t.ratePercent).isZero();
  if (!rateOk)
    out.push(
      finding('TAX_RATE_MISMATCH', 'error', `${t.taxId}: category ${t.categoryCode} takes ${t.categoryCode === 'O' ? 'no rate' : 'rate 0'}, not ${t.ratePercent ?? 'none'}`, {
        field: `${field}.ratePercent`,
        source: `EN 16931 BR-${t.categoryCode}-05`,
      }),
    );
  const spec = specOf(pack, t.categoryCode);
  if (pack && t.packId === pack.id && spec && spec.taxId !== t.taxId)
    out.push(finding('TAX_RULE_UNKNOWN', 'error', `category ${t.categoryCode} in pack ${pack.id} is ${spec.taxId}, not ${t.taxId}`, { field: `${field}.taxId` }));
  let base = ZERO;
  for (const id of t.lineIds) {
    const line = doc.lines.find((l) => l.id === id);
    if (line) base = base.plus(line.amount);
    else out.push(finding('TAX_LINE_UNKNOWN_LINE', 'error', `${t.taxId} lists line ${id}, which is not on the invoice`, { field: `${field}.lineIds`, lineId: id }));
  }
  if (!base.equals(t.base)) out.push(finding('TAX_BASE_MISMATCH', 'error', `${t.taxId}: the base is ${t.base} but its lines add up to ${base.toString()}`, { field: `${field}.base` }));
  return out;
}

function countryOfVatId(vatId: string): string | null {
  try {
    return vatIdCountry(vatId);
  } catch {
    return null;
  }
}

/** The reverse charge: the mention, the buyer's VAT id, and a buyer it applies to (a business of another country than the seller's). */
function checkReverseCharge(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const source = sourceOf(pack, 'AE');
  const note = doc.taxNotes.find((n) => n.code === 'REVERSE_CHARGE' && n.categoryCode === 'AE' && n.text.trim() !== '');
  if (!note) out.push(finding('REVERSE_CHARGE_NOTE_MISSING', 'error', 'the invoice is reverse charged (category AE) but carries no reverse-charge mention', { field: 'taxNotes', source }));
  else if (pack?.reverseCharge && note.text !== pack.reverseCharge.note.text) {
    out.push(finding('REVERSE_CHARGE_NOTE_TEXT', 'warning', `the reverse-charge mention reads "${note.text}", not the pack's "${pack.reverseCharge.note.text}"`, { field: 'taxNotes', source }));
  }
  const vatId = doc.buyer.vatId?.trim() ?? '';
  const country = vatId ? countryOfVatId(vatId) : null;
  if (!country) {
    const why = vatId ? `"${vatId}" has no two-letter country prefix` : 'it has none';
    out.push(finding('REVERSE_CHARGE_BUYER_VAT_ID_MISSING', 'error', `a reverse-charged invoice must show the buyer's VAT id; ${why}`, { field: 'buyer.vatId', source }));
  } else if (country === doc.seller.address.country) {
    out.push(
      finding('REVERSE_CHARGE_NOT_APPLICABLE', 'error', `the buyer's VAT id is of ${country}, the seller's own country: a domestic supply is taxed, not reverse charged`, {
        field: 'buyer.vatId',
        source,
      }),
    );
  }
  if (!doc.buyer.business)
    out.push(finding('REVERSE_CHARGE_NOT_APPLICABLE', 'error', 'the reverse charge applies only to business customers; this buyer is not one', { field: 'buyer.business', source }));
  return out;
}

/** VAT charged where the pack reverse charges: a business whose VAT id is of another country the pack covers. */
function checkMissedReverseCharge(doc: InvoiceDocument, pack: TaxPack): ComplianceFinding[] {
  const { buyer, seller } = doc;
  if (!pack.reverseCharge || !buyer.business || !buyer.vatId) return [];
  if (!doc.taxes.some((t) => t.packId === pack.id && t.categoryCode === 'S' && !dec(t.amount).isZero())) return [];
  const country = countryOfVatId(buyer.vatId);
  if (!country || country === seller.address.country || !pack.rules.some((r) => r.countries.includes(country))) return [];
  return [
    finding(
      'REVERSE_CHARGE_EXPECTED',
      'error',
      `VAT is charged to a business with VAT id ${buyer.vatId} (${country}) by a seller in ${seller.address.country}: pack ${pack.id} reverse charges this supply`,
      { field: 'taxes', source: sourceOf(pack, 'AE') },
    ),
  ];
}

/**
 * Checks the legal treatments of an invoice: zero-amount AE/E/O tax lines with the right rate and
 * base; the reverse charge's mention, the buyer's VAT id and a buyer it applies to; VAT charged
 * where the pack would reverse charge; and an exemption reason for each exempt or outside-scope
 * category (VAT invoices only: a US-style pack leaves untaxed lines without a category).
 */
export function checkTaxTreatments(doc: InvoiceDocument, pack: TaxPack | null): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  // Zero-amount treatment lines are a VAT construct (EN 16931's breakdown); a US-style pack has none.
  const vat = pack === null || pack.exempt !== undefined;
  doc.taxes.forEach((t, i) => {
    if (vat && isTreatment(t.categoryCode)) out.push(...checkTreatmentLine(doc, pack, { ...t, categoryCode: t.categoryCode }, i));
  });
  const used = new Set([...doc.taxes.map((t) => t.categoryCode), ...doc.lines.map((l) => l.taxCategory.code)]);
  if (used.has('AE')) out.push(...checkReverseCharge(doc, pack));
  else if (pack) out.push(...checkMissedReverseCharge(doc, pack));
  if (vat) {
    for (const code of ['E', 'O'] as const) {
      if (!used.has(code)) continue;
      if (!doc.taxNotes.some((n) => n.categoryCode === code && n.text.trim() !== '')) {
        out.push(
          finding('EXEMPTION_REASON_MISSING', 'error', `lines of category ${code} (${code === 'E' ? 'exempt' : 'outside the scope of VAT'}) need a note giving the reason; there is none`, {
            field: 'taxNotes',
            source: sourceOf(pack, code),
          }),
        );
      }
    }
  }
  return out;
}
