import { describe, expect, it } from 'vitest';
import { BillingError } from '../../errors.ts';
import { checkEn16931 } from './check-en16931.ts';
import { businessReverseChargeEur, consumerInvoiceGbp, creditNoteGbp } from './fixtures.ts';
import { renderInvoiceUbl } from './render-invoice-ubl.ts';

const consumer = renderInvoiceUbl(consumerInvoiceGbp());
const reverseCharge = renderInvoiceUbl(businessReverseChargeEur());
const creditNote = renderInvoiceUbl(creditNoteGbp());

/** Replaces text that must be in the XML, so a test cannot pass on a mutation that did not happen. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return changed;
}

/** Replaces inside one element only (e.g. the buyer party), for elements that occur more than once. */
function mutateIn(xml: string, element: string, from: string | RegExp, to: string): string {
  const start = xml.indexOf(`<${element}>`);
  const end = xml.indexOf(`</${element}>`, start);
  if (start < 0 || end < 0) throw new Error(`no ${element} in the XML`);
  return xml.slice(0, start) + mutate(xml.slice(start, end), from, to) + xml.slice(end);
}

const rules = (xml: string) => checkEn16931(xml).map((f) => f.rule);

describe('checkEn16931: valid documents', () => {
  it('finds nothing in a valid invoice, reverse-charge invoice or credit note', () => {
    expect(checkEn16931(consumer)).toEqual([]);
    expect(checkEn16931(reverseCharge)).toEqual([]);
    expect(checkEn16931(creditNote)).toEqual([]);
  });
});

describe('checkEn16931: mandatory fields', () => {
  it('BR-07: no buyer name', () => {
    expect(rules(mutateIn(consumer, 'cac:AccountingCustomerParty', /<cbc:RegistrationName>.*<\/cbc:RegistrationName>/, ''))).toEqual(['BR-07']);
  });

  it('BR-01, BR-02, BR-04, BR-05: no specification id, number, type code or currency', () => {
    expect(rules(mutate(consumer, /<cbc:CustomizationID>.*<\/cbc:CustomizationID>/, ''))).toEqual(['BR-01']);
    expect(rules(mutate(consumer, /<cbc:ID>INV-2025-000123<\/cbc:ID>/, ''))).toEqual(['BR-02']);
    expect(rules(mutate(consumer, /<cbc:InvoiceTypeCode>.*<\/cbc:InvoiceTypeCode>/, ''))).toEqual(['BR-04']);
    expect(rules(mutate(consumer, /<cbc:DocumentCurrencyCode>.*<\/cbc:DocumentCurrencyCode>/, ''))).toContain('BR-05');
  });

  it('BR-09 and BR-11: addresses without a country', () => {
    expect(rules(mutateIn(consumer, 'cac:AccountingSupplierParty', /<cac:Country>[\s\S]*?<\/cac:Country>/, ''))).toEqual(['BR-09']);
    expect(rules(mutateIn(consumer, 'cac:AccountingCustomerParty', /<cac:Country>[\s\S]*?<\/cac:Country>/, ''))).toEqual(['BR-11']);
  });

  it('BR-16: no lines', () => {
    expect(rules(mutate(consumer, /<cac:InvoiceLine>[\s\S]*<\/cac:InvoiceLine>/, ''))).toContain('BR-16');
  });

  it('BR-25, BR-26, BR-27: a line without item name or price, or with a negative price', () => {
    const firstLine = (xml: string, from: RegExp, to: string) => mutateIn(xml, 'cac:InvoiceLine', from, to);
    expect(rules(firstLine(consumer, /<cbc:Name>Unlimited Talk 15GB<\/cbc:Name>/, ''))).toEqual(['BR-25']);
    expect(rules(firstLine(consumer, /<cac:Price>[\s\S]*?<\/cac:Price>/, ''))).toEqual(['BR-26']);
    expect(rules(firstLine(consumer, /<cbc:PriceAmount currencyID="GBP">15.00</, '<cbc:PriceAmount currencyID="GBP">-15.00<'))).toEqual(['BR-27', 'PEPPOL-EN16931-R120']);
  });

  it('BR-CO-25: a positive amount due with neither due date nor payment terms', () => {
    expect(rules(mutate(creditNote, /<cbc:PaymentDueDate>.*<\/cbc:PaymentDueDate>/, ''))).toEqual(['BR-CO-25']);
  });
});

describe('checkEn16931: totals', () => {
  it('BR-CO-15: a total with VAT that is not the total without VAT plus the VAT', () => {
    const wrong = mutate(mutate(consumer, '>38.40</cbc:TaxInclusiveAmount>', '>38.50</cbc:TaxInclusiveAmount>'), '>38.40</cbc:PayableAmount>', '>38.50</cbc:PayableAmount>');
    expect(rules(wrong)).toEqual(['BR-CO-15']);
  });

  it('BR-CO-16: an amount due that is not the total with VAT', () => {
    expect(rules(mutate(consumer, '>38.40</cbc:PayableAmount>', '>38.41</cbc:PayableAmount>'))).toEqual(['BR-CO-16']);
  });

  it('BR-CO-10, BR-CO-13, BR-S-08: a line amount the totals do not add up to', () => {
    const wrong = mutateIn(consumer, 'cac:InvoiceLine', '>15.00</cbc:LineExtensionAmount>', '>16.00</cbc:LineExtensionAmount>');
    expect(rules(wrong)).toEqual(['PEPPOL-EN16931-R120', 'BR-CO-10', 'BR-CO-13', 'BR-S-08']);
  });

  it('BR-CO-14, BR-CO-17, BR-S-09: VAT that does not follow from the rate', () => {
    let wrong = mutate(consumer, /<cbc:TaxAmount currencyID="GBP">6.40<\/cbc:TaxAmount>\s*<cac:TaxSubtotal>/, '<cbc:TaxAmount currencyID="GBP">8.40</cbc:TaxAmount><cac:TaxSubtotal>');
    wrong = mutateIn(wrong, 'cac:TaxSubtotal', '>6.40<', '>8.40<');
    wrong = mutate(mutate(wrong, '>38.40</cbc:TaxInclusiveAmount>', '>40.40</cbc:TaxInclusiveAmount>'), '>38.40</cbc:PayableAmount>', '>40.40</cbc:PayableAmount>');
    expect(rules(wrong)).toEqual(['BR-CO-17', 'BR-S-09']);
    const unbalanced = mutateIn(consumer, 'cac:TaxSubtotal', '>6.40<', '>6.41<');
    expect(rules(unbalanced)).toEqual(['BR-CO-14']);
  });

  it('BR-DEC: amounts with three decimals', () => {
    expect(rules(mutateIn(consumer, 'cac:InvoiceLine', '>15.00</cbc:LineExtensionAmount>', '>15.000</cbc:LineExtensionAmount>'))).toEqual(['BR-DEC-23']);
    expect(rules(mutate(consumer, '>38.40</cbc:PayableAmount>', '>38.400</cbc:PayableAmount>'))).toEqual(['BR-DEC-18']);
    expect(rules(mutateIn(consumer, 'cac:TaxSubtotal', '>32.00<', '>32.000<'))).toEqual(['BR-DEC-19']);
  });

  it('UBL-DT-01: an amount that is not a number', () => {
    expect(rules(mutate(consumer, '>38.40</cbc:PayableAmount>', '>38,40</cbc:PayableAmount>'))).toEqual(['UBL-DT-01']);
  });
});

describe('checkEn16931: VAT categories', () => {
  it('BR-AE-02: reverse charge without the buyer VAT id', () => {
    expect(rules(mutateIn(reverseCharge, 'cac:AccountingCustomerParty', /<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, ''))).toEqual(['BR-AE-02']);
  });

  it('BR-AE-09, BR-CO-17 and BR-AE-10: reverse charge with VAT, or without its exemption reason', () => {
    const charged = mutateIn(reverseCharge, 'cac:TaxSubtotal', '<cbc:TaxAmount currencyID="EUR">0.00<', '<cbc:TaxAmount currencyID="EUR">5.00<');
    expect(rules(charged)).toEqual(['BR-CO-14', 'BR-CO-17', 'BR-AE-09']);
    const unexplained = mutate(reverseCharge, /<cbc:TaxExemptionReasonCode>.*<\/cbc:TaxExemptionReasonCode>\s*<cbc:TaxExemptionReason>.*<\/cbc:TaxExemptionReason>/, '');
    expect(rules(unexplained)).toEqual(['BR-AE-10']);
  });

  it('BR-AE-05 and BR-AE-01: a reverse-charge line with a rate, and no AE breakdown at all', () => {
    expect(rules(mutateIn(reverseCharge, 'cac:InvoiceLine', '<cbc:Percent>0</cbc:Percent>', '<cbc:Percent>19</cbc:Percent>'))).toEqual(['BR-AE-05']);
    expect(
      rules(
        mutate(
          reverseCharge,
          '<cbc:ID>AE</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>\n        <cbc:TaxExemptionReasonCode>',
          '<cbc:ID>Z</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>\n        <cbc:TaxExemptionReasonCode>',
        ),
      ),
    ).toEqual(expect.arrayContaining(['BR-AE-01', 'BR-Z-08', 'BR-Z-10']));
  });

  it('BR-S-05 and BR-S-02: a standard-rated line at 0%, and no seller VAT id', () => {
    expect(rules(mutateIn(consumer, 'cac:InvoiceLine', '<cbc:Percent>20</cbc:Percent>', '<cbc:Percent>0</cbc:Percent>'))).toEqual(expect.arrayContaining(['BR-S-05', 'BR-S-01']));
    expect(rules(mutateIn(consumer, 'cac:AccountingSupplierParty', /<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, ''))).toEqual(['BR-S-02']);
  });

  it('BR-O-02: an invoice outside the scope of VAT that carries a VAT id', () => {
    let outside = consumer.replaceAll(/<cbc:ID>S<\/cbc:ID>\s*<cbc:Percent>20<\/cbc:Percent>/g, '<cbc:ID>O</cbc:ID>');
    outside = mutate(
      outside,
      '<cbc:ID>O</cbc:ID>\n        <cac:TaxScheme>',
      '<cbc:ID>O</cbc:ID>\n        <cbc:TaxExemptionReasonCode>VATEX-EU-O</cbc:TaxExemptionReasonCode>\n        <cac:TaxScheme>',
    );
    outside = mutate(outside, /<cbc:TaxAmount currencyID="GBP">6.40<\/cbc:TaxAmount>/g, '<cbc:TaxAmount currencyID="GBP">0.00</cbc:TaxAmount>');
    outside = mutate(mutate(outside, '>38.40</cbc:TaxInclusiveAmount>', '>32.00</cbc:TaxInclusiveAmount>'), '>38.40</cbc:PayableAmount>', '>32.00</cbc:PayableAmount>');
    expect(rules(outside)).toEqual(['BR-O-02']);
    expect(rules(mutateIn(outside, 'cac:AccountingSupplierParty', /<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, ''))).toEqual([]);
  });

  it('BR-CO-09: a VAT id without a country prefix', () => {
    expect(rules(mutate(reverseCharge, '<cbc:CompanyID>DE123456789</cbc:CompanyID>', '<cbc:CompanyID>123456789</cbc:CompanyID>'))).toEqual(['BR-CO-09']);
  });
});

describe('checkEn16931: what it refuses to read', () => {
  it('throws INVALID_INPUT for XML that is not well formed or not a UBL invoice', () => {
    expect(() => checkEn16931('<Invoice><cbc:ID>1</Invoice>')).toThrow(BillingError);
    expect(() => checkEn16931('<?xml version="1.0"?><Order><ID>1</ID></Order>')).toThrow(/not a UBL Invoice or CreditNote/);
  });
});
