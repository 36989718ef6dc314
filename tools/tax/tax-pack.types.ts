import { z } from 'zod';
import { dec } from '../money/index.ts';
import { taxClassSchema, taxLineSchema, taxNoteSchema } from './tax.types.ts';
import { calendarDateSchema } from '../schemas/index.ts';

/**
 * A jurisdiction rule pack: the taxes of one place of supply as data (tools/tax/packs/*.json),
 * effective-dated and sourced. `calculateTaxes` reads packs; it never knows a rate itself.
 * docs/taxes.md explains every field with examples.
 */

const amountString = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number such as "19" or "0.30"');
const isoDate = calendarDateSchema;
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an upper-case ISO 3166 alpha-2 code');
const categoryCode = taxLineSchema.shape.categoryCode;

/** Where a rate comes from, kept on every version so each tax line can cite it. */
const sourced = {
  /** Statute or authority (with article/section) the rate comes from. */
  source: z.string().min(10),
  /** The day a person last checked the rate against that source. */
  checked: isoDate,
};

/** One period of a rate: [from, to), `to` null while the rate is still in force. */
const versionPeriod = {
  from: isoDate,
  to: isoDate.nullable(),
};

export const percentageVersionSchema = z.object({ ...versionPeriod, ratePercent: amountString, ...sourced });
export type PercentageVersion = z.infer<typeof percentageVersionSchema>;

export const perLineVersionSchema = z.object({ ...versionPeriod, feePerLine: amountString, ...sourced });
export type PerLineVersion = z.infer<typeof perLineVersionSchema>;

const ruleCommon = {
  /** Stable id printed on tax lines and matched against `TaxCustomer.exemptions`, e.g. "EU-VAT-DE". */
  taxId: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case letters, digits and dashes'),
  /** Name printed on the invoice. */
  name: z.string().min(1),
  /** Who the tax is due to, e.g. "DE" or "US-CA". */
  jurisdiction: z.string().min(2),
  /** Customer countries (place of supply) the rule applies to. */
  countries: z.array(countryCode).min(1),
  /** Customer regions (US states) the rule applies to; null for the whole country. */
  regions: z.array(z.string().min(1)).nullable(),
  /** UNCL5305 category the tax lines carry. */
  categoryCode,
};

export const percentageRuleSchema = z.object({
  kind: z.literal('percentage'),
  ...ruleCommon,
  /** Tax classes whose lines are in the base. */
  classes: z.array(taxClassSchema).min(1),
  /**
   * Percent of a class's amount that is in the base (default 100): the FCC wireless safe harbor
   * deems 37.1% of a bundled plan interstate, so the federal fee takes 37.1 here.
   */
  classShares: z.partialRecord(taxClassSchema, amountString).optional(),
  versions: z.array(percentageVersionSchema).min(1),
});
export type PercentageRule = z.infer<typeof percentageRuleSchema>;

export const perLineRuleSchema = z.object({
  kind: z.literal('per_line'),
  ...ruleCommon,
  /** Currency the fee is set in; an invoice in another currency is refused rather than converted. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  versions: z.array(perLineVersionSchema).min(1),
});
export type PerLineRule = z.infer<typeof perLineRuleSchema>;

export const taxRuleSchema = z.discriminatedUnion('kind', [percentageRuleSchema, perLineRuleSchema]);
export type TaxRule = z.infer<typeof taxRuleSchema>;

/** A zero-amount tax line standing for a legal treatment (reverse charge, outside scope, exempt). */
const treatmentCommon = {
  taxId: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case letters, digits and dashes'),
  name: z.string().min(1),
  ...sourced,
};

export const reverseChargeSchema = z.object({
  ...treatmentCommon,
  /** Classes the recipient self-accounts for; a line of another class the pack would tax is refused. */
  classes: z.array(taxClassSchema).min(1),
  note: taxNoteSchema.extend({ code: z.literal('REVERSE_CHARGE'), categoryCode: z.literal('AE') }),
});
export type ReverseChargeTreatment = z.infer<typeof reverseChargeSchema>;

export const outsideScopeSchema = z.object({
  ...treatmentCommon,
  /** Seller establishments whose supplies to foreign business customers are outside this tax. */
  sellerCountries: z.array(countryCode).min(1),
  jurisdiction: z.string().min(2),
  classes: z.array(taxClassSchema).min(1),
  note: taxNoteSchema.extend({ code: z.literal('OUTSIDE_SCOPE'), categoryCode: z.literal('O') }),
});
export type OutsideScopeTreatment = z.infer<typeof outsideScopeSchema>;

export const exemptTreatmentSchema = z.object({
  ...treatmentCommon,
  note: taxNoteSchema.extend({ code: z.literal('EXEMPT'), categoryCode: z.literal('E') }),
});
export type ExemptTreatment = z.infer<typeof exemptTreatmentSchema>;

/** The document fields a pack can require an invoice to carry (beyond those every invoice needs). */
export const REQUIRABLE_INVOICE_FIELDS = [
  'seller.vatId',
  'seller.companyId',
  'seller.email',
  'seller.phone',
  'seller.iban',
  'seller.address.postcode',
  'buyer.vatId',
  'buyer.email',
  'buyer.address.postcode',
  'dueDate',
] as const;

/** An invoice field a jurisdiction's law requires from a day on, for all customers or one kind, with its source. */
export const requiredInvoiceFieldSchema = z
  .object({
    field: z.enum(REQUIRABLE_INVOICE_FIELDS),
    customers: z.enum(['all', 'business', 'consumer']).default('all'),
    /** Invoices issued on or after this day must carry it. */
    from: isoDate,
    source: z.string().min(5),
  })
  .strict();
export type RequiredInvoiceField = z.infer<typeof requiredInvoiceFieldSchema>;

export const taxPackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().min(1),
    /** True when the rates illustrate the mechanics and must not be billed as they stand. */
    illustrative: z.boolean(),
    /** Customer countries (place of supply) this pack taxes. */
    countries: z.array(countryCode).min(1),
    /** per_line: each taxable line's tax rounded, then summed; per_invoice: each tax line's base taxed and rounded once. */
    rounding: z.enum(['per_line', 'per_invoice']),
    /** half_up rounds ties away from zero; toward_zero is HMRC's optional round-down concession. */
    roundingMethod: z.enum(['half_up', 'half_even', 'toward_zero']),
    /** True when the rules need the customer's region (US state) and a customer without one is refused. */
    requiresRegion: z.boolean(),
    /** Business customer with a VAT id of a country other than the seller's: the recipient accounts for the tax. */
    reverseCharge: reverseChargeSchema.optional(),
    /** Seller established in the pack's jurisdiction, business customer abroad with a VAT id: not this tax. */
    outsideScope: outsideScopeSchema.optional(),
    /**
     * When present, every line gets exactly one category (as VAT e-invoices need): lines no rule
     * taxes (class `exempt`, or the customer holds an exemption) get this zero-amount line.
     */
    exempt: exemptTreatmentSchema.optional(),
    rules: z.array(taxRuleSchema).min(1),
    /** Invoice fields this jurisdiction requires (tools/compliance checks them; a new version may add some). */
    requiredFields: z.array(requiredInvoiceFieldSchema).optional(),
  })
  .superRefine((pack, ctx) => {
    const ids = new Set<string>();
    const treatments = [pack.reverseCharge, pack.outsideScope, pack.exempt].filter((t) => t !== undefined);
    for (const { taxId } of [...pack.rules, ...treatments]) {
      if (ids.has(taxId)) ctx.addIssue({ code: 'custom', message: `taxId ${taxId} is used twice` });
      ids.add(taxId);
    }
    pack.rules.forEach((rule, i) => checkRule(pack.countries, rule, i, ctx));
    for (const country of pack.countries) {
      if (!pack.rules.some((r) => r.countries.includes(country))) {
        ctx.addIssue({ code: 'custom', path: ['countries'], message: `no rule taxes ${country}, a country of the pack` });
      }
    }
  });
export type TaxPack = z.infer<typeof taxPackSchema>;

// Versions must tile time with no gap or overlap and each must change the amount, so "a rate
// change" is exactly a version boundary and a date never has two rates.
function checkRule(packCountries: readonly string[], rule: TaxRule, index: number, ctx: z.RefinementCtx): void {
  const path = ['rules', index];
  for (const country of rule.countries) {
    if (!packCountries.includes(country)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'countries'], message: `${rule.taxId}: ${country} is not a country of the pack` });
    }
  }
  const amounts = rule.kind === 'percentage' ? rule.versions.map((v) => v.ratePercent) : rule.versions.map((v) => v.feePerLine);
  rule.versions.forEach((v, i) => {
    const where = [...path, 'versions', i];
    if ('ratePercent' in v && dec(v.ratePercent).greaterThan(100)) {
      ctx.addIssue({ code: 'custom', path: where, message: `${rule.taxId}: rate ${v.ratePercent}% is above 100%` });
    }
    if (v.to !== null && v.to <= v.from) ctx.addIssue({ code: 'custom', path: where, message: `${rule.taxId}: version ends (${v.to}) before it starts (${v.from})` });
    const next = rule.versions[i + 1];
    if (!next) return;
    if (v.to !== next.from) {
      ctx.addIssue({ code: 'custom', path: where, message: `${rule.taxId}: version ending ${v.to ?? 'never'} must end where the next starts (${next.from})` });
    }
    if (sameAmount(amounts[i], amounts[i + 1])) {
      ctx.addIssue({ code: 'custom', path: where, message: `${rule.taxId}: versions from ${v.from} and ${next.from} have the same amount; merge them` });
    }
  });
  if (rule.kind === 'percentage' && rule.classShares) {
    for (const [cls, share] of Object.entries(rule.classShares)) {
      if (!rule.classes.includes(cls as (typeof rule.classes)[number])) {
        ctx.addIssue({ code: 'custom', path: [...path, 'classShares'], message: `${rule.taxId}: share for ${cls}, a class the rule does not tax` });
      }
      if (share !== undefined && !sharePercentInRange(share)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'classShares'], message: `${rule.taxId}: share ${share} must be above 0 and at most 100` });
      }
    }
  }
}

function sameAmount(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && dec(a).equals(dec(b));
}

function sharePercentInRange(share: string): boolean {
  const d = dec(share);
  return d.greaterThan(0) && d.lessThanOrEqualTo(100);
}
