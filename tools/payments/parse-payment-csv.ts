import { isCsvSplitFailure, splitCsvLine } from '../cdr/split-csv-line.ts';
import { BillingError } from '../errors.ts';
import { dec, minorUnits } from '../money/index.ts';
import type { PaymentKind } from './payment.types.ts';
import type { ParsedStatementFile, StatementEntry } from './statement-entry.types.ts';

/** The columns of the processor CSV (docs/payments.md), in any order; the first five are required. */
export const PAYMENT_CSV_COLUMNS = [
  'transaction_id',
  'date',
  'type',
  'amount',
  'currency',
  'reference',
  'remittance',
  'payer_name',
  'payer_iban',
  'payer_token',
  'original_transaction_id',
  'reason_code',
] as const;
const REQUIRED = PAYMENT_CSV_COLUMNS.slice(0, 5);

/** The `type` column's words and the kind of entry each is. */
const TYPES: Record<string, PaymentKind> = { payment: 'payment', chargeback: 'chargeback', return: 'return', reversal: 'reversal' };

/**
 * Reads the processor CSV of card payments and direct-debit results: a header line naming the
 * columns, then one entry per line. A bad line is refused with its line number and column, so a
 * file is imported whole or not at all.
 */
export function parsePaymentCsv(text: string): ParsedStatementFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  if (isCsvSplitFailure(header)) throw new BillingError('INVALID_INPUT', 'csv line 1: the header is not valid CSV');
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new BillingError('INVALID_INPUT', `csv line 1: the header lacks ${missing.join(', ')} (columns: ${PAYMENT_CSV_COLUMNS.join(',')})`);
  const unknown = names.filter((n) => !(PAYMENT_CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new BillingError('INVALID_INPUT', `csv line 1: unknown column ${unknown.map((u) => `"${u.slice(0, 30)}"`).join(', ')}`);
  const entries: StatementEntry[] = [];
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (line.trim() === '') return;
    const cells = splitCsvLine(line);
    if (isCsvSplitFailure(cells)) throw new BillingError('INVALID_INPUT', `csv line ${lineNo}: not valid CSV (${cells.error.toLowerCase()} in field ${cells.field})`);
    if (cells.length !== names.length) throw new BillingError('INVALID_INPUT', `csv line ${lineNo}: ${cells.length} fields, the header has ${names.length}`);
    const get = (c: (typeof PAYMENT_CSV_COLUMNS)[number]): string | null => {
      const v = cells[names.indexOf(c)]?.trim();
      return v ? v : null;
    };
    const bad = (what: string) => new BillingError('INVALID_INPUT', `csv line ${lineNo}: ${what}`);
    const id = get('transaction_id');
    if (!id) throw bad('transaction_id is empty');
    const date = get('date');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date.slice(0, 10))) throw bad(`date "${date ?? ''}" is not YYYY-MM-DD`);
    const kind = TYPES[(get('type') ?? '').toLowerCase()];
    if (!kind) throw bad(`type "${get('type') ?? ''}" is not one of ${Object.keys(TYPES).join(', ')}`);
    const currency = (get('currency') ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw bad(`currency "${currency}" is not an ISO 4217 code`);
    const raw = get('amount') ?? '';
    if (!/^\d+(\.\d+)?$/.test(raw)) throw bad(`amount "${raw.slice(0, 30)}" is not a positive decimal`);
    const places = raw.includes('.') ? raw.split('.')[1]!.length : 0;
    if (places > minorUnits(currency)) throw bad(`amount ${raw} has more decimals than ${currency} allows`);
    const original = get('original_transaction_id');
    if (kind !== 'payment' && !original) throw bad(`a ${kind} needs original_transaction_id (the payment it sends back)`);
    entries.push({
      entryNo: entries.length + 1,
      statementId: null,
      entryKey: `csv:${id}`,
      kind,
      bookingDate: date.slice(0, 10),
      valueDate: null,
      amount: dec(raw).toFixed(minorUnits(currency)),
      currency,
      payerName: get('payer_name'),
      payerIban: get('payer_iban')?.replace(/\s+/g, '').toUpperCase() ?? null,
      payerToken: get('payer_token'),
      creditorReference: get('reference'),
      remittance: get('remittance'),
      endToEndId: id,
      originalRef: original,
      returnReason: get('reason_code'),
    });
  });
  return { format: 'csv', statements: [], entries };
}
