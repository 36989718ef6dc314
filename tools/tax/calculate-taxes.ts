import { BillingError } from '../errors.ts';
import { dec, formatFixed, minorUnits, ZERO } from '../money/index.ts';
import { buildTreatmentLine } from './build-treatment-line.ts';
import { computePercentageTaxes, type RuleTaxLine } from './compute-percentage-taxes.ts';
import { computePerLineFees } from './compute-per-line-fees.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import { rulesForCustomer, selectTaxPack } from './select-tax-pack.ts';
import type { TaxContext } from './tax-context.types.ts';
import type { PercentageRule, PerLineRule, TaxPack } from './tax-pack.types.ts';
import type { TaxableLine, TaxInput, TaxLine, TaxNote, TaxResult } from './tax.types.ts';
import { validateTaxInput } from './validate-tax-input.ts';

/** Computes an invoice's taxes and legal notes from effective-dated jurisdiction packs (built-in ones by default). */
export function calculateTaxes(input: TaxInput, packs: readonly TaxPack[] = builtInTaxPacks()): TaxResult {
  const valid = validateTaxInput(input);
  const { pack, treatment } = selectTaxPack(valid.customer, valid.sellerCountry, packs);
  const ctx: TaxContext = { input: valid, pack, decimals: minorUnits(valid.currency) };

  const applicable = rulesForCustomer(pack, valid.customer);
  const percentageRules = applicable.filter((r): r is { rule: PercentageRule; index: number } => r.rule.kind === 'percentage');
  const perLineRules = applicable.filter((r): r is { rule: PerLineRule; index: number } => r.rule.kind === 'per_line');
  const taxedByDefault = (line: TaxableLine) => percentageRules.some(({ rule }) => rule.classes.includes(line.taxClass));

  const ruleLines: RuleTaxLine[] = [];
  const treatmentLines: TaxLine[] = [];
  const notes: TaxNote[] = [];
  let untaxed: TaxableLine[];

  if (treatment === 'charge') {
    const { taxLines, taxedLineIds } = computePercentageTaxes(ctx, percentageRules);
    ruleLines.push(...taxLines);
    untaxed = valid.lines.filter((l) => !taxedLineIds.has(l.id));
  } else if (treatment === 'reverse_charge') {
    const rc = requireTreatment(pack, pack.reverseCharge, 'reverseCharge');
    const covered = valid.lines.filter((l) => rc.classes.includes(l.taxClass));
    const rest = valid.lines.filter((l) => !rc.classes.includes(l.taxClass));
    refuseUnmodelled(pack, 'reverse charge', rest.filter(taxedByDefault));
    if (covered.length > 0) {
      treatmentLines.push(buildTreatmentLine(ctx, rc, 'AE', homeJurisdiction(pack, valid), covered));
      notes.push({ ...rc.note });
    }
    untaxed = rest;
  } else {
    const os = requireTreatment(pack, pack.outsideScope, 'outsideScope');
    const rest = valid.lines.filter((l) => !os.classes.includes(l.taxClass));
    refuseUnmodelled(pack, 'outside-scope', rest);
    const covered = valid.lines.filter((l) => os.classes.includes(l.taxClass));
    if (covered.length > 0) {
      treatmentLines.push(buildTreatmentLine(ctx, os, 'O', os.jurisdiction, covered));
      notes.push({ ...os.note });
    }
    untaxed = [];
  }

  // Without an exempt treatment (US-style packs) a line no rule taxes simply carries no tax.
  if (pack.exempt && untaxed.length > 0) {
    treatmentLines.push(buildTreatmentLine(ctx, pack.exempt, 'E', homeJurisdiction(pack, valid), untaxed));
    notes.push({ ...pack.exempt.note });
  }
  ruleLines.push(...computePerLineFees(ctx, perLineRules));

  const lines = [
    ...ruleLines
      .map((r, order) => ({ ...r, order }))
      .sort((a, b) => a.ruleIndex - b.ruleIndex || a.order - b.order)
      .map((r) => r.line),
    ...treatmentLines,
  ];
  const total = lines.reduce((sum, l) => sum.plus(dec(l.amount)), ZERO);
  return { lines, notes, total: formatFixed(total, ctx.decimals), rounding: pack.rounding };
}

function requireTreatment<T>(pack: TaxPack, treatment: T | undefined, name: string): T {
  if (treatment === undefined) throw new BillingError('INTERNAL', `tax pack ${pack.id} was selected for ${name} but has none`);
  return treatment;
}

// Goods sold to a business abroad are an intra-Community supply or an export (categories K, G),
// which need transport evidence and notes the tax contract does not carry yet: refuse, never guess.
function refuseUnmodelled(pack: TaxPack, treatment: string, lines: readonly TaxableLine[]): void {
  const first = lines[0];
  if (!first) return;
  throw new BillingError(
    'INVALID_INPUT',
    `tax pack ${pack.id}: line ${first.id} (${first.taxClass}) cannot be invoiced under the ${treatment} treatment; ` +
      `supplies of goods to a business abroad (intra-Community supply or export) are not modelled and must be invoiced by hand`,
    { lineIds: lines.map((l) => l.id) },
  );
}

/** The jurisdiction of the tax the customer would ordinarily pay (MC is French VAT), for treatment lines. */
function homeJurisdiction(pack: TaxPack, input: TaxInput): string {
  const own = rulesForCustomer(pack, { ...input.customer, exemptions: [] });
  return own[0]?.rule.jurisdiction ?? input.customer.country;
}
