import { BillingError } from '../errors.ts';
import type { InvoiceDocument, InvoiceLine } from '../invoice/invoice.types.ts';
import { dec, ZERO } from '../money/index.ts';
import { lineExplanationSchema, type ExplainedEvent, type LineExplanation } from './audit.types.ts';
import { formatAmount } from './format-amount.ts';

/** Events largest charge first; ties by id, so the same document always lists the same events. */
function byChargedDescending(a: ExplainedEvent, b: ExplainedEvent): number {
  return dec(b.charged).comparedTo(dec(a.charged)) || a.id - b.id;
}

/** Builds one line's explanation, listing at most `maxEvents` events (all when undefined). */
export function buildLineExplanation(line: InvoiceLine, currency: string, maxEvents?: number): LineExplanation {
  const events = line.provenance.usageEvents.map((e) => ({ ...e }));
  const ratedExact = events.reduce((s, e) => s.plus(e.rated), ZERO);
  const chargedExact = events.reduce((s, e) => s.plus(e.charged), ZERO);
  const sorted = [...events].sort(byChargedDescending);
  const shown = maxEvents === undefined ? sorted : sorted.slice(0, Math.max(0, maxEvents));
  // Only usage lines are the rounded sum of their events; promotion lines copy their target's
  // events while crediting part of them, so a comparison there would be meaningless.
  const built = line.section === 'usage' && events.length > 0;
  return {
    id: line.id,
    section: line.section,
    description: line.description,
    subscriptionId: line.subscriptionId,
    msisdn: line.msisdn,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    amount: line.amount,
    taxClass: line.taxClass,
    taxCategory: { ...line.taxCategory },
    servicePeriod: { ...line.servicePeriod },
    calculation: line.provenance.calculation,
    catalogItems: [...line.provenance.catalogItems],
    tariffRows: [...line.provenance.tariffRows],
    eventCount: events.length,
    eventTotals: {
      rated: formatAmount(ratedExact, currency),
      charged: formatAmount(chargedExact, currency),
      ratedExact: ratedExact.toString(),
      chargedExact: chargedExact.toString(),
    },
    eventsMatchAmount: built ? dec(formatAmount(chargedExact, currency)).equals(line.amount) : null,
    events: shown,
    eventsOmitted: events.length - shown.length,
  };
}

/** Explains one line of an invoice with every usage event it charges; NOT_FOUND when the document has no such line. */
export function explainInvoiceLine(doc: InvoiceDocument, lineId: string): LineExplanation {
  const line = doc.lines.find((l) => l.id === lineId);
  if (!line) {
    throw new BillingError('NOT_FOUND', `invoice ${doc.number ?? '(draft)'} has no line "${lineId}"`, { lineId, lines: doc.lines.length });
  }
  return lineExplanationSchema.parse(buildLineExplanation(line, doc.currency));
}
