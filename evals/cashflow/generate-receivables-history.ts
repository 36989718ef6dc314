import { allocate, dec } from '../../tools/money/index.ts';
import type { CashflowAllocation, CashflowDocument } from '../../tools/cashflow/index.ts';
import { addDays, addMonthsToDate } from '../../tools/time/index.ts';
import { Random } from '../generator/random.ts';

/** How an account pays (known to the generator only: the forecast learns from what it did). */
export const PAYER_PROFILES = ['prompt', 'late', 'erratic', 'defaulter'] as const;
export type PayerProfile = (typeof PAYER_PROFILES)[number];

/** A generated tenant: monthly invoices of every account and the payments allocated to them. */
export interface ReceivablesHistory {
  documents: CashflowDocument[];
  allocations: CashflowAllocation[];
  profiles: Record<string, PayerProfile>;
  /** The last day anything was recorded: payments after it are not in the history. */
  end: string;
}

/**
 * A seeded history of monthly invoices (issued on the 1st, due 14 days later) and their payments
 * for the cash-flow back-test: prompt payers (around the due date), late payers (two to four
 * weeks late), erratic ones (part payments, some invoices never paid) and defaulters (who stop
 * paying after a while). Same seed, same history, on every machine. Stands in until the collections
 * generator (evals/generator/generate-payment-history.ts) is on main.
 */
export function generateReceivablesHistory(options: { seed: number; accounts: number; firstMonth: string; months: number }): ReceivablesHistory {
  const rng = new Random(options.seed);
  const documents: CashflowDocument[] = [];
  const allocations: CashflowAllocation[] = [];
  const profiles: Record<string, PayerProfile> = {};
  const end = addDays(addMonthsToDate(`${options.firstMonth}-01`, options.months), -1);
  let id = 0;
  for (let n = 1; n <= options.accounts; n += 1) {
    const accountId = `H${String(n).padStart(5, '0')}`;
    const r = rng.float();
    const profile: PayerProfile = r < 0.45 ? 'prompt' : r < 0.75 ? 'late' : r < 0.92 ? 'erratic' : 'defaulter';
    profiles[accountId] = profile;
    const median = 25 + rng.float() * 60;
    const stopAfter = profile === 'defaulter' ? rng.int(3, options.months) : options.months + 1;
    const start = rng.int(0, Math.floor(options.months / 2));
    for (let m = start; m < options.months; m += 1) {
      id += 1;
      const issueDate = addMonthsToDate(`${options.firstMonth}-01`, m);
      const dueDate = addDays(issueDate, 14);
      const total = dec(Math.max(5, rng.logNormal(median, 0.25)).toFixed(2));
      documents.push({ id, accountId, number: `H-${String(id).padStart(6, '0')}`, kind: 'invoice', status: 'issued', currency: 'GBP', total: total.toFixed(2), issueDate, dueDate });
      const pay = (delay: number, amount: string) => {
        let date = addDays(dueDate, Math.round(delay));
        // Nobody pays an invoice before it is issued.
        if (date < issueDate) date = issueDate;
        if (date <= end) allocations.push({ invoiceId: id, accountId, kind: 'payment', amount, date });
      };
      if (m - start >= stopAfter) continue;
      if (profile === 'prompt') {
        if (rng.chance(0.03)) pay(30 + rng.int(0, 5), total.toFixed(2));
        else pay(rng.normal() * 3 - 2, total.toFixed(2));
      } else if (profile === 'late' || profile === 'defaulter') {
        pay(rng.logNormal(20, 0.45), total.toFixed(2));
      } else {
        if (rng.chance(0.12)) continue;
        const parts = rng.int(1, 3);
        const amounts = allocate(
          total,
          Array.from({ length: parts }, () => 1),
          2,
        );
        let delay = rng.int(-3, 20);
        for (const a of amounts) {
          pay(delay, a.toFixed(2));
          delay += rng.int(7, 35);
        }
      }
    }
  }
  const paid = new Map<string, ReturnType<typeof dec>>();
  for (const a of allocations) paid.set(String(a.invoiceId), (paid.get(String(a.invoiceId)) ?? dec(0)).plus(a.amount));
  for (const d of documents) if (paid.get(String(d.id))?.equals(d.total)) d.status = 'paid';
  return { documents, allocations, profiles, end };
}
