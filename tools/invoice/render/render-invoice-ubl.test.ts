import { describe, expect, it } from 'vitest';
import { BillingError } from '../../errors.ts';
import type { InvoiceDocument, InvoiceLine } from '../invoice.types.ts';
import { priceUblLine } from './build-ubl-lines.ts';
import { checkEn16931 } from './check-en16931.ts';
import { businessReverseChargeEur, consumerInvoiceGbp, consumerInvoiceJpy, creditNoteGbp, longBusinessInvoiceEur, usConsumerInvoiceUsd } from './fixtures.ts';
import { enterpriseInvoiceGbp } from './layout-fixtures.ts';
import { at, attribute, readUbl, textAt, type UblNode } from './read-ubl.ts';
import { renderInvoiceUbl } from './render-invoice-ubl.ts';
import { isValidCreditorReference } from '../../payments/creditor-reference.ts';

function ubl(doc: InvoiceDocument): { root: UblNode; credit: boolean } {
  return readUbl(renderInvoiceUbl(doc));
}

function line(root: UblNode, id: string): UblNode | undefined {
  return [...at(root, 'InvoiceLine'), ...at(root, 'CreditNoteLine')].find((l) => textAt(l, 'ID') === id);
}

/** The GBP consumer bill with every line outside the scope of VAT, as a tax engine would return it. */
function outsideScopeInvoice(): InvoiceDocument {
  const doc = consumerInvoiceGbp();
  doc.lines = doc.lines.map((l) => ({ ...l, taxCategory: { code: 'O', ratePercent: null } }));
  doc.taxes = [{ ...doc.taxes[0]!, taxId: 'OUT-OF-SCOPE', name: 'Not subject to VAT', ratePercent: null, amount: '0.00', categoryCode: 'O' }];
  doc.taxNotes = [{ code: 'OUTSIDE_SCOPE', text: 'Services outside the scope of VAT.', categoryCode: 'O', exemptionReasonCode: null }];
  return { ...doc, taxTotal: '0.00', total: '32.00' };
}

describe('renderInvoiceUbl: valid EN 16931 for every fixture', () => {
  it.each([
    ['consumer GBP with 20% VAT', consumerInvoiceGbp],
    ['business reverse charge in EUR', businessReverseChargeEur],
    ['credit note', creditNoteGbp],
    ['300 lines', longBusinessInvoiceEur],
    ['outside the scope of VAT', outsideScopeInvoice],
  ])('%s passes the checker', (_name, build) => {
    expect(checkEn16931(renderInvoiceUbl(build()))).toEqual([]);
  });

  it('passes for JPY except the Japanese registration number, which has no ISO country prefix', () => {
    expect(checkEn16931(renderInvoiceUbl(consumerInvoiceJpy())).map((f) => f.rule)).toEqual(['BR-CO-09']);
  });

  it('is the same text for the same document', () => {
    expect(renderInvoiceUbl(longBusinessInvoiceEur())).toBe(renderInvoiceUbl(longBusinessInvoiceEur()));
  });
});

describe('renderInvoiceUbl: the mapping', () => {
  it('writes the header, parties, totals and VAT breakdown of an invoice', () => {
    const { root, credit } = ubl(consumerInvoiceGbp());
    expect(credit).toBe(false);
    const header = ['CustomizationID', 'ProfileID', 'ID', 'IssueDate', 'DueDate', 'InvoiceTypeCode', 'DocumentCurrencyCode', 'BuyerReference'].map((p) => textAt(root, p));
    expect(header).toEqual(['urn:cen.eu:en16931:2017', 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0', 'INV-2025-000123', '2025-04-01', '2025-04-15', '380', 'GBP', 'ACC-1001']);
    expect([textAt(root, 'InvoicePeriod/StartDate'), textAt(root, 'InvoicePeriod/EndDate')]).toEqual(['2025-03-01', '2025-03-31']);
    expect(textAt(root, 'AccountingSupplierParty/Party/PartyTaxScheme/CompanyID')).toBe('GB123456789');
    expect(textAt(root, 'AccountingSupplierParty/Party/PartyLegalEntity/CompanyID')).toBe('01234567');
    expect(textAt(root, 'AccountingCustomerParty/Party/PartyLegalEntity/RegistrationName')).toBe('Alex Morgan');
    expect(at(root, 'AccountingCustomerParty/Party/PartyTaxScheme')).toHaveLength(0);
    expect(textAt(root, 'PaymentMeans/PaymentMeansCode')).toBe('30');
    expect(textAt(root, 'PaymentMeans/PayeeFinancialAccount/ID')).toBe('GB33BUKB20201555555555');
    // BT-83: the ISO 11649 creditor reference of the invoice number, whose check digits hold.
    const paymentId = textAt(root, 'PaymentMeans/PaymentID')!;
    expect(paymentId).toMatch(/^RF\d{2}INV/);
    expect(isValidCreditorReference(paymentId)).toBe(true);
    const totals = ['LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'PayableAmount'].map((p) => textAt(root, `LegalMonetaryTotal/${p}`));
    expect(totals).toEqual(['32.00', '32.00', '38.40', '38.40']);
    const subtotal = at(root, 'TaxTotal/TaxSubtotal');
    expect(subtotal).toHaveLength(1);
    expect(['TaxableAmount', 'TaxAmount', 'TaxCategory/ID', 'TaxCategory/Percent'].map((p) => textAt(subtotal[0], p))).toEqual(['32.00', '6.40', 'S', '20']);
    expect(attribute(at(root, 'TaxTotal/TaxAmount')[0], 'currencyID')).toBe('GBP');
    expect(at(root, 'InvoiceLine')).toHaveLength(8);
  });

  it('writes lines with quantity, unit, price, period, category and phone number', () => {
    const { root } = ubl(consumerInvoiceGbp());
    const calls = line(root, 'L3');
    expect(textAt(calls, 'InvoicedQuantity')).toBe('125');
    expect(attribute(at(calls, 'InvoicedQuantity')[0], 'unitCode')).toBe('MIN');
    expect(textAt(calls, 'Price/PriceAmount')).toBe('0.03');
    expect(textAt(calls, 'Item/Name')).toBe('Calls to international numbers');
    expect(textAt(calls, 'Item/ClassifiedTaxCategory/ID')).toBe('S');
    expect(textAt(calls, 'Item/AdditionalItemProperty/Value')).toBe('+447700900123');
    // No unit price: the price is for the whole 210 MB.
    const roaming = line(root, 'L4');
    expect([textAt(roaming, 'InvoicedQuantity'), textAt(roaming, 'Price/PriceAmount'), textAt(roaming, 'Price/BaseQuantity')]).toEqual(['210', '2.10', '210']);
    // A discount keeps a positive price (BR-27) and carries its sign on the quantity.
    const promo = line(root, 'L6');
    expect([textAt(promo, 'InvoicedQuantity'), textAt(promo, 'LineExtensionAmount'), textAt(promo, 'Price/PriceAmount')]).toEqual(['-1', '-2.50', '2.50']);
    const sim = line(root, 'L5');
    expect([textAt(sim, 'InvoicePeriod/StartDate'), textAt(sim, 'InvoicePeriod/EndDate')]).toEqual(['2025-03-12', '2025-03-12']);
  });

  it('writes reverse charge as category AE with its exemption reason and both VAT ids', () => {
    const { root } = ubl(businessReverseChargeEur());
    const category = at(root, 'TaxTotal/TaxSubtotal/TaxCategory')[0];
    expect(['ID', 'Percent', 'TaxExemptionReasonCode'].map((p) => textAt(category, p))).toEqual(['AE', '0', 'VATEX-EU-AE']);
    expect(textAt(category, 'TaxExemptionReason')).toMatch(/^Steuerschuldnerschaft des Leistungsempfängers/);
    expect(textAt(root, 'AccountingCustomerParty/Party/PartyTaxScheme/CompanyID')).toBe('DE123456789');
    expect(textAt(root, 'AccountingCustomerParty/Party/PartyLegalEntity/RegistrationName')).toBe('Müller & Söhne Maschinenbau GmbH');
    expect(textAt(root, 'PaymentMeans/PaymentMeansCode')).toBe('58');
  });

  it('writes a credit note as a CreditNote referring to the invoice it corrects', () => {
    const { root, credit } = ubl(creditNoteGbp());
    expect(credit).toBe(true);
    expect(textAt(root, 'CreditNoteTypeCode')).toBe('381');
    expect(textAt(root, 'BillingReference/InvoiceDocumentReference/ID')).toBe('INV-2025-000123');
    expect(textAt(root, 'BillingReference/InvoiceDocumentReference/IssueDate')).toBe('2025-04-01');
    expect(textAt(root, 'DueDate')).toBeUndefined();
    expect(textAt(root, 'PaymentMeans/PaymentDueDate')).toBe('2025-04-10');
    expect(textAt(root, 'PaymentMeans/PaymentMeansCode')).toBe('97');
    // The document's negative credit is stated as positive amounts, as a UBL CreditNote does.
    expect(textAt(line(root, 'C1'), 'CreditedQuantity')).toBe('210');
    expect(textAt(line(root, 'C1'), 'LineExtensionAmount')).toBe('2.10');
    expect(textAt(line(root, 'C1'), 'Price/PriceAmount')).toBe('2.10');
    expect(['TaxableAmount', 'TaxAmount'].map((p) => textAt(at(root, 'TaxTotal/TaxSubtotal')[0], p))).toEqual(['2.10', '0.42']);
    expect(textAt(root, 'LegalMonetaryTotal/PayableAmount')).toBe('2.52');
    expect(textAt(root, 'Note')).toBe('Roaming data in the USA was billed twice.');
  });

  it('states a correction line (quantity 1, negative unit price) as a positive credit', () => {
    const doc = creditNoteGbp();
    doc.lines[0] = { ...doc.lines[0]!, quantity: '1', unitCode: 'C62', unitPrice: '-2.10' };
    const { root } = ubl(doc);
    expect(['CreditedQuantity', 'LineExtensionAmount', 'Price/PriceAmount'].map((p) => textAt(line(root, 'C1'), p))).toEqual(['1', '2.10', '2.10']);
    expect(checkEn16931(renderInvoiceUbl(doc))).toEqual([]);
  });

  it('writes a debit note as an Invoice of type 383 with its billing reference', () => {
    const doc: InvoiceDocument = { ...consumerInvoiceGbp(), kind: 'debit_note', correcting: { number: 'INV-2025-000100', issueDate: '2025-03-01', reason: 'Roaming was under-billed.' } };
    const { root, credit } = ubl(doc);
    expect(credit).toBe(false);
    expect(textAt(root, 'InvoiceTypeCode')).toBe('383');
    expect(textAt(root, 'BillingReference/InvoiceDocumentReference/ID')).toBe('INV-2025-000100');
    expect(checkEn16931(renderInvoiceUbl(doc))).toEqual([]);
  });

  it('prints JPY amounts as the document holds them, without decimals', () => {
    const { root } = ubl(consumerInvoiceJpy());
    expect(textAt(root, 'LegalMonetaryTotal/PayableAmount')).toBe('18935');
    expect(textAt(root, 'TaxTotal/TaxSubtotal/TaxAmount')).toBe('1721');
  });

  it('leaves VAT ids out of an invoice outside the scope of VAT and gives category O no rate', () => {
    const { root } = ubl(outsideScopeInvoice());
    expect(at(root, 'AccountingSupplierParty/Party/PartyTaxScheme')).toHaveLength(0);
    const category = at(root, 'TaxTotal/TaxSubtotal/TaxCategory')[0];
    expect([textAt(category, 'ID'), textAt(category, 'Percent'), textAt(category, 'TaxExemptionReasonCode')]).toEqual(['O', undefined, 'VATEX-EU-O']);
    expect(textAt(line(root, 'L1'), 'Item/ClassifiedTaxCategory/Percent')).toBeUndefined();
  });
});

describe('renderInvoiceUbl: what it refuses', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof BillingError ? err.code : 'not a BillingError';
    }
    return 'no error';
  };

  it('refuses per-line government fees, which need totals the document lacks', () => {
    expect(codeOf(() => renderInvoiceUbl(usConsumerInvoiceUsd()))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses two tax lines of one category and rate rather than adding them up', () => {
    const doc = consumerInvoiceGbp();
    doc.taxes = [
      { ...doc.taxes[0]!, base: '16.00', amount: '3.20' },
      { ...doc.taxes[0]!, base: '16.00', amount: '3.20' },
    ];
    expect(codeOf(() => renderInvoiceUbl(doc))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses a draft without number or issue date', () => {
    expect(codeOf(() => renderInvoiceUbl({ ...consumerInvoiceGbp(), status: 'draft', number: null, issueDate: null }))).toBe('CONFLICT');
  });
});

describe('priceUblLine', () => {
  const base = consumerInvoiceGbp().lines[2] as InvoiceLine;

  it('uses the unit price when quantity x unit price is the amount', () => {
    expect(priceUblLine(base)).toEqual({ quantity: '125', price: '0.03', baseQuantity: null });
  });

  it('prices the whole quantity when the unit price does not multiply out exactly', () => {
    expect(priceUblLine({ ...base, unitPrice: '0.0125', quantity: '125', amount: '1.56' })).toEqual({ quantity: '125', price: '1.56', baseQuantity: '125' });
  });

  it('writes quantity 1 for a zero quantity, and moves a negative sign to the quantity', () => {
    expect(priceUblLine({ ...base, unitPrice: null, quantity: '0', amount: '-4.00' })).toEqual({ quantity: '-1', price: '4.00', baseQuantity: null });
    expect(priceUblLine({ ...base, unitPrice: '-2.50', quantity: '2', amount: '-5.00' })).toEqual({ quantity: '-2', price: '2.50', baseQuantity: null });
  });
});

describe('renderInvoiceUbl: cost centres', () => {
  it("writes each line's cost centre as its buyer accounting reference (BT-133), and the rules still pass", () => {
    const xml = renderInvoiceUbl(enterpriseInvoiceGbp(15));
    expect(xml.match(/<cbc:AccountingCost>Field service<\/cbc:AccountingCost>/g)).toHaveLength(10);
    expect(xml).toContain('<cbc:AccountingCost>Sales &amp; Marketing</cbc:AccountingCost>');
    expect(xml.indexOf('<cbc:AccountingCost>')).toBeGreaterThan(xml.indexOf('<cbc:LineExtensionAmount'));
    expect(checkEn16931(xml)).toEqual([]);
  });
});
