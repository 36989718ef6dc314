import { BillingError } from '../errors.ts';
import { parseCamt } from './parse-camt.ts';
import { parsePaymentCsv } from './parse-payment-csv.ts';
import type { PaymentSource } from './payment.types.ts';
import type { ParsedStatementFile } from './statement-entry.types.ts';

/** The formats a file can be imported as. */
export const IMPORT_FORMATS = ['camt.053', 'camt.054', 'csv'] as const satisfies readonly PaymentSource[];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Guesses a file's format from its content: the camt message's root element, or CSV. */
export function detectPaymentFormat(text: string): ImportFormat {
  const head = text.slice(0, 4000);
  if (/<(\w+:)?BkToCstmrStmt[\s>]/.test(head)) return 'camt.053';
  if (/<(\w+:)?BkToCstmrDbtCdtNtfctn[\s>]/.test(head)) return 'camt.054';
  if (head.trimStart().startsWith('<')) throw new BillingError('UNSUPPORTED_FORMAT', 'an XML file that is neither camt.053 (BkToCstmrStmt) nor camt.054 (BkToCstmrDbtCdtNtfctn)');
  return 'csv';
}

/** Parses a payments file in the given format (or the detected one). */
export function parsePaymentFile(text: string, format: ImportFormat = detectPaymentFormat(text)): ParsedStatementFile {
  return format === 'csv' ? parsePaymentCsv(text) : parseCamt(text, format);
}
