import { describe, expect, it } from 'vitest';
import { calculateTaxes } from './calculate-taxes.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import type { PerLineRule, TaxPack } from './tax-pack.types.ts';
import { taxResultSchema, type TaxInput } from './tax.types.ts';
import { customer, expectBillingError, line, taxInput } from './test-fixtures.ts';

// The illustrative US pack, with expectations worked out by hand. Q4 2025 federal USF factor
// 38.1%, wireless safe harbor 37.1% interstate for bundled plans, rounding per taxable line.

const usTelecom = builtInTaxPacks().find((p) => p.id === 'us-telecom')!;
const OCT = { from: '2025-10-01', to: '2025-11-01' };
const JUL = { from: '2025-07-01', to: '2025-08-01' };
const Q4 = { from: '2025-10-01', to: '2026-01-01' };

function californiaInvoice(exemptions: string[] = []): TaxInput {
  return taxInput(
    customer('US', { region: 'CA', exemptions }),
    [
      line('plan-1', '50.00', 'telecom', OCT, 'S1'),
      line('plan-2', '49.99', 'telecom', OCT, 'S2'),
      line('ld-1', '7.35', 'telecom_interstate', OCT, 'S1'),
      line('intl-2', '12.40', 'telecom_international', OCT, 'S2'),
      line('local-1', '3.10', 'telecom_local', OCT, 'S1'),
      line('phone-2', '199.99', 'equipment', OCT, 'S2'),
      line('promo-1', '-10.00', 'telecom', OCT, 'S1'),
      line('tollfree-1', '1.00', 'exempt', OCT, 'S1'),
    ],
    {
      currency: 'USD',
      sellerCountry: 'US',
      period: OCT,
      subscriptions: [
        { id: 'S1', activeFrom: '2025-01-01', activeTo: '2026-01-01' },
        // activated mid-month: counts for the whole month
        { id: 'S2', activeFrom: '2025-10-20', activeTo: '2026-01-01' },
        // ended the day the period starts ([from, to) is exclusive): not on this bill
        { id: 'S3', activeFrom: '2025-01-01', activeTo: '2025-10-01' },
      ],
    },
  );
}

describe('calculateTaxes: illustrative US telecom pack', () => {
  it('charges a California customer the federal USF, the 911 surcharge per line and sales tax on the phone', () => {
    const result = calculateTaxes(californiaInvoice());
    expect(taxResultSchema.safeParse(result).success).toBe(true);
    // US-FUSF, each line rounded:
    //   plan-1   50.00 x 37.1% = 18.55      x 38.1% = 7.06755     -> 7.07
    //   plan-2   49.99 x 37.1% = 18.54629   x 38.1% = 7.06613649  -> 7.07
    //   ld-1      7.35                      x 38.1% = 2.80035     -> 2.80
    //   intl-2   12.40                      x 38.1% = 4.7244      -> 4.72
    //   promo-1 -10.00 x 37.1% = -3.71      x 38.1% = -1.41351    -> -1.41
    //   base 53.13629, tax 20.25 (local usage, the phone and toll-free are not interstate revenue)
    // US-CA-911: S1 and S2 active in October: 2 x 0.30 = 0.60
    // US-CA-SALES: 199.99 x 7.25% = 14.499275 -> 14.50
    expect(result.lines.map((l) => [l.taxId, l.kind, l.ratePercent, l.feePerLine, l.base, l.amount])).toEqual([
      ['US-FUSF', 'percentage', '38.1', null, '53.13629', '20.25'],
      ['US-CA-911', 'per_line', null, '0.30', '2', '0.60'],
      ['US-CA-SALES', 'percentage', '7.25', null, '199.99', '14.50'],
    ]);
    expect(result.lines[0]?.lineIds).toEqual(['plan-1', 'plan-2', 'ld-1', 'intl-2', 'promo-1']);
    expect(result.lines[1]).toMatchObject({ lineIds: [], subscriptionIds: ['S1', 'S2'], servicePeriod: OCT, jurisdiction: 'US-CA' });
    expect(result.lines[2]?.lineIds).toEqual(['phone-2']);
    expect(result.lines.every((l) => l.governmentMandated && l.categoryCode === 'S')).toBe(true);
    expect(result).toMatchObject({ notes: [], total: '35.35', rounding: 'per_line' });
  });

  it('leaves out the taxes a customer holds an exemption certificate for', () => {
    const noSales = calculateTaxes(californiaInvoice(['US-CA-SALES']));
    expect(noSales.lines.map((l) => l.taxId)).toEqual(['US-FUSF', 'US-CA-911']);
    expect(noSales.total).toBe('20.85'); // 20.25 + 0.60
    const reseller = calculateTaxes(californiaInvoice(['US-FUSF', 'US-CA-SALES']));
    expect(reseller.lines.map((l) => [l.taxId, l.amount])).toEqual([['US-CA-911', '0.60']]);
  });

  it('shows per-line rounding giving a cent more than per-invoice rounding would', () => {
    const lines = ['a', 'b', 'c'].map((id) => line(id, '0.04', 'telecom_interstate', OCT));
    const input = taxInput(customer('US', { region: 'OR' }), lines, { currency: 'USD', period: OCT });
    // per line: 0.04 x 38.1% = 0.01524 -> 0.02, three times = 0.06
    expect(calculateTaxes(input).lines.map((l) => [l.taxId, l.base, l.amount])).toEqual([['US-FUSF', '0.12', '0.06']]);
    // per invoice: 0.12 x 38.1% = 0.04572 -> 0.05
    const perInvoice: TaxPack = { ...usTelecom, rounding: 'per_invoice' };
    expect(calculateTaxes(input, [perInvoice]).total).toBe('0.05');
  });

  it('takes the intrastate share of a bundled plan for New York sales tax', () => {
    const input = taxInput(
      customer('US', { region: 'ny' }),
      [line('plan', '40.00', 'telecom', JUL, 'S1'), line('local', '5.00', 'telecom_local', JUL, 'S1'), line('phone', '100.00', 'equipment', JUL, 'S1')],
      { currency: 'USD', period: JUL, subscriptions: [{ id: 'S1', activeFrom: '2024-01-01', activeTo: '2026-01-01' }] },
    );
    // Q3 2025 factor 36.0%: 40.00 x 37.1% = 14.84 x 36% = 5.3424 -> 5.34
    // NY-911: 1 x 1.20
    // NY sales 4%: 40.00 x 62.9% = 25.16 x 4% = 1.0064 -> 1.01; 5.00 -> 0.20; 100.00 -> 4.00; sum 5.21
    const result = calculateTaxes(input);
    expect(result.lines.map((l) => [l.taxId, l.ratePercent, l.base, l.amount])).toEqual([
      ['US-FUSF', '36', '14.84', '5.34'],
      ['US-NY-911', null, '1', '1.20'],
      ['US-NY-SALES', '4', '130.16', '5.21'],
    ]);
    expect(result.total).toBe('11.75');
  });

  it('counts each line once per month of a quarterly invoice, from the month it is active', () => {
    const input = taxInput(customer('US', { region: 'TX' }), [line('plan', '30.00', 'telecom', Q4, 'S1')], {
      currency: 'USD',
      period: Q4,
      subscriptions: [
        { id: 'S1', activeFrom: '2025-06-01', activeTo: '2026-06-01' },
        { id: 'S2', activeFrom: '2025-11-15', activeTo: '2026-06-01' },
      ],
    });
    // TX 911: October S1; November S1+S2; December S1+S2 = 5 line-months x 0.50 = 2.50
    // FUSF: 30.00 x 37.1% = 11.13 x 38.1% = 4.24053 -> 4.24; TX sales: 30.00 x 6.25% = 1.875 -> 1.88
    const result = calculateTaxes(input);
    expect(result.lines.map((l) => [l.taxId, l.base, l.amount])).toEqual([
      ['US-FUSF', '11.13', '4.24'],
      ['US-TX-911', '5', '2.50'],
      ['US-TX-SALES', '30.00', '1.88'],
    ]);
    expect(result.lines[1]).toMatchObject({ subscriptionIds: ['S1', 'S2'], servicePeriod: Q4 });
    expect(result.total).toBe('8.62');
  });

  it('splits a per-line fee where its amount changes between the months of the period', () => {
    const ca911 = usTelecom.rules.find((r) => r.taxId === 'US-CA-911') as PerLineRule;
    const first = ca911.versions[0]!;
    const changed: PerLineRule = {
      ...ca911,
      versions: [
        { ...first, to: '2026-01-01' },
        { ...first, from: '2026-01-01', to: null, feePerLine: '0.25' },
      ],
    };
    const pack: TaxPack = { ...usTelecom, rules: usTelecom.rules.map((r) => (r.taxId === 'US-CA-911' ? changed : r)) };
    const period = { from: '2025-12-01', to: '2026-02-01' };
    const input = taxInput(customer('US', { region: 'CA' }), [], {
      currency: 'USD',
      period,
      subscriptions: [
        { id: 'S1', activeFrom: '2025-01-01', activeTo: '2027-01-01' },
        { id: 'S2', activeFrom: '2026-01-31', activeTo: '2026-02-01' },
      ],
    });
    // December: S1 at 0.30; January: S1 and S2 (one day) at 0.25 = 0.50
    expect(calculateTaxes(input, [pack]).lines.map((l) => [l.taxId, l.feePerLine, l.base, l.amount, l.servicePeriod, l.subscriptionIds])).toEqual([
      ['US-CA-911', '0.30', '1', '0.30', { from: '2025-12-01', to: '2026-01-01' }, ['S1']],
      ['US-CA-911', '0.25', '2', '0.50', { from: '2026-01-01', to: '2026-02-01' }, ['S1', 'S2']],
    ]);
  });

  it('refuses a line crossing a quarterly USF factor change', () => {
    const input = taxInput(customer('US', { region: 'CA' }), [line('ld', '5.00', 'telecom_interstate', { from: '2025-09-15', to: '2025-10-15' })], {
      currency: 'USD',
      period: { from: '2025-09-15', to: '2025-10-15' },
    });
    expectBillingError(() => calculateTaxes(input), 'INVALID_INPUT', /crosses the US-FUSF rate change on 2025-10-01 \(36.0% -> 38.1%\)/);
  });

  it('refuses to carry a quarterly factor past the last quarter the pack knows', () => {
    const q2 = { from: '2026-04-01', to: '2026-05-01' };
    const input = taxInput(customer('US', { region: 'CA' }), [line('ld', '5.00', 'telecom_interstate', q2)], { currency: 'USD', period: q2 });
    expectBillingError(() => calculateTaxes(input), 'INVALID_CONFIG', /has no US-FUSF rate for 2026-04-01 \(rates known 2025-01-01 to 2026-04-01\)/);
  });

  it('refuses a US customer without a state, and a per-line fee in another currency', () => {
    expectBillingError(
      () => calculateTaxes(taxInput(customer('US'), [line('ld', '5.00', 'telecom_interstate', OCT)], { currency: 'USD', period: OCT })),
      'INVALID_INPUT',
      /tax pack us-telecom needs the customer's region \(state\)/,
    );
    const inEuro = { ...californiaInvoice(), currency: 'EUR' };
    expectBillingError(() => calculateTaxes(inEuro), 'INVALID_INPUT', /US-CA-911 is a fee of USD per line; an invoice in EUR cannot carry it/);
  });
});
