import type { EarlierPeriodUsage } from '../tools/invoice/messages/usage-change.ts';
import { addMonths } from '../tools/time/index.ts';
import type { Store } from './open-database.ts';
import { prepared } from './prepared.ts';

// SQLite's JSON functions pick the usage lines out of each stored document, so the documents'
// provenance (every event id of every line) is never parsed in JavaScript. The left join keeps an
// invoice without usage lines: a period billed with no usage counts as zero usage, not as missing.
const EARLIER_USAGE_SQL = `
  select i.period as period,
         json_extract(l.value, '$.subscriptionId') as subscriptionId,
         json_extract(l.value, '$.unitCode') as unitCode,
         json_extract(l.value, '$.quantity') as quantity
  from invoices i
  left join json_each(i.document_json, '$.lines') l on json_extract(l.value, '$.section') = 'usage'
  where i.account_id = ? and i.kind = 'invoice' and i.period >= ? and i.period < ?
    and i.status in ('issued', 'paid', 'overdue')
  order by i.period, l.id`;

// The same on PostgreSQL, with its JSON operators.
const EARLIER_USAGE_POSTGRES = `
  select i.period as period,
         l.value ->> 'subscriptionId' as subscriptionId,
         l.value ->> 'unitCode' as unitCode,
         l.value ->> 'quantity' as quantity
  from invoices i
  left join lateral jsonb_array_elements(i.document_json::jsonb -> 'lines') with ordinality as l(value, id) on l.value ->> 'section' = 'usage'
  where i.account_id = ? and i.kind = 'invoice' and i.period >= ? and i.period < ?
    and i.status in ('issued', 'paid', 'overdue')
  order by i.period, l.id`;

type Row = { period: string; subscriptionId: string | null; unitCode: string | null; quantity: string | null };

/**
 * The usage lines of an account's issued invoices for the `count` periods before `period` (the
 * usage insights' history, as the bill-shock history counts only issued invoices): one entry per
 * period that has one, oldest first.
 */
export function earlierPeriodUsage(store: Store, accountId: string, period: string, count = 3): EarlierPeriodUsage[] {
  const q = prepared(store, 'earlier-period-usage', () => store.sqlite.prepare<[string, string, string], Row>(store.dialect === 'postgres' ? EARLIER_USAGE_POSTGRES : EARLIER_USAGE_SQL));
  const out = new Map<string, EarlierPeriodUsage>();
  for (const r of q.all(accountId, addMonths(period, -count), period)) {
    const entry = out.get(r.period) ?? { period: r.period, lines: [] };
    out.set(r.period, entry);
    if (r.unitCode !== null && r.quantity !== null) entry.lines.push({ subscriptionId: r.subscriptionId, unitCode: r.unitCode, quantity: r.quantity });
  }
  return [...out.values()];
}
