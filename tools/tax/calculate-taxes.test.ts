import { describe, expect, it } from 'vitest';
import { calculateTaxes } from './calculate-taxes.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import type { TaxPack } from './tax-pack.types.ts';
import { taxResultSchema } from './tax.types.ts';
import { business, customer, expectBillingError, line, taxInput } from './test-fixtures.ts';

// Expectations are worked out by hand in the comments; every amount is exact to the cent.

const packs = builtInTaxPacks();
const euVat = packs.find((p) => p.id === 'eu-vat')!;
const gbVat = packs.find((p) => p.id === 'gb-vat')!;
const AUG = { from: '2024-08-15', to: '2024-09-01' };
const SEP = { from: '2024-09-01', to: '2024-09-15' };

describe('calculateTaxes: EU VAT for consumers', () => {
  it('taxes a German consumer at 19% on the invoice total of the rate, discount included', () => {
    const result = calculateTaxes(
      taxInput(customer('DE'), [line('plan', '29.99', 'telecom'), line('usage', '4.56', 'telecom_local'), line('phone', '15.00', 'equipment'), line('promo', '-5.00', 'telecom')]),
    );
    // base 29.99 + 4.56 + 15.00 - 5.00 = 44.55; 44.55 x 19% = 8.4645 -> 8.46
    expect(result).toEqual({
      lines: [
        {
          taxId: 'EU-VAT-DE',
          packId: 'eu-vat',
          name: 'VAT (Germany)',
          jurisdiction: 'DE',
          kind: 'percentage',
          ratePercent: '19',
          feePerLine: null,
          base: '44.55',
          amount: '8.46',
          servicePeriod: { from: '2025-03-01', to: '2025-04-01' },
          lineIds: ['plan', 'usage', 'phone', 'promo'],
          categoryCode: 'S',
          governmentMandated: true,
          source: expect.stringMatching(/UStG\) §12\(1\).*\(checked 2026-11-26\)$/),
        },
      ],
      notes: [],
      total: '8.46',
      rounding: 'per_invoice',
    });
    expect(taxResultSchema.safeParse(result).success).toBe(true);
  });

  it('a discount line reduces the base the rate applies to', () => {
    const lines = [line('plan', '29.99', 'telecom'), line('usage', '4.56', 'telecom_local'), line('phone', '15.00', 'equipment')];
    // 49.55 x 19% = 9.4145 -> 9.41; with -5.00: 44.55 x 19% = 8.4645 -> 8.46
    expect(calculateTaxes(taxInput(customer('DE'), lines)).total).toBe('9.41');
    expect(calculateTaxes(taxInput(customer('DE'), [...lines, line('promo', '-5.00', 'telecom')])).total).toBe('8.46');
  });

  it('gives a Finnish consumer two VAT lines when charging split the plan at the 2024-09-01 change', () => {
    const result = calculateTaxes(
      taxInput(customer('FI'), [line('plan-aug', '8.38', 'telecom', AUG), line('plan-sep', '11.61', 'telecom', SEP)], {
        period: { from: '2024-08-15', to: '2024-09-15' },
      }),
    );
    // 8.38 x 24% = 2.0112 -> 2.01; 11.61 x 25.5% = 2.96055 -> 2.96; total 4.97
    expect(result.lines.map((l) => [l.taxId, l.ratePercent, l.base, l.amount, l.servicePeriod, l.lineIds])).toEqual([
      ['EU-VAT-FI', '24', '8.38', '2.01', AUG, ['plan-aug']],
      ['EU-VAT-FI', '25.5', '11.61', '2.96', SEP, ['plan-sep']],
    ]);
    expect(result.total).toBe('4.97');
  });

  it('refuses a line whose service period crosses a rate change', () => {
    const input = taxInput(customer('FI'), [line('plan', '19.99', 'telecom', { from: '2024-08-15', to: '2024-09-15' })]);
    const err = expectBillingError(
      () => calculateTaxes(input),
      'INVALID_INPUT',
      /line plan \[2024-08-15, 2024-09-15\) crosses the EU-VAT-FI rate change on 2024-09-01 \(24% -> 25.5%\); charging must split the line at 2024-09-01/,
    );
    expect(err.details).toEqual({ taxId: 'EU-VAT-FI', changeDate: '2024-09-01' });
  });

  it('rounds a zero-decimal currency (JPY) to whole yen, half up', () => {
    // 1250 x 19% = 237.5 -> 238
    const result = calculateTaxes(taxInput(customer('DE'), [line('plan', '1250', 'telecom')], { currency: 'JPY' }));
    expect(result.lines[0]).toMatchObject({ base: '1250', amount: '238' });
    expect(result.total).toBe('238');
    expectBillingError(
      () => calculateTaxes(taxInput(customer('DE'), [line('plan', '12.5', 'telecom')], { currency: 'JPY' })),
      'INVALID_INPUT',
      /line plan amount 12.5 has more decimals than JPY allows \(0\)/,
    );
  });

  it('taxes Monaco under French VAT', () => {
    // 10.00 x 20% = 2.00
    const result = calculateTaxes(taxInput(customer('MC'), [line('plan', '10.00', 'telecom')], { sellerCountry: 'FR' }));
    expect(result.lines[0]).toMatchObject({ taxId: 'EU-VAT-FR', jurisdiction: 'FR', amount: '2.00' });
  });

  it('puts exempt-class lines on a zero-amount category E line with an exemption note', () => {
    const result = calculateTaxes(taxInput(customer('DE'), [line('plan', '10.00', 'telecom'), line('tollfree', '0.50', 'exempt')]));
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.ratePercent, l.base, l.amount, l.lineIds])).toEqual([
      ['EU-VAT-DE', 'S', '19', '10.00', '1.90', ['plan']],
      ['EU-VAT-EXEMPT', 'E', '0', '0.50', '0.00', ['tollfree']],
    ]);
    expect(result.notes).toEqual([euVat.exempt!.note]);
    expect(result.total).toBe('1.90');
  });

  it('treats a customer holding an exemption from the VAT rule as exempt', () => {
    const result = calculateTaxes(taxInput(customer('DE', { exemptions: ['EU-VAT-DE'] }), [line('plan', '10.00', 'telecom')]));
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.base, l.amount])).toEqual([['EU-VAT-EXEMPT', 'E', '10.00', '0.00']]);
    expect(result.notes.map((n) => n.code)).toEqual(['EXEMPT']);
  });

  it('refuses a line the pack has no rate for', () => {
    const early = line('plan', '10.00', 'telecom', { from: '2019-12-01', to: '2020-01-01' });
    expectBillingError(() => calculateTaxes(taxInput(customer('DE'), [early])), 'INVALID_CONFIG', /tax pack eu-vat has no EU-VAT-DE rate for 2019-12-01 \(rates known from 2020-01-01\)/);
  });
});

describe('calculateTaxes: EU business customers', () => {
  const note = 'Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC';

  it('reverse charges a French business with an FR VAT id billed by a German seller', () => {
    const result = calculateTaxes(taxInput(business('FR', 'FR40303265045'), [line('plan', '100.00', 'telecom'), line('usage', '20.00', 'telecom_local'), line('tollfree', '3.00', 'exempt')]));
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.jurisdiction, l.ratePercent, l.base, l.amount, l.lineIds])).toEqual([
      ['EU-VAT-REVERSE-CHARGE', 'AE', 'FR', '0', '120.00', '0.00', ['plan', 'usage']],
      ['EU-VAT-EXEMPT', 'E', 'FR', '0', '3.00', '0.00', ['tollfree']],
    ]);
    expect(result.notes[0]).toEqual({ code: 'REVERSE_CHARGE', text: note, categoryCode: 'AE', exemptionReasonCode: 'VATEX-EU-AE' });
    expect(result.notes.map((n) => n.code)).toEqual(['REVERSE_CHARGE', 'EXEMPT']);
    expect(result.total).toBe('0.00');
    expect(result.lines.every((l) => l.governmentMandated)).toBe(true);
  });

  it('charges normal VAT to a business in the seller’s own country', () => {
    // DE seller, DE business: 100.00 x 19% = 19.00
    const result = calculateTaxes(taxInput(business('DE', 'DE 136 695 976'), [line('plan', '100.00', 'telecom')]));
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.amount])).toEqual([['EU-VAT-DE', 'S', '19.00']]);
    expect(result.notes).toEqual([]);
  });

  it('taxes a business without a VAT id like a consumer, in its own country', () => {
    // FR 20%: 100.00 -> 20.00
    const result = calculateTaxes(taxInput(customer('FR', { business: true }), [line('plan', '100.00', 'telecom')]));
    expect(result.lines.map((l) => [l.taxId, l.amount])).toEqual([['EU-VAT-FR', '20.00']]);
  });

  it('reads the Greek EL prefix as Greece', () => {
    const fromGermany = calculateTaxes(taxInput(business('GR', 'EL094259216'), [line('plan', '10.00', 'telecom')]));
    expect(fromGermany.lines[0]?.categoryCode).toBe('AE');
    // GR seller, GR business: 10.00 x 24% = 2.40
    const domestic = calculateTaxes(taxInput(business('GR', 'EL094259216'), [line('plan', '10.00', 'telecom')], { sellerCountry: 'GR' }));
    expect(domestic.lines[0]).toMatchObject({ taxId: 'EU-VAT-GR', amount: '2.40' });
  });

  it('refuses a VAT id of another country than the customer’s', () => {
    expectBillingError(
      () => calculateTaxes(taxInput(business('FR', 'DE136695976'), [line('plan', '10.00', 'telecom')])),
      'INVALID_INPUT',
      /VAT id DE136695976 belongs to DE but the customer's country is FR/,
    );
  });

  it('refuses equipment under the reverse charge (intra-Community supply of goods is not modelled)', () => {
    expectBillingError(
      () => calculateTaxes(taxInput(business('FR', 'FR40303265045'), [line('plan', '10.00', 'telecom'), line('phone', '300.00', 'equipment')])),
      'INVALID_INPUT',
      /line phone \(equipment\) cannot be invoiced under the reverse charge treatment/,
    );
  });
});

describe('calculateTaxes: rounding per invoice and per line', () => {
  const threeSmallLines = [line('a', '0.03', 'telecom'), line('b', '0.03', 'telecom'), line('c', '0.03', 'telecom')];

  it('gives a different cent on the same lines when the pack rounds per line', () => {
    // per invoice: 0.09 x 19% = 0.0171 -> 0.02
    const perInvoice = calculateTaxes(taxInput(customer('DE'), threeSmallLines));
    expect(perInvoice).toMatchObject({ total: '0.02', rounding: 'per_invoice' });
    // per line: 0.03 x 19% = 0.0057 -> 0.01, three times = 0.03
    const perLinePack: TaxPack = { ...euVat, rounding: 'per_line' };
    const perLine = calculateTaxes(taxInput(customer('DE'), threeSmallLines), [perLinePack]);
    expect(perLine).toMatchObject({ total: '0.03', rounding: 'per_line' });
    expect(perLine.lines[0]).toMatchObject({ base: '0.09', amount: '0.03' });
  });

  it('rounds ties away from zero so a credit mirrors its charge', () => {
    // 0.50 x 19% = 0.095 -> 0.10; -0.50 -> -0.10
    expect(calculateTaxes(taxInput(customer('DE'), [line('a', '0.50', 'telecom')])).total).toBe('0.10');
    expect(calculateTaxes(taxInput(customer('DE'), [line('a', '-0.50', 'telecom')])).total).toBe('-0.10');
  });
});

describe('calculateTaxes: UK VAT', () => {
  it('taxes a UK consumer at 20% per invoice', () => {
    // 35.00 + 2.47 = 37.47; x 20% = 7.494 -> 7.49
    const result = calculateTaxes(
      taxInput(customer('GB'), [line('plan', '35.00', 'telecom'), line('roaming', '2.47', 'telecom_international')], {
        currency: 'GBP',
        sellerCountry: 'GB',
      }),
    );
    expect(result.lines.map((l) => [l.taxId, l.ratePercent, l.base, l.amount])).toEqual([['GB-VAT', '20', '37.47', '7.49']]);
    expect(result.rounding).toBe('per_invoice');
  });

  it('puts a UK seller’s services to an EU business outside the scope of UK VAT (category O, no rate)', () => {
    const result = calculateTaxes(
      taxInput(business('FR', 'FR40303265045'), [line('plan', '50.00', 'telecom'), line('tollfree', '1.00', 'exempt')], {
        currency: 'GBP',
        sellerCountry: 'GB',
      }),
    );
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.jurisdiction, l.ratePercent, l.base, l.amount, l.lineIds])).toEqual([
      ['GB-VAT-OUTSIDE-SCOPE', 'O', 'GB', null, '51.00', '0.00', ['plan', 'tollfree']],
    ]);
    expect(result.notes).toEqual([gbVat.outsideScope!.note]);
    expect(result.notes[0]).toMatchObject({ code: 'OUTSIDE_SCOPE', categoryCode: 'O', exemptionReasonCode: 'VATEX-EU-O' });
  });

  it('charges the EU consumer’s VAT when a UK seller bills an EU consumer', () => {
    const result = calculateTaxes(taxInput(customer('FR'), [line('plan', '50.00', 'telecom')], { sellerCountry: 'GB' }));
    expect(result.lines.map((l) => [l.taxId, l.amount])).toEqual([['EU-VAT-FR', '10.00']]);
  });

  it('reverse charges an EU seller’s services to a UK business', () => {
    const result = calculateTaxes(taxInput(business('GB', 'GB980780684'), [line('plan', '50.00', 'telecom')], { currency: 'GBP' }));
    expect(result.lines.map((l) => [l.taxId, l.categoryCode, l.jurisdiction, l.base, l.amount])).toEqual([['GB-VAT-REVERSE-CHARGE', 'AE', 'GB', '50.00', '0.00']]);
    expect(result.notes).toEqual([gbVat.reverseCharge!.note]);
  });

  it('applies HMRC’s round-down concession when a pack asks for toward_zero', () => {
    const lines = [line('plan', '37.49', 'telecom')];
    const opts = { currency: 'GBP', sellerCountry: 'GB' };
    // 37.49 x 20% = 7.498: nearest penny 7.50, rounded down 7.49; a credit rounds toward zero too
    expect(calculateTaxes(taxInput(customer('GB'), lines, opts)).total).toBe('7.50');
    const roundDown: TaxPack = { ...gbVat, roundingMethod: 'toward_zero' };
    expect(calculateTaxes(taxInput(customer('GB'), lines, opts), [roundDown]).total).toBe('7.49');
    expect(calculateTaxes(taxInput(customer('GB'), [line('credit', '-37.49', 'telecom')], opts), [roundDown]).total).toBe('-7.49');
  });
});

describe('calculateTaxes: pack selection and input checks', () => {
  it('refuses a customer country no pack covers, naming it', () => {
    const err = expectBillingError(
      () => calculateTaxes(taxInput(customer('CH'), [line('plan', '10.00', 'telecom')])),
      'INVALID_INPUT',
      /no tax pack covers customer country "CH" \(packs: eu-vat, gb-vat, us-telecom\)/,
    );
    expect(err.details).toEqual({ country: 'CH' });
  });

  it('refuses two packs claiming the same country', () => {
    expectBillingError(
      () => calculateTaxes(taxInput(customer('DE'), [line('plan', '10.00', 'telecom')]), [euVat, { ...euVat, id: 'eu-vat-copy' }]),
      'INVALID_CONFIG',
      /tax packs eu-vat, eu-vat-copy all claim customers in DE/,
    );
  });

  it('refuses malformed input with the path of the problem', () => {
    expectBillingError(() => calculateTaxes(taxInput(customer('DE'), [line('plan', '1,00', 'telecom')])), 'INVALID_INPUT', /at lines\.0\.amount/);
    expectBillingError(
      () => calculateTaxes(taxInput(customer('DE'), [line('plan', '1.00', 'telecom', { from: '2025-02-30', to: '2025-03-01' })])),
      'INVALID_INPUT',
      /2025-02-30 is not a calendar date/,
    );
    expectBillingError(() => calculateTaxes(taxInput(customer('DE'), [line('x', '1.00', 'telecom'), line('x', '2.00', 'telecom')])), 'INVALID_INPUT', /line id "x" appears twice/);
  });

  it('accepts lower-case codes and returns nothing for an invoice without lines', () => {
    const result = calculateTaxes(taxInput(customer('de'), [], { currency: 'eur', sellerCountry: 'de' }));
    expect(result).toEqual({ lines: [], notes: [], total: '0.00', rounding: 'per_invoice' });
  });
});
