import { describe, expect, it } from 'vitest';
import { frReverseCharge, gbCreditNote, gbMarch, eeJune, usCalifornia, billInput, issue, DE_SETTINGS } from '../audit/testing/billed-invoices.ts';
import { testAccount, testCatalog, testCustomer } from '../charging/testing/charging-fixtures.ts';
import { billAccount } from '../invoice/bill-account.ts';
import { withPhoneLineSummaries } from '../invoice/summarise-phone-lines.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { builtInTaxPacks } from '../tax/parse-tax-pack.ts';
import { checkInvoiceCompliance } from './check-invoice-compliance.ts';
import type { ComplianceReport } from './compliance.types.ts';

const codes = (r: ComplianceReport) => r.findings.map((f) => f.code);
const errors = (r: ComplianceReport) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const check = (doc: InvoiceDocument) => checkInvoiceCompliance(doc);

const PARIS = { lines: ['1 rue de Rivoli'], city: 'Paris', postcode: '75001', region: null, country: 'FR' };

/** A French consumer of the German operator: French VAT 20%, 31.00 -> 6.20. */
function frConsumer(): InvoiceDocument {
  const { doc } = billAccount(
    billInput({
      settings: DE_SETTINGS,
      catalog: testCatalog({ currency: 'EUR' }),
      customer: testCustomer({ address: PARIS }),
      account: testAccount({ currency: 'EUR', taxJurisdiction: { country: 'FR', region: null } }),
    }),
  );
  return issue(doc, 'RE-000009');
}

describe('checkInvoiceCompliance: invoices billed by the real pipeline pass', () => {
  it('passes a GB consumer invoice (gb-vat) with no finding at all', () => {
    expect(check(gbMarch())).toEqual({ jurisdiction: 'GB', packId: 'gb-vat', findings: [], passed: true });
  });

  it('passes an Estonian invoice split at the 22% -> 24% change (eu-vat)', () => {
    expect(check(eeJune())).toEqual({ jurisdiction: 'EE', packId: 'eu-vat', findings: [], passed: true });
  });

  it('passes a reverse-charged invoice, a UK outside-scope one, a credit note and a draft (with an info)', () => {
    expect(check(frReverseCharge())).toMatchObject({ jurisdiction: 'FR', packId: 'eu-vat', findings: [], passed: true });
    const outside = billAccount(
      billInput({
        catalog: testCatalog({ currency: 'EUR' }),
        customer: testCustomer({ segment: 'small_business', name: 'Société Exemple SARL', address: PARIS }),
        account: testAccount({ currency: 'EUR', taxJurisdiction: { country: 'FR', region: null }, vatId: 'FR40303265045' }),
      }),
    ).doc;
    expect(outside.taxes.map((t) => t.categoryCode)).toEqual(['O']);
    expect(check(issue(outside, 'INV-000050'))).toMatchObject({ packId: 'gb-vat', findings: [], passed: true });
    expect(check(gbCreditNote())).toMatchObject({ findings: [], passed: true });
    const draft = structuredClone(billAccount(billInput({})).doc);
    expect(check(draft)).toMatchObject({ passed: true, findings: [{ code: 'EN16931_CHECKED_AS_DRAFT', severity: 'info' }] });
  });

  it('passes a US invoice with a warning that the pack is illustrative, and no EN 16931 check', () => {
    const r = check(usCalifornia());
    expect(r).toMatchObject({ jurisdiction: 'US-CA', packId: 'us-telecom', passed: true });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['PACK_ILLUSTRATIVE', 'warning'],
      ['EN16931_NOT_APPLICABLE', 'info'],
    ]);
  });
});

describe('checkInvoiceCompliance: tax rates and amounts', () => {
  it('reports a tampered VAT rate, even on a document that is otherwise consistent', () => {
    // 17.5% everywhere, tax recomputed: 35.12 x 17.5% = 6.146 -> 6.15, total 41.27: adds up, passes EN 16931
    const doc = gbMarch();
    doc.taxes[0]!.ratePercent = '17.5';
    doc.taxes[0]!.amount = '6.15';
    doc.lines.forEach((l) => (l.taxCategory.ratePercent = '17.5'));
    Object.assign(doc, { taxTotal: '6.15', total: '41.27' });
    const r = check(doc);
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'TAX_RATE_MISMATCH', severity: 'error', field: 'taxes[0].ratePercent', message: 'GB-VAT is charged at 17.5% but the GB rate from 2011-01-04 is 20%' });
    expect(r.findings[0]!.source).toMatch(/^VAT Act 1994 s\.2\(1\).*\(checked 2026-11-26\)$/);
  });

  it('reports a rate changed on the tax line alone, with the lines and EN 16931 that disagree', () => {
    const doc = gbMarch();
    doc.taxes[0]!.ratePercent = '17.5';
    const r = check(doc);
    expect(errors(r).slice(0, 3)).toEqual(['TAX_RATE_MISMATCH', 'TAX_AMOUNT_MISMATCH', 'LINE_TAX_CATEGORY_MISMATCH']);
    expect(r.findings.filter((f) => f.code === 'LINE_TAX_CATEGORY_MISMATCH').map((f) => f.lineId)).toEqual(doc.lines.map((l) => l.id));
    expect(codes(r)).toContain('EN16931-BR-S-08');
  });

  it('reports a tax amount one penny off what base x rate rounds to', () => {
    const doc = gbMarch();
    Object.assign(doc.taxes[0]!, { amount: '7.03' });
    Object.assign(doc, { taxTotal: '7.03', total: '42.15' });
    const r = check(doc);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'TAX_AMOUNT_MISMATCH',
        message: 'GB-VAT: the amount is 7.03 but 35.12 x 20% rounded once (half_up) is 7.02',
        source: 'pack gb-vat: rounding per_invoice, half_up',
      }),
    ]);
  });

  it('reports the old rate on a line supplied after a rate change, and a tax line across the change', () => {
    // the June part taxed at 24%: 16.53 x 24% = 3.97; EE was 22% until 30 June 2025
    const june = eeJune();
    Object.assign(june.taxes[0]!, { ratePercent: '24', amount: '3.97' });
    june.lines[0]!.taxCategory.ratePercent = '24';
    Object.assign(june, { taxTotal: '7.44', total: '38.44' });
    expect(check(june).findings[0]).toMatchObject({ code: 'TAX_RATE_MISMATCH', message: 'EU-VAT-EE is charged at 24% but the EE rate from 2024-01-01 is 22%' });

    const merged = eeJune();
    const [a, b] = merged.taxes;
    merged.taxes = [{ ...b!, base: '31.00', amount: '7.44', lineIds: [...a!.lineIds, ...b!.lineIds], servicePeriod: { from: '2025-06-15', to: '2025-07-15' } }];
    merged.lines[0]!.taxCategory.ratePercent = '24';
    Object.assign(merged, { taxTotal: '7.44', total: '38.44' });
    expect(errors(check(merged))).toEqual(['TAX_RATE_NOT_IN_FORCE']);
  });

  it('reports a base that is not the sum of its lines and a line no tax covers', () => {
    const doc = gbMarch();
    doc.taxes[0]!.lineIds = doc.taxes[0]!.lineIds.slice(1);
    const r = check(doc);
    expect(errors(r)).toEqual(['TAX_BASE_MISMATCH', 'LINE_WITHOUT_TAX_CATEGORY']);
    expect(r.findings[1]!.lineId).toBe('rec:L1:2025-03-01');
  });
});

describe('checkInvoiceCompliance: reverse charge and exemptions', () => {
  it('reports a reverse-charged invoice without the legal mention', () => {
    const doc = frReverseCharge();
    doc.taxNotes = [];
    const r = check(doc);
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'REVERSE_CHARGE_NOTE_MISSING', severity: 'error', field: 'taxNotes' })]);
    expect(r.findings[0]!.source).toMatch(/art\. 226\(11a\)/);
  });

  it("reports a reverse charge without the buyer's VAT id, or to a buyer of the seller's own country", () => {
    const noId = frReverseCharge();
    noId.buyer.vatId = null;
    expect(errors(check(noId))).toEqual(['REVERSE_CHARGE_BUYER_VAT_ID_MISSING', 'EN16931-BR-AE-02']);
    const domestic = frReverseCharge();
    domestic.buyer.vatId = 'DE136695976';
    expect(errors(check(domestic))).toEqual(['REVERSE_CHARGE_NOT_APPLICABLE']);
  });

  it('reports a reworded mention as a warning only', () => {
    const doc = frReverseCharge();
    doc.taxNotes[0]!.text = 'Reverse charge';
    const r = check(doc);
    expect(r.passed).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['REVERSE_CHARGE_NOTE_TEXT', 'warning']]);
  });

  it('reports VAT charged to a business of another member state, which the pack reverse charges', () => {
    const doc = frConsumer();
    expect(check(doc).passed).toBe(true);
    Object.assign(doc.buyer, { vatId: 'FR40303265045', business: true, segment: 'small_business' });
    expect(errors(check(doc))).toEqual(['REVERSE_CHARGE_EXPECTED']);
  });

  it('passes an exempt line with its reason and reports one without', () => {
    const exempt = issue(billAccount(billInput({ account: testAccount({ taxExemptions: ['GB-VAT'] }) })).doc, 'INV-000060');
    expect(exempt.lines[0]!.taxCategory).toEqual({ code: 'E', ratePercent: '0' });
    expect(check(exempt).findings).toEqual([]);
    exempt.taxNotes = [];
    expect(errors(check(exempt))).toEqual(['EXEMPTION_REASON_MISSING', 'EN16931-BR-E-10']);
  });
});

describe('checkInvoiceCompliance: required fields, government charges, invariants', () => {
  it("reports missing number and due date on an issued invoice, and the parties' missing details", () => {
    const doc = gbMarch();
    Object.assign(doc, { number: null, dueDate: null });
    expect(errors(check(doc))).toEqual(['INVOICE_NUMBER_MISSING', 'DUE_DATE_MISSING', 'EN16931-BR-CO-25', 'INVARIANT_BROKEN']);
    const parties = gbMarch();
    parties.seller.vatId = null;
    parties.buyer.name = ' ';
    parties.buyer.address.city = '';
    parties.buyer.address.postcode = '';
    const r = check(parties);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['SELLER_VAT_ID_MISSING', 'error'],
      ['BUYER_NAME_MISSING', 'error'],
      ['BUYER_ADDRESS_INCOMPLETE', 'error'],
      ['BUYER_ADDRESS_INCOMPLETE', 'warning'],
      ['EN16931-BR-07', 'error'],
      ['EN16931-BR-S-02', 'error'],
    ]);
    expect(r.findings[0]!.source).toMatch(/Value Added Tax Regulations 1995/);
  });

  it('reports a credit note that does not reference the invoice it corrects', () => {
    const note = gbCreditNote();
    expect(note.correcting).toMatchObject({ number: 'INV-000042', issueDate: '2025-04-01' });
    note.correcting = null;
    expect(check(note).findings).toEqual([expect.objectContaining({ code: 'CORRECTED_INVOICE_MISSING', field: 'correcting' })]);
  });

  it('reports a government charge billed as an operator line, and an operator charge among the taxes (US pack)', () => {
    const doc = usCalifornia();
    doc.lines.push({ ...structuredClone(doc.lines[0]!), id: 'adj:911', section: 'adjustments', description: 'CA 911 Surcharge', amount: '0.30' });
    // The added line changes the per-line tables too: derived again from the lines, as for a stored document without them.
    Object.assign(doc, { subtotal: '31.80', total: '36.45', phoneLines: [], costCentres: [] });
    expect(check(withPhoneLineSummaries(doc)).findings.filter((f) => f.severity === 'error')).toEqual([expect.objectContaining({ code: 'GOVERNMENT_CHARGE_IN_OWN_LINES', lineId: 'adj:911' })]);
    const fee = usCalifornia();
    fee.taxes[1]!.governmentMandated = false;
    expect(errors(check(fee))).toEqual(['OPERATOR_CHARGE_IN_TAXES']);
  });

  it('reports broken invariants, with the EN 16931 totals rules that see the same thing', () => {
    const doc = gbMarch();
    doc.subtotal = '35.13';
    // The lines, the total, and the per-line and per-cost-centre tables each disagree with the subtotal.
    expect(errors(check(doc))).toEqual(['EN16931-BR-CO-10', 'EN16931-BR-CO-13', 'EN16931-BR-CO-15', 'INVARIANT_BROKEN', 'INVARIANT_BROKEN', 'INVARIANT_BROKEN', 'INVARIANT_BROKEN']);
  });

  it('reports a document that is not one, a pack it does not know, and checks against the packs given', () => {
    expect(check({ ...gbMarch(), total: 'abc' })).toMatchObject({ packId: null, passed: false, findings: [{ code: 'DOCUMENT_INVALID', field: 'total' }] });
    const gbOnly = builtInTaxPacks().filter((p) => p.id === 'gb-vat');
    expect(checkInvoiceCompliance(eeJune(), { packs: gbOnly })).toMatchObject({ packId: null, jurisdiction: 'EE', passed: false });
    expect(codes(checkInvoiceCompliance(eeJune(), { packs: gbOnly })).slice(0, 2)).toEqual(['TAX_PACK_UNKNOWN', 'TAX_PACK_NOT_FOUND']);
  });

  it('is deterministic', () => {
    const doc = gbMarch();
    doc.taxes[0]!.ratePercent = '17.5';
    expect(check(doc)).toEqual(check(structuredClone(doc)));
  });
});
