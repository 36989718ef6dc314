import { dec, formatFixed, ZERO } from '../money/index.ts';
import { spanOf } from '../time/index.ts';
import type { TaxContext } from './tax-context.types.ts';
import type { TaxableLine, TaxLine } from './tax.types.ts';

/** What a zero-amount treatment line needs from the pack (reverse charge, outside scope, exempt). */
export interface TreatmentSpec {
  taxId: string;
  name: string;
  source: string;
  checked: string;
}

/**
 * The zero-amount tax line of a legal treatment over the given lines: it carries the category
 * (AE, O, E) and the taxable amount the e-invoice's VAT breakdown needs, though no tax is charged.
 */
export function buildTreatmentLine(ctx: TaxContext, spec: TreatmentSpec, categoryCode: 'AE' | 'O' | 'E', jurisdiction: string, lines: readonly TaxableLine[]): TaxLine {
  const base = lines.reduce((sum, l) => sum.plus(dec(l.amount)), ZERO);
  return {
    taxId: spec.taxId,
    packId: ctx.pack.id,
    name: spec.name,
    jurisdiction,
    kind: 'percentage',
    // EN 16931 wants rate 0 on AE and E breakdowns and no rate at all on O (BR-AE-05, BR-E-05, BR-O-05).
    ratePercent: categoryCode === 'O' ? null : '0',
    feePerLine: null,
    base: formatFixed(base, ctx.decimals),
    amount: formatFixed(ZERO, ctx.decimals),
    servicePeriod: spanOf(lines.map((l) => l.servicePeriod)),
    lineIds: lines.map((l) => l.id),
    categoryCode,
    governmentMandated: true,
    source: `${spec.source} (checked ${spec.checked})`,
  };
}
