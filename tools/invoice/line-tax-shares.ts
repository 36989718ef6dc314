import { allocate, dec, formatFixed, minorUnits, roundToCurrency, type Decimal } from '../money/index.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** Each line's share of the invoice's taxes, and what no single line carries. */
export interface LineTaxShares {
  /** Tax per line id, formatted to the currency's minor units; net + tax is the line's gross. */
  tax: Record<string, string>;
  gross: Record<string, string>;
  /** Taxes the document does not tie to any of its lines (e.g. a per-line fee counted by subscription count only); null when none. */
  unattributed: string | null;
}

/**
 * Splits every tax line of a document over the lines it was computed from, so a page can show a
 * line's net, tax and gross. Percentage taxes give each line its rate share rounded half-up, the
 * rounding difference to the largest line, so the shares add up to the tax line exactly; per-line
 * fees are split evenly over the first line of each subscription they count.
 */
export function lineTaxShares(doc: InvoiceDocument): LineTaxShares {
  const decimals = minorUnits(doc.currency);
  const tax = new Map<string, Decimal>(doc.lines.map((l) => [l.id, dec(0)]));
  let unattributed = dec(0);
  const add = (id: string, amount: Decimal) => tax.set(id, (tax.get(id) ?? dec(0)).plus(amount));
  for (const t of doc.taxes) {
    if (t.kind === 'percentage' && t.ratePercent !== null) {
      const lines = doc.lines.filter((l) => t.lineIds.includes(l.id));
      if (lines.length === 0) {
        unattributed = unattributed.plus(t.amount);
        continue;
      }
      const rate = dec(t.ratePercent).div(100);
      const shares = lines.map((l) => roundToCurrency(dec(l.amount).times(rate), doc.currency));
      const residual = dec(t.amount).minus(shares.reduce((a, b) => a.plus(b), dec(0)));
      let largest = 0;
      lines.forEach((l, i) => {
        if (
          dec(l.amount)
            .abs()
            .greaterThan(dec(lines[largest]?.amount ?? '0').abs())
        )
          largest = i;
      });
      shares[largest] = (shares[largest] ?? dec(0)).plus(residual);
      lines.forEach((l, i) => add(l.id, shares[i] ?? dec(0)));
      continue;
    }
    const firsts = (t.subscriptionIds ?? []).map((s) => doc.lines.find((l) => l.subscriptionId === s)).filter((l) => l !== undefined);
    if (firsts.length === 0) {
      unattributed = unattributed.plus(t.amount);
      continue;
    }
    const parts = allocate(
      t.amount,
      firsts.map(() => 1),
      decimals,
    );
    firsts.forEach((l, i) => add(l.id, parts[i] ?? dec(0)));
  }
  const out: LineTaxShares = { tax: {}, gross: {}, unattributed: unattributed.isZero() ? null : formatFixed(unattributed, decimals) };
  for (const l of doc.lines) {
    const t = tax.get(l.id) ?? dec(0);
    out.tax[l.id] = formatFixed(t, decimals);
    out.gross[l.id] = formatFixed(dec(l.amount).plus(t), decimals);
  }
  return out;
}
