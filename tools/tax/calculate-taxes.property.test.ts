import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { dec, formatFixed, roundDecimal, ZERO, type Decimal } from '../money/index.ts';
import { calculateTaxes } from './calculate-taxes.ts';
import { findRateChanges } from './find-rate-changes.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import type { PercentageRule, TaxPack } from './tax-pack.types.ts';
import { taxClassSchema, taxResultSchema, type TaxClass, type TaxCustomer, type TaxableLine } from './tax.types.ts';
import { customer, line, taxInput } from './test-fixtures.ts';

const packs = builtInTaxPacks();
const euVat = packs.find((p) => p.id === 'eu-vat')!;
const usTelecom = packs.find((p) => p.id === 'us-telecom')!;
const fusf = usTelecom.rules.find((r) => r.taxId === 'US-FUSF') as PercentageRule;

// Days are test scaffolding, not money: Date arithmetic on whole UTC days is exact.
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const cents = (n: number): string => formatFixed(dec(n).div(100), 2);
const sum = (values: readonly string[]): Decimal => values.reduce((s, v) => s.plus(dec(v)), ZERO);
const taxClass = fc.constantFrom(...taxClassSchema.options);
const vatCountry = fc.constantFrom('DE', 'FI', 'EE', 'SK', 'RO', 'FR', 'LU', 'IE');

/** Lines over [from, from+days), split wherever a rate applying to the customer changes, as charging does. */
function splitLines(buyer: TaxCustomer, seller: string, specs: { start: number; days: number; cents: number[]; taxClass: TaxClass }[], origin: string): TaxableLine[] {
  const out: TaxableLine[] = [];
  specs.forEach((spec, i) => {
    const from = addDays(origin, spec.start);
    const to = addDays(from, spec.days);
    const cuts = [from, ...findRateChanges(buyer, seller, from, to), to];
    for (let k = 0; k + 1 < cuts.length; k += 1) {
      const amount = cents(spec.cents[k % spec.cents.length]!);
      out.push(line(`L${i}-${k}`, amount, spec.taxClass, { from: cuts[k]!, to: cuts[k + 1]! }));
    }
  });
  return out;
}

const lineSpec = fc.record({
  start: fc.integer({ min: 0, max: 1400 }),
  days: fc.integer({ min: 1, max: 120 }),
  cents: fc.array(fc.integer({ min: -20_000, max: 200_000 }), { minLength: 1, maxLength: 3 }),
  taxClass,
});

describe('calculateTaxes properties (EU VAT, per invoice)', () => {
  it('total is the sum of the tax lines, each line is in exactly one tax line, each VAT amount is its base taxed and rounded once', () => {
    fc.assert(
      fc.property(vatCountry, fc.array(lineSpec, { maxLength: 8 }), (country, specs) => {
        const buyer = customer(country);
        const lines = splitLines(buyer, country, specs, '2021-01-01');
        const input = taxInput(buyer, lines, { sellerCountry: country, period: { from: '2021-01-01', to: '2025-12-01' } });
        const result = calculateTaxes(input);

        expect(taxResultSchema.safeParse(result).success).toBe(true);
        expect(dec(result.total).equals(sum(result.lines.map((l) => l.amount)))).toBe(true);
        for (const l of result.lines) expect(l.amount).toMatch(/^-?\d+\.\d{2}$/);
        const seen = result.lines.flatMap((l) => l.lineIds).sort();
        expect(seen).toEqual(lines.map((l) => l.id).sort());
        for (const l of result.lines.filter((t) => t.categoryCode === 'S')) {
          expect(dec(l.base).equals(sum(lines.filter((x) => l.lineIds.includes(x.id)).map((x) => x.amount)))).toBe(true);
          const expected = roundDecimal(dec(l.base).times(l.ratePercent!).div(100), 2, 'middle');
          expect(l.amount).toBe(formatFixed(expected, 2));
        }
        expect(calculateTaxes(input)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('a line spanning a rate change is refused, naming the change', () => {
    fc.assert(
      fc.property(fc.constantFrom('FI', 'EE', 'SK', 'RO', 'DE'), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2, max: 400 }), (country, start, days) => {
        const from = addDays('2020-01-01', start);
        const to = addDays(from, days);
        const changes = findRateChanges(customer(country), country, from, to);
        const input = taxInput(customer(country), [line('x', '10.00', 'telecom', { from, to })], { sellerCountry: country });
        if (changes.length === 0) {
          expect(() => calculateTaxes(input)).not.toThrow();
        } else {
          expect(() => calculateTaxes(input)).toThrow(new RegExp(`rate change on ${changes[0]}`));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('calculateTaxes properties (splitting and rounding)', () => {
  const q3 = { from: '2025-07-01', to: '2025-08-01' };
  const splitAt = fc.record({
    total: fc.integer({ min: -100_000, max: 1_000_000 }),
    cut: fc.integer({ min: -100_000, max: 1_000_000 }),
    others: fc.array(fc.record({ cents: fc.integer({ min: -50_000, max: 500_000 }), taxClass }), { maxLength: 5 }),
  });

  type SplitCase = { total: number; cut: number; others: { cents: number; taxClass: TaxClass }[] };

  function withSplit(s: SplitCase, cls: TaxClass): [TaxableLine[], TaxableLine[]] {
    const others = s.others.map((o, i) => line(`o${i}`, cents(o.cents), o.taxClass, q3));
    const whole = [line('w', cents(s.total), cls, q3), ...others];
    const parts = [line('w1', cents(s.cut), cls, q3), line('w2', cents(s.total - s.cut), cls, q3), ...others];
    return [whole, parts];
  }

  it('splitting a line in two at any cent leaves a per-invoice total unchanged', () => {
    fc.assert(
      fc.property(splitAt, taxClass, vatCountry, (s, cls, country) => {
        const [whole, parts] = withSplit(s, cls);
        const opts = { sellerCountry: country, period: q3 };
        expect(calculateTaxes(taxInput(customer(country), parts, opts)).total).toBe(calculateTaxes(taxInput(customer(country), whole, opts)).total);
      }),
      { numRuns: 300 },
    );
  });

  it('per-line totals are the sum of each line’s rounded tax, and a split moves them by at most one cent', () => {
    const fusfQ3 = fusf.versions.find((v) => v.from === '2025-07-01')!.ratePercent;
    const oracle = (lines: readonly TaxableLine[]): Decimal =>
      lines
        .filter((l) => fusf.classes.includes(l.taxClass))
        .reduce((s, l) => {
          const share = fusf.classShares?.[l.taxClass] ?? '100';
          return s.plus(roundDecimal(dec(l.amount).times(share).div(100).times(fusfQ3).div(100), 2, 'middle'));
        }, ZERO);
    fc.assert(
      fc.property(splitAt, fc.constantFrom<TaxClass>('telecom', 'telecom_interstate', 'telecom_international'), (s, cls) => {
        const [whole, parts] = withSplit(s, cls);
        const opts = { currency: 'USD', sellerCountry: 'US', period: q3 };
        const buyer = customer('US', { region: 'OR' });
        const a = calculateTaxes(taxInput(buyer, whole, opts));
        const b = calculateTaxes(taxInput(buyer, parts, opts));
        expect(dec(a.total).equals(oracle(whole))).toBe(true);
        expect(dec(b.total).equals(oracle(parts))).toBe(true);
        expect(dec(a.total).minus(b.total).abs().lessThanOrEqualTo('0.01')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('per-line and per-invoice rounding of the same lines differ by at most half a cent per line, plus half a cent', () => {
    const perLineEu: TaxPack = { ...euVat, rounding: 'per_line' };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50_000, max: 500_000 }), { minLength: 1, maxLength: 12 }), vatCountry, (amounts, country) => {
        const lines = amounts.map((c, i) => line(`l${i}`, cents(c), 'telecom', q3));
        const input = taxInput(customer(country), lines, { sellerCountry: country, period: q3 });
        const diffCents = dec(calculateTaxes(input).total)
          .minus(calculateTaxes(input, [perLineEu]).total)
          .abs()
          .times(100);
        expect(diffCents.lessThanOrEqualTo(dec(lines.length + 1).div(2))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('negating every amount negates the tax (ties round away from zero), per invoice and per line', () => {
    const amountsArb = fc.array(fc.record({ cents: fc.integer({ min: 0, max: 500_000 }), taxClass }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(amountsArb, fc.constantFrom('DE', 'US'), (items, country) => {
        const buyer = country === 'US' ? customer('US', { region: 'TX' }) : customer('DE');
        const opts = { currency: country === 'US' ? 'USD' : 'EUR', period: q3 };
        const pos = items.map((x, i) => line(`l${i}`, cents(x.cents), x.taxClass, q3));
        const neg = items.map((x, i) => line(`l${i}`, cents(-x.cents), x.taxClass, q3));
        const a = calculateTaxes(taxInput(buyer, pos, opts)).total;
        const b = calculateTaxes(taxInput(buyer, neg, opts)).total;
        expect(dec(a).plus(b).isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a BillingError on arbitrary customers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DE', 'FR', 'GB', 'US', 'CH', 'MC', 'GR'),
        fc.boolean(),
        fc.option(fc.constantFrom('DE123', 'FR40303265045', 'EL094259216', 'GB980780684', '12345'), { nil: null }),
        fc.constantFrom('DE', 'GB', 'FR', 'US'),
        fc.array(fc.record({ cents: fc.integer({ min: -10_000, max: 10_000 }), taxClass }), { maxLength: 5 }),
        (country, isBusiness, vatId, seller, items) => {
          const buyer = customer(country, { business: isBusiness, vatId, region: country === 'US' ? 'CA' : null });
          const lines = items.map((x, i) => line(`l${i}`, cents(x.cents), x.taxClass, q3));
          try {
            const result = calculateTaxes(taxInput(buyer, lines, { sellerCountry: seller, currency: 'USD', period: q3 }));
            expect(dec(result.total).equals(sum(result.lines.map((l) => l.amount)))).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(BillingError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
