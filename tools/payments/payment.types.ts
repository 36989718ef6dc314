import { z } from 'zod';

/**
 * Payments in (docs/payments.md): every bank or processor entry is stored once as a `payment` row
 * and ends in exactly one state; what it settles is recorded as allocations against invoices, and
 * what it settles beyond them as account credit. Amounts are decimal strings on the currency's
 * minor unit, never floats.
 */

/** Where an entry came from: a bank statement (camt.053), a debit/credit notification (camt.054), a processor CSV, or a person. */
export const PAYMENT_SOURCES = ['camt.053', 'camt.054', 'csv', 'manual'] as const;
export const paymentSourceSchema = z.enum(PAYMENT_SOURCES);
export type PaymentSource = z.infer<typeof paymentSourceSchema>;

/**
 * What an entry is: money in (`payment`), money sent back by the bank or the customer's bank
 * (`return` of a direct debit, `reversal` of a booking, `chargeback` of a card payment), or money
 * the operator paid out (`refund`, only ever posted from an approved proposal).
 */
export const PAYMENT_KINDS = ['payment', 'return', 'reversal', 'chargeback', 'refund'] as const;
export const paymentKindSchema = z.enum(PAYMENT_KINDS);
export type PaymentKind = z.infer<typeof paymentKindSchema>;

/**
 * The one state each entry ends in. Entries read = matched + partly_matched + unmatched +
 * duplicate + returned. `returned` is the state of a return/reversal/chargeback entry itself (the
 * payment it sends back keeps its own state and records `returnedBy`).
 */
export const PAYMENT_STATES = ['matched', 'partly_matched', 'unmatched', 'duplicate', 'returned'] as const;
export const paymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof paymentStateSchema>;

/** How an entry was matched, in the order matching tries them; `manual` is a person's match. */
export const MATCH_METHODS = ['creditor_reference', 'invoice_number', 'amount_payer', 'manual'] as const;
export const matchMethodSchema = z.enum(MATCH_METHODS);
export type MatchMethod = z.infer<typeof matchMethodSchema>;

/**
 * What settles an invoice: a payment, account credit applied to it, a written-off remainder
 * (approved proposal), or a return taking a payment's allocation back (a negative amount).
 */
export const ALLOCATION_KINDS = ['payment', 'credit', 'write_off', 'return'] as const;
export const allocationKindSchema = z.enum(ALLOCATION_KINDS);
export type AllocationKind = z.infer<typeof allocationKindSchema>;

/**
 * Why an account's credit balance moved: an overpayment (+), credit applied to an invoice (-), a
 * refund paid out (-), or a return of a payment whose excess had become credit (-).
 */
export const CREDIT_REASONS = ['overpayment', 'applied', 'refund', 'return'] as const;
export const creditReasonSchema = z.enum(CREDIT_REASONS);
export type CreditReason = z.infer<typeof creditReasonSchema>;
