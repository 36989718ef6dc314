import { describe, expect, it } from 'vitest';
import { builtInTaxPacks, parseTaxPack } from './parse-tax-pack.ts';
import type { PercentageRule, TaxPack } from './tax-pack.types.ts';
import { expectBillingError } from './test-fixtures.ts';

const EU_MEMBER_STATES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

function pack(id: string): TaxPack {
  const found = builtInTaxPacks().find((p) => p.id === id);
  if (!found) throw new Error(`no built-in pack ${id}`);
  return found;
}

function vatRates(country: string): [string, string | null, string][] {
  const rule = pack('eu-vat').rules.find((r) => r.taxId === `EU-VAT-${country}`) as PercentageRule;
  return rule.versions.map((v) => [v.from, v.to, v.ratePercent]);
}

describe('built-in tax packs', () => {
  it('are eu-vat, gb-vat and the illustrative us-telecom, in that order', () => {
    expect(builtInTaxPacks().map((p) => [p.id, p.illustrative, p.rounding])).toEqual([
      ['eu-vat', false, 'per_invoice'],
      ['gb-vat', false, 'per_invoice'],
      ['us-telecom', true, 'per_line'],
    ]);
  });

  it('eu-vat has one standard-rate rule for each of the 27 member states, from 2020-01-01 and still in force', () => {
    const eu = pack('eu-vat');
    expect(eu.rules.map((r) => r.taxId).sort()).toEqual(EU_MEMBER_STATES.map((c) => `EU-VAT-${c}`));
    for (const rule of eu.rules) {
      expect(rule.versions[0]?.from).toBe('2020-01-01');
      expect(rule.versions[rule.versions.length - 1]?.to).toBeNull();
    }
  });

  it('eu-vat carries the real rate changes', () => {
    expect(vatRates('FI')).toEqual([
      ['2020-01-01', '2024-09-01', '24'],
      ['2024-09-01', null, '25.5'],
    ]);
    expect(vatRates('SK')).toEqual([
      ['2020-01-01', '2025-01-01', '20'],
      ['2025-01-01', null, '23'],
    ]);
    expect(vatRates('EE')).toEqual([
      ['2020-01-01', '2024-01-01', '20'],
      ['2024-01-01', '2025-07-01', '22'],
      ['2025-07-01', null, '24'],
    ]);
    expect(vatRates('RO')).toEqual([
      ['2020-01-01', '2025-08-01', '19'],
      ['2025-08-01', null, '21'],
    ]);
    expect(vatRates('DE').map((v) => v[2])).toEqual(['19', '16', '19']);
  });

  it('cite a source and the day it was checked for every rate and treatment', () => {
    for (const p of builtInTaxPacks()) {
      for (const rule of p.rules) {
        for (const v of rule.versions) {
          expect(v.source.length).toBeGreaterThan(20);
          expect(v.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
      for (const t of [p.reverseCharge, p.outsideScope, p.exempt]) if (t) expect(t.source.length).toBeGreaterThan(20);
    }
  });
});

describe('parseTaxPack', () => {
  const base = pack('gb-vat');
  const vat = base.rules[0] as PercentageRule;
  const withRule = (rule: object): unknown => ({ ...base, rules: [rule] });

  it('accepts a built-in pack unchanged', () => {
    expect(parseTaxPack(JSON.parse(JSON.stringify(base)))).toEqual(base);
  });

  it('refuses versions that overlap, leave a gap, or do not change the rate', () => {
    const v = (from: string, to: string | null, ratePercent: string) => ({ ...vat.versions[0], from, to, ratePercent });
    expectBillingError(
      () => parseTaxPack(withRule({ ...vat, versions: [v('2020-01-01', '2021-01-01', '20'), v('2020-06-01', null, '21')] })),
      'INVALID_CONFIG',
      /GB-VAT: version ending 2021-01-01 must end where the next starts \(2020-06-01\)/,
    );
    expectBillingError(
      () => parseTaxPack(withRule({ ...vat, versions: [v('2020-01-01', '2021-01-01', '20'), v('2021-02-01', null, '21')] })),
      'INVALID_CONFIG',
      /must end where the next starts \(2021-02-01\)/,
    );
    expectBillingError(
      () => parseTaxPack(withRule({ ...vat, versions: [v('2020-01-01', '2021-01-01', '20'), v('2021-01-01', null, '20.0')] })),
      'INVALID_CONFIG',
      /versions from 2020-01-01 and 2021-01-01 have the same amount; merge them/,
    );
    expectBillingError(() => parseTaxPack(withRule({ ...vat, versions: [v('2021-01-01', '2020-01-01', '20')] })), 'INVALID_CONFIG', /version ends \(2020-01-01\) before it starts/);
  });

  it('refuses unknown class names, impossible dates and shares out of range', () => {
    expectBillingError(() => parseTaxPack(withRule({ ...vat, classes: ['voice'] })), 'INVALID_CONFIG', /at rules\.0\.classes\.0/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, versions: [{ ...vat.versions[0], from: '2011-02-29' }] })), 'INVALID_CONFIG', /not a calendar date/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, classShares: { telecom: '120' } })), 'INVALID_CONFIG', /share 120 must be above 0/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, versions: [{ ...vat.versions[0], ratePercent: '190' }] })), 'INVALID_CONFIG', /GB-VAT: rate 190% is above 100%/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, classShares: { exempt: '50' } })), 'INVALID_CONFIG', /share for exempt, a class the rule does not tax/);
  });

  it('refuses duplicate tax ids, rules for countries outside the pack and pack countries without a rule', () => {
    expectBillingError(() => parseTaxPack({ ...base, rules: [vat, vat] }), 'INVALID_CONFIG', /taxId GB-VAT is used twice/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, countries: ['GB', 'FR'] })), 'INVALID_CONFIG', /GB-VAT: FR is not a country of the pack/);
    expectBillingError(() => parseTaxPack(withRule({ ...vat, countries: ['GB'] })), 'INVALID_CONFIG', /no rule taxes IM, a country of the pack/);
  });

  it('refuses per-line fees with more decimals than their currency, or an unknown currency', () => {
    const fee = pack('us-telecom').rules.find((r) => r.kind === 'per_line')!;
    const us = pack('us-telecom');
    const swap = (rule: object) => ({ ...us, rules: us.rules.map((r) => (r.taxId === fee.taxId ? rule : r)) });
    expectBillingError(
      () => parseTaxPack(swap({ ...fee, versions: [{ ...fee.versions[0], feePerLine: '0.305' }] }), 'us.json'),
      'INVALID_CONFIG',
      /us.json: US-CA-911 fee 0.305 has more decimals than USD allows/,
    );
    expectBillingError(() => parseTaxPack(swap({ ...fee, currency: 'XXY' })), 'INVALID_CONFIG', /unknown currency XXY/);
  });
});
