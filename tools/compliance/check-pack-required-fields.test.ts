import { describe, expect, it } from 'vitest';
import { gbMarch } from '../audit/testing/billed-invoices.ts';
import { builtInTaxPacks } from '../tax/parse-tax-pack.ts';
import type { TaxPack } from '../tax/tax-pack.types.ts';
import { checkInvoiceCompliance } from './check-invoice-compliance.ts';

// The GB pack with one more requirement, as a new version would bring it: the buyer's e-mail on
// consumer invoices issued from 2025-04-01 (a made-up rule, to show the mechanism).
function gbWith(requiredFields: TaxPack['requiredFields']): readonly TaxPack[] {
  return builtInTaxPacks().map((p) => (p.id === 'gb-vat' ? { ...p, requiredFields } : p));
}
const EMAIL = { field: 'buyer.email' as const, customers: 'consumer' as const, from: '2025-04-01', source: 'Example Regulation 2025 reg. 3' };

describe('required invoice fields as pack data', () => {
  it('finds a field the pack requires from the invoice’s issue date on, with the pack’s source', () => {
    const doc = { ...gbMarch(), issueDate: '2025-04-01', buyer: { ...gbMarch().buyer, email: null } };
    const found = checkInvoiceCompliance(doc, { packs: gbWith([EMAIL]) }).findings.filter((f) => f.code === 'PACK_REQUIRED_FIELD_MISSING');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', field: 'buyer.email', source: 'Example Regulation 2025 reg. 3' })]);
    expect(found[0]!.message).toBe('pack gb-vat requires buyer.email on invoices to consumer customers from 2025-04-01');
  });

  it('asks nothing of an invoice issued before the day, of another kind of customer, or one that carries the field', () => {
    const base = gbMarch();
    const cases = [
      { ...base, issueDate: '2025-03-31', buyer: { ...base.buyer, email: null } },
      { ...base, issueDate: '2025-04-01', buyer: { ...base.buyer, email: null, business: true } },
      { ...base, issueDate: '2025-04-01', buyer: { ...base.buyer, email: 'a@example.com' } },
    ];
    for (const doc of cases) {
      expect(checkInvoiceCompliance(doc, { packs: gbWith([EMAIL]) }).findings.map((f) => f.code)).not.toContain('PACK_REQUIRED_FIELD_MISSING');
    }
  });

  it('reads nested fields (the seller’s postcode) and blank text as missing', () => {
    const doc = { ...gbMarch(), seller: { ...gbMarch().seller, address: { ...gbMarch().seller.address, postcode: '  ' } } };
    const rule = { field: 'seller.address.postcode' as const, customers: 'all' as const, from: '2020-01-01', source: 'Example Act s. 1' };
    expect(checkInvoiceCompliance(doc, { packs: gbWith([rule]) }).findings.map((f) => f.code)).toContain('PACK_REQUIRED_FIELD_MISSING');
  });
});
