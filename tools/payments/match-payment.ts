import { dec } from '../money/index.ts';
import { allocatePayment, oldestFirst, type OpenInvoice, type PaymentAllocationPlan } from './allocate-payment.ts';
import { creditorReferenceOf, normalizeCreditorReference } from './creditor-reference.ts';
import { findInvoiceNumbers, indexInvoiceNumbers, type InvoiceNumberIndex } from './find-invoice-numbers.ts';
import type { MatchMethod, PaymentState } from './payment.types.ts';
import type { StatementEntry } from './statement-entry.types.ts';

/**
 * What matching knows of a tenant: its invoices (every numbered one, with what is still open on
 * it) and the payers seen on each account (IBANs and names of earlier matched payments, and the
 * account holder's own name). Matching updates `outstanding` as it allocates, so the entries of
 * one file see each other's effect.
 */
export interface MatchingBook {
  invoices: Map<number, OpenInvoice>;
  byReference: Map<string, OpenInvoice>;
  numbers: InvoiceNumberIndex;
  /** Each account's invoices, oldest first. */
  byAccount: Map<string, OpenInvoice[]>;
  /** Payer key (iban:..., name:...) -> the accounts it was seen on. */
  payers: Map<string, Set<string>>;
}

/** A payer's keys: its IBAN and its name reduced to letters in upper case ("J. Smith" and "J SMITH" read alike). */
export function payerKeys(p: { payerName: string | null; payerIban: string | null }): string[] {
  const keys: string[] = [];
  if (p.payerIban) keys.push(`iban:${p.payerIban.replace(/\s+/g, '').toUpperCase()}`);
  const name = p.payerName?.toUpperCase().replace(/[^A-Z]/g, '');
  if (name && name.length >= 3) keys.push(`name:${name}`);
  return keys;
}

/** Builds the book from the tenant's invoices and the payers known per account. */
export function createMatchingBook(invoices: readonly OpenInvoice[], knownPayers: ReadonlyArray<{ accountId: string; payerName: string | null; payerIban: string | null }>): MatchingBook {
  const byReference = new Map<string, OpenInvoice>();
  const map = new Map<number, OpenInvoice>();
  for (const inv of invoices) {
    const copy = { ...inv };
    map.set(inv.id, copy);
    const ref = inv.number ? creditorReferenceOf(inv.number) : null;
    if (ref) byReference.set(ref, copy);
  }
  const byAccount = new Map<string, OpenInvoice[]>();
  for (const inv of [...map.values()].sort(oldestFirst)) byAccount.set(inv.accountId, [...(byAccount.get(inv.accountId) ?? []), inv]);
  const book: MatchingBook = { invoices: map, byReference, numbers: indexInvoiceNumbers([...map.values()]), byAccount, payers: new Map() };
  for (const p of knownPayers) rememberPayer(book, p.accountId, p);
  return book;
}

/** Records that a payer paid for an account (after a match), so later entries can be matched by amount and payer. */
export function rememberPayer(book: MatchingBook, accountId: string, p: { payerName: string | null; payerIban: string | null }): void {
  for (const k of payerKeys(p)) {
    const set = book.payers.get(k) ?? new Set<string>();
    set.add(accountId);
    book.payers.set(k, set);
  }
}

/** A match: the account, how it was found, and the invoices it names first (the rest of the account's open ones follow oldest first). */
export interface PaymentMatch {
  accountId: string;
  method: MatchMethod;
  invoiceIds: number[];
  /** True when the invoice number was read with one typo. */
  typo?: boolean;
}

const open = (inv: OpenInvoice) => dec(inv.outstanding).gt(0);

/** The RF reference of an entry: its structured reference, else one written in the remittance text. */
function referenceOf(entry: Pick<StatementEntry, 'creditorReference' | 'remittance'>): string | null {
  const structured = entry.creditorReference ? normalizeCreditorReference(entry.creditorReference) : null;
  if (structured) return structured;
  const inText = entry.remittance?.toUpperCase().match(/RF\d{2}(?:\s?[A-Z0-9]{1,4}){1,6}/g) ?? [];
  for (const m of inText) {
    const ref = normalizeCreditorReference(m);
    if (ref) return ref;
  }
  return null;
}

/**
 * Finds the account (and invoices) a payment is for, trying in order: the RF creditor reference;
 * the invoice numbers in the remittance text (one account only); then the amount equal to one open
 * invoice or to the account's whole open balance, on exactly one account that has seen this payer
 * before. Null when none is sure: the entry is held for a person.
 */
export function matchPayment(entry: Pick<StatementEntry, 'creditorReference' | 'remittance' | 'amount' | 'currency' | 'payerName' | 'payerIban'>, book: MatchingBook): PaymentMatch | null {
  const ref = referenceOf(entry);
  const byRef = ref ? book.byReference.get(ref) : undefined;
  if (byRef) return { accountId: byRef.accountId, method: 'creditor_reference', invoiceIds: [byRef.id] };
  const named = findInvoiceNumbers(entry.remittance, book.numbers);
  const accounts = new Set(named.invoices.map((i) => i.accountId));
  if (accounts.size === 1) return { accountId: named.invoices[0]!.accountId, method: 'invoice_number', invoiceIds: named.invoices.map((i) => i.id), ...(named.typo ? { typo: true } : {}) };
  const seenOn = new Set(payerKeys(entry).flatMap((k) => [...(book.payers.get(k) ?? [])]));
  if (!seenOn.size) return null;
  const amount = dec(entry.amount);
  const fits: PaymentMatch[] = [];
  for (const accountId of seenOn) {
    const invoices = (book.byAccount.get(accountId) ?? []).filter((i) => i.currency === entry.currency && open(i));
    const one = invoices.find((i) => dec(i.outstanding).eq(amount));
    const all = invoices.reduce((s, i) => s.plus(dec(i.outstanding)), dec(0));
    if (one) fits.push({ accountId, method: 'amount_payer', invoiceIds: [one.id] });
    else if (invoices.length && all.eq(amount)) fits.push({ accountId, method: 'amount_payer', invoiceIds: invoices.map((i) => i.id) });
  }
  return fits.length === 1 ? fits[0]! : null;
}

/** The order a matched payment settles an account's invoices in: the ones it names, then the other open ones oldest first. */
export function settlementOrder(book: MatchingBook, accountId: string, named: readonly number[]): OpenInvoice[] {
  const first = named.map((id) => book.invoices.get(id)).filter((i): i is OpenInvoice => i !== undefined);
  const rest = (book.byAccount.get(accountId) ?? []).filter((i) => !named.includes(i.id));
  return [...first, ...rest];
}

/**
 * Plans what a matched payment settles (exact to the minor unit) and the state it ends in:
 * `partly_matched` when an invoice it paid into keeps a rest open (an underpayment), else
 * `matched` (an overpayment's excess becomes account credit). Updates the book's open amounts.
 */
export function settlePayment(
  book: MatchingBook,
  match: Pick<PaymentMatch, 'accountId' | 'invoiceIds'>,
  amount: string,
  currency: string,
): { plan: PaymentAllocationPlan; state: Extract<PaymentState, 'matched' | 'partly_matched'> } {
  const plan = allocatePayment(amount, currency, settlementOrder(book, match.accountId, match.invoiceIds));
  applyAllocations(book, plan.allocations);
  return { plan, state: plan.leftOpen.length ? 'partly_matched' : 'matched' };
}

/** Applies allocations (positive settle, negative reopen) to the book's open amounts. */
export function applyAllocations(book: MatchingBook, allocations: ReadonlyArray<{ invoiceId: number; amount: string }>): void {
  for (const a of allocations) {
    const inv = book.invoices.get(a.invoiceId);
    if (inv) inv.outstanding = dec(inv.outstanding).minus(dec(a.amount)).toString();
  }
}
