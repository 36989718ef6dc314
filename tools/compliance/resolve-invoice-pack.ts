import { BillingError } from '../errors.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { selectTaxPack } from '../tax/select-tax-pack.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { finding } from './build-finding.ts';
import type { ComplianceFinding } from './compliance.types.ts';

export interface InvoicePack {
  pack: TaxPack | null;
  jurisdiction: string;
  findings: ComplianceFinding[];
}

/** The buyer's country as the document states it (the account's tax jurisdiction is not on the document), with the region where the pack needs one. */
function buyerJurisdiction(doc: InvoiceDocument, pack: TaxPack | null): string {
  const { country, region } = doc.buyer.address;
  return region && pack?.requiresRegion ? `${country}-${region}` : country;
}

/**
 * The pack an invoice was taxed with: the one its tax lines name (what calculateTaxes used), or,
 * when they name none the caller knows, the pack the buyer's country selects. The jurisdiction is
 * the most specific one on the pack's tax lines ("US-CA" over "US"), else the buyer's.
 */
export function resolveInvoicePack(doc: InvoiceDocument, packs: readonly TaxPack[]): InvoicePack {
  const findings: ComplianceFinding[] = [];
  const named = [...new Set(doc.taxes.map((t) => t.packId))];
  if (named.length > 1) findings.push(finding('TAX_PACK_MIXED', 'error', `the tax lines come from ${named.length} packs (${named.join(', ')}); one invoice is taxed by one pack`, { field: 'taxes' }));
  let pack = packs.find((p) => p.id === named[0]) ?? null;
  if (!pack) {
    if (named.length > 0)
      findings.push(
        finding('TAX_PACK_UNKNOWN', 'error', `the tax lines name pack "${named[0]}", which is not among the packs (${packs.map((p) => p.id).join(', ') || 'none'})`, { field: 'taxes[0].packId' }),
      );
    try {
      const { buyer, seller } = doc;
      pack = selectTaxPack({ country: buyer.address.country, region: buyer.address.region, business: buyer.business, vatId: buyer.vatId, exemptions: [] }, seller.address.country, packs).pack;
    } catch (err) {
      if (!(err instanceof BillingError)) throw err;
      findings.push(finding('TAX_PACK_NOT_FOUND', 'error', `no tax pack applies to this invoice: ${err.message}`, { field: 'buyer.address.country' }));
    }
  }
  const own = pack ? doc.taxes.filter((t) => t.packId === pack.id).map((t) => t.jurisdiction) : [];
  const jurisdiction = own.sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? buyerJurisdiction(doc, pack);
  if (pack?.illustrative) {
    findings.push(
      finding('PACK_ILLUSTRATIVE', 'warning', `pack ${pack.id} is illustrative: its rates show the mechanics and must be replaced by a tax provider's before billing`, { source: pack.description }),
    );
  }
  return { pack, jurisdiction, findings };
}
