import type { ChargeLine } from '../charging/charging.types.ts';
import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import type { InvoiceLine } from './invoice.types.ts';

/**
 * The correction lines that bring what was billed (an issued invoice plus every note already
 * issued against it) to what the charges are now: per line id, the difference, so a re-rated call
 * shows up as a change on the line that billed it. Lines that no longer exist are reversed whole.
 * Empty when nothing changed, which is what makes re-rating twice a no-op.
 */
export function buildCorrectionLines(billed: ReadonlyArray<ReadonlyArray<InvoiceLine>>, now: ChargeLine[], currency: string): ChargeLine[] {
  const decimals = minorUnits(currency);
  const billedById = new Map<string, { line: InvoiceLine; amount: Decimal }>();
  for (const doc of billed) {
    for (const l of doc) {
      // Approved waivers and credits are not charges: re-rating leaves them as they were given.
      if (l.id.startsWith('adj:')) continue;
      const id = l.id.replace(/^corr:/, '');
      const prev = billedById.get(id);
      billedById.set(id, { line: prev?.line ?? l, amount: (prev?.amount ?? ZERO).plus(l.amount) });
    }
  }
  const out: ChargeLine[] = [];
  const seen = new Set<string>();
  for (const l of now) {
    seen.add(l.id);
    const was = billedById.get(l.id)?.amount ?? ZERO;
    const diff = dec(l.amount).minus(was);
    if (diff.isZero()) continue;
    out.push({
      ...l,
      id: `corr:${l.id}`,
      description: `Correction: ${l.description}`,
      quantity: '1',
      unitCode: 'C62',
      unit: 'item',
      unitPrice: diff.toFixed(decimals),
      amount: diff.toFixed(decimals),
      provenance: { ...l.provenance, calculation: `billed ${was.toFixed(decimals)}, now ${l.amount} after re-rating: ${diff.toFixed(decimals)}` },
    });
  }
  for (const [id, { line, amount }] of billedById) {
    if (seen.has(id) || amount.isZero()) continue;
    const { taxCategory: _t, taxClass, ...rest } = line;
    out.push({
      ...rest,
      taxClass: taxClass as ChargeLine['taxClass'],
      id: `corr:${id}`,
      description: `Correction: ${line.description} (no longer charged)`,
      quantity: '1',
      unitCode: 'C62',
      unit: 'item',
      unitPrice: amount.negated().toFixed(decimals),
      amount: amount.negated().toFixed(decimals),
      provenance: { ...line.provenance, calculation: `billed ${amount.toFixed(decimals)}, now nothing: reversed` },
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
