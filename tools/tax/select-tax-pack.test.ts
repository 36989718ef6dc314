import { describe, expect, it } from 'vitest';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import { rulesForCustomer, selectTaxPack, vatIdCountry } from './select-tax-pack.ts';
import { business, customer, expectBillingError } from './test-fixtures.ts';

const packs = builtInTaxPacks();
const pick = (c: Parameters<typeof selectTaxPack>[0], seller: string) => {
  const { pack, treatment } = selectTaxPack(c, seller, packs);
  return [pack.id, treatment];
};

describe('selectTaxPack', () => {
  it('chooses the pack by the customer’s country and the treatment by who buys from whom', () => {
    expect(pick(customer('DE'), 'DE')).toEqual(['eu-vat', 'charge']);
    expect(pick(customer('FR'), 'GB')).toEqual(['eu-vat', 'charge']);
    expect(pick(business('FR', 'FR40303265045'), 'DE')).toEqual(['eu-vat', 'reverse_charge']);
    expect(pick(business('FR', 'FR40303265045'), 'FR')).toEqual(['eu-vat', 'charge']);
    expect(pick(business('FR', 'FR40303265045'), 'GB')).toEqual(['gb-vat', 'outside_scope']);
    expect(pick(business('GB', 'GB980780684'), 'GB')).toEqual(['gb-vat', 'charge']);
    expect(pick(business('GB', 'GB980780684'), 'NL')).toEqual(['gb-vat', 'reverse_charge']);
    expect(pick(customer('IM'), 'GB')).toEqual(['gb-vat', 'charge']);
    expect(pick(customer('US', { region: 'CA' }), 'US')).toEqual(['us-telecom', 'charge']);
    // a business flag without a VAT id, or a VAT id without the business flag, is a consumer
    expect(pick(customer('FR', { business: true }), 'DE')).toEqual(['eu-vat', 'charge']);
    expect(pick(customer('FR', { vatId: 'FR40303265045' }), 'DE')).toEqual(['eu-vat', 'charge']);
  });

  it('refuses unknown countries, a VAT id without a country prefix and packs that overlap', () => {
    expectBillingError(() => selectTaxPack(customer('JP'), 'DE', packs), 'INVALID_INPUT', /customer country "JP"/);
    expectBillingError(() => selectTaxPack(customer('DE'), 'DE', []), 'INVALID_INPUT', /\(packs: none\)/);
    expectBillingError(() => selectTaxPack(business('DE', '123456789'), 'FR', packs), 'INVALID_INPUT', /does not start with a two-letter country prefix/);
    const gb = packs.find((p) => p.id === 'gb-vat')!;
    expectBillingError(
      () => selectTaxPack(business('FR', 'FR40303265045'), 'GB', [...packs, { ...gb, id: 'gb-vat-2', countries: ['JE'] }]),
      'INVALID_CONFIG',
      /gb-vat, gb-vat-2 all claim sellers in GB/,
    );
  });
});

describe('vatIdCountry and rulesForCustomer', () => {
  it('maps VAT prefixes to ISO countries', () => {
    expect(['DE136695976', 'el094259216', 'XI123456789', 'FR 40 303 265 045'].map(vatIdCountry)).toEqual(['DE', 'GR', 'GB', 'FR']);
  });

  it('keeps the rules of the customer’s country and state that it is not exempt from, in pack order', () => {
    const us = packs.find((p) => p.id === 'us-telecom')!;
    expect(rulesForCustomer(us, customer('US', { region: 'ca' })).map((r) => [r.rule.taxId, r.index])).toEqual([
      ['US-FUSF', 0],
      ['US-CA-911', 1],
      ['US-CA-SALES', 2],
    ]);
    expect(rulesForCustomer(us, customer('US', { region: 'TX', exemptions: ['US-TX-911'] })).map((r) => r.rule.taxId)).toEqual(['US-FUSF', 'US-TX-SALES']);
  });
});
