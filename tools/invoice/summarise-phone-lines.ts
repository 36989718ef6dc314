import type { Subscription } from '../catalog/account.types.ts';
import { type Decimal, minorUnits, ZERO } from '../money/index.ts';
import type { CostCentreSummary, InvoiceDocument, InvoiceLine, PhoneLineSummary } from './invoice.types.ts';

/** What the summaries need to know of a subscription: its number, its name and its cost centre. */
export type LineParty = Pick<Subscription, 'id' | 'msisdn'> & Partial<Pick<Subscription, 'label' | 'costCentre'>>;

/**
 * The invoice lines' amounts per phone line, in the order the lines first appear (assembly's print
 * order), the account-level charges (no subscription) last; label and cost centre from the
 * subscriptions when known. Exact decimals: the rows add up to the sum of the lines.
 */
export function summarisePhoneLines(lines: readonly InvoiceLine[], parties: readonly LineParty[], currency: string): PhoneLineSummary[] {
  const decimals = minorUnits(currency);
  const byId = new Map(parties.map((p) => [p.id, p]));
  const groups = new Map<string | null, { msisdn: string | null; charges: number; amount: Decimal }>();
  for (const line of lines) {
    const key = line.subscriptionId;
    const group = groups.get(key);
    if (group) {
      group.charges += 1;
      group.amount = group.amount.plus(line.amount);
    } else groups.set(key, { msisdn: line.msisdn, charges: 1, amount: ZERO.plus(line.amount) });
  }
  const rows: PhoneLineSummary[] = [];
  for (const [subscriptionId, group] of groups) {
    const party = subscriptionId === null ? undefined : byId.get(subscriptionId);
    rows.push({
      subscriptionId,
      msisdn: group.msisdn ?? (party ? `+${party.msisdn}` : null),
      label: party?.label ?? null,
      costCentre: party?.costCentre ?? null,
      charges: group.charges,
      amount: group.amount.toFixed(decimals),
    });
  }
  // Account-level charges close the list: they belong to no line.
  return [...rows.filter((r) => r.subscriptionId !== null), ...rows.filter((r) => r.subscriptionId === null)];
}

/**
 * The phone-line rows summed per cost centre, named cost centres in alphabetical order, then the
 * rest (lines without a cost centre and the account-level charges) under null.
 */
export function summariseCostCentres(rows: readonly PhoneLineSummary[], currency: string): CostCentreSummary[] {
  const decimals = minorUnits(currency);
  const groups = new Map<string | null, { phoneLines: number; amount: Decimal }>();
  for (const row of rows) {
    const group = groups.get(row.costCentre) ?? { phoneLines: 0, amount: ZERO };
    group.phoneLines += row.subscriptionId === null ? 0 : 1;
    group.amount = group.amount.plus(row.amount);
    groups.set(row.costCentre, group);
  }
  const named = [...groups.keys()].filter((k): k is string => k !== null).sort((a, b) => a.localeCompare(b));
  const order = [...named, ...(groups.has(null) ? [null] : [])];
  return order.map((costCentre) => {
    const group = groups.get(costCentre) as { phoneLines: number; amount: Decimal };
    return { costCentre, phoneLines: group.phoneLines, amount: group.amount.toFixed(decimals) };
  });
}

/** The document with its per-line and per-cost-centre summaries, derived from the lines when it was stored without them. */
export function withPhoneLineSummaries(doc: InvoiceDocument): InvoiceDocument {
  if (doc.phoneLines.length > 0 || doc.lines.length === 0) return doc;
  const phoneLines = summarisePhoneLines(doc.lines, [], doc.currency);
  return { ...doc, phoneLines, costCentres: summariseCostCentres(phoneLines, doc.currency) };
}
