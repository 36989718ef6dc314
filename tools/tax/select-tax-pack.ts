import { BillingError } from '../errors.ts';
import type { TaxPack, TaxRule } from './tax-pack.types.ts';
import type { TaxCustomer } from './tax.types.ts';
import { normalizeCustomer } from './validate-tax-input.ts';

/**
 * How the selected pack treats the invoice: `charge` applies its rules; `reverse_charge` charges
 * nothing and the recipient accounts for the tax; `outside_scope` means the seller's own
 * jurisdiction does not tax the supply at all.
 */
export type TaxTreatment = 'charge' | 'reverse_charge' | 'outside_scope';

export interface TaxPackSelection {
  pack: TaxPack;
  treatment: TaxTreatment;
}

// VAT numbers carry the EU's VAT prefixes, which differ from ISO 3166 for Greece (EL) and for
// Northern Ireland's goods-only XI numbers (in the UK).
const VAT_PREFIX_COUNTRY: Record<string, string> = { EL: 'GR', XI: 'GB' };

/** The ISO 3166 country a VAT identification number belongs to, from its prefix (EL is GR). */
export function vatIdCountry(vatId: string): string {
  const prefix = vatId
    .replace(/[\s.-]/g, '')
    .slice(0, 2)
    .toUpperCase();
  if (!/^[A-Z]{2}$/.test(prefix)) {
    throw new BillingError('INVALID_INPUT', `VAT id "${vatId}" does not start with a two-letter country prefix`);
  }
  return VAT_PREFIX_COUNTRY[prefix] ?? prefix;
}

/** Picks the pack for the customer's country (the place of supply) and how it treats the invoice. */
export function selectTaxPack(customer: TaxCustomer, sellerCountry: string, packs: readonly TaxPack[]): TaxPackSelection {
  const buyer = normalizeCustomer(customer);
  const seller = sellerCountry.toUpperCase();
  const hasVatId = buyer.business && buyer.vatId !== null;

  // A seller's own jurisdiction comes first: a UK seller's service to an EU business is outside UK
  // VAT, and the EU pack (which would reverse charge it) is not the UK seller's tax to apply.
  if (hasVatId) {
    const outside = packs.filter((p) => p.outsideScope?.sellerCountries.includes(seller) && !p.countries.includes(buyer.country));
    if (outside.length > 1) {
      throw new BillingError('INVALID_CONFIG', `tax packs ${outside.map((p) => p.id).join(', ')} all claim sellers in ${seller}`);
    }
    if (outside[0]) return { pack: outside[0], treatment: 'outside_scope' };
  }

  const home = packs.filter((p) => p.countries.includes(buyer.country));
  if (home.length > 1) {
    throw new BillingError('INVALID_CONFIG', `tax packs ${home.map((p) => p.id).join(', ')} all claim customers in ${buyer.country}`);
  }
  const pack = home[0];
  if (!pack) {
    const known = packs.map((p) => p.id).join(', ') || 'none';
    throw new BillingError('INVALID_INPUT', `no tax pack covers customer country "${buyer.country}" (packs: ${known})`, {
      country: buyer.country,
    });
  }
  if (pack.requiresRegion && buyer.region === null) {
    throw new BillingError('INVALID_INPUT', `tax pack ${pack.id} needs the customer's region (state) for a customer in ${buyer.country}`);
  }

  if (pack.reverseCharge && hasVatId && buyer.vatId !== null) {
    const idCountry = vatIdCountry(buyer.vatId);
    // For a business the place of supply is the establishment the VAT id belongs to; a VAT id of
    // another tax territory than the customer's country means the customer data is wrong.
    const ownRules = rulesForCustomer(pack, { ...buyer, exemptions: [] });
    if (!ownRules.some(({ rule }) => rule.countries.includes(idCountry))) {
      throw new BillingError(
        'INVALID_INPUT',
        `VAT id ${buyer.vatId} belongs to ${idCountry} but the customer's country is ${buyer.country}; the customer's country must be that of the establishment the VAT id belongs to`,
      );
    }
    if (idCountry !== seller) return { pack, treatment: 'reverse_charge' };
  }
  return { pack, treatment: 'charge' };
}

/** The pack's rules that apply to the customer's country and region and that the customer is not exempt from, with their index in the pack. */
export function rulesForCustomer(pack: TaxPack, customer: TaxCustomer): { rule: TaxRule; index: number }[] {
  const buyer = normalizeCustomer(customer);
  return pack.rules
    .map((rule, index) => ({ rule, index }))
    .filter(
      ({ rule }) => rule.countries.includes(buyer.country) && (rule.regions === null || (buyer.region !== null && rule.regions.includes(buyer.region))) && !buyer.exemptions.includes(rule.taxId),
    );
}
