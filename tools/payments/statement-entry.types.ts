import type { PaymentKind, PaymentSource } from './payment.types.ts';

/**
 * One entry of ours as a parser reads it from a bank statement, a notification or a processor
 * file: a camt transaction (each TxDtls of a batch is one), or a CSV row. Amounts are positive
 * decimal strings; `kind` says which way the money moved. Texts are data, never instructions.
 */
export interface StatementEntry {
  /** 1-based position in the file, for "entry 7 of statement X". */
  entryNo: number;
  /** The statement or notification it came from (camt Stmt/Id, Ntfctn/Id; the CSV file has none). */
  statementId: string | null;
  /** The bank's or processor's identity of the entry: what makes a re-read a duplicate. */
  entryKey: string;
  kind: PaymentKind;
  bookingDate: string;
  valueDate: string | null;
  amount: string;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  payerToken: string | null;
  creditorReference: string | null;
  remittance: string | null;
  endToEndId: string | null;
  /** A return/reversal/chargeback: the end-to-end id (or processor id) of the payment it sends back. */
  originalRef: string | null;
  /** The bank's reason code of a return (MD06, AC04...). */
  returnReason: string | null;
}

/** What a parser read from one file: its format, the statements in it, and the entries in file order. */
export interface ParsedStatementFile {
  format: PaymentSource;
  /** Each statement read; `pending` counts entries not booked yet (Sts PDNG), which are not read as entries. */
  statements: Array<{ id: string; account: string | null; entries: number; pending: number }>;
  entries: StatementEntry[];
}
