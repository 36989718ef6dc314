import type { PaymentKind, PaymentState } from '../payments/payment.types.ts';

/**
 * One `payments` row as the payment-fraud detectors see it: the few facts they need, copied out of
 * the row, with the customer of its account. Amounts stay decimal strings.
 */
export interface PaymentFact {
  id: number;
  kind: PaymentKind;
  state: PaymentState;
  /** The import it was read from (null for a person's record or a refund). */
  importId: number | null;
  /** YYYY-MM-DD. */
  bookingDate: string;
  amount: string;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  payerToken: string | null;
  /** The remittance text as received: data shown as evidence, never instructions. */
  remittance: string | null;
  accountId: string | null;
  /** What of the amount became account credit (an overpayment when > 0). */
  unallocated: string;
  /** A return/reversal/chargeback: the payment it sends back, and the bank's reason code. */
  returnOf: number | null;
  returnReason: string | null;
}

/** Who holds an account: the customer (accounts of one customer are related) and the customer's name. */
export interface AccountHolder {
  customerId: string;
  customerName: string;
}

/** A refund asked for (a refund proposal): where the money would go. */
export interface RefundRequest {
  proposalId: number;
  accountId: string;
  amount: string;
  currency: string;
  /** The destination IBAN, normalised (no spaces, upper case). */
  iban: string;
  /** The destination account holder's name as given. */
  name: string;
  /** YYYY-MM-DD. */
  requestedOn: string;
}

/** What the payment detectors read: the payments of the period scanned, who holds each account, and the refunds asked. */
export interface PaymentFraudInput {
  payments: readonly PaymentFact[];
  holders: ReadonlyMap<string, AccountHolder>;
  refunds: readonly RefundRequest[];
}

/** The instrument a payment came from: its card token, else its IBAN (normalised); null when the entry names neither. */
export function instrumentOf(p: Pick<PaymentFact, 'payerToken' | 'payerIban'>): string | null {
  if (p.payerToken) return `card:${p.payerToken}`;
  if (p.payerIban) return normaliseIban(p.payerIban);
  return null;
}

/** An IBAN as compared: no spaces, upper case. */
export function normaliseIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** Whether a string is an IBAN by ISO 13616: country, check digits, BBAN, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const s = normaliseIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = `${s.slice(4)}${s.slice(0, 4)}`;
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const DAY_MS = 86_400_000;

/** A booking date (YYYY-MM-DD) as the UTC instant of its start. */
export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from one date to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** The first remittance texts of some payments, each cut to 140 characters, for the evidence (shown escaped, never obeyed). */
export function remittanceSample(payments: readonly Pick<PaymentFact, 'remittance'>[]): string {
  const texts = [...new Set(payments.map((p) => p.remittance?.trim()).filter((r): r is string => !!r))].slice(0, 3);
  return texts.map((t) => (t.length > 140 ? `${t.slice(0, 139)}…` : t)).join(' | ') || 'none';
}

/** Kinds of entry that send a payment back. */
export const RETURN_KINDS: ReadonlySet<PaymentKind> = new Set(['return', 'reversal', 'chargeback']);
