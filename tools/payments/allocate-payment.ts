import { dec, minorUnits } from '../money/index.ts';

/** An invoice a payment may settle: what is still open on it, in its currency. */
export interface OpenInvoice {
  id: number;
  number: string | null;
  accountId: string;
  currency: string;
  /** Issue date (YYYY-MM-DD) or null for one never issued; the order "oldest first" is by this, then id. */
  issueDate: string | null;
  /** What is left to pay (total less every allocation), a decimal string; 0 or less is settled. */
  outstanding: string;
}

/** What a payment does: the part it settles of each invoice, what is left over (account credit), and which invoices stay open. */
export interface PaymentAllocationPlan {
  allocations: Array<{ invoiceId: number; amount: string; settles: boolean }>;
  /** The amount no invoice took (an overpayment: account credit), on the currency's minor unit. */
  excess: string;
  /** Invoices given part of the payment that still have a rest open (an underpayment). */
  leftOpen: number[];
}

/** Oldest first: by issue date, then id (a never-issued document last). */
export function oldestFirst(a: OpenInvoice, b: OpenInvoice): number {
  const da = a.issueDate ?? '9999-12-31';
  const db = b.issueDate ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.id - b.id;
}

/**
 * Spreads a payment over invoices in the order given (the referenced ones first, then the rest
 * oldest first, as the matcher orders them), each taking at most what is open on it, exact to the
 * minor unit; what no invoice takes is the excess. Invoices in another currency take nothing.
 */
export function allocatePayment(amount: string, currency: string, invoices: readonly OpenInvoice[]): PaymentAllocationPlan {
  const places = minorUnits(currency);
  let left = dec(amount);
  const allocations: PaymentAllocationPlan['allocations'] = [];
  const leftOpen: number[] = [];
  for (const inv of invoices) {
    if (left.lte(0)) break;
    if (inv.currency !== currency) continue;
    const open = dec(inv.outstanding);
    if (open.lte(0)) continue;
    const take = left.lt(open) ? left : open;
    allocations.push({ invoiceId: inv.id, amount: take.toFixed(places), settles: take.eq(open) });
    if (!take.eq(open)) leftOpen.push(inv.id);
    left = left.minus(take);
  }
  return { allocations, excess: left.toFixed(places), leftOpen };
}

/** How much of an account's credit balance a new invoice takes: the smaller of the two, never below zero. */
export function creditToApply(balance: string, outstanding: string, currency: string): string {
  const b = dec(balance);
  const o = dec(outstanding);
  const take = b.lte(0) || o.lte(0) ? dec(0) : b.lt(o) ? b : o;
  return take.toFixed(minorUnits(currency));
}

/** What is still open on an invoice: its total less what was paid (net of returns) and what credit notes took off. */
export function openAmount(total: string, paid: string, credited: readonly string[] = []): string {
  return credited.reduce((s, c) => s.plus(dec(c)), dec(total).minus(dec(paid))).toString();
}
